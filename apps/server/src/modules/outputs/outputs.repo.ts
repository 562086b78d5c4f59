// Outputs' SQL: one grouped scan per table (cases, group sessions, activities, attendance,
// satisfaction) under the area's prefix and the period, keyed by the child area
// (left(area_code, n)) or by the worker, with GROUPING SETS giving the per-month and the total
// figures from the same scan. Attendance is read from attendance_outputs_idx (area, occasion
// time, with person_key and worker_id included): person-times are its rows, one per person per
// occasion (core personTimes), and people are distinct person keys (core distinctPeople) joined
// with the residents of the active cases: a live distinct over every attendance row of the
// period, the costliest figure; for a province or a city it is read from the people-served
// rollup instead (outputs-people.repo.ts: a province's year of 2,000,000 rows took seconds live).
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface Period {
  prefix: string;
  /** Child-area key length, or null to key by worker. */
  len: number | null;
  fromDate: string;
  toDate: string;
  /** [from 00:00, to + 1 day 00:00) in Asia/Shanghai, as instants. */
  fromTs: string;
  untilTs: string;
}

const key = (p: Period, area: SQL, worker: SQL) => (p.len === null ? sql`${worker}::text` : sql`left(${area}, ${p.len})`);
const month = (ts: SQL) => sql`to_char(${ts} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

/** Rows keyed by child/worker (month null), by month (key null), and the total (both null). */
export interface Keyed {
  k: string | null;
  m: string | null;
  /** 1 where the key (gk) or the month (gm) is summed over: gk = gm = 1 is the total. */
  gk: number;
  gm: number;
}

export function caseCounts(db: Db, p: Period) {
  return rows<Keyed & { opened: number; active: number; closed: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, count(*) FILTER (WHERE opened_on >= ${p.fromDate})::int AS opened, count(*)::int AS active,
        count(*) FILTER (WHERE closed_on <= ${p.toDate})::int AS closed
      FROM (SELECT ${key(p, sql`area_code`, sql`worker_id`)} AS k, to_char(opened_on, 'YYYY-MM') AS m, opened_on, closed_on
        FROM cases
        WHERE ${inArea(sql`area_code`, p.prefix)} AND opened_on <= ${p.toDate} AND (closed_on IS NULL OR closed_on >= ${p.fromDate})) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

export function sessionCounts(db: Db, p: Period) {
  return rows<Keyed & { sessions: number; groups: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, count(*)::int AS sessions, count(DISTINCT group_id)::int AS groups
      FROM (SELECT ${key(p, sql`s.area_code`, sql`g.worker_id`)} AS k, ${month(sql`s.starts_at`)} AS m, s.group_id
        FROM group_sessions s JOIN service_groups g ON g.id = s.group_id
        WHERE ${inArea(sql`s.area_code`, p.prefix)} AND s.status = 'held' AND s.starts_at >= ${p.fromTs} AND s.starts_at < ${p.untilTs}) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

export function activityCounts(db: Db, p: Period) {
  return rows<Keyed & { activities: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, count(*)::int AS activities
      FROM (SELECT ${key(p, sql`area_code`, sql`organiser_id`)} AS k, ${month(sql`starts_at`)} AS m FROM activities
        WHERE ${inArea(sql`area_code`, p.prefix)} AND status = 'held' AND starts_at >= ${p.fromTs} AND starts_at < ${p.untilTs}) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

/** Trainings' attendance is workers learning, not people served: outputs leave it out. */
export const SERVED_KINDS = sql`occasion_kind <> 'training_session'`;

const attended = (p: Period) =>
  sql`${inArea(sql`area_code`, p.prefix)} AND attended_at IS NOT NULL AND ${SERVED_KINDS} AND occasion_at >= ${p.fromTs} AND occasion_at < ${p.untilTs}`;

export function personTimeCounts(db: Db, p: Period) {
  return rows<Keyed & { personTimes: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, count(*)::int AS "personTimes"
      FROM (SELECT ${key(p, sql`area_code`, sql`worker_id`)} AS k, ${month(sql`occasion_at`)} AS m FROM attendance WHERE ${attended(p)}) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

/**
 * Distinct people per key and in all: attendees and the residents of cases active in the period.
 * The (key, person) pairs are made distinct once by hashing (GROUPING SETS would sort every row);
 * the per-key counts and the total then read those pairs. Hash aggregation needs the memory that
 * outputs.ts sets for its transaction (work_mem), else it spills to disk.
 */
export function peopleCounts(db: Db, p: Period) {
  return rows<{ k: string | null; gk: number; people: number }>(
    db,
    sql`WITH pairs AS MATERIALIZED (
        SELECT DISTINCT k, pk FROM (
          SELECT ${key(p, sql`area_code`, sql`worker_id`)} AS k, person_key AS pk FROM attendance WHERE ${attended(p)}
          UNION ALL
          SELECT ${key(p, sql`area_code`, sql`worker_id`)}, 'r:' || resident_id::text FROM cases
            WHERE ${inArea(sql`area_code`, p.prefix)} AND opened_on <= ${p.toDate} AND (closed_on IS NULL OR closed_on >= ${p.fromDate})
        ) t)
      SELECT k, 0 AS gk, count(*)::int AS people FROM pairs GROUP BY k
      UNION ALL
      SELECT NULL, 1, count(*)::int FROM (SELECT DISTINCT pk FROM pairs) d`,
  );
}

export function satisfactionSums(db: Db, p: Period) {
  return rows<{ k: string | null; gk: number; total: number; answers: number }>(
    db,
    sql`SELECT k, grouping(k)::int AS gk, sum(score)::int AS total, count(*)::int AS answers
      FROM (SELECT ${key(p, sql`area_code`, sql`worker_id`)} AS k, score FROM satisfaction
        WHERE ${inArea(sql`area_code`, p.prefix)} AND at >= ${p.fromTs} AND at < ${p.untilTs}) t
      GROUP BY GROUPING SETS ((k), ())`,
  );
}

/** This transaction's sort and hash memory: enough for a province's distinct people. */
export async function moreWorkMem(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL work_mem = '64MB'`);
}

/** Names of areas by code (the path up, the child areas). */
export function areaNames(db: Db, codes: readonly string[]) {
  if (!codes.length) return Promise.resolve([]);
  return rows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM areas WHERE code IN (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
}

/** Display names of the workers who appear in the figures (in scope). */
export function workerNames(db: Db, scope: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return rows<{ id: string; name: string }>(
    db,
    sql`SELECT id::text, display_name AS name FROM users WHERE ${inArea(sql`area_code`, scope)} AND id::text IN (${sql.join(
      ids.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
}
