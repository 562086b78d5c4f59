// An import's file and its lease. Whichever instance runs the job takes the lease (a token
// and a heartbeat); every write of the job checks the token in its own transaction, so a
// worker that lost the lease (it stalled, the watchdog gave the job to another) writes nothing.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** Statuses of a job that has not ended. */
const OPEN = sql`status IN ('queued', 'reading', 'validating', 'importing')`;

export class LeaseLost extends Error {
  constructor(id: string) {
    super(`import ${id}: lease lost`);
  }
}

export function storeFile(db: Db, jobId: string, areaCode: string, content: Buffer) {
  return db.execute(sql`INSERT INTO import_files (job_id, area_code, content) VALUES (${jobId}, ${areaCode}, ${content})`);
}

export async function fileOf(db: Db, jobId: string): Promise<Buffer | undefined> {
  const [r] = await rows<{ content: Buffer | Uint8Array }>(db, sql`SELECT content FROM import_files WHERE job_id = ${jobId}`);
  return r ? Buffer.from(r.content) : undefined;
}

/** Who uploaded the job, as the worker runs it. */
export interface JobContext {
  scope: string;
  lang: 'zh-CN' | 'en';
  ip: string;
  username: string;
  /** The uploader held resident.assign (may name other workers in the worker column); absent on older jobs: no. */
  mayAssign?: boolean;
}

export interface LeasedJob {
  id: string;
  areaCode: string;
  createdBy: string;
  filename: string;
  mode: 'all_or_nothing' | 'valid_rows';
  status: string;
  context: JobContext;
  attempts: number;
}

/** Takes the lease of an open job nobody holds; undefined when it ended or another holds it. */
export async function takeLease(db: Db, id: string, lease: { token: string; worker: string; queueJobId: string }) {
  const [r] = await rows<LeasedJob>(
    db,
    sql`UPDATE import_jobs SET lease_token = ${lease.token}, heartbeat_at = now(), worker = ${lease.worker},
        queue_job_id = ${lease.queueJobId}, attempts = attempts + 1,
        status = CASE WHEN status = 'queued' THEN 'validating' ELSE status END
      WHERE id = ${id} AND lease_token IS NULL AND ${OPEN}
      RETURNING id, area_code AS "areaCode", created_by AS "createdBy", filename, mode, status, context, attempts`,
  );
  return r;
}

/** Inside a write's transaction: locks the job row while it still holds this lease, else throws. */
export async function holdLease(db: Db, id: string, token: string): Promise<void> {
  const held = await rows(db, sql`SELECT 1 FROM import_jobs WHERE id = ${id} AND lease_token = ${token} FOR UPDATE`);
  if (!held.length) throw new LeaseLost(id);
}

/** Keeps the lease alive; all-or-nothing progress (uncommitted rows) travels with it. False: lost. */
export async function heartbeat(db: Db, id: string, token: string, processed: number | null): Promise<boolean> {
  const found = await rows(
    db,
    sql`UPDATE import_jobs SET heartbeat_at = now()
      ${processed === null ? sql`` : sql`, processed_rows = ${processed}, status = 'importing'`}
      WHERE id = ${id} AND lease_token = ${token} RETURNING id`,
  );
  return found.length > 0;
}

/** Gives the job back to the queue (shutdown) without counting the attempt. */
export async function releaseLease(db: Db, id: string, token: string): Promise<boolean> {
  const found = await rows(
    db,
    sql`UPDATE import_jobs SET lease_token = NULL, worker = NULL, status = 'queued', attempts = attempts - 1
      WHERE id = ${id} AND lease_token = ${token} RETURNING id`,
  );
  return found.length > 0;
}

/** Ends the lease with the job (the caller writes the outcome in the same transaction) and drops the file. */
export async function endLease(db: Db, id: string) {
  await db.execute(sql`UPDATE import_jobs SET lease_token = NULL, heartbeat_at = NULL WHERE id = ${id}`);
  await db.execute(sql`DELETE FROM import_files WHERE job_id = ${id}`);
}

export interface StaleJob {
  id: string;
  status: 'queued' | 'failed';
  queueJobId: string | null;
}

/**
 * Jobs whose worker stopped beating (its process died): back to the queue while attempts
 * remain, else failed with `error`. Rows a live slice holds are skipped (SKIP LOCKED), and
 * so are `running` (this process's own jobs). System scope: every area's jobs.
 */
export async function reclaimStale(db: Db, o: { staleSeconds: number; maxAttempts: number; running: string[]; error: string }) {
  const reclaimed = await rows<StaleJob>(
    db,
    sql`WITH stale AS (
        SELECT id FROM import_jobs
        WHERE ${OPEN} AND lease_token IS NOT NULL AND heartbeat_at < now() - make_interval(secs => ${o.staleSeconds})
          AND NOT (id = ANY(string_to_array(${o.running.join(',')}, ',')::uuid[]))
        FOR UPDATE SKIP LOCKED
      )
      UPDATE import_jobs j SET lease_token = NULL, worker = NULL,
        status = CASE WHEN j.attempts < ${o.maxAttempts} THEN 'queued' ELSE 'failed' END,
        error = CASE WHEN j.attempts < ${o.maxAttempts} THEN NULL ELSE ${o.error} END,
        finished_at = CASE WHEN j.attempts < ${o.maxAttempts} THEN NULL ELSE now() END
      FROM stale WHERE j.id = stale.id
      RETURNING j.id, j.status, j.queue_job_id AS "queueJobId"`,
  );
  const failed = reclaimed.filter((j) => j.status === 'failed').map((j) => j.id);
  if (failed.length) {
    await db.execute(sql`DELETE FROM import_files WHERE job_id = ANY(string_to_array(${failed.join(',')}, ',')::uuid[])`);
  }
  return reclaimed;
}
