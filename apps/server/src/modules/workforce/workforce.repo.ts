// SQL of the workforce register's workers: the list (filters on the level held today), one
// entry, writes, and the lookups of linking an entry to a staff account.
import type { Worker } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, textArray, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

/** The highest social-work level held on a day, as a lateral join `lv(level)`. */
export const levelOn = (day: string) => sql`LEFT JOIN LATERAL (
    SELECT (ARRAY['assistant', 'intermediate', 'senior'])[max(CASE c.kind WHEN 'assistant' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'senior' THEN 3 END)] AS level
    FROM worker_certificates c WHERE c.worker_id = w.id AND c.obtained_on <= ${day}::date) lv ON true`;

const COLUMNS = sql`w.id, w.area_code AS "areaCode", coalesce(a.name, w.area_code) AS "areaName", w.org_id AS "orgId", o.name AS "orgName",
  w.user_id AS "userId", u.display_name AS "userName", w.name, w.gender, w.birth_date::text AS "birthDate", w.id_masked AS "idMasked",
  w.mobile_masked AS "mobileMasked", w.post, w.education, w.major, w.started_in_field_on::text AS "startedInFieldOn", w.fields, w.languages,
  w.status, w.left_on::text AS "leftOn", lv.level,
  ARRAY(SELECT DISTINCT t.title FROM worker_titles t WHERE t.worker_id = w.id ORDER BY t.title) AS titles,
  w.version, w.created_at AS "createdAt", w.updated_at AS "updatedAt"`;

const JOINS = sql`LEFT JOIN areas a ON a.code = w.area_code LEFT JOIN orgs o ON o.id = w.org_id LEFT JOIN users u ON u.id = w.user_id`;

export type WorkerRow = Omit<Worker, 'yearsInField' | 'createdAt' | 'updatedAt'> & { createdAt: Date | string; updatedAt: Date | string };

export interface WorkerFilter {
  prefix: string;
  today: string;
  q?: string;
  tail4Hash?: string;
  org?: string;
  post?: string;
  level?: string;
  certified?: 'yes' | 'no';
  title?: string;
  status: 'active' | 'left' | 'all';
  sort: string;
  limit: number;
  offset: number;
}

const SORTS: Record<string, SQL> = {
  name: sql`w.name, w.id`,
  areaCode: sql`w.area_code COLLATE "C", w.id`,
  '-startedInFieldOn': sql`w.started_in_field_on DESC NULLS LAST, w.id`,
};

function conditions(f: WorkerFilter): SQL {
  const where = [inArea(sql`w.area_code`, f.prefix)];
  if (f.status !== 'all') where.push(sql`w.status = ${f.status}`);
  if (f.q) {
    const byName = sql`w.name LIKE ${likeContains(f.q)}`;
    where.push(f.tail4Hash ? sql`(${byName} OR w.id_tail4_hash = ${f.tail4Hash})` : byName);
  }
  if (f.org) where.push(sql`w.org_id = ${f.org}`);
  if (f.post) where.push(sql`w.post = ${f.post}`);
  if (f.level === 'none' || f.certified === 'no') where.push(sql`lv.level IS NULL`);
  else if (f.level) where.push(sql`lv.level = ${f.level}`);
  if (f.certified === 'yes') where.push(sql`lv.level IS NOT NULL`);
  if (f.title) where.push(sql`EXISTS (SELECT 1 FROM worker_titles t WHERE t.worker_id = w.id AND t.title = ${f.title})`);
  return sql.join(where, sql` AND `);
}

export async function listWorkers(db: Db, f: WorkerFilter): Promise<{ items: WorkerRow[]; total: number }> {
  const cond = conditions(f);
  return pagedRows<WorkerRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM workers w ${levelOn(f.today)} ${JOINS}
      WHERE ${cond} ORDER BY ${SORTS[f.sort] ?? SORTS.areaCode!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM workers w ${levelOn(f.today)} WHERE ${cond}`,
    f.offset,
  );
}

export async function workerById(db: Db, scope: string, id: string, today: string): Promise<WorkerRow | undefined> {
  const [w] = await rows<WorkerRow>(
    db,
    sql`SELECT ${COLUMNS} FROM workers w ${levelOn(today)} ${JOINS} WHERE w.id = ${id} AND ${inArea(sql`w.area_code`, scope)}`,
  );
  return w;
}

export const workerIdOfUser = async (db: Db, userId: string) =>
  (await rows<{ id: string; areaCode: string }>(db, sql`SELECT id, area_code AS "areaCode" FROM workers WHERE user_id = ${userId}`))[0];

/** The sealed values, for a reveal. */
export const workerSecrets = async (db: Db, scope: string, id: string) =>
  (
    await rows<{ name: string; areaCode: string; idCipher: string | null; mobileCipher: string | null }>(
      db,
      sql`SELECT name, area_code AS "areaCode", id_cipher AS "idCipher", mobile_cipher AS "mobileCipher" FROM workers
        WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
    )
  )[0];

