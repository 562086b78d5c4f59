// The 工作台's counts: each one scan, filtered with the resident list's own conditions
// (resident-conditions.repo.ts) and the coverage window of coverage.repo.ts, so a figure and
// the list it links to agree.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { standingToday, type Bounds } from '../coverage/standing.repo.ts';
import { dueSoonSql, overdueSql, withoutAssessmentSql } from '../residents/resident-conditions.repo.ts';

/** Covered today: the coverage page's own condition (coverage/standing.repo.ts). */
const coveredSql = (b: Bounds) => standingToday(b).covered;
const active = (prefix: string, today: string) =>
  sql`${inArea(sql`r.area_code`, prefix)} AND r.status = 'active' AND r.registered_on <= ${today}::date`;
const int = (n: unknown) => Number(n ?? 0);

/** My caseload's figures (residents_worker_idx). */
export async function caseloadCounts(db: Db, prefix: string, me: string, b: Bounds) {
  const today = b.date;
  const [c] = await rows<Record<string, number>>(
    db,
    sql`SELECT count(*)::int AS caseload, count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue,
        count(*) FILTER (WHERE ${dueSoonSql(today)})::int AS "dueThisWeek",
        count(*) FILTER (WHERE ${coveredSql(b)})::int AS covered,
        count(*) FILTER (WHERE ${withoutAssessmentSql(today)})::int AS "withoutAssessment"
      FROM residents r WHERE ${active(prefix, today)} AND r.assigned_worker_id = ${me}`,
  );
  return {
    caseload: int(c?.caseload),
    overdue: int(c?.overdue),
    dueThisWeek: int(c?.dueThisWeek),
    covered: int(c?.covered),
    withoutAssessment: int(c?.withoutAssessment),
  };
}

/** Contacts dated from `from` to `to`, by the worker who recorded them (null key: all). */
export async function visitsByWorker(db: Db, prefix: string, from: string, to: string, worker?: string) {
  const found = await rows<{ workerId: string | null; n: number }>(
    db,
    sql`SELECT c.worker_id AS "workerId", count(*)::int AS n FROM contacts c
      WHERE ${inArea(sql`c.area_code`, prefix)} AND c.occurred_on BETWEEN ${from}::date AND ${to}::date
        ${worker ? sql`AND c.worker_id = ${worker}` : sql``}
      GROUP BY c.worker_id`,
  );
  return new Map(found.map((r) => [r.workerId, int(r.n)]));
}

export async function countAssessments(db: Db, prefix: string, from: string, to: string): Promise<number> {
  const [c] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM assessments a WHERE ${inArea(sql`a.area_code`, prefix)} AND a.assessed_on BETWEEN ${from}::date AND ${to}::date`,
  );
  return int(c?.n);
}

/** Open follow-ups in scope (optionally mine): all of them, and those past their deadline. */
export async function openFollowUps(db: Db, prefix: string, now: Date, assignedTo?: string) {
  const [c] = await rows<{ open: number; overdue: number }>(
    db,
    sql`SELECT count(*)::int AS open, count(*) FILTER (WHERE f.due_at < ${now.toISOString()}::timestamptz)::int AS overdue
      FROM follow_ups f WHERE ${inArea(sql`f.area_code`, prefix)} AND f.done_at IS NULL
        ${assignedTo ? sql`AND f.assigned_to = ${assignedTo}` : sql``}`,
  );
  return { open: int(c?.open), overdue: int(c?.overdue) };
}

/**
 * Casework for a home page, of one worker (in charge / assigned the task) or of the whole area:
 * active cases (cases_worker_idx or cases_area_idx), those waiting for a head's decision
 * (cases_awaiting_idx) or returned to the worker, and case tasks past their due time.
 */
export async function caseFigures(db: Db, prefix: string, now: Date, workerId?: string) {
  const mine = (col: string) => (workerId ? sql`AND ${sql.identifier(col)} = ${workerId}` : sql``);
  const [c] = await rows<{ active: number; awaiting: number; returned: number; overdue: number }>(
    db,
    sql`SELECT
        (SELECT count(*) FROM cases WHERE ${inArea(sql`area_code`, prefix)} AND stage <> 'closed' ${mine('worker_id')})::int AS active,
        (SELECT count(*) FROM cases WHERE ${inArea(sql`area_code`, prefix)} AND (plan_status = 'submitted' OR closure_status = 'submitted')
          ${mine('worker_id')})::int AS awaiting,
        (SELECT count(*) FROM cases WHERE ${inArea(sql`area_code`, prefix)} AND stage <> 'closed'
          AND (plan_status = 'returned' OR closure_status = 'returned') ${mine('worker_id')})::int AS returned,
        (SELECT count(*) FROM follow_ups WHERE ${inArea(sql`area_code`, prefix)} AND case_id IS NOT NULL AND done_at IS NULL
          AND due_at < ${now.toISOString()}::timestamptz ${mine('assigned_to')})::int AS overdue`,
  );
  return { active: int(c?.active), awaitingApproval: int(c?.awaiting), returned: int(c?.returned), overdueTasks: int(c?.overdue) };
}

export async function unreadAlerts(db: Db, prefix: string, userId: string): Promise<number> {
  const [c] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM notifications n WHERE n.user_id = ${userId} AND n.read_at IS NULL AND ${inArea(sql`n.area_code`, prefix)}`,
  );
  return int(c?.n);
}

/**
 * Per responsible worker in the station: caseload and overdue, with every account of the area
 * that records visits (contact.write) even when it holds no caseload yet; null: unassigned.
 */
export function workerCounts(db: Db, prefix: string, today: string) {
  return rows<{ workerId: string | null; workerName: string | null; caseload: number; overdue: number }>(
    db,
    sql`WITH w AS (
        SELECT r.assigned_worker_id AS id, count(*)::int AS caseload, count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue
        FROM residents r WHERE ${active(prefix, today)} GROUP BY r.assigned_worker_id),
      staff AS (
        SELECT u.id FROM users u JOIN roles ro ON ro.id = u.role_id
        WHERE ${inArea(sql`u.area_code`, prefix)} AND u.status = 'active' AND 'contact.write' = ANY(ro.permissions))
      SELECT coalesce(w.id, staff.id) AS "workerId", u.display_name AS "workerName",
        coalesce(w.caseload, 0)::int AS caseload, coalesce(w.overdue, 0)::int AS overdue
      FROM w FULL JOIN staff ON staff.id = w.id LEFT JOIN users u ON u.id = coalesce(w.id, staff.id)
      ORDER BY coalesce(w.id, staff.id) IS NULL, u.display_name, 1`,
  );
}

/**
 * One grouped scan for an official: by child area, care level and category set, registered,
 * covered and overdue; the service sums it into areas, levels and categories.
 */
export function areaBreakdown(db: Db, prefix: string, len: number, b: Bounds) {
  const today = b.date;
  return rows<{ code: string; level: number; categories: string[]; registered: number; covered: number; overdue: number }>(
    db,
    sql`SELECT left(r.area_code, ${len}) AS code, r.care_level AS level, r.categories, count(*)::int AS registered,
        count(*) FILTER (WHERE ${coveredSql(b)})::int AS covered,
        count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue
      FROM residents r WHERE ${active(prefix, today)} GROUP BY 1, 2, 3`,
  );
}
