// SQL of programmes and awards: the programme row with its counts and panel, the list, and the
// writes. A programme is seen from its own area and below (its officials) and from the areas
// under it (people who apply or sit on its panel): `visible` adds the ancestors of the scope.
import { areaAncestors, normalizeAreaCode } from '@wushe/core';
import { inArea, insertJson, likeContains, pagedRows, rows, textArray, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface ProgrammeRow {
  id: string;
  areaCode: string;
  areaName: string;
  kind: 'talent' | 'award';
  title: string;
  description: string | null;
  year: number;
  places: number;
  stages: string[];
  stage: string;
  criteria: Record<string, unknown>;
  rubric: { key: string; label: string; max: number }[];
  titleKind: string | null;
  publicityDays: number;
  publicityStart: string | null;
  publicityEnd: string | null;
  panelClosed: boolean;
  panel: { userId: string; name: string }[];
  endsOn: string | null;
  counts: { all: number; active: number; selected: number; rejected: number };
  openObjections: number;
  createdByName: string | null;
  version: number;
  createdAt: Date | string;
}

const COLUMNS = sql`p.id, p.area_code AS "areaCode", coalesce(a.name, p.area_code) AS "areaName", p.kind, p.title, p.description,
  p.year::int AS year, p.places, p.stages, p.stage, p.criteria, p.rubric, p.title_kind AS "titleKind", p.publicity_days::int AS "publicityDays",
  p.publicity_start::text AS "publicityStart", p.publicity_end::text AS "publicityEnd", p.panel_closed AS "panelClosed", p.ends_on::text AS "endsOn",
  cu.display_name AS "createdByName", p.version, p.created_at AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('userId', pp.user_id, 'name', pu.display_name) ORDER BY pp.position)
    FROM programme_panelists pp JOIN users pu ON pu.id = pp.user_id WHERE pp.programme_id = p.id), '[]'::json) AS panel,
  (SELECT json_build_object('all', count(*), 'active', count(*) FILTER (WHERE x.status = 'active'),
    'selected', count(*) FILTER (WHERE x.status IN ('selected', 'appointed')), 'rejected', count(*) FILTER (WHERE x.status = 'rejected'))
    FROM programme_applications x WHERE x.programme_id = p.id) AS counts,
  (SELECT count(*)::int FROM programme_objections o WHERE o.programme_id = p.id AND o.answer IS NULL) AS "openObjections"`;
const JOINS = sql`LEFT JOIN areas a ON a.code = p.area_code LEFT JOIN users cu ON cu.id = p.created_by`;

/** The scope and its ancestors: the programmes a person there may see (to apply, or on a panel). */
export function visible(scope: string): SQL {
  if (!scope) return sql`true`;
  const ancestors = [...areaAncestors(normalizeAreaCode(scope)), normalizeAreaCode(scope)];
  return sql`(${inArea(sql`p.area_code`, scope)} OR p.area_code IN (${sql.join(
    ancestors.map((c) => sql`${c}`),
    sql`, `,
  )}))`;
}

export interface ProgrammeFilter {
  scope: string;
  q?: string;
  kind?: string;
  stage?: string;
  year?: number;
  limit: number;
  offset: number;
}

/** As the owner: the programmes visible from the scope (the rows of areas above it are not in RLS's range). */
export function listProgrammes(db: Db, f: ProgrammeFilter) {
  const where = [visible(f.scope)];
  if (f.q) where.push(sql`p.title LIKE ${likeContains(f.q)}`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.stage) where.push(sql`p.stage = ${f.stage}`);
  if (f.year) where.push(sql`p.year = ${f.year}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<ProgrammeRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM programmes p ${JOINS} WHERE ${cond}
      ORDER BY p.year DESC, p.created_at DESC, p.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM programmes p WHERE ${cond}`,
    f.offset,
  );
}

/** One programme: `own` for its officials (its area within the scope), else also from below. */
export async function programmeById(db: Db, scope: string, id: string, own = true): Promise<ProgrammeRow | undefined> {
  const where = own ? inArea(sql`p.area_code`, scope) : visible(scope);
  return (await rows<ProgrammeRow>(db, sql`SELECT ${COLUMNS} FROM programmes p ${JOINS} WHERE p.id = ${id} AND ${where}`))[0];
}

export async function insertProgramme(db: Db, r: Record<string, unknown>): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO programmes (id, area_code, kind, title, description, year, places, stages, stage, criteria, rubric, title_kind,
        publicity_days, ends_on, created_by)
      VALUES (${r.id}, ${r.areaCode}, ${r.kind}, ${r.title}, ${r.description}, ${r.year}, ${r.places}, ${textArray(r.stages as string[])},
        'apply', ${JSON.stringify(r.criteria)}::jsonb, ${JSON.stringify(r.rubric)}::jsonb, ${r.titleKind}, ${r.publicityDays}, ${r.endsOn},
        ${r.createdBy})
      ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

const UPDATABLE = { stage: 'stage', publicityStart: 'publicity_start', publicityEnd: 'publicity_end', panelClosed: 'panel_closed' };

export const updateProgramme = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'programmes', UPDATABLE, { id, scope, version }, changes);

