// The people-served rollup's SQL (migration 0030): outputs_people holds, per district, city and
// province (level 6, 4, 2) and person, the days they were served there; outputs_people_dirty the
// people whose attendance or cases changed since (marked by triggers in the writer's
// transaction). The outputs count marked people live and the rest from the rollup, in one
// statement (one snapshot), so the figure is exact whatever the job has folded in so far.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { Period } from './outputs.repo.ts';

/** The levels kept: a province's, a city's and a district's prefix length. */
export const ROLLUP_LEVELS = [2, 4, 6] as const;

/** The day a case contributes: opened_on to closed_on, or on while open. */
const caseDays = sql`daterange(opened_on, CASE WHEN closed_on IS NULL THEN NULL ELSE GREATEST(opened_on, closed_on) END, '[]')`;

/**
 * Takes up to `limit` marked people off the marks (every area of each), and returns their keys.
 * A writer still in flight holds its mark's row lock: the DELETE waits for it, so the rows the
 * caller reads next (a later statement) include that writer's.
 */
export async function takeMarked(db: Db, limit: number): Promise<string[]> {
  const taken = await rows<{ pk: string }>(
    db,
    sql`WITH pick AS (SELECT DISTINCT person_key FROM outputs_people_dirty ORDER BY person_key LIMIT ${limit}),
        gone AS (DELETE FROM outputs_people_dirty d USING pick WHERE d.person_key = pick.person_key RETURNING d.person_key)
      SELECT DISTINCT person_key AS pk FROM gone`,
  );
  return taken.map((r) => r.pk);
}

/** Recomputes these people's rows from attendance and cases as they are now. */
export async function refold(db: Db, keys: readonly string[]): Promise<number> {
  if (!keys.length) return 0;
  const list = `{${keys.map((k) => `"${k.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  const residents = `{${keys
    .filter((k) => k.startsWith('r:'))
    .map((k) => k.slice(2))
    .join(',')}}`;
  await db.execute(sql`DELETE FROM outputs_people WHERE person_key = ANY(${list}::text[])`);
  const added = await rows<{ n: number }>(
    db,
    sql`WITH ins AS (
        INSERT INTO outputs_people (level, area_code, person_key, days)
        SELECT l.len, rpad(left(s.area_code, l.len), 12, '0'), s.pk, range_agg(s.d)
        FROM (
          SELECT area_code, person_key AS pk, daterange(day, day, '[]') AS d
            FROM (SELECT area_code, person_key, (occasion_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM attendance
              WHERE person_key = ANY(${list}::text[]) AND attended_at IS NOT NULL) a
          UNION ALL
          SELECT area_code, 'r:' || resident_id::text, ${caseDays} FROM cases WHERE resident_id = ANY(${residents}::uuid[])
        ) s CROSS JOIN (VALUES (2::smallint), (4::smallint), (6::smallint)) l(len)
        GROUP BY 1, 2, 3
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
  );
  return Number(added[0]?.n ?? 0);
}

/** How many people are marked (the job's backlog). */
export async function markedCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(DISTINCT person_key)::int AS n FROM outputs_people_dirty`);
  return Number(r?.n ?? 0);
}

/**
 * Distinct people per child area (level p.len) and in the whole area (level = prefix length):
 * from the rollup for people not marked in scope, live from attendance and cases for the marked.
 * The two sets of people are disjoint, so the caller adds the rows up per key.
 */
export function rolledPeopleCounts(db: Db, p: Period & { len: number }) {
  const whole = p.prefix.length;
  const period = sql`daterange(${p.fromDate}::date, ${p.toDate}::date, '[]')`;
  return rows<{ k: string | null; gk: number; people: number }>(
    db,
    sql`WITH marked AS MATERIALIZED (SELECT DISTINCT person_key FROM outputs_people_dirty WHERE ${inArea(sql`area_code`, p.prefix)}),
      rolled AS (
        SELECT o.level, o.area_code FROM outputs_people o
        WHERE o.level IN (${whole}, ${p.len}) AND ${inArea(sql`o.area_code`, p.prefix)} AND o.days && ${period}
          AND NOT EXISTS (SELECT 1 FROM marked m WHERE m.person_key = o.person_key)),
      live AS MATERIALIZED (
        SELECT DISTINCT k, pk FROM (
          SELECT left(area_code, ${p.len}) AS k, person_key AS pk FROM attendance
            WHERE person_key IN (SELECT person_key FROM marked) AND ${inArea(sql`area_code`, p.prefix)}
              AND attended_at IS NOT NULL AND occasion_at >= ${p.fromTs} AND occasion_at < ${p.untilTs}
          UNION ALL
          SELECT left(area_code, ${p.len}), 'r:' || resident_id::text FROM cases
            WHERE resident_id IN (SELECT substr(person_key, 3)::uuid FROM marked WHERE person_key LIKE 'r:%') AND ${inArea(sql`area_code`, p.prefix)}
              AND opened_on <= ${p.toDate} AND (closed_on IS NULL OR closed_on >= ${p.fromDate})
        ) t)
      SELECT left(area_code, ${p.len}) AS k, 0 AS gk, count(*)::int AS people FROM rolled WHERE level = ${p.len} GROUP BY 1
      UNION ALL SELECT NULL, 1, count(*)::int FROM rolled WHERE level = ${whole}
      UNION ALL SELECT k, 0, count(*)::int FROM live GROUP BY k
      UNION ALL SELECT NULL, 1, count(*)::int FROM (SELECT DISTINCT pk FROM live) d`,
  );
}
