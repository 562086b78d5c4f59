// The visit checklist's SQL: its code list, the contact locked while a flagged item becomes a
// follow-up task, and the task itself (a plain follow_ups row, listed by the follow-ups module).
import type { ChecklistItem } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface ChecklistCode {
  code: string;
  labelZh: string;
  labelEn: string;
  sort: number;
  active: boolean;
}

export const checklistCodes = (db: Db) =>
  rows<ChecklistCode>(
    db,
    sql`SELECT code, label_zh AS "labelZh", label_en AS "labelEn", sort, active FROM code_lists WHERE list = 'visit_checklist' ORDER BY sort, code`,
  );

export interface LockedContact {
  id: string;
  residentId: string;
  areaCode: string;
  workerId: string | null;
  checklist: ChecklistItem[];
}

/** The contact in scope, locked so two clicks on one item make one task. */
export async function lockContact(db: Db, scope: string, id: string): Promise<LockedContact | undefined> {
  const [found] = await rows<LockedContact & { checklist: ChecklistItem[] | string }>(
    db,
    sql`SELECT id, resident_id AS "residentId", area_code AS "areaCode", worker_id AS "workerId", checklist
      FROM contacts c WHERE id = ${id} AND ${inArea(sql`c.area_code`, scope)} FOR UPDATE`,
  );
  if (!found) return undefined;
  return { ...found, checklist: typeof found.checklist === 'string' ? JSON.parse(found.checklist) : found.checklist };
}

export async function saveChecklist(db: Db, id: string, checklist: ChecklistItem[]): Promise<void> {
  await db.execute(sql`UPDATE contacts SET checklist = ${JSON.stringify(checklist)}::jsonb WHERE id = ${id}`);
}

export async function insertVisitFollowUp(
  db: Db,
  f: { id: string; residentId: string; areaCode: string; reason: string; dueAt: string; assignedTo: string; createdAt: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at, assigned_to, created_at)
    VALUES (${f.id}, ${f.residentId}, ${f.areaCode}, ${f.reason}, ${f.dueAt}::timestamptz, ${f.assignedTo}, ${f.createdAt.toISOString()}::timestamptz)`);
}
