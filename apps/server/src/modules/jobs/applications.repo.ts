// SQL of job applications: the employer's list per post, one application (with or without its
// CV and sealed mobile), the stage update, the candidate's own applications.
import type { JobApplication } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`x.id, x.job_id AS "jobId", j.title AS "jobTitle", x.area_code AS "areaCode", x.name, x.mobile_masked AS "mobileMasked",
  x.education, x.cert_level AS "certLevel", x.years, x.note,
  json_build_object('filename', x.cv_filename, 'contentType', x.cv_content_type, 'size', x.cv_size) AS cv,
  x.stage, x.reason, x.worker_id AS "workerId", x.version, x.created_at AS "createdAt", x.updated_at AS "updatedAt"`;

export type ApplicationRow = Omit<JobApplication, 'createdAt' | 'updatedAt'> & {
  createdAt: Date | string;
  updatedAt: Date | string;
  publicAccountId: string;
  orgId: string;
  jobAreaCode: string;
};

export function applicationsOfJob(
  db: Db,
  scope: string,
  jobId: string,
  f: { stage?: string; q?: string; limit: number; offset: number },
): Promise<{ items: ApplicationRow[]; total: number }> {
  const where: SQL[] = [sql`x.job_id = ${jobId}`, inArea(sql`x.area_code`, scope)];
  if (f.stage) where.push(sql`x.stage = ${f.stage}`);
  if (f.q) where.push(sql`x.name LIKE ${likeContains(f.q)}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<ApplicationRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM job_applications x JOIN jobs j ON j.id = x.job_id
      WHERE ${cond} ORDER BY x.created_at, x.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM job_applications x WHERE ${cond}`,
    f.offset,
  );
}

export async function applicationById(db: Db, scope: string, id: string, lock = false): Promise<ApplicationRow | undefined> {
  const [x] = await rows<ApplicationRow>(
    db,
    sql`SELECT ${COLUMNS}, x.public_account_id AS "publicAccountId", j.org_id AS "orgId", j.area_code AS "jobAreaCode"
      FROM job_applications x JOIN jobs j ON j.id = x.job_id
      WHERE x.id = ${id} AND ${inArea(sql`x.area_code`, scope)} ${lock ? sql`FOR UPDATE OF x` : sql``}`,
  );
  return x;
}

export async function applicationSecrets(db: Db, scope: string, id: string) {
  const [x] = await rows<{ areaCode: string; name: string; mobileCipher: string; filename: string; contentType: string; content: string }>(
    db,
    sql`SELECT area_code AS "areaCode", name, mobile_cipher AS "mobileCipher", cv_filename AS filename,
        cv_content_type AS "contentType", cv_content AS content
      FROM job_applications WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return x;
}

/** Moves the stage if the version still matches; false on a stale version. */
export async function setStage(
  db: Db,
  scope: string,
  id: string,
  version: number | null,
  to: { stage: string; reason: string | null },
): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE job_applications SET stage = ${to.stage}, reason = ${to.reason}, version = version + 1, updated_at = now()
      WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} ${version === null ? sql`` : sql`AND version = ${version}`} RETURNING id`,
  );
  return res.length > 0;
}

export async function setWorker(db: Db, scope: string, id: string, workerId: string): Promise<void> {
  await db.execute(
    sql`UPDATE job_applications SET worker_id = ${workerId}, version = version + 1, updated_at = now()
      WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
}

/** Inserts once per post and account; the existing row's id answers a repeat. */
export async function insertApplication(db: Db, r: Record<string, unknown>): Promise<string> {
  await db.execute(sql`INSERT INTO job_applications (id, job_id, area_code, public_account_id, name, mobile_cipher, mobile_masked,
      education, cert_level, years, note, cv_filename, cv_content_type, cv_size, cv_content)
    VALUES (${r.id}, ${r.job_id}, ${r.area_code}, ${r.public_account_id}, ${r.name}, ${r.mobile_cipher}, ${r.mobile_masked},
      ${r.education}, ${r.cert_level}, ${r.years}, ${r.note}, ${r.cv_filename}, ${r.cv_content_type}, ${r.cv_size}, ${r.cv_content})
    ON CONFLICT (job_id, public_account_id) DO NOTHING`);
  const [x] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM job_applications WHERE job_id = ${r.job_id} AND public_account_id = ${r.public_account_id}`,
  );
  return x!.id;
}

// ---- The candidate's own (as the owner, by the account).

const MINE = sql`x.id, x.job_id AS "jobId", j.title AS "jobTitle", o.name AS "orgName", x.stage, x.reason,
  x.cv_filename AS "cvFilename", x.area_code AS "areaCode", x.version, x.created_at AS "createdAt"`;

export type MyApplicationRow = {
  id: string;
  jobId: string;
  jobTitle: string;
  orgName: string;
  stage: string;
  reason: string | null;
  cvFilename: string;
  areaCode: string;
  version: number;
  createdAt: Date | string;
};

export const applicationsOfAccount = (db: Db, accountId: string) =>
  rows<MyApplicationRow>(
    db,
    sql`SELECT ${MINE} FROM job_applications x JOIN jobs j ON j.id = x.job_id JOIN orgs o ON o.id = j.org_id
      WHERE x.public_account_id = ${accountId} ORDER BY x.created_at DESC`,
  );

export async function accountApplication(db: Db, accountId: string, where: { jobId?: string; id?: string }) {
  const [x] = await rows<MyApplicationRow>(
    db,
    sql`SELECT ${MINE} FROM job_applications x JOIN jobs j ON j.id = x.job_id JOIN orgs o ON o.id = j.org_id
      WHERE x.public_account_id = ${accountId} AND ${where.id ? sql`x.id = ${where.id}` : sql`x.job_id = ${where.jobId!}`}`,
  );
  return x;
}

/** The account's sealed mobile (copied onto an application, so the employer can reveal it). */
export async function accountMobile(db: Db, accountId: string) {
  const [a] = await rows<{ name: string; mobileCipher: string; mobileMasked: string }>(
    db,
    sql`SELECT display_name AS name, mobile_cipher AS "mobileCipher", mobile_masked AS "mobileMasked"
      FROM public_accounts WHERE id = ${accountId} AND status = 'active'`,
  );
  return a;
}
