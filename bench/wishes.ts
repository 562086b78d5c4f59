// `npm run bench -- wishes` (issue 11): the public wish board with 100,000 wishes (wishes-data.ts)
// in a named PostgreSQL database (BENCH_WISHES_DB; kept with BENCH_KEEP_DB=1 and reused), through
// the HTTP API: autocannon at 50 connections on the board's first page filtered by district
// (target ≥ 2,000 req/s, p99 < 50 ms, ≥ 0.5× the floor measured before and after it in the same
// run), each request from its own client address as phones are (the board is rate-limited per
// address; the server trusts X-Forwarded-For here); then 200 public accounts claim one wish at
// once (target: exactly one winner, the rest a clear 409, the database holding one claim).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuProbe } from './cpu.ts';
import { createBenchDatabase, dropBenchDatabase, loadBenchData, withDatabaseName } from './data.ts';
import { startServer } from './server.ts';
import { claimants, CLAIMANTS, loadWishes, WISHES } from './wishes-data.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = process.env.BENCH_WISHES_DB ?? 'wushe_bench_wishes';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const RACE_WISH = '01900000-0000-7000-8000-0000000000aa';
const BOARD = '/api/v1/public/wishes?area=350206&pageSize=10';
const FLOOR = '/api/v1/_bench/floor';
const log = (m: string) => console.log(m);

