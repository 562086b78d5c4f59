// BENCH_ONLY=casework (issue 9): on the residents benchmark's province (1,000,000 residents),
// 200,000 cases with 2,000,000 timeline events (one case with 500), 100,000 community
// activities and 10,000 groups of 8 sessions with 2,000,000 attendance rows, and 200,000
// satisfaction answers, generated in SQL (idempotent: a kept database is measured again without
// loading). Measured through the HTTP API beside the floor route, in the same minutes:
// a worker's home page (工作台 with the case figures, the open cases list, the due tasks), a
// timeline of 500 events, the province's outputs for a year by child area, a district by street.
import { addDays, shanghaiToday } from '@wushe/core';
import { keysFrom, stableId, type generateKeyFile } from '@wushe/db';
import pg from 'pg';
import { setupStreet } from './residents-dashboard.ts';
import { pct, type Figure } from './residents-report.ts';
import { login } from './server.ts';

export const CASES = 200_000;
const EVENTS_PER_CASE = 10; // 2,000,000 events (the long case's 500 replace its 10)
const ACTIVITIES = 100_000;
const PER_ACTIVITY = 16; // 1,600,000 attendance rows
const GROUPS = 10_000;
const SESSIONS = 8;
const PER_SESSION = 5; // 400,000 attendance rows
const ANSWERS = 200_000;
const LONG_CASE = stableId('bench:case:long');

interface Ctx {
  base: string;
  url: string;
  keyFile: ReturnType<typeof generateKeyFile>;
  provinceCookie: string;
  street: string;
  requests: number;
  log: (m: string) => void;
  loop: (base: string, cookie: string, paths: string[], check: (b: Record<string, unknown>) => void, n?: number) => Promise<number[]>;
}