/** The stored form of a worker's columns (sealed and masked values already made by the service). */
export interface WorkerColumns {
  area_code?: string;
  org_id?: string | null;
  name?: string;
  gender?: string | null;
  birth_date?: string | null;
  id_cipher?: string | null;
  id_hash?: string | null;
  id_masked?: string | null;
  id_tail4_hash?: string | null;
  mobile_cipher?: string | null;
  mobile_hash?: string | null;
  mobile_masked?: string | null;
  post?: string;
  education?: string | null;
  major?: string | null;
  started_in_field_on?: string | null;
  fields?: string[];
  languages?: string[];
  status?: string;
  left_on?: string | null;
  user_id?: string | null;
}

/** Inserts a worker; false when the id exists already (a repeated submit). */
export async function insertWorker(db: Db, id: string, c: WorkerColumns): Promise<boolean> {
  const cols = Object.keys(c);
  const values = Object.values(c).map((v) => (Array.isArray(v) ? textArray(v) : sql`${v}`));
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO workers (id, ${sql.join(
      cols.map((k) => sql.identifier(k)),
      sql`, `,
    )}) VALUES (${id}, ${sql.join(values, sql`, `)}) ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

const UPDATABLE = Object.fromEntries(
  [
    'area_code',
    'org_id',
    'name',
    'gender',
    'birth_date',
    'id_cipher',
    'id_hash',
    'id_masked',
    'id_tail4_hash',
    'mobile_cipher',
    'mobile_hash',
    'mobile_masked',
    'post',
    'education',
    'major',
    'started_in_field_on',
    'status',
    'left_on',
    'user_id',
  ].map((c) => [c, c]),
);

/** Applies a change if the version still matches; false when stale. Arrays go through textArray. */
export async function updateWorker(db: Db, scope: string, id: string, version: number, c: WorkerColumns): Promise<boolean> {
  const { fields, languages, ...plain } = c;
  const ok = await updateVersioned(db, 'workers', UPDATABLE, { id, scope, version }, plain);
  if (ok && (fields || languages)) {
    const sets = [fields && sql`fields = ${textArray(fields)}`, languages && sql`languages = ${textArray(languages)}`].filter(
      Boolean,
    ) as SQL[];
    await db.execute(sql`UPDATE workers SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
  }
  if (ok && c.area_code) {
    await db.execute(sql`UPDATE worker_certificates SET area_code = ${c.area_code} WHERE worker_id = ${id}`);
    await db.execute(sql`UPDATE worker_titles SET area_code = ${c.area_code} WHERE worker_id = ${id}`);
  }
  return ok;
}

/** An organisation visible in the scope (the employer must be one). */
export const orgInScope = async (db: Db, scope: string, id: string) =>
  (await rows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`)).length > 0;

/** A staff account in the scope, with what a claim compares. */
export const userInScope = async (db: Db, scope: string, id: string) =>
  (
    await rows<{ id: string; displayName: string; phone: string | null; areaCode: string }>(
      db,
      sql`SELECT id, display_name AS "displayName", phone, area_code AS "areaCode" FROM users WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
    )
  )[0];

/** An unlinked entry by its ID number's blind index, in the scope. */
export const unlinkedByIdHash = async (db: Db, scope: string, idHash: string) =>
  (
    await rows<{ id: string; name: string; mobileHash: string | null; version: number }>(
      db,
      sql`SELECT id, name, mobile_hash AS "mobileHash", version FROM workers
        WHERE id_hash = ${idHash} AND user_id IS NULL AND ${inArea(sql`area_code`, scope)}`,
    )
  )[0];
