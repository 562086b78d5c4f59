// The import on the job queue: a job whose instance died (stale heartbeat) goes back to the
// queue and is finished here without writing a row twice; a worker that lost its lease writes
// nothing, in either mode; a shutdown hands a running job back.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../src/modules/residents/import/import.job.ts';
import { runImport, type ImportCtx } from '../src/modules/residents/import/import.run.ts';
import { LeaseLost } from '../src/modules/residents/import/import.lease.repo.ts';
import { reclaimStaleImports } from '../src/modules/residents/import/import.worker.ts';
import { buildApp } from '../src/app.ts';
import { scopedDb } from '../src/context.ts';
import { assembleServices } from '../src/services.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';
import { csvOf, idFor, importFile, person, residentCount, upload, waitForJob } from './import-fixtures.ts';

let t: TestApp;
let sw: Session;

beforeAll(async () => {
  // No shutdown grace: the last test closes the app while an import runs.
  t = await startTestApp({ jobs: { staleSeconds: 30, importAttempts: 3, shutdownGraceSeconds: 0 } }, { residents: 0 });
  sw = await t.login('jiangtou.sw');
}, 120_000);
afterAll(() => t?.close());

const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);
const csv = (ids: number[]) => Buffer.from(csvOf(ids.map((i) => person(i))), 'utf8');
const SCOPE = '350206004';

/** A job as another instance left it: leased, its heartbeat long stale, the file stored. */
async function jobOfDeadInstance(id: string, file: Buffer, mode: string, attempts: number) {
  await owner(sql`INSERT INTO import_jobs (id, area_code, created_by, filename, file_hash, mode, status, total_rows, processed_rows,
      lease_token, heartbeat_at, worker, attempts, context)
    VALUES (${id}, '350206004000', ${sw.actor.id}, '中断.csv', 'x', ${mode}, 'importing', 0, 0,
      '01900000-0000-7000-8000-00000000dead', now() - interval '10 minutes', 'gone:1', ${attempts},
      ${JSON.stringify({ scope: SCOPE, lang: 'zh-CN', ip: '127.0.0.1', username: 'jiangtou.sw' })}::jsonb)`);
  await owner(sql`INSERT INTO import_files (job_id, area_code, content) VALUES (${id}, '350206004000', ${file})`);
}

