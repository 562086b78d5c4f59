// SQL of talent-base alliances: the alliance with its counts, members, joint events and shared
// trainings, and the writes.
//
// Scope. An alliance belongs to the area that set it up (area_code: a district or a city): its
// officials write it, and every child row carries that same area, so RLS (0040, the prefix
// policy, forced) admits the writes of that scope only. Its member bases may sit in other
// districts or cities; the officials of a current member's area (member_area_code, a base that
// has not left) may READ the alliance, to see whom their base is allied with. RLS cannot say
// that without a second policy on every table, so reads run as the owner with `visible(scope)`
// below, an explicit predicate: the owning scope, or a current member base within the scope.
// Writes never run as the owner.
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface AllianceRow {
  id: string;
  name: string;
  areaCode: string;
  areaName: string;
  leadOrgId: string;
  leadName: string;
  signedOn: string;
  charter: string | null;
  members: number;
  events: number;
  trainings: number;
  own: boolean;
  version: number;
}

/** Seen from the scope: its own alliances, and those with a current member base in it. */
export function visible(scope: string): SQL {
  return sql`(${inArea(sql`al.area_code`, scope)} OR EXISTS (SELECT 1 FROM alliance_members vm
    WHERE vm.alliance_id = al.id AND vm.left_on IS NULL AND ${inArea(sql`vm.member_area_code`, scope)}))`;
}

const columns = (scope: string) => sql`al.id, al.name, al.area_code AS "areaCode", coalesce(a.name, al.area_code) AS "areaName",
  al.lead_org_id AS "leadOrgId", coalesce(lo.name, '') AS "leadName", al.signed_on::text AS "signedOn", al.charter, al.version,
  ${inArea(sql`al.area_code`, scope)} AS own,
  (SELECT count(*)::int FROM alliance_members m WHERE m.alliance_id = al.id AND m.left_on IS NULL) AS members,
  (SELECT count(*)::int FROM alliance_events e WHERE e.alliance_id = al.id) AS events,
  (SELECT count(*)::int FROM alliance_trainings t WHERE t.alliance_id = al.id) AS trainings`;
const JOINS = sql`LEFT JOIN areas a ON a.code = al.area_code LEFT JOIN orgs lo ON lo.id = al.lead_org_id`;

