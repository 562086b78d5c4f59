// SQL of programme applications: the list with written scores and panel totals, one
// application, writes of decisions and scores, objections and training plans. Every query takes
// the scope; panel rows are read and written in the programme's scope by the service.
import { inArea, likeContains, pagedRows, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface ApplicationRow {
  id: string;
  programmeId: string;
  areaCode: string;
  workerId: string | null;
  userId: string | null;
  publicAccountId: string | null;
  name: string;
  orgName: string | null;
  route: 'self' | 'nominated';
  nominatedByName: string | null;
  statement: string | null;
  status: string;
  stage: string;
  passedStage: string | null;
  reason: string | null;
  writtenScore: number | null;
  level: string | null;
  startedInFieldOn: string | null;
  scores: { userId: string; total: number }[];
  version: number;
  createdAt: Date | string;
}

const COLUMNS = sql`x.id, x.programme_id AS "programmeId", x.area_code AS "areaCode", x.worker_id AS "workerId", x.user_id AS "userId",
  x.public_account_id AS "publicAccountId", x.name, x.org_name AS "orgName", x.route, nu.display_name AS "nominatedByName", x.statement,
  x.status, x.stage, x.passed_stage AS "passedStage", x.reason, x.written_score::float8 AS "writtenScore",
  (SELECT (ARRAY['assistant', 'intermediate', 'senior'])[max(CASE c.kind WHEN 'assistant' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'senior' THEN 3 END)]
    FROM worker_certificates c WHERE c.worker_id = x.worker_id) AS level,
  w.started_in_field_on::text AS "startedInFieldOn",
  coalesce((SELECT json_agg(json_build_object('userId', s.user_id, 'total', s.total::float8)) FROM programme_scores s WHERE s.application_id = x.id), '[]'::json) AS scores,
  x.version, x.created_at AS "createdAt"`;
const JOINS = sql`LEFT JOIN users nu ON nu.id = x.nominated_by LEFT JOIN workers w ON w.id = x.worker_id`;

export interface ApplicationFilter {
  scope: string;
  programmeId: string;
  q?: string;
  status?: string;
  sort: string;
}

const SORTS: Record<string, SQL> = {
  createdAt: sql`x.created_at, x.id`,
  name: sql`x.name, x.id`,
  '-writtenScore': sql`x.written_score DESC NULLS LAST, x.id`,
};

/** Every matching application (a programme has tens to hundreds; the panel mean is sorted by the service). */
export function listApplications(db: Db, f: ApplicationFilter) {
  const where = [sql`x.programme_id = ${f.programmeId}`, inArea(sql`x.area_code`, f.scope)];
  if (f.q) where.push(sql`x.name LIKE ${likeContains(f.q)}`);
  if (f.status) where.push(sql`x.status = ${f.status}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<ApplicationRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM programme_applications x ${JOINS} WHERE ${cond}
      ORDER BY ${SORTS[f.sort] ?? SORTS.createdAt!} LIMIT 2000`,
    sql`SELECT count(*) AS n FROM programme_applications x WHERE ${cond}`,
    0,
  );
}

export async function applicationById(db: Db, scope: string, programmeId: string, id: string): Promise<ApplicationRow | undefined> {
  return (
    await rows<ApplicationRow>(
      db,
      sql`SELECT ${COLUMNS} FROM programme_applications x ${JOINS}
        WHERE x.id = ${id} AND x.programme_id = ${programmeId} AND ${inArea(sql`x.area_code`, scope)}`,
    )
  )[0];
}

export async function insertApplication(db: Db, r: Record<string, unknown>): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO programme_applications (id, programme_id, area_code, worker_id, user_id, public_account_id, name, org_name, route,
        nominated_by, statement, stage)
      VALUES (${r.id}, ${r.programmeId}, ${r.areaCode}, ${r.workerId ?? null}, ${r.userId ?? null}, ${r.publicAccountId ?? null}, ${r.name},
        ${r.orgName ?? null}, ${r.route}, ${r.nominatedBy ?? null}, ${r.statement ?? null}, 'apply')
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

/** An application by the same worker or account (a repeated apply). */
export const existingApplication = async (db: Db, programmeId: string, by: { workerId?: string; accountId?: string }) =>
  (
    await rows<{ id: string; areaCode: string }>(
      db,
      sql`SELECT id, area_code AS "areaCode" FROM programme_applications WHERE programme_id = ${programmeId}
        AND ${by.workerId ? sql`worker_id = ${by.workerId}` : sql`public_account_id = ${by.accountId ?? null}`}`,
    )
  )[0];

export async function decideApplication(
  db: Db,
  scope: string,
  id: string,
  version: number,
  c: { status: string; passedStage: string | null; reason: string | null },
): Promise<boolean> {
  const r = await rows(
    db,
    sql`UPDATE programme_applications SET status = ${c.status}, passed_stage = ${c.passedStage}, reason = ${c.reason},
        version = version + 1, updated_at = now()
      WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return r.length > 0;
}

export async function setWrittenScore(db: Db, scope: string, programmeId: string, id: string, score: number): Promise<boolean> {
  const r = await rows(
    db,
    sql`UPDATE programme_applications SET written_score = ${score}, version = version + 1, updated_at = now()
      WHERE id = ${id} AND programme_id = ${programmeId} AND status = 'active' AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return r.length > 0;
}

/** Active applicants with an ID tail hash, for matching an imported sheet's rows. */
export const importCandidates = (db: Db, scope: string, programmeId: string) =>
  rows<{ id: string; name: string; tail4: string | null }>(
    db,
    sql`SELECT x.id, x.name, w.id_tail4_hash AS tail4 FROM programme_applications x LEFT JOIN workers w ON w.id = x.worker_id
      WHERE x.programme_id = ${programmeId} AND x.status = 'active' AND ${inArea(sql`x.area_code`, scope)}`,
  );

/** A panelist's own scores (in the programme's scope). */
export const myScores = (db: Db, programmeId: string, userId: string) =>
  rows<{ applicationId: string; name: string; orgName: string | null; scores: Record<string, number> | null; total: number | null }>(
    db,
    sql`SELECT x.id AS "applicationId", x.name, x.org_name AS "orgName", s.scores, s.total::float8 AS total
      FROM programme_applications x LEFT JOIN programme_scores s ON s.application_id = x.id AND s.user_id = ${userId}
      WHERE x.programme_id = ${programmeId} AND x.status = 'active' ORDER BY x.name, x.id`,
  );

export async function upsertScore(db: Db, s: { applicationId: string; userId: string; areaCode: string; scores: object; total: number }) {
  await db.execute(sql`INSERT INTO programme_scores (application_id, user_id, area_code, scores, total)
    VALUES (${s.applicationId}, ${s.userId}, ${s.areaCode}, ${JSON.stringify(s.scores)}::jsonb, ${s.total})
    ON CONFLICT (application_id, user_id) DO UPDATE SET scores = excluded.scores, total = excluded.total, updated_at = now()`);
}

const OBJ = sql`o.id, o.programme_id AS "programmeId", x.name AS "applicantName", o.name, o.mobile_masked AS "mobileMasked", o.text, o.answer,
  o.answered_by_name AS "answeredByName", o.answered_at AS "answeredAt", o.created_at AS "createdAt"`;

export const objectionsOf = (db: Db, scope: string, programmeId: string) =>
  rows<Record<string, unknown>>(
    db,
    sql`SELECT ${OBJ} FROM programme_objections o LEFT JOIN programme_applications x ON x.id = o.application_id
      WHERE o.programme_id = ${programmeId} AND ${inArea(sql`o.area_code`, scope)} ORDER BY o.answer IS NOT NULL, o.created_at DESC`,
  );

export const objectionById = async (db: Db, scope: string, programmeId: string, id: string) =>
  (
    await rows<Record<string, unknown>>(
      db,
      sql`SELECT ${OBJ} FROM programme_objections o LEFT JOIN programme_applications x ON x.id = o.application_id
        WHERE o.id = ${id} AND o.programme_id = ${programmeId} AND ${inArea(sql`o.area_code`, scope)}`,
    )
  )[0];

export async function insertObjection(db: Db, o: Record<string, unknown>): Promise<void> {
  await db.execute(sql`INSERT INTO programme_objections (id, programme_id, application_id, area_code, name, mobile_cipher, mobile_hash,
      mobile_masked, public_account_id, text, created_at)
    VALUES (${o.id}, ${o.programmeId}, ${o.applicationId ?? null}, ${o.areaCode}, ${o.name}, ${o.mobileCipher ?? null}, ${o.mobileHash ?? null},
      ${o.mobileMasked ?? null}, ${o.publicAccountId ?? null}, ${o.text}, ${o.at})`);
}

export async function answerObjection(db: Db, scope: string, id: string, a: { answer: string; by: string; byName: string; at: Date }) {
  const r = await rows(
    db,
    sql`UPDATE programme_objections SET answer = ${a.answer}, answered_by = ${a.by}, answered_by_name = ${a.byName}, answered_at = ${a.at}
      WHERE id = ${id} AND answer IS NULL AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return r.length > 0;
}

export const selectedOf = (db: Db, programmeId: string) =>
  rows<{ id: string; name: string; orgName: string | null }>(
    db,
    sql`SELECT id, name, org_name AS "orgName" FROM programme_applications
      WHERE programme_id = ${programmeId} AND status IN ('selected', 'appointed') ORDER BY name, id`,
  );

const PLAN = sql`i.id, i.application_id AS "applicationId", i.course, i.hours::float8 AS hours, i.hours_done::float8 AS "hoursDone",
  i.due_on::text AS "dueOn", i.version`;

export const planOf = (db: Db, scope: string, programmeId: string) =>
  rows<Record<string, unknown> & { applicationId: string; hours: number; hoursDone: number }>(
    db,
    sql`SELECT ${PLAN} FROM programme_plan_items i JOIN programme_applications x ON x.id = i.application_id
      WHERE x.programme_id = ${programmeId} AND ${inArea(sql`i.area_code`, scope)} ORDER BY i.due_on NULLS LAST, i.created_at, i.id`,
  );

export async function insertPlanItem(db: Db, p: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO programme_plan_items (id, application_id, area_code, course, hours, due_on)
    VALUES (${p.id}, ${p.applicationId}, ${p.areaCode}, ${p.course}, ${p.hours}, ${p.dueOn ?? null})`);
}

export const planItemById = async (db: Db, scope: string, programmeId: string, id: string) =>
  (
    await rows<Record<string, unknown> & { applicationId: string; hours: number; hoursDone: number; version: number }>(
      db,
      sql`SELECT ${PLAN} FROM programme_plan_items i JOIN programme_applications x ON x.id = i.application_id
        WHERE i.id = ${id} AND x.programme_id = ${programmeId} AND ${inArea(sql`i.area_code`, scope)}`,
    )
  )[0];

export async function setHoursDone(db: Db, scope: string, id: string, version: number, hoursDone: number) {
  const r = await rows(
    db,
    sql`UPDATE programme_plan_items SET hours_done = ${hoursDone}, version = version + 1
      WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return r.length > 0;
}

/** An applicant's own applications (staff user or public account), as the owner. */
export const applicationsOfPerson = (db: Db, by: { userId?: string; workerId?: string | null; accountId?: string }) =>
  rows<Record<string, unknown>>(
    db,
    sql`SELECT x.id, x.programme_id AS "programmeId", p.title AS "programmeTitle", p.kind, p.stage AS "programmeStage", x.status, x.stage,
        x.reason, x.created_at AS "createdAt"
      FROM programme_applications x JOIN programmes p ON p.id = x.programme_id
      WHERE ${
        by.accountId
          ? sql`x.public_account_id = ${by.accountId}`
          : sql`(x.user_id = ${by.userId ?? null} OR x.worker_id = ${by.workerId ?? null})`
      }
      ORDER BY x.created_at DESC LIMIT 100`,
  );
