// The people-served rollup's SQL (migration 0030): outputs_people holds, per district, city and
// province (level 6, 4, 2) and person, the days they were served there; outputs_people_dirty the
// people whose attendance or cases changed since (marked by triggers in the writer's
// transaction). The outputs count marked people live and the rest from the rollup, in one
// statement (one snapshot), so the figure is exact whatever the job has folded in so far.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { SERVED_KINDS, type Period } from './outputs.repo.ts';

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
  // Their old rows leave the last-day histogram, their new rows enter it: in this transaction.
  await db.execute(sql`WITH gone AS (DELETE FROM outputs_people WHERE person_key = ANY(${list}::text[]) RETURNING level, area_code, last_day),
      dec AS (SELECT level, area_code, last_day, count(*)::int AS n FROM gone GROUP BY 1, 2, 3)
    UPDATE outputs_people_last h SET people = h.people - dec.n FROM dec
    WHERE h.level = dec.level AND h.area_code = dec.area_code AND h.last_day = dec.last_day`);
  const added = await rows<{ n: number }>(
    db,
    sql`WITH ins AS (
        INSERT INTO outputs_people (level, area_code, person_key, days, last_day, tail_start)
        SELECT level, area_code, pk, days, CASE WHEN upper_inf(days) THEN 'infinity'::date ELSE upper(days) - 1 END,
          CASE WHEN upper_inf(days) THEN (SELECT max(lower(r)) FROM unnest(days) r) END
        FROM (
          SELECT l.len AS level, rpad(left(s.area_code, l.len), 12, '0') AS area_code, s.pk, range_agg(s.d) AS days
          FROM (
            SELECT area_code, person_key AS pk, daterange(day, day, '[]') AS d
              FROM (SELECT area_code, person_key, (occasion_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM attendance
                WHERE person_key = ANY(${list}::text[]) AND attended_at IS NOT NULL AND ${SERVED_KINDS}) a
            UNION ALL
            SELECT area_code, 'r:' || resident_id::text, ${caseDays} FROM cases WHERE resident_id = ANY(${residents}::uuid[])
          ) s CROSS JOIN (VALUES (2::smallint), (4::smallint), (6::smallint)) l(len)
          GROUP BY 1, 2, 3) g
        RETURNING level, area_code, last_day),
      inc AS (
        INSERT INTO outputs_people_last (level, area_code, last_day, people)
        SELECT level, area_code, last_day, count(*)::int FROM ins GROUP BY 1, 2, 3
        ON CONFLICT (level, area_code, last_day) DO UPDATE SET people = outputs_people_last.people + EXCLUDED.people
        RETURNING people)
      SELECT (SELECT count(*) FROM ins)::int AS n`,
  );
  await db.execute(sql`DELETE FROM outputs_people_last WHERE people = 0`);
  return Number(added[0]?.n ?? 0);
}