/** How many residents hold these ID numbers (the stored mask: 3 digits, 11 stars, the last 4). */
const idCount = async (ids: number[]) => {
  const masks = ids.map((i) => idFor(i).slice(0, 3) + '*'.repeat(11) + idFor(i).slice(-4));
  const [r] = await owner<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM residents WHERE id_masked = ANY(string_to_array(${masks.join(',')}, ','))`,
  );
  return r!.n;
};

describe('a job whose instance died', () => {
  it('goes back to the queue and is finished here; rows written before are not written twice', async () => {
    // The dead instance had committed the first slice's rows (0–9) of a valid-rows import.
    const first = await importFile(t, sw, csv(range(0, 10)), '前半.csv', 'valid_rows');
    expect(first).toMatchObject({ status: 'done', accepted: 10 });
    const before = await residentCount(t);
    const id = '01900000-0000-7000-8000-0000000a0001';
    await jobOfDeadInstance(id, csv(range(0, 25)), 'valid_rows', 1);

    const reclaimed = await reclaimStaleImports(t.database, t.services.jobs, t.app.log);
    expect(reclaimed).toEqual([{ id, status: 'queued', queueJobId: null }]);
    const job = await waitForJob(sw, id, 60_000);
    expect(job).toMatchObject({ status: 'done', totalRows: 25, processedRows: 25, accepted: 15, unchanged: 10, rejected: 0, error: null });
    expect(await residentCount(t)).toBe(before + 15);
    expect(await idCount(range(0, 25))).toBe(25);
    const [row] = await owner<{ attempts: number; lease_token: string | null; files: number }>(
      sql`SELECT attempts, lease_token, (SELECT count(*)::int FROM import_files WHERE job_id = ${id}) AS files FROM import_jobs WHERE id = ${id}`,
    );
    expect(row).toEqual({ attempts: 2, lease_token: null, files: 0 }); // the file goes when the job ends
  });

  it('an all-or-nothing job is re-run whole', async () => {
    const before = await residentCount(t);
    const id = '01900000-0000-7000-8000-0000000a0002';
    await jobOfDeadInstance(id, csv(range(100, 12)), 'all_or_nothing', 2);
    expect(await reclaimStaleImports(t.database, t.services.jobs, t.app.log)).toEqual([{ id, status: 'queued', queueJobId: null }]);
    expect(await waitForJob(sw, id, 60_000)).toMatchObject({ status: 'done', accepted: 12, rejected: 0 });
    expect(await residentCount(t)).toBe(before + 12);
  });

  it('a live heartbeat is left alone', async () => {
    const id = '01900000-0000-7000-8000-0000000a0003';
    await jobOfDeadInstance(id, csv(range(200, 3)), 'valid_rows', 1);
    await owner(sql`UPDATE import_jobs SET heartbeat_at = now() WHERE id = ${id}`);
    expect(await reclaimStaleImports(t.database, t.services.jobs, t.app.log)).toEqual([]);
    const [row] = await owner<{ status: string; worker: string }>(sql`SELECT status, worker FROM import_jobs WHERE id = ${id}`);
    expect(row).toEqual({ status: 'importing', worker: 'gone:1' });
  });
});

describe('a worker that lost its lease', () => {
  const ctx = (): ImportCtx => ({
    db: scopedDb(t.database, SCOPE),
    scope: SCOPE,
    lang: 'zh-CN',
    ip: '127.0.0.1',
    log: t.app.log,
    now: new Date(),
    keys: t.services.keys,
    actor: { id: sw.actor.id, username: 'jiangtou.sw', area: { code: '350206004000' } },
    mayAssign: false,
  });

  for (const [mode, n] of [
    ['valid_rows', 300],
    ['all_or_nothing', 310],
  ] as const) {
    it(`writes nothing (${mode})`, async () => {
      const id = `01900000-0000-7000-8000-0000000b0${n}`;
      const file = csv(range(n, 8));
      await jobOfDeadInstance(id, file, mode, 1); // the lease now belongs to "…dead"
      const before = await residentCount(t);
      const { data, index } = await readRows(ctx(), 'csv', file);
      const stale = { token: '01900000-0000-7000-8000-00000000a1a1', lost: false, handBack: false };
      await expect(runImport(ctx(), id, { filename: '中断.csv', mode }, data, index, stale)).rejects.toBeInstanceOf(LeaseLost);
      expect(await residentCount(t)).toBe(before);
      expect(await idCount(range(n, 8))).toBe(0);
      // The stale worker neither finished nor failed the job; this app's watchdog may meanwhile
      // have given the dead instance's job back to the queue.
      const [row] = await owner<{ status: string }>(sql`SELECT status FROM import_jobs WHERE id = ${id}`);
      expect(['importing', 'queued']).toContain(row!.status);
    });
  }
});

// Last in the file: it closes the app (afterAll then closes the database).
describe('shutdown', () => {
  it('hands a running import back to the queue; the next instance finishes it', async () => {
    const N = 12_000;
    const res = await upload(t, sw, csv(range(1000, N)), '停机.csv', 'valid_rows');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    const row = async () => {
      const [r] = await owner<{
        status: string;
        processed: number;
        lease: string | null;
        attempts: number;
        accepted: number;
        unchanged: number;
      }>(
        sql`SELECT status, processed_rows AS processed, lease_token AS lease, attempts, accepted, unchanged FROM import_jobs WHERE id = ${id}`,
      );
      return r!;
    };
    for (let i = 0; (await row()).processed === 0; i++) {
      if (i > 1200) throw new Error('the import never started');
      await new Promise((r) => setTimeout(r, 50));
    }
    await t.app.close(); // stops taking jobs; with no grace the running import gives its job back at the next slice
    const back = await row();
    expect(back).toMatchObject({ status: 'queued', lease: null, attempts: 0 });
    expect(back.processed).toBeGreaterThan(0);
    expect(back.processed).toBeLessThan(N);

    // Another instance on the same database takes it from the queue.
    const next = await buildApp(await assembleServices(t.services.config, t.database, t.services.keys));
    try {
      let done = await row();
      for (const end = Date.now() + 90_000; done.status !== 'done' && Date.now() < end; done = await row()) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(done).toMatchObject({ status: 'done', processed: N, attempts: 1, lease: null });
      expect(done.accepted + done.unchanged).toBe(N);
      expect(done.unchanged).toBe(back.processed); // what the first run committed, found already written
    } finally {
      await next.close();
    }
  }, 180_000);
});
