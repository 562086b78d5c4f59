// SQL of the volunteer register: the list, one volunteer with teams and approved hours, writes,
// the sealed values for a reveal, and the public account's own record.
import type { Volunteer } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, textArray, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

// Hours are the approved ones the reader can see (their area's activities: the station that
// recorded the service is the one that certifies it).
const COLUMNS = sql`v.id, v.volunteer_no AS "volunteerNo", v.name, v.gender, v.id_masked AS "idMasked", v.mobile_masked AS "mobileMasked",
  v.area_code AS "areaCode", coalesce(a.name, v.area_code) AS "areaName", v.skills, v.availability, v.status, v.source, v.note,
  coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'role', m.role) ORDER BY m.role, t.name)
    FROM team_members m JOIN volunteer_teams t ON t.id = m.team_id WHERE m.volunteer_id = v.id), '[]') AS teams,
  h.minutes AS "creditedMinutes", h.services, v.confirmed_at AS "confirmedAt", v.created_at AS "createdAt", v.version`;
const HOURS = sql`LEFT JOIN LATERAL (SELECT coalesce(sum(credited_minutes), 0)::int AS minutes, count(*)::int AS services
  FROM service_hours s WHERE s.volunteer_id = v.id AND s.status = 'approved') h ON true`;
const JOINS = sql`LEFT JOIN areas a ON a.code = v.area_code ${HOURS}`;

export type VolunteerRow = Omit<Volunteer, 'createdAt' | 'confirmedAt'> & { createdAt: Date | string; confirmedAt: Date | string | null };

export interface VolunteerFilter {
  prefix: string;
  q?: string;
  mobileHash?: string;
  status?: string;
  skill?: string;
  teamId?: string;
  source?: string;
  sort: string;
  limit: number;
  offset: number;
}

const SORTS: Record<string, SQL> = {
  createdAt: sql`v.created_at, v.id`,
  '-createdAt': sql`v.created_at DESC, v.id`,
  name: sql`v.name, v.id`,
  hours: sql`h.minutes, v.id`,
  '-hours': sql`h.minutes DESC, v.id`,
  volunteerNo: sql`v.volunteer_no`,
};

function conditions(f: VolunteerFilter): SQL {
  const where = [inArea(sql`v.area_code`, f.prefix)];
  if (f.q) {
    const byText = sql`(v.name LIKE ${likeContains(f.q)} OR v.volunteer_no = ${f.q.toUpperCase()})`;
    where.push(f.mobileHash ? sql`(${byText} OR v.mobile_hash = ${f.mobileHash})` : byText);
  }
  if (f.status) where.push(sql`v.status = ${f.status}`);
  if (f.skill) where.push(sql`v.skills @> ${textArray([f.skill])}`);
  if (f.source) where.push(sql`v.source = ${f.source}`);
  if (f.teamId) where.push(sql`EXISTS (SELECT 1 FROM team_members m WHERE m.volunteer_id = v.id AND m.team_id = ${f.teamId})`);
  return sql.join(where, sql` AND `);
}

export async function listVolunteers(db: Db, f: VolunteerFilter): Promise<{ items: VolunteerRow[]; total: number }> {
  const cond = conditions(f);
  return pagedRows<VolunteerRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM volunteers v ${JOINS}
      WHERE ${cond} ORDER BY ${SORTS[f.sort] ?? SORTS['-createdAt']!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM volunteers v WHERE ${cond}`,
    f.offset,
  );
}

export async function volunteerById(db: Db, scope: string, id: string): Promise<VolunteerRow | undefined> {
  const [v] = await rows<VolunteerRow>(
    db,
    sql`SELECT ${COLUMNS} FROM volunteers v ${JOINS} WHERE v.id = ${id} AND ${inArea(sql`v.area_code`, scope)}`,
  );
  return v;
}

/** The public account's own volunteer record (read as the owner: the account is the key). */
export async function volunteerOfAccount(db: Db, accountId: string): Promise<VolunteerRow | undefined> {
  const [v] = await rows<VolunteerRow>(db, sql`SELECT ${COLUMNS} FROM volunteers v ${JOINS} WHERE v.public_account_id = ${accountId}`);
  return v;
}

/** An existing volunteer with this mobile (any area): a self-registration links to it. */
export const volunteerIdByMobile = async (db: Db, mobileHash: string) =>
  (
    await rows<{ id: string; accountId: string | null; areaCode: string }>(
      db,
      sql`SELECT id, public_account_id AS "accountId", area_code AS "areaCode" FROM volunteers WHERE mobile_hash = ${mobileHash}`,
    )
  )[0];

export const linkAccount = (db: Db, id: string, accountId: string) =>
  db.execute(sql`UPDATE volunteers SET public_account_id = ${accountId}, version = version + 1, updated_at = now()
    WHERE id = ${id} AND public_account_id IS NULL`);

export const volunteerSecrets = async (db: Db, scope: string, id: string) =>
  (
    await rows<{ name: string; areaCode: string; idCipher: string | null; mobileCipher: string }>(
      db,
      sql`SELECT name, area_code AS "areaCode", id_cipher AS "idCipher", mobile_cipher AS "mobileCipher" FROM volunteers
        WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
    )
  )[0];

