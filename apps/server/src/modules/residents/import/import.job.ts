// An import job: the file is read and its headers checked while the person waits (400s come
// back at once), then the job row and the file are stored and the job goes on the queue;
// whichever instance takes it runs it (import.worker.ts) while the person watches its
// progress: validating → importing → done (or failed).
import crypto from 'node:crypto';
import { inLang, shanghaiToday, stationPrefix, translate, type ImportJob } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import { appendAudit, byActor } from '../../../audit/audit.ts';
import type { Ctx } from '../../../context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { mapHeaders, type ColumnKey } from './import.columns.ts';
import { endLease, holdLease, LeaseLost, storeFile, type JobContext } from './import.lease.repo.ts';
import { csvHeaders, detectKind, readSheet, type FileKind, type SheetRow } from './import.parse.ts';
import { classify, dedupe, type CheckedRow, type Outcome, type PlanSpec } from './import.plan.ts';
import { slicePlanner, type SlicePlanner } from './import.threads.ts';
import { cell, isNotesRow } from './import.rows.ts';
import {
  areaLevels,
  codeEntries,
  countOutcomes,
  finishJob,
  insertAccepted,
  insertJob,
  jobById,
  setProgress,
  updateBatch,
  type Counts,
  type JobRow,
} from './import.repo.ts';
import { loadVisitIntervals } from '../../settings/settings.repo.ts';
import { workersByUsername } from '../residents.assign.repo.ts';

/** The queue the imports run on. */
export const IMPORT_QUEUE = 'resident-import';

export const MAX_IMPORT_ROWS = 100_000;

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export const toImportJob = (j: JobRow): ImportJob => ({
  id: j.id,
  filename: j.filename,
  mode: j.mode as ImportJob['mode'],
  status: j.status as ImportJob['status'],
  totalRows: j.totalRows,
  processedRows: j.processedRows,
  accepted: j.accepted,
  updated: j.updated,
  unchanged: j.unchanged,
  rejected: j.rejected,
  error: j.error,
  createdAt: iso(j.createdAt)!,
  finishedAt: iso(j.finishedAt),
});

export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJob> {
  const job = await ctx.db.run((db) => jobById(db, ctx.scope, id));
  if (!job) throw notFound();
  const now = live.get(id);
  if (now && (job.status === 'validating' || job.status === 'importing')) {
    Object.assign(job, { status: 'importing', processedRows: now.processed, ...now.counts });
  }
  return toImportJob(job);
}

export interface ImportRequest {
  filename: string;
  mode: 'all_or_nothing' | 'valid_rows';
}

/**
 * A file above this (an .xlsx of ≈ 4,000 rows, a .csv of ≈ 2,000) is read inside the job (an
 * .xlsx ≈ 8 s per 100,000 rows): the upload answers at once, having checked a CSV's header row.
 */
export const READ_IN_JOB_BYTES = 256 * 1024;

/** The column map, or a 400 naming the missing columns. */
function checkHeaders(ctx: Pick<Ctx, 'lang'>, headers: string[]) {
  const { index, missing } = mapHeaders(headers);
  if (missing.length) throw new AppError(400, 'import.headers', { columns: missing.join(inLang(ctx.lang, { zh: '、', en: ', ' })) });
  return index;
}

/** The file's data rows and column map, or a 400 saying what is wrong with the file. */
export async function readRows(
  ctx: Pick<Ctx, 'lang'>,
  kind: FileKind,
  buf: Buffer,
): Promise<{ data: SheetRow[]; index: Partial<Record<ColumnKey, number>> }> {
  const sheet = await readSheet(kind, buf).catch(() => {
    throw new AppError(400, 'import.format');
  });
  const index = checkHeaders(ctx, sheet.headers);
  const data = sheet.rows.filter((r) => !isNotesRow(r, { index }));
  if (!data.length) throw new AppError(400, 'import.empty');
  if (data.length > MAX_IMPORT_ROWS) throw new AppError(400, 'import.tooMany', { max: MAX_IMPORT_ROWS });
  return { data, index };
}

