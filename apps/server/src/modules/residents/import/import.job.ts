// An import job: the file is read and its headers checked while the person waits (400s come
// back at once), then a job row is created and the work continues in the server process
// while the person watches its progress: validating → importing → done (or failed).
import crypto from 'node:crypto';
import { shanghaiToday, translate, type ImportJob } from '@wushe/core';
import { rows, uuidv7, type Database, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { appendAudit, byActor } from '../../../audit/audit.ts';
import type { Ctx } from '../../../context.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { codeLookup, mapHeaders, type CodeEntry, type ColumnKey } from './import.columns.ts';
import { detectKind, readSheet, type FileKind, type SheetRow } from './import.parse.ts';
import { classify, planRows, yieldToEventLoop, type Outcome, type PlanInput } from './import.plan.ts';
import { cell, isNotesRow } from './import.rows.ts';
import {
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
import { loadVisitIntervals } from '../residents.write.ts';

export const MAX_IMPORT_ROWS = 100_000;

/** Jobs still working, so a shutdown (or a test) can wait for them. */
export const runningImports = new Set<Promise<void>>();

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

export async function codeEntries(db: Db): Promise<Record<string, CodeEntry[]>> {
  const found = await rows<CodeEntry & { list: string }>(
    db,
    sql`SELECT list, code, label_zh AS "labelZh", label_en AS "labelEn" FROM code_lists WHERE active ORDER BY list, sort, code`,
  );
  const out: Record<string, CodeEntry[]> = {};
  for (const e of found) (out[e.list] ??= []).push(e);
  return out;
}

/** Levels of the given area codes that lie in the scope (one query for the whole file). */
async function areaLevels(db: Db, scope: string, codes: string[]): Promise<Map<string, string>> {
  const found = await rows<{ code: string; level: string }>(
    db,
    sql`SELECT code, level FROM areas WHERE code = ANY(string_to_array(${codes.filter((c) => /^\d+$/.test(c)).join(',')}, ',')) AND code LIKE ${scope + '%'}`,
  );
  return new Map(found.map((a) => [a.code, a.level]));
}

/**
 * At start-up, jobs left running by a previous process can never finish: marks them failed
 * with a bilingual note (one server process per database; see docs/operations.md). Valid-rows
 * slices already committed stay, and re-importing the same file skips them as unchanged.
 */
export async function failInterruptedImports(database: Database): Promise<number> {
  const note = `${translate('zh-CN', 'import.interrupted')} / ${translate('en', 'import.interrupted')}`;
  const done = await database.owner((db) =>
    rows<{ id: string }>(
      db,
      sql`UPDATE import_jobs SET status = 'failed', error = ${note}, finished_at = now()
      WHERE status IN ('queued', 'reading', 'validating', 'importing') RETURNING id`,
    ),
  );
  return done.length;
}

export interface ImportRequest {
  filename: string;
  mode: 'all_or_nothing' | 'valid_rows';
}

/** An .xlsx above this (≈ 4,000 rows) is read inside the job (≈ 8 s per 100,000 rows): the upload answers at once. */
export const READ_IN_JOB_BYTES = 256 * 1024;

/** The file's data rows and column map, or a 400 saying what is wrong with the file. */
async function readRows(ctx: Ctx, kind: FileKind, buf: Buffer): Promise<{ data: SheetRow[]; index: Partial<Record<ColumnKey, number>> }> {
  const sheet = await readSheet(kind, buf).catch(() => {
    throw new AppError(400, 'import.format');
  });
  const { index, missing } = mapHeaders(sheet.headers);
  if (missing.length) throw new AppError(400, 'import.headers', { columns: missing.join(ctx.lang === 'en' ? ', ' : '、') });
  const data = sheet.rows.filter((r) => !isNotesRow(r, { index }));
  if (!data.length) throw new AppError(400, 'import.empty');
  if (data.length > MAX_IMPORT_ROWS) throw new AppError(400, 'import.tooMany', { max: MAX_IMPORT_ROWS });
  return { data, index };
}

/**
 * Checks the file and starts the job; answers the job as it stands. A CSV or a small .xlsx is
 * read first (a bad file is a 400 at once; status validating); a large .xlsx starts as
 * `reading`, and a problem with it fails the job with the same message.
 */
export async function startImport(ctx: Ctx, q: ImportRequest, body: unknown): Promise<ImportJob> {
  const buf = Buffer.isBuffer(body) ? body : null;
  const kind = buf ? detectKind(q.filename, buf) : null;
  if (!buf || !kind) throw new AppError(400, 'import.format');
  const read = kind === 'xlsx' && buf.length > READ_IN_JOB_BYTES ? null : await readRows(ctx, kind, buf);

  const id = uuidv7();
  const fileHash = crypto.createHash('sha256').update(buf).digest('hex');
  const job = await ctx.db.run(async (db) => {
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
    });
    return (await jobById(db, ctx.scope, id))!;
  });
  // Starts after this response is on its way (the first steps would otherwise run before it).
  const work = yieldToEventLoop()
    .then(async () => {
      let rows = read;
      if (!rows) {
        try {
          rows = await readRows(ctx, kind, buf);
        } catch (e) {
          const message = e instanceof AppError ? translate(ctx.lang, e.code, e.params) : translate(ctx.lang, 'import.format');
          await ctx.db.run((db) =>
            finishJob(db, id, { status: 'failed', processed: 0, counts: countOutcomes([]), report: null, error: message }),
          );
          return;
        }
        const total = rows.data.length;
        await ctx.db.run((db) => setProgress(db, id, 'validating', 0, undefined, total));
      }
      await runImport(ctx, id, q, rows.data, rows.index);
    })
    .catch((e: unknown) => ctx.log.error({ err: e, job: id }, 'import job bookkeeping failed'));
  runningImports.add(work);
  void work.finally(() => runningImports.delete(work));
  return toImportJob(job);
}

