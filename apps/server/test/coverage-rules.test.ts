// Coverage by the rules (issue 8, item 14) against hand counts on a small register: overdue is
// "the window has passed with no contact" (due today and newly registered are not), one
// computation for the coverage page and the resident list; a past date uses the status,
// community and care level in force then (midnight Asia/Shanghai edges); a merge leaves each
// record's care-level history its own; and every figure opens a list of exactly its residents.
import { addDays, shanghaiToday } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, placeContact } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const X = '350206004001';
const Y = '350206004002';
const D = '2026-03-31'; // weekly window on D: 03-25..03-31; a contact on 03-24 is due on D
const reg = '2025-10-01';

describe('coverage by the rules', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  const today = shanghaiToday(new Date());
  const ids: Record<string, string> = {};
  const owner = (q: ReturnType<typeof sql>) => t.database.owner((db) => db.execute(q));
  const statusRow = (id: string, to: string, at: string) =>
    owner(sql`INSERT INTO resident_status_changes (id, resident_id, area_code, from_status, to_status, from_area, changed_at)
      VALUES (${uuidv7()}, ${id}, ${X}, 'active', ${to}, ${X}, ${at}::timestamptz)`);

  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    [sw, head] = await Promise.all(['jiangtou.sw', 'jiangtou.head'].map((u) => t.login(u)));
    // Today, community X (weekly unless said): by hand 6 registered, 1 covered, 3 overdue.
    const now = async (key: string, careLevel: 1 | 2 | 3 | 4, lastContactOn: string | null, registeredOn = addDays(today, -60)) =>
      (ids[key] = (await createResident(t, { areaCode: X, careLevel, lastContactOn, registeredOn })).id);
    await now('covered', 1, addDays(today, -3));
    await now('dueToday', 1, addDays(today, -7)); // window starts today-6: not covered, due today: not overdue
    await now('late', 1, addDays(today, -8)); // overdue
    await now('newToday', 3, null, today); // registered today: not covered, not yet due
    await now('never', 2, null, addDays(today, -30)); // never visited, due 14 days after registering: overdue
    await createResident(t, { areaCode: X, careLevel: 1, status: 'moved' }); // off the register
    // The past date D, community X: by hand 4 registered, 3 covered, 1 overdue.
    const past = async (key: string, careLevel: 1 | 2 | 3 | 4, contact: string | null, status?: 'deceased') => {
      ids[key] = (await createResident(t, { areaCode: X, careLevel, registeredOn: reg, status })).id;
      if (contact) await placeContact(t, ids[key], X, contact);
    };
    await past('movesAway', 1, '2026-03-26'); // covered on D; marked moved today
    await past('changesCommunity', 1, '2026-03-20'); // overdue on D in X; moves to Y today
    await past('diedOnD', 1, '2026-03-24', 'deceased'); // died 23:59:59 on D in Shanghai: off the register that day
    await statusRow(ids.diedOnD!, 'deceased', '2026-03-31T15:59:59Z');
    await past('diedAfterD', 1, '2026-03-25', 'deceased'); // died at 00:00 on 04-01 in Shanghai: covered on D
    await statusRow(ids.diedAfterD!, 'deceased', '2026-03-31T16:00:00Z');
    // Merge: the survivor is quarterly all along (covered on D by 02-15); the duplicate was weekly until May.
    await past('survivor', 4, '2026-02-15');
    await past('duplicate', 4, null);
    await owner(sql`INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_at)
      VALUES (${uuidv7()}, ${ids.duplicate}, ${X}, 1, 4, 'test', '2026-05-01T02:00:00Z')`);
    // Today's changes through the API, as a worker makes them.
    expect((await sw.patch(`/api/v1/residents/${ids.movesAway}`, { version: 1, status: 'moved' })).statusCode).toBe(200);
    expect((await sw.patch(`/api/v1/residents/${ids.changesCommunity}`, { version: 1, areaCode: Y })).statusCode).toBe(200);
    const merged = await head.post(`/api/v1/residents/${ids.duplicate}/merge`, { intoId: ids.survivor, version: 1, reason: '重复登记' });
    expect(merged.statusCode, merged.body).toBe(200);
  });
  afterAll(() => t?.close());

  const coverage = async (area: string, date?: string) => {
    const res = await sw.get(`/api/v1/coverage?area=${area}${date ? `&date=${date}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().area as { registered: number; covered: number; overdue: number };
  };
  const listTotal = async (qs: string) => {
    const res = await sw.get(`/api/v1/residents?pageSize=100&${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: string }[] };
  };

  it('overdue today is the window passed with no contact, the same on the coverage page and the list', async () => {
    // By hand: covered, dueToday, late, newToday, never and the survivor (quarterly, no visit since October: overdue).
    expect(await coverage(X)).toMatchObject({ registered: 6, covered: 1, overdue: 3 });
    expect((await listTotal(`area=${X}&overdue=true`)).total).toBe(3);
    const overdue = await listTotal(`area=${X}&coverage=overdue`);
    expect(overdue.items.map((r) => r.id).sort()).toEqual([ids.late, ids.never, ids.survivor].sort());
    expect((await listTotal(`area=${X}&coverage=covered`)).items.map((r) => r.id)).toEqual([ids.covered]);
    expect((await listTotal(`area=${X}&coverage=uncovered`)).total).toBe(5);
    // The resident who changed community today is Y's today, with Y's figures.
    expect(await coverage(Y)).toMatchObject({ registered: 1, covered: 0, overdue: 1 });
  });

  it('a past date uses the status, community and care level in force then (midnight in Shanghai)', async () => {
    expect(await coverage(X, D)).toEqual(expect.objectContaining({ registered: 4, covered: 3, overdue: 1 }));
    expect(await coverage(Y, D)).toMatchObject({ registered: 0, covered: 0, overdue: 0 });
    expect(await coverage('350206004000', D)).toMatchObject({ registered: 4, covered: 3, overdue: 1 });
    const covered = await listTotal(`area=${X}&coverage=covered&asOf=${D}`);
    expect(covered.items.map((r) => r.id).sort()).toEqual([ids.movesAway, ids.diedAfterD, ids.survivor].sort());
    const overdue = await listTotal(`area=${X}&coverage=overdue&asOf=${D}`);
    expect(overdue.items.map((r) => r.id)).toEqual([ids.changesCommunity]);
    expect((await listTotal(`area=${X}&coverage=uncovered&asOf=${D}`)).total).toBe(1);
    expect((await listTotal(`area=${Y}&coverage=overdue&asOf=${D}`)).total).toBe(0);
    // The day after: the one who died at midnight is off the register.
    expect(await coverage(X, '2026-04-01')).toMatchObject({ registered: 3 });
  });

  it('breaks coverage down by care level (in force then) and category, each figure opening the same residents', async () => {
    const get = async (qs: string) => {
      const res = await sw.get(`/api/v1/coverage/breakdown?area=${X}${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { byCareLevel: { key: string }[]; byCategory: { key: string }[] };
    };
    const now = await get('');
    expect(now.byCareLevel).toEqual([
      { key: '1', registered: 3, covered: 1, overdue: 1, rate: 0.3333 },
      { key: '2', registered: 1, covered: 0, overdue: 1, rate: 0 },
      { key: '3', registered: 1, covered: 0, overdue: 0, rate: 0 },
      { key: '4', registered: 1, covered: 0, overdue: 1, rate: 0 },
    ]);
    expect(now.byCategory).toEqual([{ key: 'living_alone', registered: 6, covered: 1, overdue: 3, rate: 0.1667 }]);
    const past = await get(`&date=${D}`);
    expect(past.byCareLevel).toEqual([
      { key: '1', registered: 3, covered: 2, overdue: 1, rate: 0.6667 },
      { key: '4', registered: 1, covered: 1, overdue: 0, rate: 1 },
    ]);
    // Each figure's list has exactly that many people, today and on the past date.
    for (const [qs, n] of [
      [`careLevel=1&coverage=overdue`, 1],
      [`careLevel=1&coverage=registered`, 3],
      [`category=living_alone&coverage=overdue`, 3],
      [`coverage=registered`, 6],
      [`careLevel=1&coverage=covered&asOf=${D}`, 2],
      [`careLevel=1&coverage=registered&asOf=${D}`, 3],
      [`careLevel=4&coverage=covered&asOf=${D}`, 1],
      [`coverage=registered&asOf=${D}`, 4],
    ] as const) {
      expect((await listTotal(`area=${X}&${qs}`)).total, qs).toBe(n);
    }
    expect((await sw.get('/api/v1/coverage/breakdown?area=350206005000')).statusCode).toBe(404);
  });

  it('records status and community changes, and a merge keeps each record its own history', async () => {
    const history = await t.database.owner((db) =>
      rows<{ resident_id: string; from_status: string; to_status: string; from_area: string; area_code: string }>(
        db,
        sql`SELECT resident_id, from_status, to_status, from_area, area_code FROM resident_status_changes WHERE reason IS DISTINCT FROM 'test' ORDER BY changed_at`,
      ),
    );
    expect(history.filter((h) => h.resident_id === ids.movesAway)).toMatchObject([{ from_status: 'active', to_status: 'moved' }]);
    expect(history.filter((h) => h.resident_id === ids.changesCommunity)).toMatchObject([
      { from_area: X, area_code: Y, to_status: 'active' },
    ]);
    expect(history.filter((h) => h.resident_id === ids.duplicate)).toMatchObject([{ from_status: 'active', to_status: 'merged' }]);
    const levels = await t.database.owner((db) =>
      rows<{ resident_id: string }>(db, sql`SELECT resident_id FROM care_level_changes WHERE reason = 'test'`),
    );
    expect(levels.map((l) => l.resident_id)).toEqual([ids.duplicate]);
  });

  it('refuses a future as-of date', async () => {
    const res = await sw.get(`/api/v1/residents?coverage=overdue&asOf=${addDays(today, 1)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('asOf');
  });
});
