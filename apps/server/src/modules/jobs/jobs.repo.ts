// SQL of job posts: the staff list (with application counts), one post, writes, and the
// public reads (open posts only, no applicant and no contact person).
import type { Job } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`j.id, j.area_code AS "areaCode", coalesce(a.name, j.area_code) AS "areaName", j.org_id AS "orgId", o.name AS "orgName",
  j.title, j.description, j.headcount, j.salary_min_fen AS "salaryMinFen", j.salary_max_fen AS "salaryMaxFen",
  j.cert_level AS "certLevel", j.education, j.experience_years AS "experienceYears", j.deadline::text AS deadline, j.status`;
const COUNTS = sql`(SELECT json_build_object(
    'total', count(*)::int,
    'open', (count(*) FILTER (WHERE x.stage IN ('applied', 'screened', 'interview', 'offer')))::int,
    'hired', (count(*) FILTER (WHERE x.stage = 'hired'))::int)
  FROM job_applications x WHERE x.job_id = j.id) AS counts`;
const JOINS = sql`JOIN orgs o ON o.id = j.org_id LEFT JOIN areas a ON a.code = j.area_code`;

export type JobRow = Omit<Job, 'createdAt' | 'updatedAt'> & { createdAt: Date | string; updatedAt: Date | string };

export interface JobFilter {
  prefix: string;
  q?: string;
  org?: string;
  status?: string;
  level?: string;
  sort: string;
  limit: number;
  offset: number;
}

const SORTS: Record<string, SQL> = {
  '-createdAt': sql`j.created_at DESC, j.id`,
  deadline: sql`j.deadline NULLS LAST, j.id`,
  title: sql`j.title, j.id`,
};

function conditions(f: JobFilter): SQL {
  const where = [inArea(sql`j.area_code`, f.prefix)];
  if (f.q) where.push(sql`(j.title LIKE ${likeContains(f.q)} OR o.name LIKE ${likeContains(f.q)})`);
  if (f.org) where.push(sql`j.org_id = ${f.org}`);
  if (f.status) where.push(sql`j.status = ${f.status}`);
  if (f.level === 'none') where.push(sql`j.cert_level IS NULL`);
  else if (f.level) where.push(sql`j.cert_level = ${f.level}`);
  return sql.join(where, sql` AND `);
}

export function listJobs(db: Db, f: JobFilter) {
  const cond = conditions(f);
  return pagedRows<JobRow>(
    db,
    sql`SELECT ${COLUMNS}, ${COUNTS}, j.version, j.created_at AS "createdAt", j.updated_at AS "updatedAt", count(*) OVER () AS total
      FROM jobs j ${JOINS} WHERE ${cond} ORDER BY ${SORTS[f.sort] ?? SORTS['-createdAt']!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM jobs j ${JOINS} WHERE ${cond}`,
    f.offset,
  );
}

export async function jobById(db: Db, scope: string, id: string): Promise<JobRow | undefined> {
  const [j] = await rows<JobRow>(
    db,
    sql`SELECT ${COLUMNS}, ${COUNTS}, j.version, j.created_at AS "createdAt", j.updated_at AS "updatedAt"
      FROM jobs j ${JOINS} WHERE j.id = ${id} AND ${inArea(sql`j.area_code`, scope)}`,
  );
  return j;
}

/** An organisation in the scope, with its area (a post is in the employer's area or below). */
export async function orgOf(db: Db, scope: string, id: string) {
  const [o] = await rows<{ id: string; areaCode: string; name: string }>(
    db,
    sql`SELECT id, area_code AS "areaCode", name FROM orgs WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return o;
}

export async function insertJob(db: Db, r: Record<string, unknown>): Promise<void> {
  await db.execute(sql`INSERT INTO jobs (id, area_code, org_id, title, description, headcount, salary_min_fen, salary_max_fen,
      cert_level, education, experience_years, deadline, status, created_by)
    VALUES (${r.id}, ${r.area_code}, ${r.org_id}, ${r.title}, ${r.description}, ${r.headcount}, ${r.salary_min_fen}, ${r.salary_max_fen},
      ${r.cert_level}, ${r.education}, ${r.experience_years}, ${r.deadline}, 'draft', ${r.created_by})`);
}

const UPDATABLE = {
  areaCode: 'area_code',
  orgId: 'org_id',
  title: 'title',
  description: 'description',
  headcount: 'headcount',
  salaryMinFen: 'salary_min_fen',
  salaryMaxFen: 'salary_max_fen',
  certLevel: 'cert_level',
  education: 'education',
  experienceYears: 'experience_years',
  deadline: 'deadline',
  status: 'status',
};

export const updateJob = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'jobs', UPDATABLE, { id, scope, version }, changes);

// ---- The public reads, as the owner: open posts only.

const PUBLIC = sql`j.status = 'open' AND (j.deadline IS NULL OR j.deadline >= `;

export interface PublicJobFilter {
  prefix: string;
  q?: string;
  level?: string;
  today: string;
  limit: number;
  offset: number;
}

export function listOpenJobs(db: Db, f: PublicJobFilter) {
  const where = [sql`${PUBLIC}${f.today}::date)`, inArea(sql`j.area_code`, f.prefix)];
  if (f.q)
    where.push(sql`(j.title LIKE ${likeContains(f.q)} OR o.name LIKE ${likeContains(f.q)} OR j.description LIKE ${likeContains(f.q)})`);
  if (f.level === 'none') where.push(sql`j.cert_level IS NULL`);
  else if (f.level) where.push(sql`j.cert_level = ${f.level}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<Record<string, unknown>>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM jobs j ${JOINS} WHERE ${cond}
      ORDER BY j.created_at DESC, j.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM jobs j ${JOINS} WHERE ${cond}`,
    f.offset,
  );
}

/** A post's public page: open or closed (a link keeps working), never a draft. */
export async function publicJobById(db: Db, id: string) {
  const [j] = await rows<Record<string, unknown> & { areaCode: string; status: string; deadline: string | null; title: string }>(
    db,
    sql`SELECT ${COLUMNS} FROM jobs j ${JOINS} WHERE j.id = ${id} AND j.status <> 'draft'`,
  );
  return j;
}

export const fairsOfJob = (db: Db, jobId: string) =>
  rows<{ id: string; title: string; startsAt: Date | string }>(
    db,
    sql`SELECT f.id, f.title, f.starts_at AS "startsAt" FROM job_fair_posts p JOIN job_fairs f ON f.id = p.fair_id
      WHERE p.job_id = ${jobId} AND f.status <> 'draft' ORDER BY f.starts_at`,
  );