/**
 * Checks the file and starts the job; answers the job as it stands. A small file is read first
 * (a bad file is a 400 at once; status validating); a large one starts as `reading` (a CSV's
 * header row checked first), and a problem with it fails the job with the same message.
 */
export async function startImport(ctx: Ctx, q: ImportRequest, body: unknown): Promise<ImportJob> {
  const buf = Buffer.isBuffer(body) ? body : null;
  const kind = buf ? detectKind(q.filename, buf) : null;
  if (!buf || !kind) throw new AppError(400, 'import.format');
  const read = buf.length > READ_IN_JOB_BYTES ? null : await readRows(ctx, kind, buf);
  if (!read && kind === 'csv') checkHeaders(ctx, await csvHeaders(buf));

  const id = uuidv7();
  const fileHash = crypto.createHash('sha256').update(buf).digest('hex');
  const context: JobContext = { scope: ctx.scope, lang: ctx.lang, ip: ctx.ip, username: ctx.actor.username };
  const job = await ctx.db.tx(async (db) => {
    const status = read ? 'validating' : 'reading';
    await insertJob(db, {
      id,
      areaCode: ctx.actor.area.code,
      createdBy: ctx.actor.id,
      filename: q.filename,
      fileHash,
      mode: q.mode,
      status,
      totalRows: read?.data.length ?? 0,
      context,
    });
    await storeFile(db, id, ctx.actor.area.code, buf);
    return (await jobById(db, ctx.scope, id))!;
  });
  try {
    await ctx.jobs.send(IMPORT_QUEUE, { importId: id });
  } catch (e) {
    const error = translate(ctx.lang, 'error.internal');
    await ctx.db.tx(async (db) => {
      await finishJob(db, id, { status: 'failed', processed: 0, counts: countOutcomes([]), report: null, error });
      await endLease(db, id);
    });
    throw e;
  }
  return toImportJob(job);
}

/** Rows per slice: checked, classified and written together (one transaction each in valid_rows). */
export const SLICE = 2000;

/** Progress of the jobs this process is running (an all-or-nothing job's rows are not committed yet). */
export const live = new Map<string, { processed: number; counts: Counts }>();

class NothingImported extends Error {}

/** Shutdown asked the running job to give its lease back at the next slice. */
export class HandedBack extends Error {}

/** What the worker runs an import as: the uploader's identity, scope and language. */
export type ImportCtx = Pick<Ctx, 'db' | 'scope' | 'lang' | 'ip' | 'log' | 'now' | 'keys'> & {
  actor: { id: string; username: string; area: { code: string } };
};

/** The running attempt's hold on the job: `lost` once a heartbeat found it gone, `handBack` on shutdown. */
export interface Lease {
  token: string;
  lost: boolean;
  handBack: boolean;
}

/**
 * Imports the rows under the lease: every transaction that writes first checks (and locks)
 * the lease, so a worker that lost it commits nothing more. Ends the job as done.
 */
