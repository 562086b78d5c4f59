// The nightly coverage snapshot and the 12-month trend read from it: a hand count per area,
// idempotent per (area, date), and yesterday's figure unchanged by today's (and late) visits.
import { addDays, shanghaiToday } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDates, takeCoverageSnapshots } from '../src/modules/coverage/snapshots.jobs.ts';
import { createResident, placeContact } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const JT = '350206004001';

describe('coverage snapshots and trend', () => {
  let t: TestApp;
  let huli: Session, head: Session, sw: Session, volunteer: Session;
  const now = new Date();
  const today = shanghaiToday(now);
  const yesterday = addDays(today, -1);
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const snapshot = (area: string, date: string) =>
    owner<{ registered: number; covered: number; backfilled: boolean; computed_at: string }>(
      sql`SELECT registered, covered, backfilled, computed_at::text FROM coverage_snapshots WHERE area_code = ${area} AND on_date = ${date}`,
    );
  let late: string;

  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    [huli, head, sw, volunteer] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'volunteer.demo'].map((u) => t.login(u)));
    await owner(sql`DELETE FROM coverage_snapshots`); // the seed's (empty register) snapshots
    const seen = await createResident(t, { areaCode: JT, careLevel: 1, registeredOn: addDays(today, -30) });
    await placeContact(t, seen.id, JT, addDays(today, -3)); // inside yesterday's weekly window
    late = (await createResident(t, { areaCode: JT, careLevel: 1, registeredOn: addDays(today, -30) })).id; // never visited
    await createResident(t, { areaCode: '350206005013', careLevel: 4, registeredOn: addDays(today, -30) }); // 金山, never visited
  });
  afterAll(() => t?.close());

  it('plans yesterday, the last week and the previous 12 month-ends', () => {
    expect(snapshotDates('2026-03-15')).toEqual(
      expect.arrayContaining(['2026-03-14', '2026-03-08', '2026-02-28', '2025-03-31', '2025-12-31', '2026-02-28']),
    );
    expect(snapshotDates('2026-03-15')).not.toContain('2025-02-28');
    expect(snapshotDates('2024-03-01')).toContain('2024-02-29'); // leap-year month end, also yesterday
  });

  it("takes each area's figure for yesterday once; today's and late visits leave it unchanged", async () => {
    const first = await takeCoverageSnapshots(t.database, '350206', now);
    expect(first.dates).toContain(yesterday);
    expect(await snapshot('350206004000', yesterday)).toEqual([expect.objectContaining({ registered: 2, covered: 1, backfilled: false })]);
    expect(await snapshot('350206005000', yesterday)).toEqual([expect.objectContaining({ registered: 1, covered: 0 })]);
    expect(await snapshot('350206000000', yesterday)).toEqual([expect.objectContaining({ registered: 3, covered: 1 })]);
    const before = await snapshot('350206004000', yesterday);

    // Today's visit, and a late entry dated yesterday: live figures move, the snapshot does not.
    await placeContact(t, late, JT, today);
    await placeContact(t, late, JT, yesterday);
    const live = (await huli.get(`/api/v1/coverage?area=350206004000&date=${yesterday}`)).json();
    expect(live.area).toMatchObject({ registered: 2, covered: 2 });
    const again = await takeCoverageSnapshots(t.database, '350206', now);
    expect(again).toEqual({ dates: [], rows: 0 });
    expect(await snapshot('350206004000', yesterday)).toEqual(before);
  });

  it('serves the monthly trend of an area and its child areas from the snapshots', async () => {
    const res = await huli.get('/api/v1/coverage/trend?months=12');
    expect(res.statusCode).toBe(200);
    const trend = res.json();
    expect(trend.months).toHaveLength(12);
    expect(trend.months.at(-1)).toBe(today.slice(0, 7));
    expect(trend.children.map((c: { code: string }) => c.code)).toContain('350206004000');
    const jt = trend.children.find((c: { code: string }) => c.code === '350206004000');
    const point = jt.points.find((p: { month: string }) => p.month === yesterday.slice(0, 7));
    expect(point).toMatchObject({ date: yesterday, registered: 2, covered: 1, rate: 0.5, backfilled: false });
    // Past month-ends were backfilled (the register started 30 days ago: nobody then).
    const earliest = jt.points[0];
    expect(earliest.backfilled).toBe(true);
    expect(earliest).toMatchObject({ registered: 0, rate: null });
    // A month with no snapshot at all says so.
    await owner(sql`DELETE FROM coverage_snapshots WHERE on_date < ${`${trend.months[1]}-01`}`);
    const gap = (await huli.get('/api/v1/coverage/trend')).json();
    expect(gap.area.points[0]).toMatchObject({ date: null, rate: null, registered: null });
  });

  it('a station head reads its street; another street is 404, a community 400, a volunteer 403', async () => {
    const own = await head.get('/api/v1/coverage/trend');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ area: { code: '350206004000' }, children: [] });
    const other = await sw.get('/api/v1/coverage/trend?area=350206005');
    expect(other.statusCode).toBe(404);
    const community = await sw.get(`/api/v1/coverage/trend?area=${JT}`, { 'accept-language': 'en' });
    expect(community.statusCode).toBe(400);
    expect(community.json().errors[0]).toMatchObject({ path: 'area' });
    const months = await sw.get('/api/v1/coverage/trend?months=30');
    expect(months.statusCode).toBe(400);
    expect((await volunteer.get('/api/v1/coverage/trend')).statusCode).toBe(403);
  });
});
