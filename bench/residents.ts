// `npm run bench -- residents`: the residents benchmark of issue 3. A fresh database with all of
// 福建省, 1,000,000 residents and 10,000,000 contacts (residents-data.ts), the real server in a
// child process, then search, profile, coverage and import timed through the HTTP API against
// the issue's targets; results in bench/results/residents-<date>.{json,md}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaPrefix } from '@wushe/core';
import { generateKeyFile, keysFrom, stableId } from '@wushe/db';
import pg from 'pg';
import { createBenchDatabase, dropBenchDatabase, loadBenchData } from './data.ts';
import { benchLabel, machine } from './report.ts';
import {
  CONTACT_COUNT,
  dropIndexes,
  loadCareLevelChanges,
  loadContacts,
  loadResidents,
  rebuildIndexes,
  RESIDENT_COUNT,
} from './residents-data.ts';
import { measureDashboard } from './residents-dashboard.ts';
import { preparedCopy, prepareFloorRows, removeByHash } from './residents-floor.ts';
import { IMPORT_ROWS, importRows, toCsv, toXlsx } from './residents-files.ts';
import { forgetImports, reuseKept, saveKept, type Prepared } from './residents-kept.ts';
import { median, pct, seq, timeOnce, writeResidentsReport, type Figure } from './residents-report.ts';
import { login, startServer, type RunningServer } from './server.ts';
import { benchAssign } from './residents-assign.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const PROVINCE = '350000000000';
const USER = { username: 'bench.province', password: 'Bench@2026' };
const log = (m: string) => console.log(m);
// BENCH_ONLY=search,coverage,import measures a subset and records nothing (development runs).
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (group: string) => !ONLY || ONLY.includes(group);
const secs = (t0: number) => (Date.now() - t0) / 1000;

