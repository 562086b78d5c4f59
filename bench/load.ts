// `npm run bench -- load`: heavy work beside everyday requests (issue 7). The real server in a
// child process on a fresh PostgreSQL database with the 湖里区 demo and 50,000 residents in one
// street; /api/v1/health is polled every 20 ms, first with nothing else running (the floor),
// then while three 50,000-row Excel exports download and a resident import runs. The figure is
// the slowest health answer under load, against 100 ms; results in bench/results/load-<date>.*.
// Development knobs: BENCH_LOAD_EXPORTS (default 3), BENCH_LOAD_IMPORT_ROWS (20,000),
// BENCH_LOAD_PATH (the polled route; /api/v1/public/config touches no database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskIdNumber } from '@wushe/core';
import { loadOrCreateKeys } from '@wushe/db';
import { DEMO_PASSWORD } from '@wushe/db/demo';
import pg from 'pg';
import { createBenchDatabase, dropBenchDatabase } from './data.ts';
import { commit, labelSuffix, labelTitle, machine } from './report.ts';
import { importRows, toCsv } from './residents-files.ts';
import { pct } from './residents-report.ts';
import { login, startServer, type RunningServer } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 50_000);
const IMPORT_ROWS = Number(process.env.BENCH_LOAD_IMPORT_ROWS ?? 20_000);
const EXPORTS = Number(process.env.BENCH_LOAD_EXPORTS ?? 3);
const STREET = '350206004000'; // 江头街道
const COMMUNITY = '350206004001';
const TARGET_MS = 100;
const log = (m: string) => console.log(m);

/** Polls health every 20 ms until `done()`; each answer's milliseconds. */
async function pollHealth(base: string, done: () => boolean, at: number[] = []): Promise<number[]> {
  const out: number[] = [];
  while (!done()) {
    const t0 = performance.now();
    const res = await fetch(`${base}${process.env.BENCH_LOAD_PATH ?? '/api/v1/health'}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`health answered ${res.status}`);
    out.push(performance.now() - t0);
    at.push(t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

async function loadResidents(url: string, dataDir: string) {
  const keys = loadOrCreateKeys(dataDir); // the server's own key file
  const id = '350206195001011234';
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO residents (id, area_code, name, name_initials, name_grams, id_cipher, id_hash, id_masked, sex,
         birth_date, phone_masked, categories, care_level, registered_on, next_due_on, consent, address)
       SELECT gen_random_uuid(), $1, '测试' || i, 'cs', ARRAY['测试'], $2, md5('load-' || i), $3, 'female',
         date '1950-01-01' + (i % 9000), '139****0000', ARRAY['living_alone'], 1 + i % 4, date '2026-01-01',
         date '2026-12-01' + (i % 60), '{"purpose":"社区关爱服务","date":"2026-01-01","givenBy":"测试","byGuardian":false}'::jsonb,
         '江头街道 ' || i || ' 号'
       FROM generate_series(1, $4::int) AS i`,
      [COMMUNITY, keys.seal(id), maskIdNumber(id), EXPORT_ROWS],
    );
    await c.query('VACUUM ANALYZE residents');
  } finally {
    await c.end();
  }
}