export function listAlliances(db: Db, f: { scope: string; q?: string; limit: number; offset: number }) {
  const where = [visible(f.scope)];
  if (f.q) where.push(sql`(al.name LIKE ${likeContains(f.q)} OR lo.name LIKE ${likeContains(f.q)})`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<AllianceRow>(
    db,
    sql`SELECT ${columns(f.scope)}, count(*) OVER () AS total FROM alliances al ${JOINS} WHERE ${cond}
      ORDER BY al.signed_on DESC, al.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM alliances al ${JOINS} WHERE ${cond}`,
    f.offset,
  );
}

/** One alliance seen from the scope (`own` only: in the scope itself, as the writes need). */
export async function allianceById(db: Db, scope: string, id: string, own = false): Promise<AllianceRow | undefined> {
  const found = await rows<AllianceRow>(
    db,
    sql`SELECT ${columns(scope)} FROM alliances al ${JOINS}
      WHERE al.id = ${id} AND ${own ? inArea(sql`al.area_code`, scope) : visible(scope)}`,
  );
  return found[0];
}

export const membersOf = (db: Db, allianceId: string) =>
  rows<{
    id: string;
    orgId: string | null;
    name: string;
    areaCode: string;
    areaName: string;
    joinedOn: string;
    leftOn: string | null;
    note: string | null;
    version: number;
  }>(
    db,
    sql`SELECT m.id, m.org_id AS "orgId", m.name, m.member_area_code AS "areaCode", coalesce(a.name, m.member_area_name, m.member_area_code) AS "areaName",
      m.joined_on::text AS "joinedOn", m.left_on::text AS "leftOn", m.note, m.version
      FROM alliance_members m LEFT JOIN areas a ON a.code = m.member_area_code
      WHERE m.alliance_id = ${allianceId} ORDER BY m.left_on IS NOT NULL, m.joined_on, m.name, m.id`,
  );

export const eventsOf = (db: Db, allianceId: string) =>
  rows<{
    id: string;
    title: string;
    heldOn: string;
    place: string;
    hostMemberId: string | null;
    hostName: string | null;
    participants: number;
    notes: string | null;
  }>(
    db,
    sql`SELECT e.id, e.title, e.held_on::text AS "heldOn", e.place, e.host_member_id AS "hostMemberId", m.name AS "hostName",
      e.participants, e.notes FROM alliance_events e LEFT JOIN alliance_members m ON m.id = e.host_member_id
      WHERE e.alliance_id = ${allianceId} ORDER BY e.held_on DESC, e.id`,
  );

export const trainingsOf = (db: Db, allianceId: string) =>
  rows<{
    id: string;
    trainingId: string | null;
    title: string;
    heldOn: string | null;
    hostMemberId: string | null;
    hostName: string | null;
    note: string | null;
  }>(
    db,
    sql`SELECT t.id, t.training_id AS "trainingId", coalesce(tr.title, t.title) AS title, t.held_on::text AS "heldOn",
      t.host_member_id AS "hostMemberId", m.name AS "hostName", t.note
      FROM alliance_trainings t LEFT JOIN trainings tr ON tr.id = t.training_id LEFT JOIN alliance_members m ON m.id = t.host_member_id
      WHERE t.alliance_id = ${allianceId} ORDER BY t.held_on DESC NULLS LAST, t.id`,
  );

/** As the owner: an organisation's name and area, wherever it is (a base may be in another city). */
export async function orgAnywhere(db: Db, id: string) {
  const found = await rows<{ id: string; name: string; areaCode: string }>(
    db,
    sql`SELECT id, name, area_code AS "areaCode" FROM orgs WHERE id = ${id} AND active`,
  );
  return found[0];
}

/** As the owner: a training on the platform by id (a shared training may be a member's). */
export async function trainingAnywhere(db: Db, id: string) {
  const found = await rows<{ id: string; title: string }>(db, sql`SELECT id, title FROM trainings WHERE id = ${id}`);
  return found[0];
}

export async function insertAlliance(db: Db, a: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO alliances (id, area_code, name, lead_org_id, signed_on, charter, created_by)
    VALUES (${a.id}, ${a.areaCode}, ${a.name}, ${a.leadOrgId}, ${a.signedOn}, ${a.charter}, ${a.createdBy})`);
}

const UPDATABLE = { name: 'name', areaCode: 'area_code', leadOrgId: 'lead_org_id', signedOn: 'signed_on', charter: 'charter' };
export const updateAlliance = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'alliances', UPDATABLE, { id, scope, version }, changes);

/** A moved alliance takes its rows along (they carry its area). */
export async function moveAllianceRows(db: Db, id: string, areaCode: string) {
  for (const t of ['alliance_members', 'alliance_events', 'alliance_trainings'])
    await db.execute(sql`UPDATE ${sql.identifier(t)} SET area_code = ${areaCode} WHERE alliance_id = ${id}`);
}

/** Inserts a member; false when the organisation is already one (the partial unique index). */
export async function insertMember(db: Db, m: Record<string, unknown>): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`INSERT INTO alliance_members (id, alliance_id, area_code, org_id, name, member_area_code, member_area_name, joined_on, note)
      VALUES (${m.id}, ${m.allianceId}, ${m.areaCode}, ${m.orgId}, ${m.name}, ${m.memberAreaCode}, ${m.memberAreaName ?? null}, ${m.joinedOn}, ${m.note})
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return done.length > 0;
}

export async function updateMember(
  db: Db,
  allianceId: string,
  id: string,
  version: number,
  leftOn: string | null,
  note: string | null | undefined,
) {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE alliance_members SET left_on = ${leftOn}, note = coalesce(${note ?? null}, note), version = version + 1
      WHERE id = ${id} AND alliance_id = ${allianceId} AND version = ${version} RETURNING id`,
  );
  return done.length > 0;
}

export async function insertEvent(db: Db, e: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO alliance_events (id, alliance_id, area_code, title, held_on, place, host_member_id, participants, notes)
    VALUES (${e.id}, ${e.allianceId}, ${e.areaCode}, ${e.title}, ${e.heldOn}, ${e.place}, ${e.hostMemberId}, ${e.participants}, ${e.notes})`);
}

export async function insertSharedTraining(db: Db, t: Record<string, unknown>) {
  await db.execute(sql`INSERT INTO alliance_trainings (id, alliance_id, area_code, training_id, title, held_on, host_member_id, note)
    VALUES (${t.id}, ${t.allianceId}, ${t.areaCode}, ${t.trainingId}, ${t.title}, ${t.heldOn}, ${t.hostMemberId}, ${t.note})`);
}

/** Deletes an event or a shared training of the alliance; false when there is none. */
export async function deleteItem(db: Db, table: 'alliance_events' | 'alliance_trainings', allianceId: string, id: string) {
  const done = await rows<{ id: string }>(
    db,
    sql`DELETE FROM ${sql.identifier(table)} WHERE id = ${id} AND alliance_id = ${allianceId} RETURNING id`,
  );
  return done.length > 0;
}
