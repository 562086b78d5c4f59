// worker_rollup and training_session_attended (migration 0042), kept by triggers: after writes of
// every kind through the API the kept rows equal a recompute from the records, and today's
// continuing-education standing equals packages/core's; a row no longer held for the day is read
// live (poisoned rows change nothing), and the nightly job brings it forward; a session attended
// after today holds the standing until the day before.
import { addDays, ceCycle, ceStandingOn, countLevels, countStandings, shanghaiToday, type RequiredHours } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStandings } from '../src/modules/trainings/ce-hours.jobs.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';
import { recordedWorkers, type RecordedWorker } from './workforce-records.ts';

const RANKS = ['assistant', 'intermediate', 'senior'] as const;

interface Kept {
  workerId: string;
  ceOn: string;
  ceUntil: string;
  ceRank: number | null;
  ceStart: string | null;
  ceEnd: string | null;
  ceHours: number;
  ceHoursNow: number;
}

describe('workforce rollup', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  const today = shanghaiToday(new Date());
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const kept = () =>
    owner<Kept & Record<string, unknown>>(
      sql`SELECT worker_id AS "workerId", area_code AS "areaCode", org_id AS "orgId", started_on::text AS "startedOn",
          left_on::text AS "leftOn", assistant_on::text AS a, intermediate_on::text AS i, senior_on::text AS s, ce_on::text AS "ceOn",
          ce_until::text AS "ceUntil", ce_rank AS "ceRank", ce_n AS "ceN", ce_start::text AS "ceStart", ce_end::text AS "ceEnd",
          ce_hours::float8 AS "ceHours", ce_hours_now::float8 AS "ceHoursNow"
        FROM worker_rollup ORDER BY worker_id`,
    );
  const attendedKept = () =>
    owner<{ id: string; n: number }>(
      sql`SELECT session_id AS id, attended AS n FROM training_session_attended WHERE attended <> 0 ORDER BY 1`,
    );
  const attendedCounted = () =>
    owner<{ id: string; n: number }>(
      sql`SELECT occasion_id AS id, count(*)::int AS n FROM attendance
        WHERE occasion_kind = 'training_session' AND attended_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head] = await Promise.all(['huli', 'jiangtou.head'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  const required = async (): Promise<RequiredHours> => (await huli.get('/api/v1/ce-hours/requirements')).json();

  /** Today's cycle of a worker as core reads it: what was held, registered and credited by today. */
  const coreCycle = (w: RecordedWorker, req: RequiredHours) =>
    ceCycle(
      w.certificates
        .filter((c) => c.obtainedOn <= today)
        .map((c) => ({ ...c, registeredOn: c.registeredOn && c.registeredOn <= today ? c.registeredOn : null })),
      w.hours.filter((h) => h.day <= today),
      today,
      req,
    );

  /** A new worker in 江头 with a registered assistant certificate, a training and a session on `day` at 09:00. */
  async function trainee(name: string, registeredOn: string, day: string) {
    const created = await head.post('/api/v1/workers', {
      name,
      areaCode: DEMO.jiangtou,
      post: 'frontline',
      startedInFieldOn: '2015-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const w = created.json();
    const c = await head.post(`/api/v1/workers/${w.id}/certificates`, { kind: 'assistant', obtainedOn: registeredOn, registeredOn });
    expect(c.statusCode, c.body).toBe(201);
    const tr = (
      await head.post('/api/v1/trainings', { title: `${name}的实务班`, level: 'beginner', areaCode: DEMO.jiangtou, capacity: 5 })
    ).json();
    const s = await head.post(`/api/v1/trainings/${tr.id}/sessions`, {
      title: '小组工作',
      startsAt: new Date(`${day}T09:00:00+08:00`).toISOString(),
      endsAt: new Date(`${day}T12:00:00+08:00`).toISOString(),
      mode: 'offline',
      place: '街道社工站',
      hours: 3,
    });
    expect(s.statusCode, s.body).toBe(201);
    const r = await head.post(`/api/v1/trainings/${tr.id}/registrations`, { workerId: w.id });
    expect(r.statusCode, r.body).toBe(200);
    const mark = (present: boolean) =>
      head.post(`/api/v1/trainings/${tr.id}/sessions/${s.json().id}/attendance`, { registrationIds: [r.json().id], present });
    return { worker: w as { id: string; version: number }, mark };
  }

  it('keeps what a recompute from the records gives, and today’s standing as packages/core counts it', async () => {
    const { worker, mark } = await trainee('周七', addDays(today, -500), today);
    expect((await mark(true)).statusCode).toBe(200);
    expect((await mark(false)).statusCode).toBe(200);
    expect((await mark(true)).statusCode).toBe(200);
    // a level up this month, and a demo worker leaving yesterday
    expect(
      (await head.post(`/api/v1/workers/${worker.id}/certificates`, { kind: 'intermediate', obtainedOn: addDays(today, -3) })).statusCode,
    ).toBe(201);
    const [leaver] = await owner<{ id: string; version: number }>(
      sql`SELECT id, version FROM workers WHERE area_code LIKE ${`${DEMO.jiangtou.slice(0, 9)}%`} AND left_on IS NULL ORDER BY id LIMIT 1`,
    );
    const left = await head.post(`/api/v1/workers/${leaver!.id}/leave`, { leftOn: addDays(today, -1), version: leaver!.version });
    expect(left.statusCode, left.body).toBe(200);

    const before = await kept();
    await owner(sql`SELECT worker_rollup_refresh(array_agg(id)) FROM workers`);
    expect(await kept()).toEqual(before);
    expect(await attendedKept()).toEqual(await attendedCounted());

    const req = await required();
    const byId = new Map(before.map((r) => [r.workerId, r]));
    const workers = await recordedWorkers(t.database, '350206');
    let compared = 0;
    for (const w of workers) {
      const r = byId.get(w.id)!;
      expect(r.ceOn).toBe(today);
      const c = coreCycle(w, req);
      if (!c) {
        expect(r.ceStart, w.id).toBeNull();
        continue;
      }
      expect({ start: r.ceStart, end: r.ceEnd, level: RANKS[r.ceRank! - 1], hours: r.ceHoursNow }, w.id).toEqual({
        start: c.start,
        end: c.end,
        level: c.level,
        hours: c.hours,
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    const mine = byId.get(worker.id)!;
    expect(mine).toMatchObject({ ceRank: 2, ceHoursNow: 3, ceHours: 3 });
  });

  it('reads a row no longer held for today live, and the nightly job brings it forward', async () => {
    const req = await required();
    const workers = await recordedWorkers(t.database, '350206');
    const onRegister = workers.filter((w) => countLevels([w], today).workers);
    const expected = countStandings(onRegister.map((w) => ceStandingOn(w.certificates, w.hours, today, req)));
    const behind = onRegister.filter((w) => {
      const c = coreCycle(w, req);
      // the list counts hours to the cycle's end
      const toEnd =
        c &&
        ceCycle(
          w.certificates.filter((x) => x.obtainedOn <= today),
          w.hours,
          today,
          req,
        );
      return c && toEnd && toEnd.hours + 1e-9 < c.required;
    }).length;
    const read = async () => ({
      ce: (await huli.get(`/api/v1/workforce/dashboard?area=${DEMO.district}`)).json().total.ce,
      behind: (await huli.get(`/api/v1/ce-hours/behind?area=${DEMO.district}&pageSize=10`)).json().total,
    });
    const fresh = await read();
    expect(fresh.ce).toMatchObject(expected);
    expect(fresh.behind).toBe(behind);

    // rows past their day, with hours that would make everyone complete if they were read
    const poisoned = await owner<{ n: number }>(
      sql`WITH p AS (UPDATE worker_rollup SET ce_until = ce_on - 1, ce_hours = 999, ce_hours_now = 999
          WHERE starts_with(area_code, '350206') RETURNING 1) SELECT count(*)::int AS n FROM p`,
    );
    expect(poisoned[0]!.n).toBeGreaterThan(100);
    expect(await read()).toEqual(fresh);

    const before = await kept();
    expect(await refreshStandings(t.database, new Date(), 50)).toBeGreaterThanOrEqual(poisoned[0]!.n);
    const after = await kept();
    expect(after.filter((r) => r.ceUntil < today)).toEqual([]);
    expect(after.filter((r) => r.ceHours === 999)).toEqual([]);
    expect(after.length).toBe(before.length);
    await owner(sql`SELECT worker_rollup_refresh(array_agg(id)) FROM workers`);
    expect(await kept()).toEqual(after);
    expect(await read()).toEqual(fresh);
  });

  it('holds a standing until the day before a session attended after today, and counts that session to the cycle’s end', async () => {
    const day = addDays(today, 10);
    const { worker, mark } = await trainee('吴八', addDays(today, -100), day);
    expect((await mark(true)).statusCode).toBe(200);
    const [r] = (await kept()).filter((k) => k.workerId === worker.id);
    expect(r).toMatchObject({ ceOn: today, ceUntil: addDays(day, -1), ceHours: 3, ceHoursNow: 0 });
    // the behind list reads hours to the cycle's end; today's dashboard only those credited by today
    let row: { hours: number; missing: number } | undefined;
    for (let page = 1; !row && page <= 20; page++) {
      const list = (await head.get(`/api/v1/ce-hours/behind?area=${DEMO.jiangtou}&pageSize=100&page=${page}`)).json();
      row = list.items.find((i: { workerId: string }) => i.workerId === worker.id);
      if (!list.items.length) break;
    }
    expect(row).toMatchObject({ hours: 3, missing: 69 });
    expect((await mark(false)).statusCode).toBe(200);
    const [gone] = (await kept()).filter((k) => k.workerId === worker.id);
    expect(gone).toMatchObject({ ceHours: 0, ceHoursNow: 0 });
    expect(gone!.ceUntil > day).toBe(true);
  });
});
