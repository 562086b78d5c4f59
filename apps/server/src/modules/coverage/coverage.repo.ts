// Coverage and due-visit SQL. See coverage.ts for the query shapes and their measured cost.
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export const windowStartOf = (starts: string[], level: SQL = sql`r.care_level`) =>
  sql`(CASE ${level} WHEN 1 THEN ${starts[0]}::date WHEN 2 THEN ${starts[1]}::date WHEN 3 THEN ${starts[2]}::date ELSE ${starts[3]}::date END)`;

/** The grouped count query: registered and covered by the first `len` digits of the area code. */
export function coverageSql(prefix: string, len: number, date: string, starts: string[], today: boolean): SQL {
  const residentsWhere = sql.join(
    [inArea(sql`r.area_code`, prefix), sql`r.status = 'active'`, sql`r.registered_on <= ${date}::date`],
    sql` AND `,
  );
  if (today) {
    return sql`SELECT left(r.area_code, ${len}) AS code, count(*)::int AS registered,
        count(*) FILTER (WHERE r.last_contact_on >= ${windowStartOf(starts)} AND r.last_contact_on <= ${date}::date)::int AS covered
      FROM residents r WHERE ${residentsWhere} GROUP BY 1`;
  }
  const widest = starts.reduce((a, b) => (a < b ? a : b));
  // The level in force on the date: the from_level of the first change after it (changes are
  // rare, so this reads few rows), else today's level.
  return sql`WITH c AS (
        SELECT resident_id, max(occurred_on) AS last FROM contacts
        WHERE occurred_on BETWEEN ${widest}::date AND ${date}::date AND ${inArea(sql`area_code`, prefix)}
        GROUP BY resident_id),
      h AS (
        SELECT DISTINCT ON (resident_id) resident_id, from_level FROM care_level_changes
        WHERE changed_at >= (${date}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AND from_level IS NOT NULL
          AND ${inArea(sql`area_code`, prefix)}
        ORDER BY resident_id, changed_at, id)
      SELECT left(r.area_code, ${len}) AS code, count(*)::int AS registered,
        count(*) FILTER (WHERE c.last >= ${windowStartOf(starts, sql`coalesce(h.from_level, r.care_level)`)})::int AS covered
      FROM residents r LEFT JOIN c ON c.resident_id = r.id LEFT JOIN h ON h.resident_id = r.id
      WHERE ${residentsWhere} GROUP BY 1`;
}

export const coverageCounts = (db: Db, prefix: string, len: number, date: string, starts: string[], today: boolean) =>
  rows<{ code: string; registered: number; covered: number }>(db, coverageSql(prefix, len, date, starts, today));

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
      FROM (SELECT r.*, count(*) OVER () AS total, count(*) FILTER (WHERE r.next_due_on < ${today}) OVER () AS overdue
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
      FROM (SELECT assigned_worker_id AS worker_id,
              count(*) FILTER (WHERE next_due_on < ${today})::int AS overdue,
              count(*) FILTER (WHERE next_due_on >= ${today})::int AS due_soon
            FROM residents WHERE ${inArea(sql`area_code`, prefix)} AND status = 'active' AND next_due_on <= ${until}
            GROUP BY assigned_worker_id) w
      LEFT JOIN users u ON u.id = w.worker_id
      ORDER BY w.overdue DESC, w.due_soon DESC, u.display_name NULLS LAST`,
  );
}
