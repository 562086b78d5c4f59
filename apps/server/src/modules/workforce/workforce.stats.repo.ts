// SQL of the certification statistics: headcount by highest level on a day, grouped by child
// area (a street's prefix, a district's…) or by organisation, and the posts requiring a
// certificate with the people in them not certified yet. Counts as packages/core countLevels.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { levelOn } from './workforce.repo.ts';

export interface CountRow {
  key: string | null;
  workers: number;
  certified: number;
  assistant: number;
  intermediate: number;
  senior: number;
}

/** On the register on the day: started by then, not left before it (as core onRegister). */
const onRegister = (day: string) => sql`(w.started_in_field_on IS NULL OR w.started_in_field_on <= ${day}::date)
  AND (w.left_on IS NULL OR w.left_on >= ${day}::date)`;

/** Counts by child-area prefix of `childLen` digits, or by organisation when null. */
export function levelCounts(db: Db, scope: string, prefix: string, day: string, childLen: number | null): Promise<CountRow[]> {
  const group = childLen ? sql.raw(`left(w.area_code, ${Math.trunc(childLen)})`) : sql.raw('w.org_id::text');
  return rows<CountRow>(
    db,
    sql`SELECT ${group} AS key, count(*)::int AS workers, count(lv.level)::int AS certified,
        count(*) FILTER (WHERE lv.level = 'assistant')::int AS assistant,
        count(*) FILTER (WHERE lv.level = 'intermediate')::int AS intermediate,
        count(*) FILTER (WHERE lv.level = 'senior')::int AS senior
      FROM workers w ${levelOn(day)}
      WHERE ${inArea(sql`w.area_code`, scope)} AND ${inArea(sql`w.area_code`, prefix)} AND ${onRegister(day)}
      GROUP BY 1`,
  );
}

export const areaNames = (db: Db, codes: string[]) =>
  codes.length
    ? rows<{ code: string; name: string }>(
        db,
        sql`SELECT code, name FROM areas WHERE code IN (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      )
    : Promise.resolve([]);

export const childAreas = (db: Db, parent: string) =>
  rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM areas WHERE parent_code = ${parent} ORDER BY code`);

export const orgNames = (db: Db, ids: string[]) =>
  ids.length
    ? rows<{ id: string; name: string }>(
        db,
        sql`SELECT id, name FROM orgs WHERE id IN (${sql.join(
          ids.map((c) => sql`${c}::uuid`),
          sql`, `,
        )})`,
      )
    : Promise.resolve([]);

export interface RequirementRow {
  id: string;
  areaCode: string;
  areaName: string;
  orgId: string | null;
  orgName: string | null;
  post: string;
  deadline: string;
  note: string | null;
  inPost: number;
  uncertified: { id: string; name: string; orgName: string | null; areaName: string }[];
}

/** The significant prefix of a requirement's area (as core areaPrefix): its workers are those below it. */
const REQ_PREFIX = sql`CASE WHEN substr(r.area_code, 3) = '0000000000' THEN left(r.area_code, 2)
  WHEN substr(r.area_code, 5) = '00000000' THEN left(r.area_code, 4) WHEN substr(r.area_code, 7) = '000000' THEN left(r.area_code, 6)
  WHEN substr(r.area_code, 10) = '000' THEN left(r.area_code, 9) ELSE r.area_code END`;

/**
 * Requirements in the area (set below it, or on one of its `ancestors`), each with the people in the
 * post (in the requirement's area and organisation, on the register on the day) not certified.
 */
export function requirementsIn(db: Db, scope: string, prefix: string, ancestors: string[], day: string): Promise<RequirementRow[]> {
  const above = ancestors.length
    ? sql`r.area_code IN (${sql.join(
        ancestors.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql`false`;
  return rows<RequirementRow>(
    db,
    sql`SELECT r.id, r.area_code AS "areaCode", coalesce(a.name, r.area_code) AS "areaName", r.org_id AS "orgId", o.name AS "orgName",
        r.post, r.deadline::text AS deadline, r.note, p."inPost", p.uncertified
      FROM certification_requirements r
      LEFT JOIN areas a ON a.code = r.area_code LEFT JOIN orgs o ON o.id = r.org_id
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "inPost",
          coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'name', w.name, 'orgName', wo.name, 'areaName', coalesce(wa.name, w.area_code))
            ORDER BY w.area_code, w.name) FILTER (WHERE lv.level IS NULL), '[]') AS uncertified
        FROM workers w ${levelOn(day)}
        LEFT JOIN orgs wo ON wo.id = w.org_id LEFT JOIN areas wa ON wa.code = w.area_code
        WHERE w.post = r.post AND (r.org_id IS NULL OR w.org_id = r.org_id)
          AND ${inArea(sql`w.area_code`, scope)} AND ${inArea(sql`w.area_code`, prefix)}
          AND starts_with(w.area_code, ${REQ_PREFIX})
          AND ${onRegister(day)}
      ) p
      WHERE ${inArea(sql`r.area_code`, scope)} AND (${inArea(sql`r.area_code`, prefix)} OR ${above})
      ORDER BY r.deadline, r.area_code, r.post`,
  );
}

export async function insertRequirement(
  db: Db,
  r: { id: string; areaCode: string; orgId: string | null; post: string; deadline: string; note: string | null },
) {
  await db.execute(sql`INSERT INTO certification_requirements (id, area_code, org_id, post, deadline, note)
    VALUES (${r.id}, ${r.areaCode}, ${r.orgId}, ${r.post}, ${r.deadline}, ${r.note})`);
}

export async function deleteRequirement(db: Db, scope: string, id: string) {
  const [row] = await rows<{ id: string; areaCode: string; post: string }>(
    db,
    sql`DELETE FROM certification_requirements WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} RETURNING id, area_code AS "areaCode", post`,
  );
  return row;
}