/** How many people are marked (the job's backlog). */
export async function markedCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(DISTINCT person_key)::int AS n FROM outputs_people_dirty`);
  return Number(r?.n ?? 0);
}

type Rolled = Period & { len: number };

/** People marked in scope (changed since folded): counted live, their rolled rows set aside. */
const markedIn = (p: Rolled) =>
  sql`marked AS MATERIALIZED (SELECT DISTINCT person_key FROM outputs_people_dirty WHERE ${inArea(sql`area_code`, p.prefix)})`;

/**
 * The marked people's (key, person) pairs served in the period, from attendance and cases as they
 * are now. LATERAL: looked up person by person (marked people are few), never a scan of the area.
 */
const liveOfMarked = (p: Rolled) =>
  sql`live AS MATERIALIZED (
      SELECT DISTINCT k, pk FROM (
        SELECT left(a.area_code, ${p.len}) AS k, m.person_key AS pk FROM marked m,
          LATERAL (SELECT area_code FROM attendance WHERE person_key = m.person_key AND attended_at IS NOT NULL AND ${SERVED_KINDS}
            AND ${inArea(sql`area_code`, p.prefix)} AND occasion_at >= ${p.fromTs} AND occasion_at < ${p.untilTs}) a
        UNION ALL
        SELECT left(c.area_code, ${p.len}), m.person_key FROM marked m,
          LATERAL (SELECT area_code FROM cases WHERE m.person_key LIKE 'r:%' AND resident_id = substr(m.person_key, 3)::uuid
            AND ${inArea(sql`area_code`, p.prefix)} AND opened_on <= ${p.toDate} AND (closed_on IS NULL OR closed_on >= ${p.fromDate})) c
      ) t)`;

const liveRows = () => sql`SELECT k, 0 AS gk, count(*)::int AS people FROM live GROUP BY k
  UNION ALL SELECT NULL, 1, count(*)::int FROM (SELECT DISTINCT pk FROM live) d`;

/** Signed per-area counts (level, area_code, n) as rows per child area (level p.len) and for the whole area. */
const asKeyed = (p: Rolled, cte: string, sign: 1 | -1) =>
  sql`SELECT left(area_code, ${p.len}) AS k, 0 AS gk, ${sign} * n AS people FROM ${sql.identifier(cte)} WHERE level = ${p.len}
    UNION ALL SELECT NULL, 1, ${sign} * n FROM ${sql.identifier(cte)} WHERE level = ${p.prefix.length}`;

const levels = (p: Rolled) => sql`level IN (${p.prefix.length}, ${p.len})`;
const periodRange = (p: Rolled) => sql`daterange(${p.fromDate}::date, ${p.toDate}::date, '[]')`;

/**
 * People served in a period that ends lately, per child area and in all, without a row per
 * person: served in [from, to] = (last day on or after from) − (a day after to, none in
 * [from, to]) (migration 0033). The first term sums the last-day histogram; the second reads
 * the rows with days after `to` (few when `to` is recent). Marked people: their rolled rows
 * come off (served then) and their live count goes on. The caller adds the rows up per key.
 */
export function recentPeopleCounts(db: Db, p: Rolled) {
  return rows<{ k: string | null; gk: number; people: number }>(
    db,
    sql`WITH ${markedIn(p)},
      hist AS (SELECT level, area_code, sum(people)::int AS n FROM outputs_people_last
        WHERE ${levels(p)} AND ${inArea(sql`area_code`, p.prefix)} AND last_day >= ${p.fromDate}::date GROUP BY 1, 2),
      late AS (SELECT level, area_code, count(*)::int AS n FROM (
          SELECT level, area_code, days FROM outputs_people WHERE ${levels(p)} AND last_day > ${p.toDate}::date AND last_day < 'infinity'
          UNION ALL
          SELECT level, area_code, days FROM outputs_people WHERE ${levels(p)} AND last_day = 'infinity' AND tail_start > ${p.toDate}::date
        ) o WHERE ${inArea(sql`area_code`, p.prefix)} AND NOT days && ${periodRange(p)} GROUP BY 1, 2),
      stale AS (SELECT o.level, o.area_code, count(*)::int AS n FROM marked m,
        LATERAL (SELECT level, area_code FROM outputs_people WHERE person_key = m.person_key AND ${levels(p)}
          AND ${inArea(sql`area_code`, p.prefix)} AND days && ${periodRange(p)}) o GROUP BY 1, 2),
      ${liveOfMarked(p)}
      ${asKeyed(p, 'hist', 1)} UNION ALL ${asKeyed(p, 'late', -1)} UNION ALL ${asKeyed(p, 'stale', -1)} UNION ALL ${liveRows()}`,
  );
}

/**
 * People served in any period, per child area and in all: the rolled rows whose days meet the
 * period, for people not marked, and the marked counted live. Reads a row per person served.
 */
export function rolledPeopleCounts(db: Db, p: Rolled) {
  return rows<{ k: string | null; gk: number; people: number }>(
    db,
    sql`WITH ${markedIn(p)},
      rolled AS (
        SELECT o.level, o.area_code, count(*)::int AS n FROM outputs_people o
        WHERE ${levels(p)} AND ${inArea(sql`o.area_code`, p.prefix)} AND o.days && ${periodRange(p)}
          AND NOT EXISTS (SELECT 1 FROM marked m WHERE m.person_key = o.person_key) GROUP BY 1, 2),
      ${liveOfMarked(p)}
      ${asKeyed(p, 'rolled', 1)} UNION ALL ${liveRows()}`,
  );
}