async function csrfOf(base: string, cookie: string) {
  const me = (await (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return me.csrfToken;
}

async function exportOnce(base: string, cookie: string): Promise<{ seconds: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/residents/export?area=${STREET}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length; // read and drop, as a browser saving a file
  return { seconds: (performance.now() - t0) / 1000, bytes };
}

async function importOnce(base: string, cookie: string, body: Buffer): Promise<{ seconds: number; accepted: number }> {
  const t0 = performance.now();
  const headers = { cookie, 'content-type': 'text/csv', 'x-csrf-token': await csrfOf(base, cookie) };
  const res = await fetch(`${base}/api/v1/residents/import?filename=load.csv&mode=valid_rows`, { method: 'POST', headers, body });
  if (res.status !== 202) throw new Error(`import answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const { id } = (await res.json()) as { id: string };
  log(`  import accepted (202) after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const j = (await (await fetch(`${base}/api/v1/residents/import/${id}`, { headers: { cookie } })).json()) as Record<string, unknown>;
    if (j.status === 'failed') throw new Error(`import failed: ${String(j.error)}`);
    if (j.status === 'done') return { seconds: (performance.now() - t0) / 1000, accepted: Number(j.accepted) };
  }
}

const summary = (xs: number[]) => `${xs.length} polls, p50 ${pct(xs, 50)} ms, p99 ${pct(xs, 99)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

async function main() {
  const dbName = `wushe_bench_${Date.now()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-load-'));
  let server: RunningServer | undefined;
  let created = false;
  try {
    log(`Creating database ${dbName}…`);
    const url = await createBenchDatabase(ADMIN_URL, dbName);
    created = true;
    const env = { WUSHE_DATA_DIR: dataDir, WUSHE_DEMO: '1', WUSHE_AREA: '350206', WUSHE_BENCH_FLOOR: '0' };
    server = await startServer(ROOT, url, env);
    log(`Loading ${EXPORT_ROWS.toLocaleString()} residents into 江头街道…`);
    await loadResidents(url, dataDir);
    const base = server.base;
    const official = await login(base, 'huli', DEMO_PASSWORD);
    const worker = await login(base, 'jiangtou.sw', DEMO_PASSWORD);
    const csv = toCsv(importRows(3, [COMMUNITY], IMPORT_ROWS));

    // Warm up: one export and one health poll, so the first figures are not JIT compilation.
    await exportOnce(base, official);
    log('Floor: health polls for 5 s with nothing else running…');
    const idleUntil = performance.now() + 5000;
    const idle = await pollHealth(base, () => performance.now() > idleUntil);
    log(`  ${summary(idle)}`);

    log(`Load: ${EXPORTS} exports of ${EXPORT_ROWS.toLocaleString()} rows and an import of ${IMPORT_ROWS.toLocaleString()} rows…`);
    let running = true;
    const t0 = performance.now();
    const work = Promise.all([...Array.from({ length: EXPORTS }, () => exportOnce(base, official)), importOnce(base, worker, csv)]).finally(
      () => (running = false),
    );
    const startedAt: number[] = [];
    const loaded = await pollHealth(base, () => !running, startedAt);
    const worst = loaded.map((ms, i) => ({ ms, at: (startedAt[i]! - t0) / 1000 })).sort((a, b) => b.ms - a.ms);
    log(
      `  slowest: ${worst
        .slice(0, 5)
        .map((w) => `${w.ms.toFixed(0)} ms at ${w.at.toFixed(1)} s`)
        .join(', ')}`,
    );
    const results = await work;
    const exportsDone = results.slice(0, EXPORTS) as { seconds: number; bytes: number }[];
    const imported = results[EXPORTS] as { seconds: number; accepted: number };
    log(`  ${summary(loaded)}; all done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    log(`  exports ${exportsDone.map((e) => `${e.seconds.toFixed(1)} s / ${(e.bytes / 1e6).toFixed(1)} MB`).join(', ')}`);
    log(`  import ${imported.seconds.toFixed(1)} s (${imported.accepted} accepted)`);

    const slowest = Math.round(Math.max(...loaded) * 10) / 10;
    const pass = slowest < TARGET_MS;
    const date = new Date().toISOString().slice(0, 10);
    const report = {
      date,
      commit: commit(),
      machine: machine(),
      settings: { exportRows: EXPORT_ROWS, importRows: IMPORT_ROWS, exports: EXPORTS, pollEveryMs: 20 },
      floor: { polls: idle.length, p50: pct(idle, 50), p99: pct(idle, 99), max: Math.max(...idle) },
      underLoad: { polls: loaded.length, p50: pct(loaded, 50), p99: pct(loaded, 99), max: slowest },
      exports: exportsDone,
      import: imported,
      target: { maxMs: TARGET_MS },
      pass,
    };
    const stem = path.join(ROOT, 'bench/results', `load-${date}${labelSuffix()}`);
    fs.writeFileSync(`${stem}.json`, JSON.stringify(report, null, 2) + '\n');
    const m = report.machine;
    const md = [
      `# Heavy work beside everyday requests, ${date}${labelTitle()}`,
      '',
      `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}. Server child process on PostgreSQL, log level warn.`,
      `/api/v1/health polled every 20 ms from the benchmark process: 5 s with nothing else running (floor), then while ${EXPORTS} Excel exports of ` +
        `${EXPORT_ROWS.toLocaleString()} residents download and a ${IMPORT_ROWS.toLocaleString()}-row .csv import runs.`,
      '',
      '| Phase | Polls | p50 | p99 | Slowest | Target | Result |',
      '|---|---:|---:|---:|---:|---:|---|',
      `| floor (idle) | ${idle.length} | ${pct(idle, 50)} ms | ${pct(idle, 99)} ms | ${Math.max(...idle).toFixed(1)} ms | – | – |`,
      `| under load | ${loaded.length} | ${pct(loaded, 50)} ms | ${pct(loaded, 99)} ms | ${slowest} ms | < ${TARGET_MS} ms | ${pass ? 'PASS' : '**FAIL**'} |`,
      '',
      `Exports: ${exportsDone.map((e) => `${e.seconds.toFixed(1)} s (${(e.bytes / 1e6).toFixed(1)} MB)`).join(', ')}. ` +
        `Import: ${imported.seconds.toFixed(1)} s, ${imported.accepted.toLocaleString()} accepted.`,
      '',
    ];
    fs.writeFileSync(`${stem}.md`, md.join('\n'));
    log(`Written ${stem}.md`);
  } finally {
    await server?.stop();
    if (created && !process.env.BENCH_KEEP_DB) await dropBenchDatabase(ADMIN_URL, dbName).catch((e) => console.error(e));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