export const nextVolunteerSeq = async (db: Db) =>
  Number((await rows<{ n: string }>(db, sql`SELECT nextval('volunteer_no_seq') AS n`))[0]!.n);

export interface VolunteerColumns {
  area_code?: string;
  volunteer_no?: string;
  public_account_id?: string | null;
  name?: string;
  gender?: string | null;
  birth_date?: string | null;
  id_cipher?: string;
  id_hash?: string;
  id_masked?: string;
  mobile_cipher?: string;
  mobile_hash?: string;
  mobile_masked?: string;
  skills?: string[];
  availability?: unknown;
  status?: string;
  source?: string;
  note?: string | null;
  confirmed_by?: string | null;
  confirmed_at?: Date | null;
  created_by?: string | null;
}

const value = (k: string, v: unknown) =>
  Array.isArray(v) ? textArray(v as string[]) : k === 'availability' ? sql`${v === null ? null : JSON.stringify(v)}::jsonb` : sql`${v}`;

/** Inserts a volunteer; false when the id exists already (a repeated submit). */
export async function insertVolunteer(db: Db, id: string, c: VolunteerColumns): Promise<boolean> {
  const cols = Object.keys(c);
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO volunteers (id, ${sql.join(
      cols.map((k) => sql.identifier(k)),
      sql`, `,
    )}) VALUES (${id}, ${sql.join(
      cols.map((k) => value(k, c[k as keyof VolunteerColumns])),
      sql`, `,
    )}) ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

const UPDATABLE = Object.fromEntries(
  [
    'area_code',
    'name',
    'gender',
    'birth_date',
    'id_cipher',
    'id_hash',
    'id_masked',
    'mobile_cipher',
    'mobile_hash',
    'mobile_masked',
    'skills',
    'availability',
    'status',
    'note',
    'confirmed_by',
    'confirmed_at',
  ].map((c) => [c, c]),
);

export const updateVolunteer = (db: Db, scope: string, id: string, version: number, c: VolunteerColumns) =>
  updateVersioned(
    db,
    'volunteers',
    UPDATABLE,
    { id, scope, version },
    Object.fromEntries(
      Object.entries(c).map(([k, v]) => [
        k,
        k === 'availability' && v !== null && v !== undefined ? JSON.stringify(v) : Array.isArray(v) ? textArray(v as string[]) : v,
      ]),
    ),
  );

/** The skill codes of the editable list (active ones). */
export const activeSkills = async (db: Db) =>
  new Set(
    (await rows<{ code: string }>(db, sql`SELECT code FROM code_lists WHERE list = 'volunteer_skill' AND active`)).map((r) => r.code),
  );

/** An area in scope with its level (a volunteer's home is a community). */
export const areaLevel = async (db: Db, scope: string, code: string) =>
  (
    await rows<{ level: string; name: string }>(db, sql`SELECT level, name FROM areas WHERE code = ${code} AND ${inArea(sql`code`, scope)}`)
  )[0];

/** A status move kept in the volunteer's history (migration 0046: outputs count a past register). */
export async function insertVolunteerEvent(
  db: Db,
  e: {
    id: string;
    volunteerId: string;
    areaCode: string;
    action: string;
    status: string;
    reason?: string | null;
    actorName: string | null;
    at: Date;
  },
) {
  await db.execute(sql`INSERT INTO volunteer_events (id, volunteer_id, area_code, action, status, reason, actor_name, at)
    VALUES (${e.id}, ${e.volunteerId}, ${e.areaCode}, ${e.action}, ${e.status}, ${e.reason ?? null}, ${e.actorName}, ${e.at})`);
}

/** A volunteer who moved home community takes the history along (it is read by their area). */
export async function moveVolunteerEvents(db: Db, scope: string, volunteerId: string, areaCode: string) {
  await db.execute(
    sql`UPDATE volunteer_events SET area_code = ${areaCode} WHERE volunteer_id = ${volunteerId} AND area_code <> ${areaCode} AND ${inArea(sql`area_code`, scope)}`,
  );
}