/** A province-level account with a custom role: resident read/reveal/write and coverage. */
async function createProvinceUser(c: pg.Client) {
  const roleId = stableId('bench:role:province');
  await c.query(
    `INSERT INTO roles (id, code, name, name_en, permissions) VALUES ($1, 'bench_province', '省级测试', 'Province bench', $2)`,
    [roleId, ['area.read', 'org.read', 'resident.read', 'resident.reveal', 'resident.write', 'coverage.read']],
  );
  const hash = (await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'bench.official'`)).rows[0]!
    .password_hash;
  await c.query(
    `INSERT INTO users (id, username, display_name, password_hash, role_id, org_id, area_code, must_change_password)
     VALUES ($1, $2, '福建省测试账号', $3, $4, $5, $6, false)`,
    [stableId('bench:user:province'), USER.username, hash, roleId, stableId('bench:org:bureau:350100000000'), PROVINCE],
  );
}

async function getJson(base: string, cookie: string, p: string) {
  const res = await fetch(base + p, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Sequential requests over a list of paths (cycled); each answer checked; latencies in ms. */
async function loop(
  base: string,
  cookie: string,
  paths: string[],
  check: (body: Record<string, unknown>, i: number) => void,
  n = REQUESTS,
) {
  for (let i = 0; i < Math.min(20, n); i++) await getJson(base, cookie, paths[i % paths.length]!); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const body = await getJson(base, cookie, paths[i % paths.length]!);
    ms.push(performance.now() - t0);
    check(body, i % paths.length);
  }
  return ms;
}

/** Upload a file, poll the job until it is done; seconds from the upload to done. */
async function importFile(base: string, cookie: string, filename: string, type: string, body: Buffer) {
  const csrf = String((await getJson(base, cookie, '/api/v1/auth/me')).csrfToken);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/residents/import?filename=${encodeURIComponent(filename)}&mode=valid_rows`, {
    method: 'POST',
    headers: { cookie, 'content-type': type, 'x-csrf-token': csrf },
    body,
  });
  if (res.status !== 202) throw new Error(`import of ${filename} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const job = (await res.json()) as { id: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const j = await getJson(base, cookie, `/api/v1/residents/import/${job.id}`);
    if (j.status === 'done' || j.status === 'failed') {
      const seconds = (performance.now() - t0) / 1000;
      log(`  ${filename}: ${j.status} in ${seconds.toFixed(1)} s (accepted ${j.accepted}, updated ${j.updated}, rejected ${j.rejected})`);
      if (j.status === 'failed') throw new Error(`import ${filename} failed: ${String(j.error)}`);
      return { seconds, accepted: Number(j.accepted), rejected: Number(j.rejected) };
    }
  }
}

/** A fresh database with the generated data (residents-kept.ts can keep and reuse it). */
async function loadFresh(dbName: string, started: number): Promise<Prepared> {
  log(`Creating database ${dbName}…`);
  const url = await createBenchDatabase(ADMIN_URL, dbName);
  const counts = await loadBenchData(url, log);
  // The server reads this key file: blind indexes made here match what it computes.
  const keyFile = generateKeyFile();
  const keys = keysFrom(keyFile);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const load: Record<string, number> = {};
  try {
    await createProvinceUser(c);
    const communities = (await c.query<{ code: string }>(`SELECT code FROM areas WHERE level = 'community' ORDER BY code`)).rows.map(
      (r) => r.code,
    );
    const importCommunities = (
      await c.query<{ code: string }>(
        `SELECT min(code) AS code FROM areas WHERE level = 'community' GROUP BY left(code, 6) ORDER BY 1 LIMIT 4`,
      )
    ).rows.map((r) => r.code);
    const defs = await dropIndexes(c);
    let t0 = Date.now();
    log(`Loading ${RESIDENT_COUNT.toLocaleString()} residents over ${communities.length} communities…`);
    const sample = await loadResidents(c, keys, communities, log);
    load.residentsSeconds = secs(t0);
    t0 = Date.now();
    log(`  residents in ${load.residentsSeconds.toFixed(0)} s; ${CONTACT_COUNT.toLocaleString()} contacts and care-level history…`);
    await loadContacts(c);
    await loadCareLevelChanges(c);
    load.contactsSeconds = secs(t0);
    t0 = Date.now();
    log(`  contacts in ${load.contactsSeconds.toFixed(0)} s; VACUUM FULL residents, ${defs.length} indexes…`);
    await c.query('VACUUM FULL residents');
    await rebuildIndexes(c, defs);
    await c.query('VACUUM ANALYZE');
    load.indexesSeconds = secs(t0);
    log(`  indexes and VACUUM ANALYZE in ${load.indexesSeconds.toFixed(0)} s`);
    load.totalSeconds = secs(started);
    return { dbName, url, keyFile, sample, importCommunities, counts, load };
  } finally {
    await c.end();
  }
}

async function main() {
  const started = Date.now();
  const reuse = process.env.BENCH_DB;
  const dbName = reuse ?? `wushe_bench_${Date.now()}`;
  const keep = Boolean(reuse || process.env.BENCH_KEEP_DB);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-bench-res-'));
  let server: RunningServer | undefined;
  let created = false;
  const cleanup = async () => {
    await server?.stop();
    server = undefined;
    if (created && !keep) await dropBenchDatabase(ADMIN_URL, dbName).catch((e) => console.error(`could not drop ${dbName}:`, e));
    created = false;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    created = !reuse;
    const prepared = reuse ? await reuseKept(ADMIN_URL, reuse, log) : await loadFresh(dbName, started);
    if (keep && !reuse) saveKept(prepared, log);
    const { url, keyFile, sample, importCommunities, counts, load } = prepared;
    fs.writeFileSync(path.join(dataDir, 'keys.json'), JSON.stringify(keyFile, null, 2), { mode: 0o600 });

    server = await startServer(ROOT, url, { WUSHE_DATA_DIR: dataDir, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10' });
    const cookie = await login(server.base, USER.username, USER.password);
    const base = server.base;
    log(`Server at ${base}; measuring (${REQUESTS} sequential requests per search, ${REPEAT} runs per coverage)…`);
    const loadBefore = os.loadavg()[0]!;
    const figures: Figure[] = [];
    if (runs('search')) {
      const floorMs = await loop(base, '', ['/api/v1/_bench/floor'], () => undefined);
      figures.push({
        name: 'floor (one SELECT by key)',
        path: '/api/v1/_bench/floor',
        stat: 'p95',
        value: pct(floorMs, 95),
        p50: pct(floorMs, 50),
      });

      const q = (s: string) => `/api/v1/residents?q=${encodeURIComponent(s)}`;
      const fragments = ['建国', '秀英', '志红', '丽芳', '明华', '桂兰', '海燕', '德福'];
      const hits = (b: Record<string, unknown>) => (b.items as unknown[]).length;
      let found = 0;
      const nameMs = await loop(base, cookie, fragments.map(q), (b) => (found += hits(b)));
      figures.push({
        name: 'search: name fragment (2 characters)',
        path: q('建国'),
        stat: 'p95',
        value: pct(nameMs, 95),
        p50: pct(nameMs, 50),
        target: 50,
        note: `${fragments.length} fragments cycled, ${(found / REQUESTS).toFixed(1)} rows per page on average`,
      });
      const initials = sample.filter((s) => s.initials.length === 3);
      const iniMs = await loop(
        base,
        cookie,
        initials.map((s) => q(s.initials)),
        (b, i) => {
          if (!(b.items as { id: string }[]).length) throw new Error(`initials ${initials[i]!.initials} found nothing`);
        },
      );
      figures.push({
        name: 'search: pinyin initials (3 letters)',
        path: q(initials[0]!.initials),
        stat: 'p95',
        value: pct(iniMs, 95),
        p50: pct(iniMs, 50),
        target: 50,
      });
      const idMs = await loop(
        base,
        cookie,
        sample.map((s) => q(s.idNumber)),
        (b, i) => {
          const items = b.items as { id: string }[];
          if (items.length !== 1 || items[0]!.id !== sample[i]!.id)
            throw new Error(`ID search for sample ${i} did not find exactly that resident`);
        },
      );
      figures.push({
        name: 'search: exact ID number',
        path: '/api/v1/residents?q=<18-digit ID>',
        stat: 'p95',
        value: pct(idMs, 95),
        p50: pct(idMs, 50),
        target: 50,
      });
      const profMs = await loop(
        base,
        cookie,
        sample.map((s) => `/api/v1/residents/${s.id}`),
        (b, i) => {
          if (b.id !== sample[i]!.id) throw new Error('the profile is not the resident asked for');
        },
      );
      figures.push({
        name: 'resident profile',
        path: '/api/v1/residents/:id',
        stat: 'p95',
        value: pct(profMs, 95),
        p50: pct(profMs, 50),
        target: 30,
      });
    }
    if (runs('coverage')) {
      const past = new Date(Date.now() + 8 * 3600_000 - 90 * 86_400_000).toISOString().slice(0, 10);
      const district = sample[0]!.areaCode.slice(0, 6) + '000000';
      const cov = [
        { name: 'coverage today, province by street', path: `/api/v1/coverage?area=${PROVINCE}&by=street`, target: 1000 },
        { name: 'coverage today, one district by street', path: `/api/v1/coverage?area=${district}&by=street`, target: 200 },
        {
          name: `coverage ${past} (90 days ago), province by street`,
          path: `/api/v1/coverage?area=${PROVINCE}&by=street&date=${past}`,
          target: 5000,
        },
      ];
      for (const t of cov) {
        let rate = 0;
        const ms = await seq(REPEAT, () =>
          timeOnce(async () => {
            const b = await getJson(base, cookie, t.path);
            rate = (b.area as { rate: number }).rate;
          }),
        );
        figures.push({
          name: t.name,
          path: t.path,
          stat: 'median',
          value: median(ms),
          runs: ms,
          target: t.target,
          note: `coverage ${(rate * 100).toFixed(1)}%`,
        });
        log(`  ${t.name}: median ${median(ms).toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(', ')}), rate ${rate}`);
      }
    }
    if (runs('dashboard')) {
      const street = sample[0]!.areaCode.slice(0, 9) + '000';
      figures.push(...(await measureDashboard({ base, url, provinceCookie: cookie, street, requests: REQUESTS, log, loop })));
    }
    if (runs('import')) {
      if (reuse) await forgetImports(url, stableId('bench:user:province'), log);
      log(`Building the ${IMPORT_ROWS.toLocaleString()}-row import files…`);
      const csvRows = importRows(2, importCommunities);
      const csv = toCsv(csvRows);
      // BENCH_IMPORT_XLSX=0 leaves the .xlsx out (development runs of the CSV import and its floor).
      if (process.env.BENCH_IMPORT_XLSX !== '0') {
        const xlsx = await toXlsx(importRows(1, importCommunities));
        const xi = await importFile(
          base,
          cookie,
          `bench-${IMPORT_ROWS}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          xlsx,
        );
        figures.push({
          name: `import ${IMPORT_ROWS.toLocaleString()}-row .xlsx (upload to done)`,
          path: 'POST /api/v1/residents/import',
          stat: 'seconds',
          value: xi.seconds,
          target: 60,
          note: `${xi.accepted} accepted, ${xi.rejected} rejected; ${(xlsx.length / 2 ** 20).toFixed(1)} MiB`,
        });
      }
      const ci = await importFile(base, cookie, `bench-${IMPORT_ROWS}.csv`, 'text/csv', csv);
      // The floor: the same rows prepared outside the clock, then COPYed into residents (residents-floor.ts).
      // The import's copy of them goes first (DELETE, VACUUM ANALYZE), so both insert the same people.
      let t0 = Date.now();
      const floorRows = await prepareFloorRows(url, keyFile, csvRows, stableId('bench:user:province'));
      const prepareSeconds = secs(t0);
      t0 = Date.now();
      const removed = await removeByHash(url, floorRows.hashes);
      log(
        `  floor rows prepared in ${prepareSeconds.toFixed(1)} s (one thread, not timed); ${removed} imported rows removed in ${secs(t0).toFixed(1)} s`,
      );
      const floorSeconds = await preparedCopy(url, floorRows, areaPrefix(PROVINCE));
      const ratio = floorSeconds / ci.seconds;
      log(`  floor (prepared rows COPYed into residents): ${floorSeconds.toFixed(2)} s; import speed / floor speed = ${ratio.toFixed(3)}`);
      figures.push({
        name: `import ${IMPORT_ROWS.toLocaleString()}-row .csv, speed relative to the prepared-rows floor`,
        path: 'POST /api/v1/residents/import',
        stat: 'ratio',
        value: ratio,
        target: 0.5,
        higherIsBetter: true,
        note:
          `import ${ci.seconds.toFixed(1)} s (upload to done; ${ci.accepted} accepted, ${ci.rejected} rejected); ` +
          `floor ${floorSeconds.toFixed(2)} s: the same ${IMPORT_ROWS} rows checked and prepared beforehand (prepareResident, ` +
          `${prepareSeconds.toFixed(1)} s on one thread, not timed), then as wushe_app under RLS in one transaction: ` +
          `CREATE TEMP TABLE, COPY FROM STDIN (${(floorRows.text.length / 2 ** 20).toFixed(1)} MiB), INSERT INTO residents … SELECT ` +
          `(all its indexes), COMMIT`,
      });
      if (ci.accepted !== IMPORT_ROWS) log(`WARNING: the CSV import accepted ${ci.accepted} of ${IMPORT_ROWS} rows`);
    }
    if (runs('assign')) figures.push(...(await benchAssign(url, base, USER, log))); // issue 8: bulk assignment
    if (ONLY && !benchLabel()) {
      // A partial run (development): figures on the console only, nothing recorded unless BENCH_LABEL names it.
      for (const f of figures)
        log(`${f.name}: ${f.value}${f.stat === 'ratio' ? '×' : f.stat === 'seconds' ? ' s' : ' ms'}${f.note ? ` (${f.note})` : ''}`);
      return;
    }

    const pgVersion = await (async () => {
      const v = new pg.Client({ connectionString: url });
      await v.connect();
      try {
        return (await v.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
      } finally {
        await v.end();
      }
    })();
    const files = writeResidentsReport(
      path.join(HERE, 'results'),
      {
        date: new Date().toISOString().slice(0, 10),
        machine: machine(),
        postgres: pgVersion,
        rows: {
          residents: RESIDENT_COUNT,
          contacts: CONTACT_COUNT,
          areas: counts.areas,
          communities: counts.communities,
          accounts: counts.users + 1,
        },
        load: { ...load, totalSeconds: load.totalSeconds ?? secs(started) },
        settings: {
          requests: REQUESTS,
          repeat: REPEAT,
          poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
          logLevel: 'warn',
          loadAverage1m: { before: loadBefore, after: os.loadavg()[0]! },
          account: `${USER.username} (${PROVINCE})`,
        },
        figures,
      },
      ONLY?.join('+'),
    );
    log(fs.readFileSync(files.md, 'utf8'));
    log(`Written ${path.relative(ROOT, files.json)} and ${path.relative(ROOT, files.md)} in ${secs(started).toFixed(0)} s.`);
  } finally {
    await cleanup();
  }
}

export function runResidents() {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
