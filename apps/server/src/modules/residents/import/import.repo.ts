// The writing pass of an import and the job row's bookkeeping. New residents go in with one
// INSERT … SELECT of a slice's records (JSON text), which RLS checks row by row; an ID number
// already held anywhere, even outside the scope, is left out by ON CONFLICT and reported (the
// unique blind index decides, so two imports racing cannot both win). Their first care-level
// records go in the same statement; the batch gets one audit record listing each new
// resident's masked view. Changed residents go through updateResidentRow like any edit.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { updateResidentRow, type RuleCtx } from '../residents.write.ts';
import type { ResidentRow } from '../residents.write.repo.ts';
import { appendAudit, byActor, JsonText } from '../../../audit/audit.ts';
import { recordColumns } from './import.record.ts';
import type { CodeEntry } from './import.columns.ts';
import type { Outcome, PlannedRow } from './import.plan.ts';
import { rowError } from './import.rows.ts';

/** What an import compares a row with: the stored resident's columns. */
export type Stored = Pick<
  ResidentRow,
  | 'id'
  | 'idHash'
  | 'areaCode'
  | 'name'
  | 'documentType'
  | 'phoneHash'
  | 'address'
  | 'familyCipher'
  | 'categories'
  | 'assistanceStatus'
  | 'careLevel'
  | 'healthCipher'
  | 'notes'
  | 'consent'
>;

/**
 * Inserts accepted rows (all in scope) with their care-level records and one audit record for
 * the batch; rows whose ID number turns out to be taken are marked rejected. Returns how many
 * were inserted. The rows arrive as the texts made where they were prepared (import.record.ts):
 * one JSON array parameter, read by json_populate_record as `residents` rows, the same
 * statement on PostgreSQL and PGlite.
 */
export async function insertAccepted(db: Db, ctx: RuleCtx & { jobId: string; areaCode: string }, batch: PlannedRow[]): Promise<number> {
  if (!batch.length) return 0;
  // Every record sets the same columns; those it leaves out (status, version, timestamps) take
  // the residents table's defaults.
  const columns = recordColumns(batch[0]!.texts!.record)
    .map((c) => `"${c}"`)
    .join(', ');
  const records = `[${batch.map((p) => p.texts!.record).join(',')}]`;
  const refused = await rows<{ id: string }>(
    db,
    sql`WITH src AS (
        SELECT r.*, (e->>'level_change_id')::uuid AS level_change_id
        FROM json_array_elements(${records}::json) e, LATERAL json_populate_record(NULL::residents, e) r
      ), ins AS (
        INSERT INTO residents (${sql.raw(columns)}) SELECT ${sql.raw(columns)} FROM src
        ON CONFLICT (id_hash) WHERE status <> 'merged' DO NOTHING
        RETURNING id, area_code, care_level, created_by
      ), levels AS (
        INSERT INTO care_level_changes (id, resident_id, area_code, to_level, changed_by)
        SELECT src.level_change_id, ins.id, ins.area_code, ins.care_level, ins.created_by FROM ins JOIN src USING (id)
      )
      SELECT src.id FROM src WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.id = src.id)`,
  );
  const taken = new Set(refused.map((r) => r.id));
  const created: string[] = [];
  for (const p of batch) {
    if (!taken.has(p.texts!.newId)) created.push(p.texts!.audit);
    else Object.assign(p.outcome, { status: 'rejected', errors: [rowError('idNumber', 'resident.idTaken')] });
  }
  if (created.length) {
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'resident.create',
        targetType: 'import_job',
        targetId: ctx.jobId,
        areaCode: ctx.areaCode,
        after: new JsonText(`{"residents":[${created.join(',')}]}`),
      }),
    );
  }
  return created.length;
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
  const [r] = await rows<JobRow>(db, sql`${JOB_SELECT} WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`);
  return r;
}

export async function jobReport(db: Db, scope: string, id: string): Promise<Outcome[] | null | undefined> {
  const [r] = await rows<{ report: Outcome[] | null }>(
    db,
    sql`SELECT report FROM import_jobs WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return r ? r.report : undefined;
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
export async function areaLevels(db: Db, scope: string, codes: string[]): Promise<Map<string, string>> {
  const found = await rows<{ code: string; level: string }>(
    db,
    sql`SELECT code, level FROM areas WHERE code = ANY(string_to_array(${codes.filter((c) => /^\d+$/.test(c)).join(',')}, ',')) AND ${inArea(sql`code`, scope)}`,
  );
  return new Map(found.map((a) => [a.code, a.level]));
}

/** The template's community list: the caller's communities and grids. */
export function communitiesIn(db: Db, scope: string) {
  return rows<{ code: string; name: string; path: string }>(
    db,
    sql`SELECT code, name, path FROM areas WHERE ${inArea(sql`code`, scope)} AND level IN ('community', 'grid') ORDER BY code`,
  );
}

export function insertJob(
  db: Db,
  j: {
    id: string;
    areaCode: string;
    createdBy: string;
    filename: string;
    fileHash: string;
    mode: string;
    status: 'reading' | 'validating';
    totalRows: number;
    context: object;
  },
) {
  return db.execute(sql`INSERT INTO import_jobs (id, area_code, created_by, filename, file_hash, mode, status, total_rows, context)
    VALUES (${j.id}, ${j.areaCode}, ${j.createdBy}, ${j.filename}, ${j.fileHash}, ${j.mode}, ${j.status}, ${j.totalRows}, ${JSON.stringify(j.context)}::jsonb)`);
}

export function setProgress(db: Db, id: string, status: string, processed: number, counts?: Counts, totalRows?: number) {
  return db.execute(sql`UPDATE import_jobs SET status = ${status}, processed_rows = ${processed}
    ${counts ? sql`, accepted = ${counts.accepted}, updated = ${counts.updated}, unchanged = ${counts.unchanged}, rejected = ${counts.rejected}` : sql``}
    ${totalRows === undefined ? sql`` : sql`, total_rows = ${totalRows}`}
    WHERE id = ${id}`);
}

export function finishJob(
  db: Db,
  id: string,
  f: { status: 'done' | 'failed'; processed: number; counts: Counts; report: Outcome[] | null; error: string | null },
) {
  return db.execute(sql`UPDATE import_jobs SET status = ${f.status}, processed_rows = ${f.processed}, accepted = ${f.counts.accepted},
    updated = ${f.counts.updated}, unchanged = ${f.counts.unchanged}, rejected = ${f.counts.rejected},
    report = ${f.report ? JSON.stringify(f.report) : null}::jsonb, error = ${f.error}, finished_at = now()
    WHERE id = ${id}`);
}

/** Stored residents in scope (RLS) for these blind indexes, in one query. */
export async function storedByHash(db: Db, hashes: string[]): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  if (!hashes.length) return out;
  // Blind indexes are base64url, so a comma-joined list is unambiguous and binds as one value.
  const found = await rows<Stored>(
    db,
    sql`SELECT id, id_hash AS "idHash", area_code AS "areaCode", name, document_type AS "documentType", phone_hash AS "phoneHash",
      address, family_cipher AS "familyCipher", categories, assistance_status AS "assistanceStatus", care_level AS "careLevel",
      health_cipher AS "healthCipher", notes, consent
    FROM residents WHERE id_hash = ANY(string_to_array(${hashes.join(',')}, ',')) AND status <> 'merged'`,
  );
  for (const s of found) out.set(s.idHash, s);
  return out;
}
