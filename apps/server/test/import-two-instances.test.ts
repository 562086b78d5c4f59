// Two `wushe serve` processes on one PostgreSQL database (PostgreSQL only: PGlite is one
// process). An import uploaded to one is run by whichever takes it; `kill -9` of that process
// mid-import leaves the job to the other, which finishes it with every ID exactly once.
// Restarting the idle instance while the other runs a job does not disturb that job.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportJob } from '@wushe/core';
import { loadOrCreateKeys, openDatabase } from '@wushe/db';
import { DEMO_PASSWORD } from '@wushe/db/demo';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/services.ts';
import { testConfig } from './harness.ts';
import { csvOf, person } from './import-fixtures.ts';

const BASE = process.env.TEST_DATABASE_URL;
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/wushe.mjs');
const STALE_SECONDS = 3;

interface Instance {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

const isAlive = (i: Instance) => i.child.exitCode === null && i.child.signalCode === null;
const t0 = Date.now();
const mark = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);

/** Seconds to wait for a condition, polling every 100 ms. */
async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(!!BASE)('two server processes on one PostgreSQL database', () => {
  const name = `wushe_test_${crypto.randomBytes(6).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-two-'));
  let dbUrl = '';
  let db: pg.Client;
  const started: Instance[] = [];

  function serve(): Promise<Instance> {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: dbUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        WUSHE_DATA_DIR: dataDir, // the shared key file: both seal alike
        WUSHE_LOG_LEVEL: 'warn',
        WUSHE_JOB_STALE_SECONDS: String(STALE_SECONDS),
        WUSHE_SESSION_CACHE_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    const instance = new Promise<Instance>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) resolve({ child, url: m[1]!, exited });
      });
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      void exited.then((code) => reject(new Error(`serve exited (${code}): ${out}`)));
    });
    void instance.then((i) => started.push(i)).catch(() => undefined);
    return instance;
  }

  async function login(i: Instance) {
    const res = await fetch(`${i.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'jiangtou.sw', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('wushe_sid='))!
      .split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  }

  async function upload(i: Instance, rows: number[], filename: string): Promise<ImportJob> {
    const s = await login(i);
    const body = Buffer.from(csvOf(rows.map((n) => person(n))), 'utf8');
    const res = await fetch(`${i.url}/api/v1/residents/import?filename=${encodeURIComponent(filename)}&mode=valid_rows`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'text/csv' },
      body,
    });
    expect(res.status).toBe(202);
    return (await res.json()) as ImportJob;
  }

  const jobRow = async (id: string) =>
    (
      await db.query<{ status: string; processed_rows: number; total_rows: number; worker: string | null; attempts: number }>(
        'SELECT status, processed_rows, total_rows, worker, attempts FROM import_jobs WHERE id = $1',
        [id],
      )
    ).rows[0]!;

  /** The instance whose process holds the job's lease (the worker column is host:pid). */
  const runner = async (id: string) =>
    until('a worker to take the job', 60, async () => {
      const pid = Number((await jobRow(id)).worker?.split(':').pop());
      return started.find((i) => i.child.pid === pid && isAlive(i));
    });

  const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.end();
    const u = new URL(BASE!);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    // The demo's accounts (no residents), sealed with the key file both instances will read.
    const database = await openDatabase({ url: dbUrl, poolSize: 2 });
    await prepareDatabase(testConfig({ databaseUrl: dbUrl, demo: true }), database, undefined, loadOrCreateKeys(dataDir), { residents: 0 });
    await database.close();
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    for (const i of started) if (isAlive(i)) i.child.kill('SIGKILL');
    await Promise.all(started.map((i) => i.exited));
    await db?.end();
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('kill -9 of the instance running an import: the other finishes it, every ID once', async () => {
    const [a] = await Promise.all([serve(), serve()]);
    const N = 9_000; // two slices of the import: the kill lands in the second
    const job = await upload(a, range(0, N), '两个实例.csv');
    mark('uploaded');
    const victim = await runner(job.id);
    // Caught mid-way: some slices committed, not all.
    await until('a committed slice', 120, async () => {
      const r = await jobRow(job.id);
      return r.processed_rows > 0 && r.processed_rows < N ? r : undefined;
    });
    mark('killing the worker');
    victim.child.kill('SIGKILL');
    await victim.exited;
    const survivor = started.find((i) => i !== victim && isAlive(i))!;
    const done = await until('the job to end', 150, async () => {
      const r = await jobRow(job.id);
      return r.status === 'done' || r.status === 'failed' ? r : undefined;
    });
    mark('job ended');
    expect(done).toMatchObject({ status: 'done', processed_rows: N, attempts: 2 });
    expect(Number(done.worker?.split(':').pop())).toBe(survivor.child.pid); // finished by the survivor
    const counts = (
      await db.query<{ accepted: number; unchanged: number; rejected: number; updated: number }>(
        'SELECT accepted, unchanged, rejected, updated FROM import_jobs WHERE id = $1',
        [job.id],
      )
    ).rows[0]!;
    expect(counts.rejected).toBe(0);
    expect(counts.accepted + counts.unchanged + counts.updated).toBe(N);
    expect(counts.unchanged).toBeGreaterThan(0); // the dead instance's slices, found already written
    const stored = await db.query<{ n: string; ids: string }>('SELECT count(*) AS n, count(DISTINCT id_hash) AS ids FROM residents');
    expect(stored.rows[0]).toEqual({ n: String(N), ids: String(N) });
    const files = await db.query('SELECT 1 FROM import_files WHERE job_id = $1', [job.id]);
    expect(files.rowCount).toBe(0);
  }, 240_000);

  it('restarting the idle instance does not fail the job the other runs', async () => {
    await serve(); // back to two
    const alive = () => started.filter(isAlive);
    expect(alive()).toHaveLength(2);
    const N = 10_000;
    const job = await upload(alive()[0]!, range(30_000, N), '重启.csv');
    const worker = await runner(job.id);
    const idle = alive().find((i) => i !== worker)!;
    mark('restarting the idle instance');
    idle.child.kill('SIGTERM');
    expect(await idle.exited).toBe(0);
    expect((await jobRow(job.id)).status).not.toMatch(/done|failed/); // the restart lands while the job runs
    await serve();
    mark('restarted');
    const done = await until('the job to end', 120, async () => {
      const r = await jobRow(job.id);
      return r.status === 'done' || r.status === 'failed' ? r : undefined;
    });
    mark('job ended');
    expect(done).toMatchObject({ status: 'done', processed_rows: N, attempts: 1 });
    const stored = await db.query<{ n: string }>('SELECT count(*) AS n FROM residents');
    expect(stored.rows[0]!.n).toBe(String(9_000 + N));
  }, 180_000);
});
