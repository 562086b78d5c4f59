// The writing pass of an import and the job row's bookkeeping. New residents go in as one
// multi-row INSERT per batch (rows bound as one JSON value, so 500 rows are one statement
// and one parameter), with their first care-level record and their masked audit records;
// changed ones go through updateResidentRow like any edit.
import { rows, uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { auditView, RESIDENT_COLUMNS, updateResidentRow, type ResidentRow, type RuleCtx } from './residents.rules.ts';
import type { Outcome, PlannedRow } from './residents.import.plan.ts';

export const BATCH = 500;

/** Inserts prepared residents (all in scope) with care-level history and audit records. */
export async function insertBatch(db: Db, ctx: RuleCtx, batch: PlannedRow[]): Promise<void> {
  if (!batch.length) return;
  const residents: Record<string, unknown>[] = [];
  const levels: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  for (const p of batch) {
    const v = p.values!;
    const id = uuidv7();
    const rec: Record<string, unknown> = { id, created_by: ctx.actor.id };
    for (const [k, col] of Object.entries(RESIDENT_COLUMNS)) if (v[k] !== undefined) rec[col] = v[k];
    residents.push(rec);
    levels.push({ id: uuidv7(), resident_id: id, area_code: v.areaCode, to_level: v.careLevel, changed_by: ctx.actor.id });
    audits.push({ id, area_code: v.areaCode, after: auditView(ctx.keys, v as Partial<ResidentRow>) });
  }
  const cols = [...new Set(residents.flatMap((r) => Object.keys(r)))]; // absent keys read as NULL
  const list = sql.join(cols.map((c) => sql.identifier(c)), sql`, `);
  await db.execute(sql`INSERT INTO residents (${list}) SELECT ${list} FROM json_populate_recordset(NULL::residents, ${JSON.stringify(residents)}::json)`);
  await db.execute(sql`INSERT INTO care_level_changes (id, resident_id, area_code, to_level, changed_by)
    SELECT id, resident_id, area_code, to_level, changed_by FROM json_populate_recordset(NULL::care_level_changes, ${JSON.stringify(levels)}::json)`);
  await db.execute(sql`SELECT count(audit_append(${ctx.actor.id}::uuid, ${ctx.actor.username}, ${ctx.ip}, 'resident.create', 'resident',
      r.id, r.area_code, NULL, r.after))
    FROM json_to_recordset(${JSON.stringify(audits)}::json) AS r(id text, area_code text, after jsonb)`);
}

/** Applies the changed columns of residents already registered in scope (no version check). */
export async function updateBatch(db: Db, ctx: RuleCtx, batch: PlannedRow[], reason: string): Promise<void> {
  for (const p of batch) await updateResidentRow(db, ctx, p.id!, null, p.changes!, reason);
}

export interface Counts {
  accepted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export function countOutcomes(outcomes: Outcome[]): Counts {
  const c: Counts = { accepted: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const o of outcomes) if (!o.notImported) c[o.status]++;
  return c;
}

export interface JobRow {
  id: string;
  filename: string;
  mode: string;
  status: string;
  totalRows: number;
  processedRows: number;
  accepted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  areaCode: string;
  createdBy: string;
}

const JOB_SELECT = sql`SELECT id, filename, mode, status, total_rows AS "totalRows", processed_rows AS "processedRows", accepted, updated,
  unchanged, rejected, error, created_at AS "createdAt", finished_at AS "finishedAt", area_code AS "areaCode", created_by AS "createdBy"
  FROM import_jobs`;

export async function jobById(db: Db, scope: string, id: string): Promise<JobRow | undefined> {
  const [r] = await rows<JobRow>(db, sql`${JOB_SELECT} WHERE id = ${id} AND area_code LIKE ${scope + '%'}`);
  return r;
}

export async function jobReport(db: Db, scope: string, id: string): Promise<Outcome[] | null | undefined> {
  const [r] = await rows<{ report: Outcome[] | null }>(db, sql`SELECT report FROM import_jobs WHERE id = ${id} AND area_code LIKE ${scope + '%'}`);
  return r ? r.report : undefined;
}

export function insertJob(db: Db, j: { id: string; areaCode: string; createdBy: string; filename: string; fileHash: string; mode: string; totalRows: number }) {
  return db.execute(sql`INSERT INTO import_jobs (id, area_code, created_by, filename, file_hash, mode, status, total_rows)
    VALUES (${j.id}, ${j.areaCode}, ${j.createdBy}, ${j.filename}, ${j.fileHash}, ${j.mode}, 'validating', ${j.totalRows})`);
}

export function setProgress(db: Db, id: string, status: string, processed: number, counts?: Counts) {
  return db.execute(sql`UPDATE import_jobs SET status = ${status}, processed_rows = ${processed}
    ${counts ? sql`, accepted = ${counts.accepted}, updated = ${counts.updated}, unchanged = ${counts.unchanged}, rejected = ${counts.rejected}` : sql``}
    WHERE id = ${id}`);
}

export function finishJob(db: Db, id: string, f: { status: 'done' | 'failed'; processed: number; counts: Counts; report: Outcome[] | null; error: string | null }) {
  return db.execute(sql`UPDATE import_jobs SET status = ${f.status}, processed_rows = ${f.processed}, accepted = ${f.counts.accepted},
    updated = ${f.counts.updated}, unchanged = ${f.counts.unchanged}, rejected = ${f.counts.rejected},
    report = ${f.report ? JSON.stringify(f.report) : null}::jsonb, error = ${f.error}, finished_at = now()
    WHERE id = ${id}`);
}
