// Follow-up tasks (跟进任务): a page in the caller's scope with names and the computed status,
// and the reads the completion needs (the task locked, the linked contact checked).
import type { FollowUp } from '@wushe/core';
import { inArea, pagedRows, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface FollowUpFilter {
  prefix: string;
  status: 'open' | 'overdue' | 'done' | 'all';
  assignedTo?: string;
  residentId?: string;
  caseId?: string;
  id?: string;
  now: Date;
  limit: number;
  offset: number;
}

const ORDER: Record<FollowUpFilter['status'], SQL> = {
  open: sql`f.due_at, f.id`,
  overdue: sql`f.due_at, f.id`,
  done: sql`f.done_at DESC, f.id DESC`,
  // Open ones first (soonest due), then the completed ones (latest first).
  all: sql`f.done_at IS NOT NULL, CASE WHEN f.done_at IS NULL THEN f.due_at END, f.done_at DESC, f.id`,
};

type Row = Omit<FollowUp, 'dueAt' | 'doneAt' | 'createdAt'> & {
  dueAt: string | Date;
  doneAt: string | Date | null;
  createdAt: string | Date;
};

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());

export async function listFollowUps(db: Db, f: FollowUpFilter): Promise<{ items: FollowUp[]; total: number }> {
  const now = sql`${f.now.toISOString()}::timestamptz`;
  const where = [inArea(sql`f.area_code`, f.prefix)];
  if (f.status === 'open') where.push(sql`f.done_at IS NULL`);
  if (f.status === 'overdue') where.push(sql`f.done_at IS NULL AND f.due_at < ${now}`);
  if (f.status === 'done') where.push(sql`f.done_at IS NOT NULL`);
  if (f.assignedTo) where.push(sql`f.assigned_to = ${f.assignedTo}`);
  if (f.residentId) where.push(sql`f.resident_id = ${f.residentId}`);
  if (f.caseId) where.push(sql`f.case_id = ${f.caseId}`);
  if (f.id) where.push(sql`f.id = ${f.id}`);
  const cond = sql.join(where, sql` AND `);
  const page = await pagedRows<Row>(
    db,
    sql`SELECT f.id, f.resident_id AS "residentId", r.name AS "residentName", f.area_code AS "areaCode",
        coalesce(ar.name, f.area_code) AS "areaName", f.reason,
        f.assessment_id AS "assessmentId", f.due_at AS "dueAt", f.assigned_to AS "assignedTo", a.display_name AS "assignedToName",
        f.done_at AS "doneAt", f.done_by AS "doneBy", d.display_name AS "doneByName", f.outcome, f.contact_id AS "contactId",
        f.case_id AS "caseId", f.created_at AS "createdAt",
        CASE WHEN f.done_at IS NOT NULL THEN 'done' WHEN f.due_at < ${now} THEN 'overdue' ELSE 'open' END AS status,
        f.total
      FROM (SELECT f.*, count(*) OVER () AS total FROM follow_ups f WHERE ${cond}
            ORDER BY ${ORDER[f.status]} LIMIT ${f.limit} OFFSET ${f.offset}) f
      JOIN residents r ON r.id = f.resident_id
      LEFT JOIN areas ar ON ar.code = f.area_code
      LEFT JOIN users a ON a.id = f.assigned_to
      LEFT JOIN users d ON d.id = f.done_by
      ORDER BY ${ORDER[f.status]}`,
    sql`SELECT count(*) AS n FROM follow_ups f WHERE ${cond}`,
    f.offset,
  );
  return {
    total: page.total,
    items: page.items.map((r) => ({ ...r, dueAt: iso(r.dueAt)!, doneAt: iso(r.doneAt), createdAt: iso(r.createdAt)! })),
  };
}

export interface LockedFollowUp {
  id: string;
  residentId: string;
  areaCode: string;
  doneAt: Date | string | null;
  caseId: string | null;
  reason: string;
}

/** The task in scope, locked until the transaction ends (two completions cannot both pass). */
export async function lockFollowUp(db: Db, scope: string, id: string): Promise<LockedFollowUp | undefined> {
  const found = await rows<LockedFollowUp>(
    db,
    sql`SELECT id, resident_id AS "residentId", area_code AS "areaCode", done_at AS "doneAt", case_id AS "caseId", reason
      FROM follow_ups f WHERE id = ${id} AND ${inArea(sql`f.area_code`, scope)} FOR UPDATE`,
  );
  return found[0];
}

/** A contact in scope recorded for the resident. */
export async function contactOfResident(db: Db, scope: string, contactId: string, residentId: string): Promise<boolean> {
  const found = await rows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM contacts c WHERE c.id = ${contactId} AND c.resident_id = ${residentId} AND ${inArea(sql`c.area_code`, scope)}`,
  );
  return found.length > 0;
}

export async function markDone(
  db: Db,
  id: string,
  done: { at: Date; by: string; outcome: string; contactId: string | null },
): Promise<void> {
  await db.execute(sql`UPDATE follow_ups SET done_at = ${done.at.toISOString()}::timestamptz, done_by = ${done.by},
      outcome = ${done.outcome}, contact_id = ${done.contactId}
    WHERE id = ${id}`);
}

export interface OverdueFollowUp {
  id: string;
  residentId: string;
  residentName: string;
  areaCode: string;
  reason: string;
  dueAt: Date | string;
  /** The assignee and the station heads the urgent alert went to (same transaction, same created_at). */
  recipients: string[];
}

/**
 * Open tasks past their due time whose overdue notice has not gone out, locked (another
 * instance's run skips them) and marked noticed in the caller's transaction.
 */
export async function takeOverdue(db: Db, scope: string, now: Date, limit: number): Promise<OverdueFollowUp[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return rows<OverdueFollowUp>(
    db,
    sql`WITH due AS (
        SELECT f.id FROM follow_ups f
        WHERE f.done_at IS NULL AND f.overdue_notified_at IS NULL AND f.due_at < ${at} AND ${inArea(sql`f.area_code`, scope)}
        ORDER BY f.due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ), marked AS (
        UPDATE follow_ups f SET overdue_notified_at = ${at} FROM due WHERE f.id = due.id
        RETURNING f.id, f.resident_id, f.area_code, f.reason, f.due_at, f.assigned_to, f.created_at
      )
      SELECT m.id, m.resident_id AS "residentId", r.name AS "residentName", m.area_code AS "areaCode", m.reason, m.due_at AS "dueAt",
        ARRAY(
          SELECT m.assigned_to WHERE m.assigned_to IS NOT NULL
          UNION
          SELECT n.user_id FROM notifications n
          WHERE n.kind = 'assessment.urgent' AND n.link = '/residents/' || m.resident_id AND n.created_at = m.created_at
        )::text[] AS recipients
      FROM marked m JOIN residents r ON r.id = m.resident_id
      ORDER BY m.due_at, m.id`,
  );
}

export function insertNotification(
  db: Db,
  n: { id: string; userId: string; areaCode: string; kind: string; title: string; body: string; link: string },
) {
  return db.execute(sql`INSERT INTO notifications (id, user_id, area_code, kind, title, body, link)
    VALUES (${n.id}, ${n.userId}, ${n.areaCode}, ${n.kind}, ${n.title}, ${n.body}, ${n.link})`);
}
