// People served (服务人数) for a city by district and a province by city come from the rollup
// (migration 0030), with the people marked since the last fold counted live. Whatever the job
// has folded so far, the figure must equal the definition counted directly: distinct people who
// attended in the period or had a case open in it, in the area. Checked with everything marked
// (a fresh database), after folding, after changes not yet folded (a new walk-in on two days, an
// un-ticked attendance, a case closed before the period), and, on PostgreSQL, with a writer in
// flight while the job takes its marks.
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldMarkedPeople, peopleToFold } from '../src/modules/outputs/outputs.jobs.ts';
import { createResident, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const CITY = '350200000000';
const PROVINCE = '350000000000';
const DISTRICT = '350206000000';
const STREET = '350206002000'; // 殿前: no demo casework
const FROM = '2025-12-01';
const TO = '2026-11-30';

let t: TestApp;
let city: Session;
let province: Session;
let sw: string;
const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

/** The definition, counted directly (as the owner, no rollup): distinct people served in the area and period (trainings are not services). */
async function counted(prefix: string, from = FROM, to = TO): Promise<number> {
  const [r] = await owner<{ n: number }>(
    sql`SELECT count(DISTINCT pk)::int AS n FROM (
        SELECT person_key AS pk FROM attendance WHERE area_code LIKE ${prefix + '%'} AND attended_at IS NOT NULL
          AND occasion_kind <> 'training_session'
          AND occasion_at >= ${from + 'T00:00:00+08:00'}::timestamptz AND occasion_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        UNION ALL
        SELECT 'r:' || resident_id::text FROM cases WHERE area_code LIKE ${prefix + '%'} AND opened_on <= ${to} AND (closed_on IS NULL OR closed_on >= ${from})
      ) t`,
  );
  return r!.n;
}

/** Person-times counted directly: attended rows in the area and period. */
async function countedTimes(prefix: string, from = FROM, to = TO): Promise<number> {
  const [r] = await owner<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM attendance WHERE area_code LIKE ${prefix + '%'} AND attended_at IS NOT NULL
      AND occasion_kind <> 'training_session' AND occasion_at >= ${from + 'T00:00:00+08:00'}::timestamptz AND occasion_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
  );
  return r!.n;
}

