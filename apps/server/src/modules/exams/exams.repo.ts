// SQL of the exam module: sittings with their counts, registrations with their results, a
// person's results in other years (the carry-over), writes, pass counts for the statistics,
// and the installation's exam rules from settings.
import { DEFAULT_EXAM_RULES, type ExamRules } from '@wushe/core';
import { inArea, insertJson, likeContains, pagedRows, rows, textArray, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface SittingRow {
  id: string;
  areaCode: string;
  areaName: string;
  year: number;
  examDate: string;
  note: string | null;
  registered: number;
  passed: number;
}

/**
 * A sitting is visible in its area and below: a street registers its people for the sitting its
 * district keeps. Counts are of the registrations in the caller's scope only.
 */
const sittingColumns = (
  scope: string,
) => sql`s.id, s.area_code AS "areaCode", coalesce(a.name, s.area_code) AS "areaName", s.year::int AS year,
  s.exam_date::text AS "examDate", s.note,
  (SELECT count(*)::int FROM exam_registrations r WHERE r.sitting_id = s.id AND ${inArea(sql`r.area_code`, scope)}) AS registered,
  (SELECT count(*)::int FROM exam_registrations r WHERE r.sitting_id = s.id AND ${inArea(sql`r.area_code`, scope)} AND r.level_passed) AS passed`;

const visibleFrom = (scope: string, ancestors: string[]) =>
  ancestors.length
    ? sql`(${inArea(sql`s.area_code`, scope)} OR s.area_code IN (${sql.join(
        ancestors.map((c) => sql`${c}`),
        sql`, `,
      )}))`
    : inArea(sql`s.area_code`, scope);

/** Sittings of the scope and of the areas above it (read as the owner: the rows hold nothing private). */
export const sittingsIn = (db: Db, scope: string, ancestors: string[]) =>
  rows<SittingRow>(
    db,
    sql`SELECT ${sittingColumns(scope)} FROM exam_sittings s LEFT JOIN areas a ON a.code = s.area_code
      WHERE ${visibleFrom(scope, ancestors)} ORDER BY s.year DESC, s.area_code`,
  );

export const sittingById = async (db: Db, scope: string, ancestors: string[], id: string) =>
  (
    await rows<SittingRow>(
      db,
      sql`SELECT ${sittingColumns(scope)} FROM exam_sittings s LEFT JOIN areas a ON a.code = s.area_code
        WHERE s.id = ${id} AND ${visibleFrom(scope, ancestors)}`,
    )
  )[0];

/** Inserts a sitting; false when the area already has one that year. */
export async function insertSitting(db: Db, s: { id: string; areaCode: string; year: number; examDate: string; note: string | null }) {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO exam_sittings (id, area_code, year, exam_date, note) VALUES (${s.id}, ${s.areaCode}, ${s.year}, ${s.examDate}, ${s.note})
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

export interface RegistrationRow {
  id: string;
  sittingId: string;
  year: number;
  areaCode: string;
  areaName: string;
  workerId: string | null;
  orgName: string | null;
  name: string;
  idMasked: string | null;
  idHash: string | null;
  level: 'assistant' | 'intermediate' | 'senior';
  subjects: ('comprehensive' | 'practice')[];
  results: { subject: 'comprehensive' | 'practice'; score: number | null; passed: boolean }[];
  levelPassed: boolean;
  certificateId: string | null;
  version: number;
}

const REGISTRATION = sql`r.id, r.sitting_id AS "sittingId", r.year::int AS year, r.area_code AS "areaCode", coalesce(a.name, r.area_code) AS "areaName",
  r.worker_id AS "workerId", o.name AS "orgName", r.name, r.id_masked AS "idMasked", r.id_hash AS "idHash", r.level, r.subjects,
  coalesce((SELECT json_agg(json_build_object('subject', x.subject, 'score', x.score::float8, 'passed', x.passed) ORDER BY x.subject)
    FROM exam_results x WHERE x.registration_id = r.id), '[]'::json) AS results,
  r.level_passed AS "levelPassed", r.certificate_id AS "certificateId", r.version`;
const REG_JOINS = sql`LEFT JOIN areas a ON a.code = r.area_code LEFT JOIN orgs o ON o.id = r.org_id`;

export interface RegistrationFilter {
  scope: string;
  prefix: string;
  sittingId: string;
  q?: string;
  level?: string;
  outcome?: 'passed' | 'failed' | 'pending';
  limit: number;
  offset: number;
}

function regConditions(f: RegistrationFilter): SQL {
  const where = [sql`r.sitting_id = ${f.sittingId}`, inArea(sql`r.area_code`, f.scope), inArea(sql`r.area_code`, f.prefix)];
  if (f.q) where.push(sql`r.name LIKE ${likeContains(f.q)}`);
  if (f.level) where.push(sql`r.level = ${f.level}`);
  const anyResult = sql`EXISTS (SELECT 1 FROM exam_results x WHERE x.registration_id = r.id)`;
  if (f.outcome === 'passed') where.push(sql`r.level_passed`);
  if (f.outcome === 'failed') where.push(sql`NOT r.level_passed AND ${anyResult}`);
  if (f.outcome === 'pending') where.push(sql`NOT ${anyResult}`);
  return sql.join(where, sql` AND `);
}

export function listRegistrations(db: Db, f: RegistrationFilter) {
  const cond = regConditions(f);
  return pagedRows<RegistrationRow>(
    db,
    sql`SELECT ${REGISTRATION}, count(*) OVER () AS total FROM exam_registrations r ${REG_JOINS}
      WHERE ${cond} ORDER BY r.area_code COLLATE "C", r.name, r.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM exam_registrations r WHERE ${cond}`,
    f.offset,
  );
}

export const registrationById = async (db: Db, scope: string, id: string) =>
  (
    await rows<RegistrationRow>(
      db,
      sql`SELECT ${REGISTRATION} FROM exam_registrations r ${REG_JOINS} WHERE r.id = ${id} AND ${inArea(sql`r.area_code`, scope)}`,
    )
  )[0];

/** The person's registration in a sitting (by ID blind index), if any. */
export const registrationOfPerson = async (db: Db, sittingId: string, idHash: string) =>
  (await rows<{ id: string }>(db, sql`SELECT id FROM exam_registrations WHERE sitting_id = ${sittingId} AND id_hash = ${idHash}`))[0];

/** A person's subject results for a level in every year (by ID blind index; the scope's rows). */
export const historyOf = (db: Db, scope: string, idHash: string, level: string) =>
  rows<{ year: number; subject: string; passed: boolean }>(
    db,
    sql`SELECT r.year::int AS year, x.subject, x.passed FROM exam_registrations r JOIN exam_results x ON x.registration_id = r.id
      WHERE r.id_hash = ${idHash} AND r.level = ${level} AND ${inArea(sql`r.area_code`, scope)}`,
  );

/** Registrations of a person for a level (to recompute each year's outcome). */
export const registrationsOfPerson = (db: Db, scope: string, idHash: string, level: string) =>
  rows<{ id: string; year: number; levelPassed: boolean }>(
    db,
    sql`SELECT id, year::int AS year, level_passed AS "levelPassed" FROM exam_registrations
      WHERE id_hash = ${idHash} AND level = ${level} AND ${inArea(sql`area_code`, scope)}`,
  );

export interface RegistrationColumns {
  id: string;
  sitting_id: string;
  area_code: string;
  year: number;
  worker_id: string | null;
  org_id: string | null;
  name: string;
  id_cipher: string | null;
  id_hash: string | null;
  id_masked: string | null;
  level: string;
  subjects: string[];
}

export async function insertRegistration(db: Db, c: RegistrationColumns): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO exam_registrations (id, sitting_id, area_code, year, worker_id, org_id, name, id_cipher, id_hash, id_masked, level, subjects)
      VALUES (${c.id}, ${c.sitting_id}, ${c.area_code}, ${c.year}, ${c.worker_id}, ${c.org_id}, ${c.name}, ${c.id_cipher}, ${c.id_hash},
        ${c.id_masked}, ${c.level}, ${textArray(c.subjects)}) ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

export const insertRegistrations = (db: Db, regs: RegistrationColumns[]) => insertJson(db, 'exam_registrations', regs as never);
export const insertResults = (db: Db, results: Record<string, unknown>[]) => insertJson(db, 'exam_results', results);

/** Replaces the results if the version still matches (bumping it); false when stale. */
export async function replaceResults(
  db: Db,
  scope: string,
  reg: { id: string; areaCode: string; version: number },
  results: { subject: string; score: number | null; passed: boolean }[],
): Promise<boolean> {
  const bumped = await rows<{ id: string }>(
    db,
    sql`UPDATE exam_registrations SET version = version + 1, updated_at = now()
      WHERE id = ${reg.id} AND version = ${reg.version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  if (!bumped.length) return false;
  await db.execute(sql`DELETE FROM exam_results WHERE registration_id = ${reg.id}`);
  await insertResults(
    db,
    results.map((r) => ({ registration_id: reg.id, subject: r.subject, area_code: reg.areaCode, score: r.score, passed: r.passed })),
  );
  return true;
}

export const setLevelPassed = (db: Db, scope: string, ids: string[], passed: boolean) =>
  ids.length
    ? db.execute(
        sql`UPDATE exam_registrations SET level_passed = ${passed} WHERE id IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) AND ${inArea(sql`area_code`, scope)}`,
      )
    : Promise.resolve();

export const setCertificate = (db: Db, scope: string, id: string, certificateId: string) =>
  db.execute(
    sql`UPDATE exam_registrations SET certificate_id = ${certificateId}, version = version + 1, updated_at = now()
      WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );

export async function deleteRegistration(db: Db, scope: string, id: string, version: number): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`DELETE FROM exam_registrations WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return res.length > 0;
}

export interface PassRow {
  key: string | null;
  level: string;
  registered: number;
  passed: number;
}

/**
 * Registered and passed by level and by key (a child-area prefix of `childLen` digits, or the
 * organisation when null) for a year; `prefix` may be outside the caller's scope only when the
 * caller reads as the owner (the area above's published rate).
 */
export function passCounts(db: Db, prefix: string, year: number, childLen: number | null, level?: string): Promise<PassRow[]> {
  const key = childLen === 0 ? sql.raw(`''`) : childLen ? sql.raw(`left(r.area_code, ${Math.trunc(childLen)})`) : sql.raw('r.org_id::text');
  return rows<PassRow>(
    db,
    sql`SELECT ${key} AS key, r.level, count(*)::int AS registered, count(*) FILTER (WHERE r.level_passed)::int AS passed
      FROM exam_registrations r WHERE ${inArea(sql`r.area_code`, prefix)} AND r.year = ${year}
      ${level ? sql`AND r.level = ${level}` : sql``} GROUP BY 1, 2`,
  );
}

export const examYears = (db: Db, prefix: string) =>
  rows<{ year: number }>(
    db,
    sql`SELECT DISTINCT year::int AS year FROM exam_registrations r WHERE ${inArea(sql`r.area_code`, prefix)} ORDER BY 1 DESC`,
  );

/**
 * The latest exam year up to `atMost` with registrations in the area, looking back 20 years: a
 * probe of the area index per year, where DISTINCT over a province's registrations reads them all
 * (generate_series yields newest first; no ORDER BY, so LIMIT stops at the first year found).
 */
export async function latestExamYear(db: Db, prefix: string, atMost: number): Promise<number | null> {
  const [r] = await rows<{ year: number }>(
    db,
    sql`SELECT y AS year FROM generate_series(${atMost}::int, ${atMost - 20}::int, -1) y
      WHERE EXISTS (SELECT 1 FROM exam_registrations r WHERE ${inArea(sql`r.area_code`, prefix)} AND r.year = y) LIMIT 1`,
  );
  return r?.year ?? null;
}

/** The exam rules from settings (`exam_rules`), else the national defaults. */
export async function loadExamRules(db: Db): Promise<ExamRules> {
  const [row] = await rows<{ value: Partial<ExamRules> | null }>(db, sql`SELECT value FROM settings WHERE key = 'exam_rules'`);
  const v = row?.value;
  if (!v || typeof v !== 'object') return DEFAULT_EXAM_RULES;
  return {
    subjects: { ...DEFAULT_EXAM_RULES.subjects, ...(v.subjects ?? {}) },
    carryYears: { ...DEFAULT_EXAM_RULES.carryYears, ...(v.carryYears ?? {}) },
    passScore: typeof v.passScore === 'number' ? v.passScore : DEFAULT_EXAM_RULES.passScore,
  };
}

/** A worker's identity for a registration: by id, or by the ID number's blind index; in the scope. */
export const workerIdentity = async (db: Db, scope: string, by: { id?: string; idHash?: string }) =>
  (
    await rows<{
      id: string;
      name: string;
      areaCode: string;
      orgId: string | null;
      idCipher: string | null;
      idHash: string | null;
      idMasked: string | null;
    }>(
      db,
      sql`SELECT id, name, area_code AS "areaCode", org_id AS "orgId", id_cipher AS "idCipher", id_hash AS "idHash", id_masked AS "idMasked"
        FROM workers WHERE ${by.id ? sql`id = ${by.id}` : sql`id_hash = ${by.idHash ?? ''}`} AND ${inArea(sql`area_code`, scope)}`,
    )
  )[0];

/** Areas and organisations by name in the scope, to read an imported list's names. */
export const areasUnder = (db: Db, scope: string, prefix: string) =>
  rows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM areas WHERE ${inArea(sql`code`, scope)} AND ${inArea(sql`code`, prefix)} ORDER BY code`,
  );
export const orgsUnder = (db: Db, scope: string) =>
  rows<{ id: string; name: string; areaCode: string }>(
    db,
    sql`SELECT id, name, area_code AS "areaCode" FROM orgs WHERE ${inArea(sql`area_code`, scope)}`,
  );