async function loadCasework(c: pg.Client, keyFile: Ctx['keyFile'], street: string, log: (m: string) => void) {
  const have = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0]!.n;
  if (have > 0) return { loaded: false, seconds: 0 }; // loaded in one transaction: all or nothing
  const t0 = performance.now();
  const keys = keysFrom(keyFile);
  const sealed = keys.seal('独居老人，行动不便，需要持续关注');
  const sw = stableId('bench:user:bench.sw');
  const other = (await c.query<{ id: string }>(`SELECT id FROM users WHERE username = 'bench.official'`)).rows[0]!.id;
  log(`Casework: ${CASES.toLocaleString()} cases, ${(CASES * EVENTS_PER_CASE).toLocaleString()} events…`);
  await c.query('BEGIN');
  // Every fifth resident has a case: the bench worker's street's go to the bench worker.
  await c.query(
    `INSERT INTO cases (id, case_no, area_code, resident_id, worker_id, type, risk_level, stage, plan_status, closure_status,
       sensitive, problem_cipher, opened_on, closed_on, last_event_at)
     SELECT gen_random_uuid(), 'B-' || n, area_code, id, CASE WHEN left(area_code, 9) = $2 THEN $3::uuid ELSE $4::uuid END,
       (ARRAY['elderly','children','disability','family','assistance','other'])[1 + n % 6], (ARRAY['low','medium','high'])[1 + n % 3],
       st, CASE WHEN st IN ('intervention','review','closed') THEN 'approved' WHEN st = 'plan' AND n % 2 = 0 THEN 'submitted' ELSE 'draft' END,
       'none', false, $1, opened, CASE WHEN st = 'closed' THEN opened + 60 END, opened::timestamptz + interval '10 days'
     FROM (SELECT id, area_code, row_number() OVER (ORDER BY id) AS n FROM residents WHERE abs(hashtext(id::text)) % 5 = 0 LIMIT ${CASES}) r,
       LATERAL (SELECT (ARRAY['intake','assessment','plan','intervention','intervention','review','closed','closed'])[1 + r.n % 8] AS st,
         current_date - (r.n % 700)::int AS opened) s`,
    [sealed, street.slice(0, 9), sw, other],
  );
  await c.query(
    `UPDATE cases SET id = $1 WHERE id = (SELECT id FROM cases WHERE worker_id = $2 AND stage = 'intervention' ORDER BY case_no LIMIT 1)`,
    [LONG_CASE, sw],
  );
  await c.query(
    `INSERT INTO case_events (id, case_id, area_code, at, kind, stage, actor_name, detail)
     SELECT gen_random_uuid(), c.id, c.area_code, c.opened_on::timestamptz + (k || ' days')::interval,
       (ARRAY['opened','stage','note','plan_saved','progress','note','stage','note','progress','note'])[k], c.stage, '测试社工', '{}'
     FROM cases c, generate_series(1, ${EVENTS_PER_CASE}) k WHERE c.id <> $1`,
    [LONG_CASE],
  );
  await c.query(
    `INSERT INTO case_events (id, case_id, area_code, at, kind, stage, actor_name, text_cipher, detail)
     SELECT gen_random_uuid(), c.id, c.area_code, now() - ((500 - k) || ' hours')::interval, CASE WHEN k = 1 THEN 'opened' ELSE 'note' END,
       c.stage, '测试社工', $2, '{}'
     FROM cases c, generate_series(1, 500) k WHERE c.id = $1`,
    [LONG_CASE, sealed],
  );
  log(`  ${ACTIVITIES.toLocaleString()} activities, ${GROUPS.toLocaleString()} groups; attendance and satisfaction…`);
  await c.query(`CREATE TEMP TABLE bench_people AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM residents LIMIT 400000`);
  await c.query(`CREATE INDEX ON bench_people (n)`);
  await c.query(
    `CREATE TEMP TABLE bench_communities AS SELECT code, row_number() OVER (ORDER BY code) AS n FROM areas WHERE level = 'community'`,
  );
  const communities = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_communities`)).rows[0]!.n;
  await c.query(
    `INSERT INTO activities (id, area_code, title, place, starts_at, ends_at, organiser_id, status)
     SELECT gen_random_uuid(), b.code, '社区活动 ' || a, '社区活动室', at, at + interval '2 hours', $1, 'held'
     FROM generate_series(1, ${ACTIVITIES}) a
       JOIN bench_communities b ON b.n = 1 + a % ${communities},
       LATERAL (SELECT now() - ((a % 365) || ' days')::interval AS at) t`,
    [other],
  );
  // Half the attendees are registered residents, half walk-ins known by name.
  await c.query(
    `INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, worker_id, resident_id, person_name, attended_at, method)
     SELECT gen_random_uuid(), a.area_code, 'activity', a.id, a.starts_at, a.organiser_id,
       CASE WHEN k % 2 = 0 THEN p.id END, '居民' || ((a.x * 7919 + k * 104729) % 300000), a.starts_at, 'list'
     FROM (SELECT id, area_code, starts_at, organiser_id, row_number() OVER (ORDER BY id) AS x FROM activities) a
       CROSS JOIN generate_series(1, ${PER_ACTIVITY}) k
       LEFT JOIN bench_people p ON p.n = 1 + ((a.x * 31 + k * 104729) % 400000)`,
  );
  await c.query(
    `INSERT INTO service_groups (id, area_code, name, type, goal, worker_id, planned_sessions, starts_on, status)
     SELECT gen_random_uuid(), b.code, '小组 ' || g, 'support', '互助', $1, ${SESSIONS}, current_date - (g % 300), 'running'
     FROM generate_series(1, ${GROUPS}) g JOIN bench_communities b ON b.n = 1 + (g * 13) % ${communities}`,
    [other],
  );
  await c.query(
    `INSERT INTO group_sessions (id, group_id, area_code, seq, theme, starts_at, ends_at, status)
     SELECT gen_random_uuid(), g.id, g.area_code, s, '第' || s || '节', g.starts_on + (s * 7), g.starts_on + (s * 7) + interval '90 minutes', 'held'
     FROM service_groups g, generate_series(1, ${SESSIONS}) s`,
  );
  await c.query(
    `INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, worker_id, resident_id, person_name, attended_at, method)
     SELECT gen_random_uuid(), s.area_code, 'group_session', s.id, s.starts_at, g.worker_id, p.id, '组员', s.starts_at, 'list'
     FROM group_sessions s JOIN service_groups g ON g.id = s.group_id
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS x FROM service_groups) gx ON gx.id = g.id
       CROSS JOIN generate_series(1, ${PER_SESSION}) k
       JOIN bench_people p ON p.n = 1 + ((gx.x * ${PER_SESSION} + k) % 400000)`,
  );
  await c.query(
    `INSERT INTO satisfaction (id, area_code, subject_kind, subject_id, worker_id, resident_id, person_name, score, at)
     SELECT gen_random_uuid(), a.area_code, 'activity', a.occasion_id, a.worker_id, a.resident_id, a.person_name, 3 + (abs(hashtext(a.id::text)) % 3), a.occasion_at
     FROM attendance a WHERE a.occasion_kind = 'activity' LIMIT ${ANSWERS} ON CONFLICT DO NOTHING`,
  );
  await c.query('COMMIT');
  await c.query('VACUUM ANALYZE cases, case_events, activities, attendance, service_groups, group_sessions, satisfaction');
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  log(`  casework loaded in ${seconds} s`);
  return { loaded: true, seconds };
}

/** Waits until no person is marked for the rollup job (30 minutes at most). */
async function waitForFold(c: pg.Client, log: (m: string) => void) {
  const count = async () => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM outputs_people_dirty')).rows[0]!.n);
  const start = Date.now();
  const marked = await count();
  log(`Waiting for the rollup job: ${marked} marks…`);
  for (let left = marked; left > 0; left = await count()) {
    if (Date.now() - start > 30 * 60_000) throw new Error(`the rollup job left ${left} marks after 30 minutes`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  const seconds = Math.round((Date.now() - start) / 100) / 10;
  log(`  folded in ${seconds} s`);
  // Hundreds of thousands of marks taken leave dead rows behind: vacuumed, as autovacuum would.
  await c.query('VACUUM ANALYZE outputs_people_dirty, outputs_people, outputs_people_last, outputs_daily');
  return { marked, seconds };
}

export async function measureCasework(ctx: Ctx): Promise<Figure[]> {
  const { base, log } = ctx;
  const c = new pg.Client({ connectionString: ctx.url });
  await c.connect();
  const figures: Figure[] = [];
  try {
    await setupStreet(c, ctx.street);
    // The province account reads cases and outputs too.
    await c.query(
      `UPDATE roles SET permissions = array(SELECT DISTINCT unnest(permissions || ARRAY['case.read','outputs.read'])) WHERE code = 'bench_province'`,
    );
    const load = await loadCasework(c, ctx.keyFile, ctx.street, log);
    const rows = (
      await c.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
           (SELECT count(*) FROM attendance)::int AS attendance, (SELECT count(*) FROM case_events WHERE case_id = $1)::int AS long`,
        [LONG_CASE],
      )
    ).rows[0]!;
    log(`Casework: ${JSON.stringify(rows)}${load.loaded ? ` (loaded in ${load.seconds} s)` : ''}`);
    const note = `${rows.cases} cases, ${rows.events} events, ${rows.attendance} attendance rows`;
    // The server's job folds the people the load marked into the people-served rollup
    // (migration 0030); the province's outputs are measured once it has caught up.
    const fold = await waitForFold(c, log);
    figures.push({
      name: 'people-served rollup: the job catching up after the load',
      path: 'job outputs-people-fold',
      stat: 'seconds',
      value: fold.seconds,
      note: `${fold.marked} people marked when the wait began; the job runs each minute for up to 50 s`,
    });
    const sw = await login(base, 'bench.sw', 'Bench@2026');
    const floorMs = await ctx.loop(base, '', ['/api/v1/_bench/floor'], () => undefined);
    figures.push({
      name: 'floor (one SELECT by key), casework group',
      path: '/api/v1/_bench/floor',
      stat: 'p95',
      value: pct(floorMs, 95),
      p50: pct(floorMs, 50),
    });
    log(`  floor: p95 ${pct(floorMs, 95)} ms`);
    const today = shanghaiToday(new Date());
    const yearAgo = addDays(today, -364);
    const district = ctx.street.slice(0, 6) + '000000';
    const measures: {
      name: string;
      path: string;
      cookie: string;
      target: number;
      n?: number;
      check: (b: Record<string, unknown>) => void;
    }[] = [
      {
        name: '工作台 with casework: social worker',
        path: '/api/v1/dashboard',
        cookie: sw,
        target: 50,
        check: (b) => {
          if ((b.cases as { active: number }).active < 1) throw new Error('the worker has no active cases');
        },
      },
      {
        name: "worker's home: my open cases (first page)",
        path: '/api/v1/cases?worker=me&stage=open&pageSize=10',
        cookie: sw,
        target: 50,
        check: (b) => {
          if (!(b.total as number)) throw new Error('no open cases');
        },
      },
      {
        name: "worker's home: my due tasks",
        path: '/api/v1/follow-ups?mine=true&status=open&pageSize=10',
        cookie: sw,
        target: 50,
        check: () => undefined,
      },
      {
        name: 'case timeline, 500 events',
        path: `/api/v1/cases/${LONG_CASE}/timeline`,
        cookie: sw,
        target: 50,
        check: (b) => {
          if ((b.items as unknown[]).length < 500) throw new Error(`timeline of ${(b.items as unknown[]).length} events`);
        },
      },
      {
        name: 'outputs, one district by street, a year',
        path: `/api/v1/outputs?area=${district}&from=${yearAgo}&to=${today}`,
        cookie: ctx.provinceCookie,
        target: 200,
        n: Math.min(ctx.requests, 100),
        check: (b) => {
          if (!((b.totals as { personTimes: number }).personTimes > 0)) throw new Error('no person-times in the district');
        },
      },
      {
        name: 'outputs, one city by district, a year',
        path: `/api/v1/outputs?area=${district.slice(0, 4)}00000000&from=${yearAgo}&to=${today}`,
        cookie: ctx.provinceCookie,
        target: 1000,
        n: Math.min(ctx.requests, 20),
        check: (b) => {
          if (!((b.totals as { people: number }).people > 0)) throw new Error('no people served in the city');
        },
      },
      {
        name: 'outputs, whole province by city, a year',
        path: `/api/v1/outputs?area=350000000000&from=${yearAgo}&to=${today}`,
        cookie: ctx.provinceCookie,
        target: 1000,
        n: Math.min(ctx.requests, 20),
        check: (b) => {
          if ((b.rows as unknown[]).length < 9) throw new Error('the province has fewer than 9 cities');
        },
      },
    ];
    for (const m of measures) {
      const ms = await ctx.loop(base, m.cookie, [m.path], m.check, m.n ?? ctx.requests);
      figures.push({
        name: m.name,
        path: m.path,
        stat: 'p95',
        value: pct(ms, 95),
        p50: pct(ms, 50),
        target: m.target,
        note: `${ms.length} requests; ${note}`,
      });
      log(`  ${m.name}: p95 ${pct(ms, 95)} ms, p50 ${pct(ms, 50)} ms`);
    }
    const after = await ctx.loop(base, '', ['/api/v1/_bench/floor'], () => undefined);
    figures.push({
      name: 'floor again, after the casework figures',
      path: '/api/v1/_bench/floor',
      stat: 'p95',
      value: pct(after, 95),
      p50: pct(after, 50),
    });
  } finally {
    await c.end();
  }
  return figures;
}