const outputs = async (s: Session, area: string, from = FROM, to = TO) => {
  const res = await s.get(`/api/v1/outputs?area=${area}&from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    totals: { people: number; personTimes: number } & Record<string, number | null>;
    rows: { key: string; figures: { people: number; personTimes: number } & Record<string, number | null> }[];
    months: { month: string; personTimes: number }[];
  };
};

/** The city's and the province's figures equal the direct counts, row by row. */
async function expectExact(): Promise<{ city: number; province: number }> {
  const c = await outputs(city, CITY);
  expect(c.totals.people).toBe(await counted('3502'));
  expect(c.rows.find((r) => r.key === DISTRICT)!.figures.people).toBe(await counted('350206'));
  const p = await outputs(province, PROVINCE);
  expect(p.totals.people).toBe(await counted('35'));
  // Person-times of the province and the city come from the daily counts: the same as counted.
  expect(p.totals.personTimes).toBe(await countedTimes('35'));
  expect(p.rows.find((r) => r.key === CITY)!.figures.personTimes).toBe(await countedTimes('3502'));
  expect(c.rows.find((r) => r.key === DISTRICT)!.figures.personTimes).toBe(await countedTimes('350206'));
  expect(p.months.find((m) => m.month === '2026-11')!.personTimes).toBe(await countedTimes('35', '2026-11-01', '2026-11-30'));
  expect(p.rows.find((r) => r.key === CITY)!.figures.people).toBe(await counted('3502'));
  // The district itself is counted live (every row of the demo and of this test is in it): the
  // same figures, every one of them and month by month, as the city's row and the province.
  const d = await outputs(city, DISTRICT);
  expect(c.rows.find((r) => r.key === DISTRICT)!.figures).toEqual(d.totals);
  expect(p.totals).toEqual(d.totals);
  expect(p.months).toEqual(d.months);
  // A period that ended months ago reads a row per person instead of the last-day histogram.
  const past = await outputs(province, PROVINCE, '2026-01-01', '2026-06-30');
  expect(past.totals.people).toBe(await counted('35', '2026-01-01', '2026-06-30'));
  expect(past.rows.find((r) => r.key === CITY)!.figures.people).toBe(await counted('3502', '2026-01-01', '2026-06-30'));
  // The histogram holds one person per rolled row, whatever has been folded.
  const [h] = await owner<{ rolled: number; hist: number }>(
    sql`SELECT (SELECT count(*) FROM outputs_people)::int AS rolled, (SELECT coalesce(sum(people), 0) FROM outputs_people_last)::int AS hist`,
  );
  expect(h!.hist).toBe(h!.rolled);
  return { city: c.totals.people, province: p.totals.people };
}

const attend = (id: string, name: string, day: string, residentId: string | null = null) =>
  owner(sql`INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, worker_id, resident_id, person_name,
      signed_up_at, attended_at, method)
    VALUES (${id}, ${STREET + ''}, 'activity', ${uuidv7()}, ${day + 'T09:00:00+08:00'}::timestamptz, ${sw}, ${residentId}, ${name},
      now(), ${day + 'T09:00:00+08:00'}::timestamptz, 'list')`);

beforeAll(async () => {
  t = await startTestApp();
  // A city official and a province official (the demo's officials are the district's).
  await owner(sql`UPDATE users SET area_code = ${CITY} WHERE username = 'huli'`);
  await owner(sql`UPDATE users SET area_code = ${PROVINCE} WHERE username = 'admin'`);
  [city, province] = [await t.login('huli'), await t.login('admin')];
  sw = await userId(t, 'jiangtou.sw');
});
afterAll(() => t?.close());

describe('people served from the rollup', () => {
  it('is exact with everything marked, after folding, and after changes not yet folded', async () => {
    expect(await peopleToFold(t.database)).toBeGreaterThan(0); // the demo's attendance and cases, marked as written
    const before = await expectExact();
    expect(before.city).toBeGreaterThan(0);

    // Folded in batches of three people: nothing left marked, the same figures.
    const fold = await foldMarkedPeople(t.database, 60_000, 3);
    expect(fold.done).toBe(true);
    expect(await peopleToFold(t.database)).toBe(0);
    expect(await expectExact()).toEqual(before);

    // A walk-in on two days of the period (one person, by name) and one just after it (a day
    // after the period: the histogram counts them, the rows served after `to` take them off).
    await attend(uuidv7(), '林 阿婆', '2026-03-01');
    await attend(uuidv7(), '林阿婆', '2026-11-30');
    await attend(uuidv7(), '新来的', '2026-12-01');
    expect(await peopleToFold(t.database)).toBe(2);
    const added = await expectExact();
    expect(added).toEqual({ city: before.city + 1, province: before.province + 1 });

    // A resident with a case closed the day before the period and no attendance: not served in it.
    const r = await createResident(t, { areaCode: `${STREET.slice(0, 9)}001`, name: '郑某' });
    await owner(sql`INSERT INTO cases (id, case_no, area_code, resident_id, worker_id, type, risk_level, stage, sensitive, problem_cipher,
        opened_on, closed_on)
      VALUES (${uuidv7()}, ${'R-' + uuidv7().slice(-8)}, ${`${STREET.slice(0, 9)}001`}, ${r.id}, ${sw}, 'elderly', 'low', 'closed', false, 'x',
        '2025-06-01', '2025-11-30')`);
    expect(await expectExact()).toEqual(added);

    // A case opened after the period and still open: served from then on, not in the period.
    const late = await createResident(t, { areaCode: `${STREET.slice(0, 9)}001`, name: '钱某' });
    await owner(sql`INSERT INTO cases (id, case_no, area_code, resident_id, worker_id, type, risk_level, stage, sensitive, problem_cipher,
        opened_on)
      VALUES (${uuidv7()}, ${'L-' + uuidv7().slice(-8)}, ${`${STREET.slice(0, 9)}001`}, ${late.id}, ${sw}, 'elderly', 'low', 'intake', false, 'x',
        '2026-12-01')`);
    expect(await expectExact()).toEqual(added);
    await foldMarkedPeople(t.database);
    expect(await expectExact()).toEqual(added);

    // Folded: the walk-in's days are kept per district, city and province.
    await foldMarkedPeople(t.database);
    const kept = await owner<{ level: number; area_code: string; days: string }>(
      sql`SELECT level, area_code, days::text AS days FROM outputs_people WHERE person_key = 'n:林阿婆' ORDER BY level`,
    );
    expect(kept).toEqual([
      { level: 2, area_code: PROVINCE, days: '{[2026-03-01,2026-03-02),[2026-11-30,2026-12-01)}' },
      { level: 4, area_code: CITY, days: '{[2026-03-01,2026-03-02),[2026-11-30,2026-12-01)}' },
      { level: 6, area_code: DISTRICT, days: '{[2026-03-01,2026-03-02),[2026-11-30,2026-12-01)}' },
    ]);
    expect(await expectExact()).toEqual(added);

    // An activity held with an answer, then cancelled; a case closed and reopened.
    const act = uuidv7();
    await owner(sql`INSERT INTO activities (id, area_code, title, place, starts_at, ends_at, organiser_id, status)
      VALUES (${act}, ${STREET.slice(0, 9) + '001'}, '测试活动', '活动室', '2026-07-01T00:00:00+08:00', '2026-07-01T01:00:00+08:00', ${sw}, 'held')`);
    await owner(sql`INSERT INTO satisfaction (id, area_code, subject_kind, subject_id, worker_id, person_name, score, at)
      VALUES (${uuidv7()}, ${STREET.slice(0, 9) + '001'}, 'activity', ${act}, ${sw}, '林阿婆', 2, '2026-06-30T23:59:59+08:00')`);
    const withActivity = await expectExact();
    await owner(sql`UPDATE activities SET status = 'cancelled' WHERE id = ${act}`);
    await owner(sql`UPDATE cases SET closed_on = '2026-12-01', stage = 'closed' WHERE resident_id = ${late.id}`);
    await owner(sql`UPDATE cases SET closed_on = NULL, stage = 'intake' WHERE resident_id = ${late.id}`);
    await owner(sql`UPDATE satisfaction SET score = 5 WHERE subject_id = ${act}`);
    expect(await expectExact()).toEqual(withActivity);

    // The March session moved to 31 May (a reschedule moves its attendance): the day's counts follow.
    await owner(
      sql`UPDATE attendance SET occasion_at = '2026-05-31T23:30:00+08:00' WHERE person_key = 'n:林阿婆' AND occasion_at < '2026-04-01'`,
    );
    expect(await expectExact()).toEqual(added);
    expect((await outputs(province, PROVINCE, '2026-05-31', '2026-05-31')).totals.personTimes).toBe(
      await countedTimes('35', '2026-05-31', '2026-05-31'),
    );

    // Un-ticked on 30 November: still served on 31 May. Then that visit is taken off too.
    await owner(
      sql`UPDATE attendance SET attended_at = NULL, method = NULL WHERE person_key = 'n:林阿婆' AND occasion_at >= '2026-11-30T00:00:00+08:00'`,
    );
    expect(await expectExact()).toEqual(added);
    await owner(sql`DELETE FROM attendance WHERE person_key = 'n:林阿婆'`);
    expect(await expectExact()).toEqual(before);
    await foldMarkedPeople(t.database);
    expect(await owner(sql`SELECT 1 FROM outputs_people WHERE person_key = 'n:林阿婆'`)).toEqual([]);
    expect(await expectExact()).toEqual(before);

    // A period of one day (30 November): the rollup's days meet it at either end.
    const day = await outputs(province, PROVINCE, '2026-11-30', '2026-11-30');
    expect(day.totals.people).toBe(await counted('35', '2026-11-30', '2026-11-30'));
  });

  it('shows a street nothing of the rollup and a district only its own rows', async () => {
    await foldMarkedPeople(t.database);
    const street = await t.database.run('350206004', (db) => rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM outputs_people`));
    expect(street[0]!.n).toBe(0);
    const district = await t.database.run('350206', (db) =>
      rows<{ area_code: string }>(db, sql`SELECT DISTINCT area_code FROM outputs_people`),
    );
    expect(district.map((r) => r.area_code)).toEqual([DISTRICT]);
  });
});

