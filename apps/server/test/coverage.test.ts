// Coverage (覆盖率) arithmetic on a small constructed register: one resident per care level with
// contacts just inside and just outside their windows on a month-end date, child rows, a past
// date (from contacts) against today (from last_contact_on), Excel export and the scope rules.
import { addDays, addMonths, shanghaiToday } from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, placeContact } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const A = '350206004001';
const B = '350206004002';
const C = '350206004003';
const E = '350206004005';
const D = '2026-03-31'; // windows: L1 from 03-25, L2 from 03-18, L3 from 03-01 (Feb clamps), L4 from 01-01

interface Cell {
  code: string;
  registered: number;
  covered: number;
  overdue: number;
  rate: number;
}

describe('coverage API', () => {
  let t: TestApp;
  let sw: Session;
  let huli: Session;
  let volunteer: Session;
  const today = shanghaiToday(new Date());
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 }); // a constructed register: no demo residents
    [sw, huli, volunteer] = await Promise.all(['jiangtou.sw', 'huli', 'volunteer.demo'].map((u) => t.login(u)));
    const reg = '2025-10-01';
    const placed = async (areaCode: string, careLevel: 1 | 2 | 3 | 4, days: string[], registeredOn = reg) => {
      const r = await createResident(t, { areaCode, careLevel, registeredOn });
      for (const d of days) await placeContact(t, r.id, areaCode, d);
    };
    await placed(A, 1, ['2026-03-10', '2026-03-25']); // just inside
    await placed(A, 2, ['2026-03-17']); // one day outside
    await placed(A, 3, ['2026-03-01', '2026-04-02']); // inside; the later one is after the date
    await placed(A, 4, ['2025-12-31']); // one day outside
    await placed(B, 3, ['2026-02-28']); // outside: the month window starts on 03-01
    await placed(B, 4, ['2026-03-30'], '2026-04-05'); // registered after the date
    await placed(B, 1, []); // never contacted
    await placed('350206005013', 1, ['2026-03-30']); // 金山
    // Community E: care levels changed in May; on the date the old level's window applies.
    const changed = async (from: 1 | 2 | 3 | 4, to: 1 | 2 | 3 | 4, contact: string) => {
      const r = await createResident(t, { areaCode: E, careLevel: to, registeredOn: reg });
      await placeContact(t, r.id, E, contact);
      await t.database.owner((db) =>
        db.execute(sql`INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_at)
          VALUES (${uuidv7()}, ${r.id}, ${E}, ${from}, ${to}, 'test', '2026-05-01T02:00:00Z')`),
      );
    };
    await changed(1, 4, '2026-03-10'); // weekly on 03-31: 03-10 is outside (today's quarterly window would hold it)
    await changed(4, 1, '2026-02-15'); // quarterly on 03-31: covered (today's weekly window would not be)
    await changed(3, 2, '2026-03-05'); // monthly on 03-31: covered (today's two-weekly window would not be)
    // Community C: kept current through last_contact_on, with the same contacts in the table.
    const current = async (careLevel: 1 | 2 | 3 | 4, last: string | null) => {
      const r = await createResident(t, { areaCode: C, careLevel, registeredOn: reg, lastContactOn: last });
      if (last) await placeContact(t, r.id, C, last);
    };
    await current(1, addDays(today, -6)); // covered today and yesterday
    await current(2, addDays(today, -14)); // covered yesterday only (its window then began a day earlier)
    await current(3, null);
    await current(4, addDays(addMonths(today, -3), 2)); // inside the quarter
  });
  afterAll(() => t?.close());

  const get = async (s: Session, qs: string) => {
    const res = await s.get(`/api/v1/coverage${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { date: string; area: Cell & { name: string }; children: Cell[] };
  };
  const child = (body: { children: Cell[] }, code: string) => body.children.find((c) => c.code === code)!;

  it("counts a past month-end date from contacts inside each level's window", async () => {
    const body = await get(sw, `?area=350206004000&date=${D}`);
    expect(body.date).toBe(D);
    // Overdue by hand (due date passed): A none (its L2 and L4 fall due on the date itself), B 2, E 1, C 4.
    expect(body.area).toMatchObject({ code: '350206004000', registered: 13, covered: 4, overdue: 7, rate: 0.3077 });
    // The care level in force on the date decides the window, not today's.
    expect(child(body, E)).toMatchObject({ registered: 3, covered: 2, overdue: 1 }); // today's levels would give 1 covered
    expect(child(body, A)).toEqual({ code: A, name: expect.any(String), registered: 4, covered: 2, overdue: 0, rate: 0.5 });
    expect(child(body, B)).toMatchObject({ registered: 2, covered: 0, overdue: 2, rate: 0 });
    // C's contacts are all recent: none falls in March.
    expect(child(body, C)).toMatchObject({ registered: 4, covered: 0, overdue: 4 });
    // Every community of the street has a row, empty ones at zero.
    expect(body.children.length).toBeGreaterThan(3);
    expect(body.children.every((c) => c.code.startsWith('350206004'))).toBe(true);
    expect(body.children.filter((c) => ![A, B, C, E].includes(c.code)).every((c) => c.registered === 0 && c.rate === 0)).toBe(true);
  });

  it('counts today from last_contact_on, and yesterday from contacts', async () => {
    const now = await get(sw, '');
    expect(now.date).toBe(today);
    expect(now.area.code).toBe('350206004000'); // the caller's area by default
    // The level-2 resident falls due today: not covered, not overdue.
    expect(child(now, C)).toMatchObject({ registered: 4, covered: 2, overdue: 1, rate: 0.5 });
    expect(child(now, A)).toMatchObject({ registered: 4, covered: 0 }); // their last_contact_on was never set
    expect(now.area).toMatchObject({ registered: 14, covered: 2 });
    const yesterday = await get(sw, `?date=${addDays(today, -1)}`);
    expect(child(yesterday, C)).toMatchObject({ registered: 4, covered: 3, overdue: 1, rate: 0.75 });
  });

  it('drills down from the district to streets and to one community', async () => {
    const district = await get(huli, `?date=${D}`);
    expect(district.area).toMatchObject({ code: '350206000000', registered: 14, covered: 5 });
    expect(child(district, '350206004000')).toMatchObject({ registered: 13, covered: 4 });
    expect(child(district, '350206005000')).toMatchObject({ registered: 1, covered: 1, rate: 1 });
    // Every community of the district at once (the province-by-street view, one level down).
    const flat = await get(huli, `?by=community&date=${D}`);
    expect(flat.area).toMatchObject({ registered: 14, covered: 5 });
    expect(child(flat, A)).toMatchObject({ registered: 4, covered: 2 });
    expect(child(flat, '350206005013')).toMatchObject({ registered: 1, covered: 1 });
    expect(flat.children.every((c) => c.code.length === 12 && !c.code.endsWith('000'))).toBe(true);
    expect((await get(huli, `?area=${A}&by=street&date=${D}`)).children).toEqual([]);
    const community = await get(huli, `?area=${A}&date=${D}`);
    expect(community).toMatchObject({ area: { code: A, registered: 4, covered: 2 }, children: [] });
  });

  it('exports the table to Excel', async () => {
    const res = await sw.get(`/api/v1/coverage?date=${D}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^导出人：/); // the stamp row
    expect(ws.getRow(2).values).toEqual([undefined, '区划代码', '区划', '在册人数', '已覆盖', '逾期未访', '覆盖率（%）']);
    expect(ws.getRow(3).values).toEqual([undefined, '350206004000', expect.any(String), 13, 4, 7, 30.8]);
    const rowA = ws.getSheetValues().find((r) => Array.isArray(r) && r[1] === A) as unknown[];
    expect(rowA.slice(3)).toEqual([4, 2, 0, 50]);
  });

  it('answers 404 outside the scope, 400 for bad or future dates, 403 without the permission', async () => {
    expect((await sw.get('/api/v1/coverage?area=350206005000')).statusCode).toBe(404);
    expect((await sw.get('/api/v1/coverage?area=350206000000')).statusCode).toBe(404); // an ancestor of the scope
    expect((await sw.get('/api/v1/coverage?area=350206004999')).statusCode).toBe(404); // no such community
    const bad = await sw.get('/api/v1/coverage?date=2026-02-30', { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['date']);
    const future = await sw.get(`/api/v1/coverage?date=${addDays(today, 1)}`);
    expect(future.json().errors).toEqual([{ path: 'date', message: '统计日期不能晚于今天' }]);
    expect((await sw.get('/api/v1/coverage?area=123')).statusCode).toBe(400);
    expect((await volunteer.get('/api/v1/coverage')).statusCode).toBe(403);
  });
});
