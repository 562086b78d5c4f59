// The SQL of follow-ups made by hand and reassigned (issue 8, item 9).
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface NewFollowUp {
  id: string;
  residentId: string;
  areaCode: string;
  reason: string;
  dueAt: Date;
  assignedTo: string;
  createdBy: string;
  caseId: string | null;
}

/** An open task for the resident with the same reason and deadline: a double submit finds it. */
export async function sameOpenFollowUp(db: Db, scope: string, f: Pick<NewFollowUp, 'residentId' | 'reason' | 'dueAt'>) {
  const [found] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM follow_ups f WHERE f.resident_id = ${f.residentId} AND f.reason = ${f.reason}
      AND f.due_at = ${f.dueAt.toISOString()}::timestamptz AND f.done_at IS NULL AND ${inArea(sql`f.area_code`, scope)} LIMIT 1`,
  );
  return found?.id;
}

export async function insertManualFollowUp(db: Db, f: NewFollowUp): Promise<void> {
  await db.execute(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at, assigned_to, case_id)
    VALUES (${f.id}, ${f.residentId}, ${f.areaCode}, ${f.reason}, ${f.dueAt.toISOString()}::timestamptz, ${f.assignedTo}, ${f.caseId})`);
}

/** The task in scope with its assignee, locked until the transaction ends. */
export async function lockForReassign(db: Db, scope: string, id: string) {
  const [found] = await rows<{
    id: string;
    residentId: string;
    areaCode: string;
    assignedTo: string | null;
    done: boolean;
    reason: string;
  }>(
    db,
    sql`SELECT id, resident_id AS "residentId", area_code AS "areaCode", assigned_to AS "assignedTo", done_at IS NOT NULL AS done, reason
      FROM follow_ups f WHERE id = ${id} AND ${inArea(sql`f.area_code`, scope)} FOR UPDATE`,
  );
  return found;
}

/** A new assignee; the overdue notice goes out again to whoever holds it now. */
export async function setAssignee(db: Db, id: string, assignedTo: string): Promise<void> {
  await db.execute(sql`UPDATE follow_ups SET assigned_to = ${assignedTo}, overdue_notified_at = NULL WHERE id = ${id}`);
}
