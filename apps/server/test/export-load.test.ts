// Heavy work does not stall other users (PostgreSQL only: PGlite runs in this process, so the
// database's own work would block the loop being measured). Three 50,000-row Excel exports and
// an import at once, while /api/v1/health is polled: no answer waits on a whole export.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { maskIdNumber } from '@wushe/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_LIMIT } from '../src/http/excel.ts';
import { csvOf, idFor, person } from './import-fixtures.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const ROWS = EXPORT_LIMIT;

describe.runIf(!!process.env.TEST_DATABASE_URL)('exports under load', () => {
  let t: TestApp;
  let huli: Session;
  let sw: Session;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    huli = await t.login('huli');
    sw = await t.login('jiangtou.sw');
    // 50,000 residents in one statement: one sealed ID shared, distinct blind indexes.
    const idCipher = t.services.keys.seal(idFor(1));
    await t.database.owner((db) =>
      db.execute(sql`INSERT INTO residents (id, area_code, name, name_initials, name_grams, id_cipher, id_hash, id_masked, sex,
          birth_date, phone_masked, categories, care_level, registered_on, next_due_on, consent, address)
        SELECT gen_random_uuid(), ${DEMO.jiangtouCommunity}, '测试' || i, 'cs', ARRAY['测试'], ${idCipher}, md5('load-' || i),
          ${maskIdNumber(idFor(1))}, 'female', date '1950-01-01' + (i % 9000), '139****0000', ARRAY['living_alone'], 1 + i % 4,
          date '2026-01-01', date '2026-12-01' + (i % 60), '{"purpose":"社区关爱服务","date":"2026-01-01","givenBy":"测试","byGuardian":false}'::jsonb,
          '江头街道 ' || i || ' 号'
        FROM generate_series(1, ${ROWS}) AS i`),
    );
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 240_000);
  afterAll(() => t?.close());

  const headers = (s = huli) => ({ cookie: s.cookie, 'x-csrf-token': s.actor.csrfToken });

  it('keeps /api/v1/health answering while three large exports and an import run', async () => {
    const pollHealth = async (until: () => boolean, out: number[]) => {
      while (!until()) {
        const at = performance.now();
        const res = await fetch(`${base}/api/v1/health`);
        await res.arrayBuffer();
        out.push(performance.now() - at);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // The machine's own noise (a test run shares its cores): the same polls for 2 s with nothing running.
    const idle: number[] = [];
    const idleUntil = performance.now() + 2000;
    await pollHealth(() => performance.now() > idleUntil, idle);
    const noise = Math.max(...idle);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const exportOne = async () => {
      const res = await fetch(`${base}/api/v1/residents/export?area=${DEMO.jiangtou}`, { headers: headers() });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const importing = fetch(`${base}/api/v1/residents/import?filename=load.csv&mode=valid_rows`, {
      method: 'POST',
      headers: { ...headers(sw), 'content-type': 'text/csv' },
      body: csvOf(Array.from({ length: 2000 }, (_, i) => person(60_000 + i, { 证件号码: idFor(20_000 + i) }))),
    });
    let running = true;
    const work = Promise.all([exportOne(), exportOne(), exportOne(), importing]).finally(() => (running = false));
    const health: number[] = [];
    await pollHealth(() => !running, health);
    const [first, , , imported] = await work;
    loop.disable();
    const slowest = Math.max(...health);
    console.log(`health: ${health.length} polls, max ${slowest.toFixed(1)} ms; event-loop delay max ${(loop.max / 1e6).toFixed(1)} ms`);
    expect(imported.status).toBe(202);
    expect(health.length).toBeGreaterThan(5);
    // Before streaming, one such export held the event loop for 5–7 s and three for ~12 s. The
    // issue's 100 ms figure is measured in `npm run bench -- load` (server in its own process);
    // here the clients share the server's process and heap, so this bound only guards that no
    // answer waits on a whole export.
    expect(slowest).toBeLessThan(1000 + noise);
    // The streamed workbook is whole: a header row and every resident.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('服务对象');
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^导出人：/); // the stamp row
    expect(ws.getRow(2).getCell(1).value).toBe('姓名');
    expect(ws.rowCount).toBe(ROWS + 2);
  }, 180_000);
});
