// Due and overdue visits: residents whose next visit falls on or before today + days, nearest
// first; per worker for a station head's view. next_due_on is kept current with every contact.
import { addDays, daysBetween, shanghaiToday } from '@wushe/core';
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';

export interface DueInput {
  scope: 'me' | 'all';
  days: number;
  limit: number;
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

function dueList(db: Db, prefix: string, until: string, today: string, me: string | null, limit: number) {
  return rows<DueRow>(
    db,
    sql`SELECT r.id AS "residentId", r.name, coalesce(a.name, r.area_code) AS "areaName", r.care_level AS "careLevel",
        r.last_contact_on::text AS "lastContactOn", r.next_due_on::text AS "nextDueOn",
        r.assigned_worker_id AS "assignedWorkerId", u.display_name AS "assignedWorkerName", r.total, r.overdue
      FROM (SELECT r.*, count(*) OVER () AS total, count(*) FILTER (WHERE r.next_due_on < ${today}) OVER () AS overdue
            FROM residents r
            WHERE r.area_code LIKE ${prefix + '%'} AND r.status = 'active' AND r.next_due_on <= ${until}
              ${me ? sql`AND (r.assigned_worker_id = ${me} OR r.assigned_worker_id IS NULL)` : sql``}
            ORDER BY r.next_due_on, r.id LIMIT ${limit}) r
      LEFT JOIN areas a ON a.code = r.area_code
      LEFT JOIN users u ON u.id = r.assigned_worker_id
      ORDER BY r.next_due_on, r.id`,
  );
}

function byWorker(db: Db, prefix: string, until: string, today: string) {
  return rows<{ workerId: string | null; workerName: string | null; overdue: number; dueSoon: number }>(
    db,
    sql`SELECT w.worker_id AS "workerId", u.display_name AS "workerName", w.overdue, w.due_soon AS "dueSoon"
      FROM (SELECT assigned_worker_id AS worker_id,
              count(*) FILTER (WHERE next_due_on < ${today})::int AS overdue,
              count(*) FILTER (WHERE next_due_on >= ${today})::int AS due_soon
            FROM residents WHERE area_code LIKE ${prefix + '%'} AND status = 'active' AND next_due_on <= ${until}
            GROUP BY assigned_worker_id) w
      LEFT JOIN users u ON u.id = w.worker_id
      ORDER BY w.overdue DESC, w.due_soon DESC, u.display_name NULLS LAST`,
  );
}

export async function dueVisits(ctx: Ctx, q: DueInput) {
  const today = shanghaiToday(ctx.now);
  const until = addDays(today, q.days);
  // `me`: my caseload and the unassigned residents of my area (my scope is my area).
  const me = q.scope === 'me' ? ctx.actor.id : null;
  const [list, workers] = await ctx.db.run(
    async (db) =>
      [
        await dueList(db, ctx.scope, until, today, me, q.limit),
        q.scope === 'all' ? await byWorker(db, ctx.scope, until, today) : [],
      ] as const,
  );
  const total = Number(list[0]?.total ?? 0);
  const overdue = Number(list[0]?.overdue ?? 0);
  return {
    asOf: today,
    items: list.map(({ total: _t, overdue: _o, ...r }) => {
      const late = daysBetween(r.nextDueOn, today);
      return {
        ...r,
        careLevel: Number(r.careLevel),
        due: late > 0 ? ('overdue' as const) : ('due_soon' as const),
        daysOverdue: Math.max(late, 0),
      };
    }),
    total,
    overdue,
    dueSoon: total - overdue,
    byWorker: workers,
  };
}
