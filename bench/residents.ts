// `npm run bench -- residents`: the residents benchmark of issue 3. A fresh database with all of
// 福建省, 1,000,000 residents and 10,000,000 contacts (residents-data.ts), the real server in a
// child process, then search, profile, coverage and import timed through the HTTP API against
// the issue's targets; results in bench/results/residents-<date>.{json,md}. Each group of
// figures is measured in its own file (residents-search.ts, -coverage, -dashboard, -import,
// -assign); the database is made in residents-fresh.ts or reused (residents-kept.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dropBenchDatabase } from './data.ts';
import { benchLabel, machine } from './report.ts';
import { CONTACT_COUNT, RESIDENT_COUNT } from './residents-data.ts';
import { measureCoverage } from './residents-coverage.ts';
import { measureCasework } from './residents-casework.ts';
import { measureDashboard } from './residents-dashboard.ts';
import { loadFresh, PROVINCE, PROVINCE_USER } from './residents-fresh.ts';
import { loop, REQUESTS } from './residents-http.ts';
import { measureImport } from './residents-import.ts';
import { reuseKept, saveKept } from './residents-kept.ts';
import { measureSearch } from './residents-search.ts';
import { secs, writeResidentsReport, type Figure } from './residents-report.ts';
import { login, startServer, type RunningServer } from './server.ts';
import { benchAssign } from './residents-assign.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const log = (m: string) => console.log(m);
// BENCH_ONLY=search,coverage,import measures a subset and records nothing (development runs).
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (group: string) => !ONLY || ONLY.includes(group);

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
    const prepared = reuse ? await reuseKept(ADMIN_URL, reuse, log) : await loadFresh(ADMIN_URL, dbName, started, log);
    if (keep && !reuse) saveKept(prepared, log);
    const { url, keyFile, sample, importCommunities, counts, load } = prepared;
    fs.writeFileSync(path.join(dataDir, 'keys.json'), JSON.stringify(keyFile, null, 2), { mode: 0o600 });

    server = await startServer(ROOT, url, { WUSHE_DATA_DIR: dataDir, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10' });
    const cookie = await login(server.base, PROVINCE_USER.username, PROVINCE_USER.password);
    const base = server.base;
    log(`Server at ${base}; measuring (${REQUESTS} sequential requests per search, ${REPEAT} runs per coverage)…`);
    const loadBefore = os.loadavg()[0]!;
    const figures: Figure[] = [];
    if (runs('search')) figures.push(...(await measureSearch(base, cookie, sample)));
    if (runs('coverage')) figures.push(...(await measureCoverage(base, cookie, sample, REPEAT, log)));
    if (runs('dashboard')) {
      const street = sample[0]!.areaCode.slice(0, 9) + '000';
      figures.push(...(await measureDashboard({ base, url, provinceCookie: cookie, street, requests: REQUESTS, log, loop })));
    }
    if (runs('casework')) {
      const street = sample[0]!.areaCode.slice(0, 9) + '000';
      figures.push(...(await measureCasework({ base, url, keyFile, provinceCookie: cookie, street, requests: REQUESTS, log, loop })));
    }
    if (runs('import'))
      figures.push(
        ...(await measureImport({
          base,
          cookie,
          url,
          keyFile,
          importCommunities,
          reuse: Boolean(reuse),
          serverPid: server.child.pid!,
          log,
        })),
      );
    if (runs('assign')) figures.push(...(await benchAssign(url, base, PROVINCE_USER, log))); // issue 8: bulk assignment
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
          account: `${PROVINCE_USER.username} (${PROVINCE})`,
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