/** Rows per slice: checked, classified and written together (one transaction each in valid_rows). */
export const SLICE = 5000;

/** Progress of the jobs this process is running (an all-or-nothing job's rows are not committed yet). */
const live = new Map<string, { processed: number; counts: Counts }>();

class NothingImported extends Error {}

async function runImport(
  ctx: Ctx,
  id: string,
  q: ImportRequest,
  data: SheetRow[],
  index: Partial<Record<ColumnKey, number>>,
): Promise<void> {
  const outcomes: Outcome[] = [];
  live.set(id, { processed: 0, counts: countOutcomes([]) });
  try {
    const areaCodes = [...new Set(data.map((r) => cell(r, { index }, 'areaCode')))];
    const { codes, areas, intervals } = await ctx.db.run(async (db) => ({
      codes: await codeEntries(db),
      areas: await areaLevels(db, ctx.scope, areaCodes),
      intervals: await loadVisitIntervals(db),
    }));
    const plan: PlanInput = {
      lookups: {
        index,
        category: codeLookup(codes.resident_category ?? []),
        assistance: codeLookup(codes.assistance_status ?? []),
        areas,
        lang: ctx.lang,
      },
      keys: ctx.keys,
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
    // The next slice is checked and sealed in memory while the database writes this one.
    const writeSlices = async (db: Db | null) => {
      let next = planRows(plan, slices[0]!, seen);
      for (let k = 0; k < slices.length; k++) {
        const { planned, candidates } = await next;
        if (k + 1 < slices.length) {
          next = planRows(plan, slices[k + 1]!, seen);
          next.catch(() => undefined); // awaited next turn; if this slice's write fails first, nobody will
        }
        const work = async (d: Db) => {
          const refused = () => planned.some((p) => p.outcome.status === 'rejected');
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
      // One transaction for the whole file, rolled back when any row is refused.
      await ctx.db
        .tx(async (db) => {
          await writeSlices(db);
          if (anyBad) throw new NothingImported();
        })
        .catch((e: unknown) => {
          if (!(e instanceof NothingImported)) throw e;
          for (const o of outcomes) if (o.status !== 'rejected') o.notImported = true;
          error = translate(ctx.lang, 'import.nothingImported');
        });
    }
    const counts = countOutcomes(outcomes);
    await ctx.db.tx(async (db) => {
      await finishJob(db, id, { status: 'done', processed: data.length, counts, report: outcomes, error });
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
    ctx.log.error({ err: e, job: id }, 'import job failed');
    const message = e instanceof AppError ? translate(ctx.lang, e.code, e.params) : translate(ctx.lang, 'error.internal');
    await ctx.db.run((db) =>
      finishJob(db, id, {
        status: 'failed',
        processed: 0,
        counts: countOutcomes([]),
        report: outcomes.length ? outcomes : null,
        error: message,
      }),
    );
  } finally {
    live.delete(id);
  }
}
