// SQL of pairing agreements (一校两社, 结对共建): the agreement with its parties and progress, its
// deliverables, and the writes. An agreement and its rows belong to the area that keeps it;
// every query takes the scope (RLS 0040 holds the same line).
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface PartnershipRow {
  id: string;
  kind: 'school_org_community' | 'agency_community';
  title: string;
  areaCode: string;
  areaName: string;
  startOn: string;
  endOn: string | null;
  status: 'draft' | 'active' | 'ended';
  terms: string | null;
  attachment: { id: string; filename: string } | null;
  parties: { id: string; role: 'school' | 'agency' | 'community'; orgId: string | null; name: string; outside: boolean }[];
  totals: { done: number; quantity: number }[];
  version: number;
}

const COLUMNS = sql`p.id, p.kind, p.title, p.area_code AS "areaCode", coalesce(a.name, p.area_code) AS "areaName",
  p.start_on::text AS "startOn", p.end_on::text AS "endOn", p.status, p.terms, p.version,
  CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('id', f.id, 'filename', f.filename) END AS attachment,
  coalesce((SELECT json_agg(json_build_object('id', x.id, 'role', x.role, 'orgId', x.org_id, 'name', x.name, 'outside', x.org_id IS NULL)
    ORDER BY x.position) FROM partnership_parties x WHERE x.partnership_id = p.id), '[]'::json) AS parties,
  coalesce((SELECT json_agg(json_build_object('done', d.done, 'quantity', d.quantity))
    FROM partnership_deliverables d WHERE d.partnership_id = p.id), '[]'::json) AS totals`;
const JOINS = sql`LEFT JOIN areas a ON a.code = p.area_code LEFT JOIN attachments f ON f.id = p.attachment_id`;

export function listPartnerships(db: Db, f: { scope: string; q?: string; kind?: string; status?: string; limit: number; offset: number }) {
  const where = [inArea(sql`p.area_code`, f.scope)];
  if (f.q)
    where.push(sql`(p.title LIKE ${likeContains(f.q)} OR EXISTS (SELECT 1 FROM partnership_parties x
      WHERE x.partnership_id = p.id AND x.name LIKE ${likeContains(f.q)}))`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.status) where.push(sql`p.status = ${f.status}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<PartnershipRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM partnerships p ${JOINS} WHERE ${cond}
      ORDER BY p.start_on DESC, p.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM partnerships p WHERE ${cond}`,
    f.offset,
  );
}

export async function partnershipById(db: Db, scope: string, id: string): Promise<PartnershipRow | undefined> {
  const found = await rows<PartnershipRow>(
    db,
    sql`SELECT ${COLUMNS} FROM partnerships p ${JOINS} WHERE p.id = ${id} AND ${inArea(sql`p.area_code`, scope)}`,
  );
  return found[0];
}

export interface DeliverableRow {
  id: string;
  partyId: string;
  partyName: string;
  role: 'school' | 'agency' | 'community';
  what: string;
  quantity: number;
  dueOn: string | null;
  done: number;
  version: number;
}

export const deliverablesOf = (db: Db, scope: string, partnershipId: string) =>
  rows<DeliverableRow>(
    db,
    sql`SELECT d.id, d.party_id AS "partyId", x.name AS "partyName", x.role, d.what, d.quantity, d.due_on::text AS "dueOn", d.done, d.version
      FROM partnership_deliverables d JOIN partnership_parties x ON x.id = d.party_id
      WHERE d.partnership_id = ${partnershipId} AND ${inArea(sql`d.area_code`, scope)}
      ORDER BY x.position, d.due_on NULLS LAST, d.id`,
  );

/** An organisation in the scope by id (a party on the platform). */
export async function orgInScope(db: Db, scope: string, id: string) {
  const found = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM orgs WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return found[0];
}

export async function attachmentInScope(db: Db, scope: string, id: string): Promise<boolean> {
  const found = await rows<{ id: string }>(db, sql`SELECT id FROM attachments WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`);
  return found.length > 0;
}

export async function insertPartnership(db: Db, p: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO partnerships (id, area_code, kind, title, start_on, end_on, terms, created_by)
    VALUES (${p.id}, ${p.areaCode}, ${p.kind}, ${p.title}, ${p.startOn}, ${p.endOn}, ${p.terms}, ${p.createdBy})`);
}

export async function insertParty(db: Db, x: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO partnership_parties (id, partnership_id, area_code, role, org_id, name, position)
    VALUES (${x.id}, ${x.partnershipId}, ${x.areaCode}, ${x.role}, ${x.orgId}, ${x.name}, ${x.position})`);
}

export async function insertDeliverable(db: Db, d: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO partnership_deliverables (id, partnership_id, area_code, party_id, what, quantity, due_on)
    VALUES (${d.id}, ${d.partnershipId}, ${d.areaCode}, ${d.partyId}, ${d.what}, ${d.quantity}, ${d.dueOn})`);
}

const UPDATABLE = { title: 'title', startOn: 'start_on', endOn: 'end_on', terms: 'terms', attachmentId: 'attachment_id', status: 'status' };
export const updatePartnership = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'partnerships', UPDATABLE, { id, scope, version }, changes);

export async function setDone(db: Db, scope: string, partnershipId: string, id: string, version: number, done: number) {
  const found = await rows<{ id: string }>(
    db,
    sql`UPDATE partnership_deliverables SET done = ${done}, version = version + 1
      WHERE id = ${id} AND partnership_id = ${partnershipId} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return found.length > 0;
}
