// Contacts (走访与服务记录) and their attachments. Plain rows() reads: the list filters vary a
// lot in selectivity, so a generic prepared plan would be a poor fit here.
import type { ChecklistItem, Contact } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface NewContact {
  id: string;
  residentId: string;
  areaCode: string;
  groupId: string | null;
  kind: string;
  serviceType: string | null;
  occurredAt: string;
  occurredOn: string;
  durationMinutes: number | null;
  workerId: string;
  notes: string | null;
  checklist: ChecklistItem[];
  clientKey: string | null;
  caseId: string | null;
}

export async function insertContact(db: Db, c: NewContact): Promise<void> {
  await db.execute(sql`INSERT INTO contacts (id, resident_id, area_code, group_id, kind, service_type, occurred_at, occurred_on,
      duration_minutes, worker_id, notes, checklist, client_key, case_id)
    VALUES (${c.id}, ${c.residentId}, ${c.areaCode}, ${c.groupId}, ${c.kind}, ${c.serviceType}, ${c.occurredAt}::timestamptz,
      ${c.occurredOn}, ${c.durationMinutes}, ${c.workerId}, ${c.notes}, ${JSON.stringify(c.checklist)}::jsonb, ${c.clientKey}, ${c.caseId})`);
}

/** The contacts an idempotency key recorded earlier: the keyed row and its household group. */
export async function contactIdsByClientKey(db: Db, scope: string, key: string): Promise<string[] | null> {
  const found = await rows<{ id: string; group_id: string | null; occurred_on: string }>(
    db,
    sql`SELECT id, group_id, occurred_on::text FROM contacts WHERE client_key = ${key} AND ${inArea(sql`area_code`, scope)}`,
  );
  const first = found[0];
  if (!first) return null;
  if (!first.group_id) return [first.id];
  // group_id has no index of its own: the group's day narrows the scan (contacts_on_idx).
  const group = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM contacts WHERE occurred_on = ${first.occurred_on} AND group_id = ${first.group_id} AND ${inArea(sql`area_code`, scope)} ORDER BY id`,
  );
  return group.map((g) => g.id);
}

export function serviceTypeExists(db: Db, code: string): Promise<boolean> {
  return rows<{ ok: number }>(db, sql`SELECT 1 AS ok FROM code_lists WHERE list = 'service_type' AND code = ${code} AND active`).then(
    (r) => r.length > 0,
  );
}

export function workerVisible(db: Db, scopeOfWorker: string, id: string): Promise<boolean> {
  return rows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM users WHERE id = ${id} AND ${inArea(sql`area_code`, scopeOfWorker)} AND status = 'active'`,
  ).then((r) => r.length > 0);
}

/** Unlinked attachments in scope, locked while they are linked. */
export function linkableAttachments(db: Db, scope: string, ids: string[]): Promise<{ id: string }[]> {
  if (!ids.length) return Promise.resolve([]);
  return rows<{ id: string }>(
    db,
    sql`SELECT id FROM attachments WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})
      AND contact_id IS NULL AND ${inArea(sql`area_code`, scope)} FOR UPDATE`,
  );
}

export async function linkAttachments(db: Db, ids: string[], contactId: string, areaCode: string): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`UPDATE attachments SET contact_id = ${contactId}, area_code = ${areaCode}
    WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`);
}

export async function touchResidentDue(db: Db, id: string, lastContactOn: string, nextDueOn: string): Promise<void> {
  await db.execute(sql`UPDATE residents SET last_contact_on = ${lastContactOn}, next_due_on = ${nextDueOn} WHERE id = ${id}`);
}

export interface ContactFilter {
  prefix: string;
  residentId?: string;
  ids?: string[];
  from?: string;
  to?: string;
  kind?: string;
  limit: number;
  offset: number;
}

type Row = Contact & { total: string };

/**
 * A page, newest first, with the total, worker names and attachment metadata. A household
 * contact's attachments sit on its first row; the other rows find them through the group, on
 * the same day in the same community (contacts_area_idx; group_id has no index of its own).
 */
export async function listContacts(db: Db, f: ContactFilter): Promise<{ items: Contact[]; total: number }> {
  const where = [inArea(sql`c.area_code`, f.prefix)];
  if (f.residentId) where.push(sql`c.resident_id = ${f.residentId}`);
  if (f.ids)
    where.push(
      sql`c.id IN (${sql.join(
        f.ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
  if (f.from) where.push(sql`c.occurred_on >= ${f.from}`);
  if (f.to) where.push(sql`c.occurred_on <= ${f.to}`);
  if (f.kind) where.push(sql`c.kind = ${f.kind}`);
  const found = await rows<Row>(
    db,
    sql`SELECT c.id, c.resident_id AS "residentId", r.name AS "residentName", c.group_id AS "groupId", c.case_id AS "caseId", c.kind,
        c.service_type AS "serviceType", c.occurred_at AS "occurredAt", c.occurred_on::text AS "occurredOn",
        c.duration_minutes AS "durationMinutes", c.worker_id AS "workerId", u.display_name AS "workerName", c.notes, c.checklist,
        coalesce((SELECT json_agg(json_build_object('id', a.id, 'filename', a.filename, 'contentType', a.content_type, 'size', a.size) ORDER BY a.created_at)
          FROM attachments a WHERE a.contact_id = c.id
            OR (c.group_id IS NOT NULL AND a.contact_id IN (SELECT g.id FROM contacts g
              WHERE g.area_code = c.area_code AND g.occurred_on = c.occurred_on AND g.group_id = c.group_id))), '[]'::json) AS attachments,
        c.total
      FROM (SELECT c.*, count(*) OVER () AS total FROM contacts c WHERE ${sql.join(where, sql` AND `)}
            ORDER BY c.occurred_at DESC, c.id DESC LIMIT ${f.limit} OFFSET ${f.offset}) c
      JOIN residents r ON r.id = c.resident_id
      LEFT JOIN users u ON u.id = c.worker_id
      ORDER BY c.occurred_at DESC, c.id DESC`,
  );
  let total = Number(found[0]?.total ?? 0);
  if (!found.length && f.offset > 0) {
    const [c] = await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM contacts c WHERE ${sql.join(where, sql` AND `)}`);
    total = Number(c?.n ?? 0);
  }
  return {
    total,
    items: found.map(({ total: _t, ...c }) => ({
      ...c,
      occurredAt: new Date(c.occurredAt).toISOString(),
      durationMinutes: c.durationMinutes === null ? null : Number(c.durationMinutes),
      attachments: (typeof c.attachments === 'string' ? JSON.parse(c.attachments) : c.attachments) as Contact['attachments'],
      checklist: (typeof c.checklist === 'string' ? JSON.parse(c.checklist) : c.checklist) as Contact['checklist'],
    })),
  };
}
