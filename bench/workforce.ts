// `npm run bench -- workforce` (issue 10): a province-sized workforce (workforce-data.ts: 100,000
// workers, 300,000 certificates, 2,000,000 training attendances, 5 years of exams) in a named
// PostgreSQL database (BENCH_WORKFORCE_DB, kept with BENCH_KEEP_DB=1 and reused when it has the
// workers), measured through the HTTP API sequentially beside the floor route in the same run:
// the dashboard of the province by city (target < 500 ms), of a district by street (< 100 ms),
// and a city's list of workers behind on continuing education, page 3 (p95 < 50 ms).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createBenchDatabase, dropBenchDatabase, loadBenchData, withDatabaseName } from './data.ts';
import { getJson } from './residents-http.ts';
import { median, pct } from './residents-report.ts';
import { login, startServer } from './server.ts';
import { loadWorkforce, WF_USER, WORKERS } from './workforce-data.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = process.env.BENCH_WORKFORCE_DB ?? 'wushe_bench_workforce';
const N = Number(process.env.BENCH_REQUESTS ?? 100);
const N_SLOW = Number(process.env.BENCH_SLOW_REQUESTS ?? 20);
const log = (m: string) => console.log(m);

interface Line {
  name: string;
  target: string;
  n: number;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
  pass: boolean;
}

async function timed(base: string, cookie: string, paths: string[], n: number, check: (b: Record<string, unknown>) => void) {
  for (let i = 0; i < 3; i++) await getJson(base, cookie, paths[i % paths.length]!);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const b = await getJson(base, cookie, paths[i % paths.length]!);
    ms.push(performance.now() - t0);
    check(b);
  }
  return ms;
}

async function prepare(): Promise<{ url: string; loaded: Record<string, number> | null }> {
  const url = withDatabaseName(ADMIN_URL, DB);
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    const n = (await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM workers`)).rows[0]!.n;
    if (n >= WORKERS) {
      log(`Reusing ${DB} (${n.toLocaleString()} workers).`);
      return { url, loaded: null };
    }
    throw new Error(`${DB} exists with ${n} workers: drop it first`);
  } catch (e) {
    if (!(e instanceof Error) || !/does not exist/.test(e.message)) throw e;
  } finally {
    await probe.end().catch(() => undefined);
  }
  log(`Creating database ${DB} (福建省, accounts)…`);
  await createBenchDatabase(ADMIN_URL, DB);
  await loadBenchData(url, log);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return { url, loaded: await loadWorkforce(c, log) };
  } finally {
    await c.end();
  }
}

async function main() {
  const started = Date.now();
  const { url, loaded } = await prepare();
  const server = await startServer(ROOT, url);
  const lines: Line[] = [];
  try {
    const cookie = await login(server.base, WF_USER.username, WF_USER.password);
    const floor = () => timed(server.base, '', ['/api/v1/_bench/floor'], N, () => undefined);
    const measure = async (
      name: string,
      target: string,
      paths: string[],
      n: number,
      limit: number,
      by: 'p50' | 'p95',
      check: (b: Record<string, unknown>) => void,
    ) => {
      const before = await floor();
      log(`${name}…`);
      const ms = await timed(server.base, cookie, paths, n, check);
      const after = await floor();
      const fl = [...before, ...after];
      const line = { name, target, n, p50: median(ms), p95: pct(ms, 95), floorP50: median(fl), floorP95: pct(fl, 95), pass: false };
      line.pass = line[by] < limit;
      log(
        `  p50 ${line.p50.toFixed(1)} ms, p95 ${line.p95.toFixed(1)} ms (floor p50 ${line.floorP50.toFixed(1)}, p95 ${line.floorP95.toFixed(1)})`,
      );
      lines.push(line);
    };
    const rowsOf = (b: Record<string, unknown>, min: number) => {
      if (!Array.isArray(b.rows) || b.rows.length < min) throw new Error(`expected ≥ ${min} rows: ${JSON.stringify(b).slice(0, 200)}`);
    };
    await measure('dashboard: 福建省 by city', 'p50 < 500 ms', ['/api/v1/workforce/dashboard?area=350000000000'], N_SLOW, 500, 'p50', (b) =>
      rowsOf(b, 9),
    );
    await measure('dashboard: 湖里区 by street', 'p50 < 100 ms', ['/api/v1/workforce/dashboard?area=350206000000'], N, 100, 'p50', (b) =>
      rowsOf(b, 3),
    );
    await measure(
      'CE behind: 厦门市, page 3 of 20',
      'p95 < 50 ms',
      ['/api/v1/ce-hours/behind?area=350200000000&page=3&pageSize=20'],
      N,
      50,
      'p95',
      (b) => {
        if (!Array.isArray(b.items) || b.items.length !== 20) throw new Error(`expected a full page: ${JSON.stringify(b).slice(0, 200)}`);
      },
    );
  } finally {
    await server.stop();
    if (process.env.BENCH_KEEP_DB !== '1') await dropBenchDatabase(ADMIN_URL, DB);
  }
  const date = new Date().toISOString().slice(0, 10);
  const label = process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : '';
  const dir = path.join(ROOT, 'bench/results');
  const base = path.join(dir, `workforce-${date}${label}`);
  const report = {
    date,
    label: process.env.BENCH_LABEL ?? null,
    database: DB,
    loadSeconds: loaded,
    lines,
    seconds: (Date.now() - started) / 1000,
  };
  fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  const f = (x: number) => x.toFixed(1);
  const md = [
    `# Workforce benchmark ${date}${label}`,
    '',
    `PostgreSQL, ${WORKERS.toLocaleString()} workers (workforce-data.ts), sequential requests through the HTTP API; the floor`,
    '(`/api/v1/_bench/floor`, one SELECT by key) measured just before and after each figure. The machine is shared: read each',
    'figure beside its floor.',
    '',
    '| Figure | Target | n | p50 ms | p95 ms | floor p50 ms | floor p95 ms | |',
    '| --- | --- | --: | --: | --: | --: | --: | --- |',
    ...lines.map(
      (l) =>
        `| ${l.name} | ${l.target} | ${l.n} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.floorP50)} | ${f(l.floorP95)} | ${l.pass ? 'PASS' : 'FAIL'} |`,
    ),
    '',
    loaded
      ? `Load: ${Object.entries(loaded)
          .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
          .join(', ')}.`
      : 'Database reused (loaded earlier).',
    '',
  ].join('\n');
  fs.writeFileSync(`${base}.md`, md);
  log(md);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