async function prepare(): Promise<{ url: string; loaded: Record<string, number> | null }> {
  const url = withDatabaseName(ADMIN_URL, DB);
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    const n = (await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM wishes`)).rows[0]!.n;
    if (n < WISHES) throw new Error(`${DB} exists with ${n} wishes: drop it first`);
    log(`Reusing ${DB} (${n.toLocaleString()} wishes); the race wish is put back on the board.`);
    await probe.query(`DELETE FROM wish_events WHERE wish_id = $1`, [RACE_WISH]);
    await probe.query(`DELETE FROM audit_log WHERE target_id = $1`, [RACE_WISH]).catch(() => undefined);
    await probe.query(`DELETE FROM wish_claims WHERE wish_id = $1`, [RACE_WISH]);
    await probe.query(`UPDATE wishes SET status = 'published', first_claimed_at = NULL, version = 1 WHERE id = $1`, [RACE_WISH]);
    return { url, loaded: null };
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
    return { url, loaded: await loadWishes(c, log) };
  } finally {
    await c.end();
  }
}

/** A client address of its own for every request (10.0.0.0/8, in turn). */
let seq = 0;
const nextAddress = () => {
  seq = (seq + 1) % 16_000_000;
  return `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
};

interface Line {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  cpuServerMs: number;
  cpuPostgresMs: number;
}

async function cannon(base: string, p: string, probe: ReturnType<typeof cpuProbe>, name: string): Promise<Line> {
  const opts = {
    url: base + p,
    connections: CONNECTIONS,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [
      {
        setupRequest: (req: { headers?: Record<string, string> }) => ({
          ...req,
          headers: { ...req.headers, 'x-forwarded-for': nextAddress() },
        }),
      },
    ],
  };
  await autocannon({ ...opts, duration: WARMUP });
  const before = await probe.sample();
  const r = await autocannon({ ...opts, duration: DURATION });
  const cpu = probe.perRequest(before, await probe.sample(), r.requests.total);
  const line = {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpuServerMs: cpu.serverMs,
    cpuPostgresMs: cpu.postgresMs,
  };
  log(`  ${name.padEnd(8)} ${line.rps.toFixed(0).padStart(6)} req/s  p50 ${line.p50} ms  p99 ${line.p99} ms  non-2xx ${line.non2xx}`);
  return line;
}

/** 200 accounts claim the race wish at the same moment; counts the answers and the claims kept. */
async function race(base: string, url: string) {
  const people = claimants();
  const t0 = performance.now();
  const answers = await Promise.all(
    people.map(async (p) => {
      const res = await fetch(`${base}/api/v1/public/account/wishes/${RACE_WISH}/claims`, {
        method: 'POST',
        headers: { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
        body: JSON.stringify({ kind: 'person' }),
      });
      return { status: res.status, code: res.status === 409 ? ((await res.json()) as { code: string }).code : null };
    }),
  );
  const ms = performance.now() - t0;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const held = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM wish_claims WHERE wish_id = $1`, [RACE_WISH])).rows[0]!.n;
  await c.end();
  const by: Record<string, number> = {};
  for (const a of answers) {
    const key = a.code ? `${a.status} ${a.code}` : String(a.status);
    by[key] = (by[key] ?? 0) + 1;
  }
  const winners = answers.filter((a) => a.status === 200 || a.status === 201).length;
  log(`  race: ${CLAIMANTS} claims in ${ms.toFixed(0)} ms → ${JSON.stringify(by)}; claims in the database: ${held}`);
  return {
    claimants: CLAIMANTS,
    ms,
    answers: by,
    winners,
    claimsKept: held,
    pass: winners === 1 && held === 1 && answers.length === CLAIMANTS,
  };
}

async function main() {
  const started = Date.now();
  const { url, loaded } = await prepare();
  const server = await startServer(ROOT, url, { WUSHE_TRUST_PROXY: 'true' });
  let lines: Line[] = [];
  let claim: Awaited<ReturnType<typeof race>>;
  try {
    const first = (await (await fetch(server.base + BOARD)).json()) as { items: unknown[]; total: number };
    if (first.items?.length !== 10) throw new Error(`the board answered ${JSON.stringify(first).slice(0, 300)}`);
    log(
      `Board: 湖里区 has ${first.total.toLocaleString()} wishes on the board. Autocannon ${CONNECTIONS} connections, ${DURATION} s each…`,
    );
    const probe = cpuProbe(server.child.pid!, url);
    lines = [
      await cannon(server.base, FLOOR, probe, 'floor'),
      await cannon(server.base, BOARD, probe, 'board'),
      await cannon(server.base, FLOOR, probe, 'floor'),
    ];
    claim = await race(server.base, url);
  } finally {
    await server.stop();
    if (process.env.BENCH_KEEP_DB !== '1') await dropBenchDatabase(ADMIN_URL, DB);
  }
  const floorRps = (lines[0]!.rps + lines[2]!.rps) / 2;
  const board = lines[1]!;
  const ratio = board.rps / floorRps;
  const boardPass = board.rps >= 2000 && board.p99 < 50 && ratio >= 0.5 && board.non2xx === 0 && board.errors === 0;
  const date = new Date().toISOString().slice(0, 10);
  const label = process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : '';
  const base = path.join(ROOT, 'bench/results', `wishes-${date}${label}`);
  const cpus = os.cpus().length;
  fs.writeFileSync(
    `${base}.json`,
    JSON.stringify(
      {
        date,
        cpus,
        database: DB,
        wishes: WISHES,
        loadSeconds: loaded,
        lines,
        ratio,
        boardPass,
        claim,
        seconds: (Date.now() - started) / 1000,
      },
      null,
      2,
    ) + '\n',
  );
  const md = [
    `# Wishes benchmark ${date}${label}`,
    '',
    `PostgreSQL, ${WISHES.toLocaleString()} wishes over 厦门市 (wishes-data.ts), ${cpus} CPUs shared by the server, PostgreSQL and autocannon.`,
    `Autocannon ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s measured, each request with its own X-Forwarded-For.`,
    '',
    '| Route | req/s | p50 ms | p99 ms | non-2xx | CPU/req server ms | CPU/req PostgreSQL ms |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...lines.map((l) => `| ${l.name} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${l.non2xx} | ${l.cpuServerMs} | ${l.cpuPostgresMs} |`),
    '',
    `Board (\`${BOARD}\`): ${board.rps.toFixed(0)} req/s (target ≥ 2,000), p99 ${board.p99} ms (< 50), ${ratio.toFixed(2)}× the floor (≥ 0.5): ${boardPass ? 'PASS' : 'FAIL'}.`,
    '',
    `Claim race: ${claim!.claimants} public accounts claim one wish at once, in ${claim!.ms.toFixed(0)} ms: ${JSON.stringify(claim!.answers)}; ` +
      `claims kept ${claim!.claimsKept} (target: one winner, one claim): ${claim!.pass ? 'PASS' : 'FAIL'}.`,
    '',
    loaded
      ? `Load: ${Object.entries(loaded)
          .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
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