export async function setPanel(db: Db, programmeId: string, areaCode: string, userIds: string[]): Promise<void> {
  await db.execute(sql`DELETE FROM programme_panelists WHERE programme_id = ${programmeId}`);
  await insertJson(
    db,
    'programme_panelists',
    userIds.map((u, i) => ({ programme_id: programmeId, user_id: u, area_code: areaCode, position: i })),
  );
}

/** Staff accounts in the scope (panelists must be). */
export const usersInScope = (db: Db, scope: string, ids: string[]) =>
  rows<{ id: string }>(
    db,
    sql`SELECT id FROM users WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) AND ${inArea(sql`area_code`, scope)}`,
  );

export async function isPanelist(db: Db, programmeId: string, userId: string): Promise<boolean> {
  return (await rows(db, sql`SELECT 1 FROM programme_panelists WHERE programme_id = ${programmeId} AND user_id = ${userId}`)).length > 0;
}

/** Records a decision or a transition, with who made it. */
export async function insertDecision(db: Db, d: Record<string, unknown>): Promise<void> {
  await db.execute(sql`INSERT INTO programme_decisions (id, programme_id, application_id, area_code, action, from_stage, to_stage, reason,
      by_user, by_name, at)
    VALUES (${d.id}, ${d.programmeId}, ${d.applicationId ?? null}, ${d.areaCode}, ${d.action}, ${d.fromStage ?? null}, ${d.toStage ?? null},
      ${d.reason ?? null}, ${d.byUser ?? null}, ${d.byName}, ${d.at})`);
}

export const decisionsOf = (db: Db, scope: string, programmeId: string) =>
  rows<Record<string, unknown>>(
    db,
    sql`SELECT d.id, d.application_id AS "applicationId", x.name AS "applicantName", d.action, d.from_stage AS "fromStage",
        d.to_stage AS "toStage", d.reason, d.by_name AS "byName", d.at
      FROM programme_decisions d LEFT JOIN programme_applications x ON x.id = d.application_id
      WHERE d.programme_id = ${programmeId} AND ${inArea(sql`d.area_code`, scope)} ORDER BY d.at DESC, d.id DESC LIMIT 500`,
  );

/** Entering 公示: the active applicants become selected; at done, the selected are appointed. */
export async function promoteApplicants(db: Db, programmeId: string, from: string, to: string, stage: string): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    sql`UPDATE programme_applications SET status = ${to}, stage = ${stage}, version = version + 1, updated_at = now()
      WHERE programme_id = ${programmeId} AND status = ${from} RETURNING id`,
  );
  return r.map((x) => x.id);
}

/** The stage moves on: active applicants who passed the stage move with it; how many are undecided. */
export async function undecidedCount(db: Db, programmeId: string, stage: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM programme_applications WHERE programme_id = ${programmeId} AND status = 'active'
      AND (passed_stage IS DISTINCT FROM ${stage})`,
  );
  return r?.n ?? 0;
}

export async function moveActive(db: Db, programmeId: string, stage: string): Promise<void> {
  await db.execute(sql`UPDATE programme_applications SET stage = ${stage}, updated_at = now()
    WHERE programme_id = ${programmeId} AND status = 'active'`);
}

/** Titles granted when an award or programme is done (worker_titles, once per title and year). */
export async function grantTitles(db: Db, programmeId: string, title: string, year: number, grantedBy: string, ids: () => string) {
  const winners = await rows<{ workerId: string; areaCode: string }>(
    db,
    sql`SELECT x.worker_id AS "workerId", w.area_code AS "areaCode" FROM programme_applications x JOIN workers w ON w.id = x.worker_id
      WHERE x.programme_id = ${programmeId} AND x.status = 'appointed'`,
  );
  for (const w of winners)
    await db.execute(sql`INSERT INTO worker_titles (id, worker_id, area_code, title, year, granted_by)
      VALUES (${ids()}, ${w.workerId}, ${w.areaCode}, ${title}, ${year}, ${grantedBy}) ON CONFLICT (worker_id, title, year) DO NOTHING`);
  return winners.length;
}
