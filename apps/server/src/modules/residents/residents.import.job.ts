// An import job: the file is read and its headers checked while the person waits (400s come
// back at once), then a job row is created and the work continues in the server process
// while the person watches its progress: validating → importing → done (or failed).
import crypto from 'node:crypto';
import { shanghaiToday, translate, type ImportJob } from '@wushe/core';
import { rows, uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { codeLookup, mapHeaders, type CodeEntry, type ColumnKey } from './residents.import.columns.ts';
import { detectKind, readSheet, type SheetRow } from './residents.import.parse.ts';
import { planImport, yieldToEventLoop, type Outcome, type PlannedRow } from './residents.import.plan.ts';
import { cell, isNotesRow, type Lookups } from './residents.import.rows.ts';
import { BATCH, countOutcomes, finishJob, insertBatch, insertJob, jobById, setProgress, updateBatch, type JobRow } from './residents.import.write.ts';
import { loadVisitIntervals } from './residents.rules.ts';

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

export interface ImportRequest {
  filename: string;
  mode: 'all_or_nothing' | 'valid_rows';
}

/** Checks the file and starts the job; answers the job as it stands (status validating). */
export async function startImport(ctx: Ctx, q: ImportRequest, body: unknown): Promise<ImportJob> {
  const buf = Buffer.isBuffer(body) ? body : null;
  const kind = buf ? detectKind(q.filename, buf) : null;
  if (!buf || !kind) throw new AppError(400, 'import.format');
  const sheet = await readSheet(kind, buf).catch(() => {
    throw new AppError(400, 'import.format');
  });
  const { index, missing } = mapHeaders(sheet.headers);
  if (missing.length) throw new AppError(400, 'import.headers', { columns: missing.join(ctx.lang === 'en' ? ', ' : '、') });
  const data = sheet.rows.filter((r) => !isNotesRow(r, { index }));
  if (!data.length) throw new AppError(400, 'import.empty');
  if (data.length > MAX_IMPORT_ROWS) throw new AppError(400, 'import.tooMany', { max: MAX_IMPORT_ROWS });

  const id = uuidv7();
  const fileHash = crypto.createHash('sha256').update(buf).digest('hex');
  const job = await ctx.db.run(async (db) => {
    await insertJob(db, { id, areaCode: ctx.actor.area.code, createdBy: ctx.actor.id, filename: q.filename, fileHash, mode: q.mode, totalRows: data.length });
    return (await jobById(db, ctx.scope, id))!;
  });
  // Starts after this response is on its way (the first steps would otherwise run before it).
  const work = yieldToEventLoop()
    .then(() => runImport(ctx, id, q, data, index))
    .catch((e: unknown) => ctx.log.error({ err: e, job: id }, 'import job bookkeeping failed'));
  runningImports.add(work);
  void work.finally(() => runningImports.delete(work));
  return toImportJob(job);
}

async function runImport(ctx: Ctx, id: string, q: ImportRequest, data: SheetRow[], index: Partial<Record<ColumnKey, number>>): Promise<void> {
  let outcomes: Outcome[] = [];
  try {
    const areaCodes = [...new Set(data.map((r) => cell(r, { index }, 'areaCode')))];
    const { codes, areas, intervals } = await ctx.db.run(async (db) => ({
      codes: await codeEntries(db),
      areas: await areaLevels(db, ctx.scope, areaCodes),
      intervals: await loadVisitIntervals(db),
    }));
    const lookups: Lookups = {
      index,
      category: codeLookup(codes.resident_category ?? []),
      assistance: codeLookup(codes.assistance_status ?? []),
      areas,
      lang: ctx.lang,
    };
    const planned = await planImport({
      rows: data,
      lookups,
      keys: ctx.keys,
      today: shanghaiToday(ctx.now),
      intervals,
      progress: async (n) => {
        await ctx.db.run((db) => setProgress(db, id, 'validating', n));
      },
      read: (fn) => ctx.db.run(fn),
    });
    outcomes = planned.map((p) => p.outcome);
    const writes = planned.filter((p) => p.outcome.status === 'accepted' || p.outcome.status === 'updated');
    const anyBad = outcomes.some((o) => o.status === 'rejected');
    let error: string | null = null;
    if (q.mode === 'all_or_nothing' && anyBad) {
      for (const o of outcomes) if (o.status !== 'rejected') o.notImported = true;
      error = translate(ctx.lang, 'import.nothingImported');
    } else {
      await writeAll(ctx, id, q, writes, data.length);
    }
    const counts = countOutcomes(outcomes);
    await ctx.db.tx(async (db) => {
      await finishJob(db, id, { status: 'done', processed: data.length, counts, report: outcomes, error });
      await appendAudit(db, byActor(ctx, {
        action: 'resident.import',
        targetType: 'import_job',
        targetId: id,
        areaCode: ctx.actor.area.code,
        after: { filename: q.filename, mode: q.mode, totalRows: data.length, ...counts, imported: error === null },
      }));
    });
  } catch (e) {
    ctx.log.error({ err: e, job: id }, 'import job failed');
    const message = e instanceof AppError ? translate(ctx.lang, e.code, e.params) : translate(ctx.lang, 'error.internal');
    await ctx.db.run((db) => finishJob(db, id, { status: 'failed', processed: 0, counts: countOutcomes([]), report: outcomes.length ? outcomes : null, error: message }));
  }
}

/**
 * valid_rows: one transaction per batch, progress committed with it. all_or_nothing: one
 * transaction for everything (on PGlite the single connection is busy until it commits).
 */
async function writeAll(ctx: Ctx, id: string, q: ImportRequest, writes: PlannedRow[], total: number): Promise<void> {
  const reason = `${translate(ctx.lang, 'import.careLevelReason')}：${q.filename}`;
  const settled = total - writes.length; // rows with nothing to write count as processed at once
  await ctx.db.run((db) => setProgress(db, id, 'importing', settled));
  const batchOf = async (db: Db, batch: PlannedRow[]) => {
    await insertBatch(db, ctx, batch.filter((p) => p.outcome.status === 'accepted'));
    await updateBatch(db, ctx, batch.filter((p) => p.outcome.status === 'updated'), reason);
  };
  if (q.mode === 'all_or_nothing') {
    await ctx.db.tx(async (db) => {
      for (let i = 0; i < writes.length; i += BATCH) {
      await batchOf(db, writes.slice(i, i + BATCH));
      await yieldToEventLoop();
    }
    });
    return;
  }
  for (let i = 0; i < writes.length; i += BATCH) {
    const batch = writes.slice(i, i + BATCH);
    const done = countOutcomes(writes.slice(0, i + BATCH).map((p) => p.outcome));
    await ctx.db.tx(async (db) => {
      await batchOf(db, batch);
      await setProgress(db, id, 'importing', settled + i + batch.length, done);
    });
    await yieldToEventLoop();
  }
}
