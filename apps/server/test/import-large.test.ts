// A 10,000-row .xlsx import end to end: the job runs in the background, progress moves, and
// every row lands once (the timing is printed for the record).
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { READ_IN_JOB_BYTES } from '../src/modules/residents/import/import.job.ts';
import { reclaimStaleImports } from '../src/modules/residents/import/import.worker.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';
import { csvOf, HEADERS, person, reportOf, residentCount, upload, waitForJob, xlsxOf } from './import-fixtures.ts';

let t: TestApp;
let sw: Session;

beforeAll(async () => {
  t = await startTestApp();
  sw = await t.login('jiangtou.sw');
}, 120_000);
afterAll(() => t.close());

it('imports a 10,000-row file', async () => {
  const N = 10_000;
  const body = await xlsxOf(rowsOf());
  const before = await residentCount(t);
  const started = Date.now();
  const res = await upload(t, sw, body, '一万行.xlsx', 'valid_rows');
  expect(res.statusCode, res.body).toBe(202);
  // Above READ_IN_JOB_BYTES the workbook is read inside the job: the answer comes at once.
  expect(body.length).toBeGreaterThan(READ_IN_JOB_BYTES);
  expect(res.json()).toMatchObject({ status: 'reading', totalRows: 0 });
  const job = await waitForJob(sw, res.json().id, 300_000);
  const seconds = (Date.now() - started) / 1000;
  console.log(`10,000-row import (${t.database.kind}): ${seconds.toFixed(1)} s`);
  expect(job).toMatchObject({ status: 'done', totalRows: N, processedRows: N, accepted: N, rejected: 0, error: null });
  expect(await residentCount(t)).toBe(before + N);
  const report = await reportOf(sw, job.id);
  expect(report).toHaveLength(N);
  expect(report.every((r) => r.status === 'accepted')).toBe(true);

  // The same rows as CSV (about 1.8 MB, above the JSON body limit): nothing changes, which
  // also proves no Chinese character was garbled reading the .xlsx.
  const csv = Buffer.from(csvOf(rowsOf()), 'utf8');
  expect(csv.length).toBeGreaterThan(1024 * 1024);
  const startedCsv = Date.now();
  const again = await upload(t, sw, csv, '一万行.csv', 'all_or_nothing');
  expect(again.statusCode, again.body).toBe(202);
  // A large CSV is read once, inside the job; only its header row is read while the person waits.
  expect(again.json()).toMatchObject({ status: 'reading', totalRows: 0 });
  const second = await waitForJob(sw, again.json().id, 300_000);
  console.log(`10,000-row CSV re-import (${t.database.kind}): ${((Date.now() - startedCsv) / 1000).toFixed(1)} s`);
  expect(second).toMatchObject({ status: 'done', accepted: 0, updated: 0, unchanged: N, rejected: 0 });
  expect(await residentCount(t)).toBe(before + N);
}, 600_000);

function rowsOf() {
  return Array.from({ length: 10_000 }, (_, i) => person(i, { 所在社区代码: `35020600400${(i % 2) + 1}` }));
}

it('fails a large workbook with a missing column inside the job, saying which', async () => {
  const body = await xlsxOf(
    rowsOf(),
    HEADERS.filter((h) => h !== '姓名'),
  );
  expect(body.length).toBeGreaterThan(READ_IN_JOB_BYTES);
  const res = await upload(t, sw, body, '缺列.xlsx', 'valid_rows');
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(sw, res.json().id, 120_000);
  expect(job).toMatchObject({ status: 'failed', accepted: 0 });
  expect(job.error).toContain('姓名');
}, 180_000);

it('refuses a large CSV with a missing column at once, saying which', async () => {
  const csv = Buffer.from(
    csvOf(
      rowsOf(),
      HEADERS.filter((h) => h !== '证件号码'),
    ),
    'utf8',
  );
  expect(csv.length).toBeGreaterThan(READ_IN_JOB_BYTES);
  const res = await upload(t, sw, csv, '缺列.csv', 'valid_rows');
  expect(res.statusCode).toBe(400);
  expect(res.json().detail).toContain('证件号码');
});

// No more start-up sweep (it would fail another instance's running job): a job whose instance
// stopped beating is failed by the watchdog once its attempts are used up.
it('fails a job cut off after its last attempt, in both languages', async () => {
  const id = '01900000-0000-7000-8000-00000000beef';
  const [me] = await t.database.owner((db) => rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'jiangtou.sw'`));
  const attempts = t.services.jobs.settings.importAttempts;
  await t.database.owner((db) =>
    db.execute(sql`INSERT INTO import_jobs (id, area_code, created_by, filename, file_hash, mode, status, total_rows, processed_rows,
        lease_token, heartbeat_at, attempts)
      VALUES (${id}, '350206004000', ${me!.id}, '断电.xlsx', 'x', 'valid_rows', 'importing', 100, 40,
        '01900000-0000-7000-8000-00000000cafe', now() - interval '1 hour', ${attempts})`),
  );
  expect(await reclaimStaleImports(t.database, t.services.jobs, t.app.log)).toEqual([{ id, status: 'failed', queueJobId: null }]);
  const job = (await sw.get(`/api/v1/residents/import/${id}`)).json();
  expect(job).toMatchObject({ status: 'failed', processedRows: 40 });
  expect(job.error).toContain('导入在处理过程中中断');
  expect(job.error).toContain('The import was interrupted');
  expect(job.finishedAt).not.toBeNull();
  expect(await reclaimStaleImports(t.database, t.services.jobs, t.app.log)).toEqual([]); // finished jobs stay as they are
});
