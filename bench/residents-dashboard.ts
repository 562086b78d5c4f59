// BENCH_ONLY=dashboard (issue 8): each role's 工作台 (a social worker and a station head of one
// street, the province official), the nightly coverage snapshot for the whole province, and the
// province's 12-month trend by city read from the snapshots.
//
// Setup (idempotent, so a kept database can be measured again): a worker and a head in the
// street of the first sample resident, two thirds of that street's residents assigned to the
// worker. Snapshots: the first run on a fresh database backfills the 12 past month-ends and the
// last week (reported, no target); the nightly figure is a run that owes only yesterday.
import { addDays, shanghaiToday } from '@wushe/core';
import { openDatabase, stableId } from '@wushe/db';
import pg from 'pg';
import { takeCoverageSnapshots } from '../apps/server/src/modules/coverage/snapshots.jobs.ts';
import { pct, type Figure } from './residents-report.ts';
import { login } from './server.ts';

const PASSWORD = 'Bench@2026';

interface Ctx {
  base: string;
  url: string;
  provinceCookie: string;
  street: string; // 12-digit street code
  requests: number;
  log: (m: string) => void;
  loop: (
    base: string,
    cookie: string,
    paths: string[],
    check: (b: Record<string, unknown>, i: number) => void,
    n?: number,
  ) => Promise<number[]>;
}

/** A worker and a head in the street, two thirds of its residents assigned to the worker (idempotent). */
export async function setupStreet(c: pg.Client, street: string) {
  const hash = (await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'bench.official'`)).rows[0]!
    .password_hash;
  const accounts = [
    { username: 'bench.sw', role: 'social_worker', name: '测试社工' },
    { username: 'bench.head', role: 'station_head', name: '测试站长' },
  ];
  for (const a of accounts) {
    await c.query(
      `INSERT INTO users (id, username, display_name, password_hash, role_id, org_id, area_code, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7, false) ON CONFLICT DO NOTHING`,
      [
        stableId(`bench:user:${a.username}`),
        a.username,
        a.name,
        hash,
        stableId(`role:${a.role}`),
        stableId(`bench:org:station:${street}`),
        street,
      ],
    );
  }
  const sw = stableId('bench:user:bench.sw');
  const prefix = street.slice(0, 9);
  const assigned = await c.query(
    `UPDATE residents SET assigned_worker_id = $1
     WHERE area_code >= $2 AND area_code < $3 AND abs(hashtext(id::text)) % 3 <> 0 AND assigned_worker_id IS DISTINCT FROM $1`,
    [sw, prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)],
  );
  const caseload = (
    await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE assigned_worker_id = $1 AND status = 'active'`, [sw])
  ).rows[0]!.n;
  await c.query('ANALYZE residents');
  return { newlyAssigned: assigned.rowCount ?? 0, caseload };
}

export async function measureDashboard(ctx: Ctx): Promise<Figure[]> {
  const { base, url, log } = ctx;
  const figures: Figure[] = [];
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const { caseload } = await setupStreet(c, ctx.street);
    log(`Dashboard: street ${ctx.street}, the worker's caseload ${caseload}`);

    // Snapshots: the first run (backfill) if the database has none, then a nightly run owing only yesterday.
    const today = shanghaiToday(new Date());
    let t0 = performance.now();
    const first = await takeCoverageSnapshots(database, '35');
    if (first.dates.length) {
      const s = (performance.now() - t0) / 1000;
      figures.push({
        name: `coverage snapshots, first run (backfill of ${first.dates.length} dates), province`,
        path: 'job coverage-snapshot',
        stat: 'seconds',
        value: Math.round(s * 10) / 10,
        note: `${first.rows} rows`,
      });
      log(`  snapshot backfill: ${first.dates.length} dates, ${first.rows} rows in ${s.toFixed(1)} s`);
    }
    await c.query(`DELETE FROM coverage_snapshots WHERE on_date = $1`, [addDays(today, -1)]);
    t0 = performance.now();
    const nightly = await takeCoverageSnapshots(database, '35');
    const nightlySeconds = (performance.now() - t0) / 1000;
    if (nightly.dates.length !== 1) throw new Error(`the nightly run took ${nightly.dates.length} dates, not 1`);
    figures.push({
      name: 'nightly coverage snapshot, whole province',
      path: 'job coverage-snapshot',
      stat: 'seconds',
      value: Math.round(nightlySeconds * 100) / 100,
      target: 60,
      note: `${nightly.rows} areas (province, cities, counties, streets)`,
    });
    log(`  nightly snapshot: ${nightly.rows} rows in ${nightlySeconds.toFixed(2)} s`);

    const trendPath = '/api/v1/coverage/trend?area=350000000000&months=12';
    const trendMs = await ctx.loop(base, ctx.provinceCookie, [trendPath], (b) => {
      const children = b.children as { points: { date: string | null }[] }[];
      if (children.length < 9 || !children[0]!.points.some((p) => p.date))
        throw new Error('the province trend has no cities or no snapshot');
    });
    figures.push({
      name: '12-month coverage trend, province by city',
      path: trendPath,
      stat: 'p95',
      value: pct(trendMs, 95),
      p50: pct(trendMs, 50),
      target: 200,
    });

    // The floor in the same minutes, so the figures can be read against the machine's state.
    const floorMs = await ctx.loop(base, '', ['/api/v1/_bench/floor'], () => undefined);
    figures.push({
      name: 'floor (one SELECT by key), dashboard group',
      path: '/api/v1/_bench/floor',
      stat: 'p95',
      value: pct(floorMs, 95),
      p50: pct(floorMs, 50),
    });
    log(`  floor: p95 ${pct(floorMs, 95)} ms, p50 ${pct(floorMs, 50)} ms`);
    const roles = [
      {
        name: "工作台: social worker's caseload",
        cookie: await login(base, 'bench.sw', PASSWORD),
        kind: 'worker',
        target: 50,
        n: ctx.requests,
      },
      {
        name: "工作台: station head's street",
        cookie: await login(base, 'bench.head', PASSWORD),
        kind: 'station',
        target: 50,
        n: ctx.requests,
      },
      { name: '工作台: province official by city', cookie: ctx.provinceCookie, kind: 'area', target: 300, n: Math.min(ctx.requests, 100) },
    ];
    for (const r of roles) {
      const ms = await ctx.loop(
        base,
        r.cookie,
        ['/api/v1/dashboard'],
        (b) => {
          if (b.kind !== r.kind) throw new Error(`${r.name}: kind ${String(b.kind)}`);
          if (r.kind === 'worker' && b.caseload !== caseload)
            throw new Error(`worker caseload ${String(b.caseload)}, expected ${caseload}`);
        },
        r.n,
      );
      figures.push({
        name: r.name,
        path: '/api/v1/dashboard',
        stat: 'p95',
        value: pct(ms, 95),
        p50: pct(ms, 50),
        target: r.target,
        note: `${ms.length} requests`,
      });
      log(`  ${r.name}: p95 ${pct(ms, 95)} ms, p50 ${pct(ms, 50)} ms`);
    }
  } finally {
    await database.close();
    await c.end();
  }
  return figures;
}
