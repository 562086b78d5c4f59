// Coverage and due-visit SQL. See coverage.ts for the query shapes and their measured cost.
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { overdueToday, standingOn, standingToday, type Bounds } from './standing.repo.ts';

/** Registered, covered and overdue by the first `len` digits of the area code (standing.repo.ts decides who is which). */
export function coverageSql(prefix: string, len: number, b: Bounds): SQL {
  if (b.today) {
    const s = standingToday(b);
    return sql`SELECT left(r.area_code, ${len}) AS code, count(*)::int AS registered,
        count(*) FILTER (WHERE ${s.covered})::int AS covered, count(*) FILTER (WHERE ${s.overdue})::int AS overdue
      FROM residents r WHERE ${inArea(sql`r.area_code`, prefix)} AND ${s.registered} GROUP BY 1`;
  }
  return sql`SELECT left(s.area_code, ${len}) AS code, count(*)::int AS registered,
      count(*) FILTER (WHERE s.covered)::int AS covered, count(*) FILTER (WHERE s.overdue)::int AS overdue
    FROM ${standingOn(prefix, b)} s GROUP BY 1`;
}

export const coverageCounts = (db: Db, prefix: string, len: number, b: Bounds) =>
  rows<{ code: string; registered: number; covered: number; overdue: number }>(db, coverageSql(prefix, len, b));

/** Registered, covered and overdue by care level (in force on the date) or by category (several per person). */
export function breakdownSql(prefix: string, b: Bounds, by: 'careLevel' | 'category'): SQL {
  if (b.today) {
    const s = standingToday(b);
    const key = by === 'careLevel' ? sql`r.care_level::text` : sql`cat`;
    return sql`SELECT ${key} AS key, count(*)::int AS registered,
        count(*) FILTER (WHERE ${s.covered})::int AS covered, count(*) FILTER (WHERE ${s.overdue})::int AS overdue
      FROM residents r ${by === 'category' ? sql`CROSS JOIN LATERAL unnest(r.categories) cat` : sql``}
      WHERE ${inArea(sql`r.area_code`, prefix)} AND ${s.registered} GROUP BY 1 ORDER BY 1`;
  }
  const key = by === 'careLevel' ? sql`s.care_level::text` : sql`cat`;
  return sql`SELECT ${key} AS key, count(*)::int AS registered,
      count(*) FILTER (WHERE s.covered)::int AS covered, count(*) FILTER (WHERE s.overdue)::int AS overdue
    FROM ${standingOn(prefix, b)} s ${by === 'category' ? sql`CROSS JOIN LATERAL unnest(s.categories) cat` : sql``}
    GROUP BY 1 ORDER BY 1`;
}

export const breakdownCounts = (db: Db, prefix: string, b: Bounds, by: 'careLevel' | 'category') =>
  rows<{ key: string; registered: number; covered: number; overdue: number }>(db, breakdownSql(prefix, b, by));

type NamedArea = { code: string; name: string };

export const areaNamed = async (db: Db, code: string) =>
  (await rows<NamedArea>(db, sql`SELECT code, name FROM areas WHERE code = ${code}`))[0];

export const childAreas = (db: Db, parent: string) =>
  rows<NamedArea>(db, sql`SELECT code, name FROM areas WHERE parent_code = ${parent} ORDER BY code`);

export const areasAtLevel = (db: Db, level: string, prefix: string) =>
  rows<NamedArea>(db, sql`SELECT code, name FROM areas WHERE level = ${level} AND ${inArea(sql`code`, prefix)} ORDER BY code`);

/**
 * JIT compilation cost about a second of a 3 s province scan (1M residents, 10M contacts).
 * (A larger work_mem was worse: each parallel worker then built the whole contact hash.)
 */
export async function jitOff(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL jit = off`);
}

interface DueRow {
  residentId: string;
  name: string;
  areaName: string;
  careLevel: number;
  lastContactOn: string | null;
  nextDueOn: string;
  assignedWorkerId: string | null;
  assignedWorkerName: string | null;
  total: string;
  overdue: string;
}

export function dueList(db: Db, prefix: string, until: string, today: string, me: string | null, limit: number) {
  return rows<DueRow>(
    db,
    sql`SELECT r.id AS "residentId", r.name, coalesce(a.name, r.area_code) AS "areaName", r.care_level AS "careLevel",
        r.last_contact_on::text AS "lastContactOn", r.next_due_on::text AS "nextDueOn",
        r.assigned_worker_id AS "assignedWorkerId", u.display_name AS "assignedWorkerName", r.total, r.overdue
      FROM (SELECT r.*, count(*) OVER () AS total, count(*) FILTER (WHERE ${overdueToday(today)}) OVER () AS overdue
            FROM residents r
            WHERE ${inArea(sql`r.area_code`, prefix)} AND r.status = 'active' AND r.next_due_on <= ${until}
              ${me ? sql`AND (r.assigned_worker_id = ${me} OR r.assigned_worker_id IS NULL)` : sql``}
            ORDER BY r.next_due_on, r.id LIMIT ${limit}) r
      LEFT JOIN areas a ON a.code = r.area_code
      LEFT JOIN users u ON u.id = r.assigned_worker_id
      ORDER BY r.next_due_on, r.id`,
  );
}

export function byWorker(db: Db, prefix: string, until: string, today: string) {
  return rows<{ workerId: string | null; workerName: string | null; overdue: number; dueSoon: number }>(
    db,
    sql`SELECT w.worker_id AS "workerId", u.display_name AS "workerName", w.overdue, w.due_soon AS "dueSoon"
      FROM (SELECT r.assigned_worker_id AS worker_id,
              count(*) FILTER (WHERE ${overdueToday(today)})::int AS overdue,
              count(*) FILTER (WHERE NOT ${overdueToday(today)})::int AS due_soon
            FROM residents r WHERE ${inArea(sql`r.area_code`, prefix)} AND r.status = 'active' AND r.next_due_on <= ${until}
            GROUP BY r.assigned_worker_id) w
      LEFT JOIN users u ON u.id = w.worker_id
      ORDER BY w.overdue DESC, w.due_soon DESC, u.display_name NULLS LAST`,
  );
}
