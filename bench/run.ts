// `npm run bench`: the foundation benchmark (`npm run bench -- residents`: residents.ts). A fresh PostgreSQL database with all of 福建省 and
// 5,000 accounts, the real server in a child process, autocannon against three API routes, each
// beside a floor route (one SELECT by primary key on the same pool) measured in the same run.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_USER, createBenchDatabase, dropBenchDatabase, loadBenchData, type Counts } from './data.ts';
import { judge, machine, markdownTable, writeReport, type Measured, type Report } from './report.ts';
import { cpuProbe } from './cpu.ts';
import { login, startServer, type RunningServer } from './server.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? '10';

const FLOOR = { name: 'floor', path: '/api/v1/_bench/floor' };
const ALL_TARGETS = [
  { name: 'me', path: '/api/v1/auth/me' },
  { name: 'area-children', path: `/api/v1/areas?parent=${BENCH_USER.area}` },
  { name: 'org-list', path: '/api/v1/orgs?page=3&pageSize=20' },
];
// BENCH_ONLY=me,org-list measures a subset (for profiling with BENCH_SERVER_NODE_ARGS=--cpu-prof).
const ONLY = process.env.BENCH_ONLY?.split(',');
const TARGETS = ONLY ? ALL_TARGETS.filter((t) => ONLY.includes(t.name)) : ALL_TARGETS;

const log = (m: string) => console.log(m);

type Probe = ReturnType<typeof cpuProbe>;

async function measure(base: string, cookie: string, t: { name: string; path: string }, probe: Probe): Promise<Measured> {
  // The floor goes without the cookie: with it, the session hook would add a round trip.
  // Like a browser, every request accepts gzip; the floor carries no session.
  const headers: Record<string, string> =
    t === FLOOR ? { 'accept-encoding': 'gzip, deflate, br' } : { cookie, 'accept-encoding': 'gzip, deflate, br' };
  const opts = { url: base + t.path, connections: CONNECTIONS, headers };
  await autocannon({ ...opts, duration: WARMUP });
  const before = await probe.sample();
  const r = await autocannon({ ...opts, duration: DURATION });
  const cpu = probe.perRequest(before, await probe.sample(), r.requests.total);
  const m: Measured = {
    name: t.name,
    path: t.path,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpu,
  };
  log(
    `  ${t.name.padEnd(14)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  non-2xx ${m.non2xx}  errors ${m.errors}  ` +
      `CPU/req: server ${cpu.serverMs} ms, postgres ${cpu.postgresMs} ms`,
  );
  return m;
}

/** A benchmark of 401s is worthless: every route must answer 200 with the expected shape first. */
async function checkRoutes(base: string, cookie: string) {
  const get = async (p: string) => {
    const res = await fetch(base + p, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  if (!(await fetch(base + FLOOR.path)).ok) throw new Error('the floor route is not there (WUSHE_BENCH_FLOOR)');
  const me = await get(ALL_TARGETS[0]!.path);
  if (me.username !== BENCH_USER.username) throw new Error(`/auth/me is not the bench account: ${JSON.stringify(me)}`);
  const areas = (await get(ALL_TARGETS[1]!.path)) as { items: unknown[] };
  if (!areas.items.length) throw new Error('the area lookup returned no children');
  const orgs = (await get(ALL_TARGETS[2]!.path)) as { items: unknown[]; total: number };
  if (orgs.items.length !== 20 || orgs.total <= 60) throw new Error(`the org list is too shallow: ${orgs.items.length} of ${orgs.total}`);
  return { areaChildren: areas.items.length, orgsInScope: orgs.total };
}

async function postgresVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  } finally {
    await c.end();
  }
}

async function main() {
  const started = Date.now();
  const dbName = `wushe_bench_${Date.now()}`;
  let server: RunningServer | undefined;
  let created = false;
  const cleanup = async () => {
    await server?.stop();
    server = undefined;
    if (created && !process.env.BENCH_KEEP_DB)
      await dropBenchDatabase(ADMIN_URL, dbName).catch((e) => console.error(`could not drop ${dbName}:`, e));
    created = false;
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    log(`Creating database ${dbName}…`);
    const url = await createBenchDatabase(ADMIN_URL, dbName);
    created = true;
    log('Loading 福建省 and generated data…');
    const counts: Counts = await loadBenchData(url, log);
    log(`  ${counts.orgs} organisations, ${counts.users} accounts (${((Date.now() - started) / 1000).toFixed(0)} s so far)`);

    server = await startServer(ROOT, url, { DATABASE_POOL_SIZE: POOL_SIZE });
    const cookie = await login(server.base, BENCH_USER.username, BENCH_USER.password);
    const shape = await checkRoutes(server.base, cookie);
    log(`Server at ${server.base}; ${shape.areaChildren} children of ${BENCH_USER.area}, ${shape.orgsInScope} organisations in scope.`);

    log(`Measuring (${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s each)…`);
    const probe = cpuProbe(server.child.pid!, url);
    const loadBefore = os.loadavg()[0]!;
    // Each route runs between two floor runs and is judged against their mean: load from
    // elsewhere on the machine drifts, and a neighbouring floor sees the same drift.
    const floors: Measured[] = [await measure(server.base, cookie, FLOOR, probe)];
    const targets = [];
    for (const t of TARGETS) {
      const m = await measure(server.base, cookie, t, probe);
      floors.push(await measure(server.base, cookie, FLOOR, probe));
      targets.push(judge(m, [floors.at(-2)!, floors.at(-1)!]));
    }
    const loadAfter = os.loadavg()[0]!;
    const floorFailures = floors.filter((f) => f.non2xx || f.errors || f.timeouts);
    if (floorFailures.length) log(`WARNING: the floor had failures: ${JSON.stringify(floorFailures)}`);
    const report: Report = {
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      postgres: await postgresVersion(url),
      settings: {
        connections: CONNECTIONS,
        warmupSeconds: WARMUP,
        durationSeconds: DURATION,
        poolSize: Number(POOL_SIZE),
        logLevel: 'warn',
        loadAverage1m: { before: loadBefore, after: loadAfter },
      },
      rows: { ...counts, areaChildren: shape.areaChildren, orgsInScope: shape.orgsInScope },
      floor: { runs: floors, taken: 'for each route, the mean of the floor runs just before and just after it' },
      targets,
      pass: targets.every((t) => t.pass),
    };
    const files = writeReport(path.join(HERE, 'results'), report);
    log('');
    log(markdownTable(report));
    log('');
    log(
      report.pass
        ? 'PASS: every route meets the target.'
        : `FAIL: ${targets
            .filter((t) => !t.pass)
            .map((t) => t.name)
            .join(', ')} missed the target.`,
    );
    log(
      `Written ${path.relative(ROOT, files.json)} and ${path.relative(ROOT, files.md)} in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
  } finally {
    await cleanup();
  }
}

// `npm run bench -- residents` (or load) or BENCH_SUITE=residents runs that benchmark instead.
const SUITE = process.env.BENCH_SUITE ?? process.argv[2] ?? 'foundation';
if (SUITE === 'residents') {
  const { runResidents } = await import('./residents.ts');
  runResidents();
} else if (SUITE === 'load') {
  await import('./load.ts');
} else if (SUITE === 'workforce') {
  await import('./workforce.ts');
} else if (SUITE === 'wishes') {
  await import('./wishes.ts');
} else if (SUITE === 'matcher') {
  await import('./matcher.ts');
} else if (SUITE === 'foundation') {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
} else {
  console.error(`unknown benchmark suite ${SUITE} (foundation, residents, load, workforce, wishes or matcher)`);
  process.exit(2);
}