// The job takes a person's marks while a writer that marked them again has not committed: the
// taking waits for the writer, then folds its row in (PostgreSQL: two connections at once).
describe.runIf(!!process.env.TEST_DATABASE_URL)('folding beside a writer in flight', () => {
  it('waits for the writer and folds its attendance in, leaving nothing uncounted', async () => {
    await attend(uuidv7(), '测试陈伯', '2026-05-05');
    const base = await expectExact();
    const writer = new pg.Client({ connectionString: t.services.config.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, person_name, attended_at, method)
         VALUES ($1, $2, 'activity', $3, '2026-06-06T09:00:00+08:00', '测试陈伯', '2026-06-06T09:00:00+08:00', 'list')`,
        [uuidv7(), STREET, uuidv7()],
      );
      const folding = foldMarkedPeople(t.database);
      await new Promise((r) => setTimeout(r, 300));
      await writer.query('COMMIT');
      await folding;
    } finally {
      await writer.end();
    }
    const [row] = await owner<{ days: string }>(
      sql`SELECT days::text AS days FROM outputs_people WHERE person_key = 'n:测试陈伯' AND level = 2`,
    );
    expect(row?.days).toBe('{[2026-05-05,2026-05-06),[2026-06-06,2026-06-07)}');
    expect(await peopleToFold(t.database)).toBe(0);
    expect(await expectExact()).toEqual(base);
  });
});