export async function runImport(
  ctx: ImportCtx,
  id: string,
  q: ImportRequest,
  data: SheetRow[],
  index: Partial<Record<ColumnKey, number>>,
  lease: Lease,
): Promise<void> {
  const outcomes: Outcome[] = [];
  let planner: SlicePlanner | undefined;
  live.set(id, { processed: 0, counts: countOutcomes([]) });
  try {
    const areaCodes = [...new Set(data.map((r) => cell(r, { index }, 'areaCode')))];
    const usernames = [...new Set(data.map((r) => cell(r, { index }, 'worker')).filter(Boolean))];
    const { codes, areas, intervals, workers } = await ctx.db.run(async (db) => ({
      codes: await codeEntries(db),
      areas: await areaLevels(db, ctx.scope, areaCodes),
      intervals: await loadVisitIntervals(db),
      workers: await workersByUsername(db, ctx.scope, usernames), // issue 8: the worker column
    }));
    const spec: PlanSpec = {
      index,
      categories: codes.resident_category ?? [],
      assistance: codes.assistance_status ?? [],
      areas: [...areas],
      lang: ctx.lang,
      workers: workers.map((w): [string, { id: string; station: string }] => [
        w.username.toLowerCase(),
        { id: w.id, station: stationPrefix(w.areaCode) },
      ]),
      today: shanghaiToday(ctx.now),
      intervals,
    };
    const reason = `${translate(ctx.lang, 'import.careLevelReason')}：${q.filename}`;
    const writer = { ...ctx, jobId: id, areaCode: ctx.actor.area.code };
    const seen = new Map<string, number>();
    const slices: SheetRow[][] = [];
    for (let i = 0; i < data.length; i += SLICE) slices.push(data.slice(i, i + SLICE));
    let anyBad = false;
    let processed = 0;
    // Slices ahead of the one being written are checked and sealed (in the import threads for a
    // large file) while the database writes this one.
    const plans = (planner = slicePlanner(spec, ctx.keys, slices.length > 1));
    const writeSlices = async (db: Db | null) => {
      const inFlight: Promise<CheckedRow[]>[] = [];
      let sent = 0;
      const topUp = () => {
        while (sent < slices.length && inFlight.length < plans.ahead) {
          const next = plans.plan(slices[sent++]!);
          next.catch(() => undefined); // awaited in its turn; if a write fails first, nobody will
          inFlight.push(next);
        }
      };
      for (let k = 0; k < slices.length; k++) {
        topUp();
        const { planned, candidates } = dedupe(await inFlight.shift()!, seen);
        topUp();
        if (lease.lost) throw new LeaseLost(id);
        if (lease.handBack) throw new HandedBack();
        const work = async (d: Db) => {
          const refused = () => planned.some((p) => p.outcome.status === 'rejected');
          if (q.mode === 'valid_rows') await holdLease(d, id, lease.token);
          await classify(d, ctx.keys, candidates);
          anyBad ||= refused();
          if (q.mode === 'valid_rows' || !anyBad) {
            await insertAccepted(
              d,
              writer,
              planned.filter((p) => p.outcome.status === 'accepted'),
            );
            await updateBatch(
              d,
              ctx,
              planned.filter((p) => p.outcome.status === 'updated'),
              reason,
            );
            anyBad ||= refused(); // the insert refuses an ID number taken elsewhere
          }
          outcomes.push(...planned.map((p) => p.outcome));
          processed += planned.length;
          const progress = { processed, counts: countOutcomes(outcomes) };
          live.set(id, progress);
          if (q.mode === 'valid_rows') await setProgress(d, id, 'importing', processed, progress.counts);
        };
        if (db) await work(db);
        else await ctx.db.tx(work);
      }
    };
    let error: string | null = null;
    if (q.mode === 'valid_rows') await writeSlices(null);
    else {
      // One transaction for the whole file, rolled back when any row is refused or the lease is gone.
      await ctx.db
        .tx(async (db) => {
          await writeSlices(db);
          if (anyBad) throw new NothingImported();
          await holdLease(db, id, lease.token);
        })
        .catch((e: unknown) => {
          if (!(e instanceof NothingImported)) throw e;
          for (const o of outcomes) if (o.status !== 'rejected') o.notImported = true;
          error = translate(ctx.lang, 'import.nothingImported');
        });
    }
    const counts = countOutcomes(outcomes);
    await ctx.db.tx(async (db) => {
      await holdLease(db, id, lease.token);
      await finishJob(db, id, { status: 'done', processed: data.length, counts, report: outcomes, error });
      await endLease(db, id);
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'resident.import',
          targetType: 'import_job',
          targetId: id,
          areaCode: ctx.actor.area.code,
          after: { filename: q.filename, mode: q.mode, totalRows: data.length, ...counts, imported: error === null },
        }),
      );
    });
  } catch (e) {
    // The report of what was written before the failure goes with it.
    if (e instanceof Error) Object.assign(e, { outcomes });
    throw e;
  } finally {
    planner?.end();
    live.delete(id);
  }
}

/** Fails the job under its lease with `error` (a lost lease leaves it to its new holder). */
export async function failImport(ctx: Pick<ImportCtx, 'db'>, id: string, token: string, error: string, report: Outcome[] | null) {
  await ctx.db.tx(async (db) => {
    await holdLease(db, id, token);
    await finishJob(db, id, { status: 'failed', processed: 0, counts: countOutcomes([]), report: report?.length ? report : null, error });
    await endLease(db, id);
  });
}
