// An import job: the file is read and its headers checked while the person waits (400s come
// back at once), then the job row and the file are stored and the job goes on the queue;
// whichever instance takes it runs it (import.worker.ts, import.run.ts) while the person
// watches its progress: validating → importing → done (or failed).
import crypto from 'node:crypto';
import { inLang, translate, type ImportJob } from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { Ctx } from '../../../context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { mapHeaders, type ColumnKey } from './import.columns.ts';
import { endLease, storeFile, type JobContext } from './import.lease.repo.ts';
import { csvHeaders, detectKind, readSheet, type FileKind, type SheetRow } from './import.parse.ts';
import { isNotesRow } from './import.rows.ts';
import { countOutcomes, finishJob, insertJob, jobById, type JobRow } from './import.repo.ts';
import { live } from './import.run.ts';

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
  const context: JobContext = {
    scope: ctx.scope,
    lang: ctx.lang,
    ip: ctx.ip,
    username: ctx.actor.username,
    mayAssign: ctx.actor.permissions.includes('resident.assign'),
  };
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
