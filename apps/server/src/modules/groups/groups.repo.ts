// Groups' SQL: groups with their counts (members, sessions held of planned, person-times),
// members and sessions, every query under the caller's scope (inArea and RLS). Attendance and
// satisfaction rows are written through attendance.repo.ts; only the group-shaped reads of
// them are here.
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import type { GroupStatus } from '@wushe/core';

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface GroupRow {
  id: string;
  name: string;
  type: string;
  areaCode: string;
  areaName: string;
  workerId: string;
  workerName: string;
  status: GroupStatus;
  startsOn: string;
  endsOn: string | null;
  memberCount: number;
  sessionsPlanned: number;
  sessionsHeld: number;
  personTimes: number;
}

export interface GroupFull extends GroupRow {
  goal: string;
  targetGroup: string | null;
  orgId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// Person-times (人次): attendance rows present at the group's sessions (one row per person per
// session, so a double tick is one); checked against core personTimes in groups.test.ts.
const SUMMARY = sql`g.id, g.name, g.type, g.area_code AS "areaCode", coalesce(a.name, '') AS "areaName", g.worker_id AS "workerId",
  u.display_name AS "workerName", g.status, to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
  (SELECT count(*) FROM group_members m WHERE m.group_id = g.id AND m.left_on IS NULL)::int AS "memberCount",
  (SELECT count(*) FROM group_sessions s WHERE s.group_id = g.id AND s.status <> 'cancelled')::int AS "sessionsPlanned",
  (SELECT count(*) FROM group_sessions s WHERE s.group_id = g.id AND s.status = 'held')::int AS "sessionsHeld",
  (SELECT count(*) FROM attendance t JOIN group_sessions s ON s.id = t.occasion_id
    WHERE s.group_id = g.id AND t.occasion_kind = 'group_session' AND t.attended_at IS NOT NULL)::int AS "personTimes"`;

const FROM = sql`FROM service_groups g JOIN users u ON u.id = g.worker_id LEFT JOIN areas a ON a.code = g.area_code`;

export async function groupById(db: Db, scope: string, id: string): Promise<GroupFull | undefined> {
  const [g] = await rows<GroupFull>(
    db,
    sql`SELECT ${SUMMARY}, g.goal, g.target_group AS "targetGroup", g.org_id AS "orgId", g.version,
        ${iso('g.created_at')} AS "createdAt", ${iso('g.updated_at')} AS "updatedAt"
      ${FROM} WHERE g.id = ${id} AND ${inArea(sql`g.area_code`, scope)}`,
  );
  return g;
}

export interface GroupFilter {
  prefix: string;
  q?: string;
  type?: string;
  status?: string;
  workerId?: string;
  residentId?: string;
  sort: string;
  limit: number;
  offset: number;
}

const ORDER: Record<string, SQL> = {
  '-startsOn': sql`g.starts_on DESC, g.id DESC`,
  startsOn: sql`g.starts_on, g.id`,
  name: sql`g.name, g.id`,
};

export function listGroups(db: Db, f: GroupFilter) {
  const where: SQL[] = [inArea(sql`g.area_code`, f.prefix)];
  if (f.q) where.push(sql`(g.name LIKE ${likeContains(f.q)} OR g.goal LIKE ${likeContains(f.q)})`);
  if (f.type) where.push(sql`g.type = ${f.type}`);
  if (f.status) where.push(sql`g.status = ${f.status}`);
  if (f.workerId) where.push(sql`g.worker_id = ${f.workerId}`);
  if (f.residentId) where.push(sql`EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.resident_id = ${f.residentId})`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<GroupRow>(
    db,
    sql`SELECT ${SUMMARY}, count(*) OVER () AS total ${FROM} WHERE ${cond}
      ORDER BY ${ORDER[f.sort] ?? ORDER['-startsOn']!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM service_groups g WHERE ${cond}`,
    f.offset,
  );
}

export interface NewGroup {
  id: string;
  areaCode: string;
  orgId: string | null;
  name: string;
  type: string;
  goal: string;
  targetGroup: string | null;
  workerId: string;
  plannedSessions: number;
  startsOn: string;
  createdBy: string;
  at: Date;
}

export async function insertGroup(db: Db, g: NewGroup): Promise<void> {
  await db.execute(sql`INSERT INTO service_groups (id, area_code, org_id, name, type, goal, target_group, worker_id, planned_sessions,
      starts_on, created_by, created_at, updated_at)
    VALUES (${g.id}, ${g.areaCode}, ${g.orgId}, ${g.name}, ${g.type}, ${g.goal}, ${g.targetGroup}, ${g.workerId}, ${g.plannedSessions},
      ${g.startsOn}, ${g.createdBy}, ${g.at}, ${g.at})`);
}

const UPDATABLE: Record<string, string> = {
  name: 'name',
  type: 'type',
  goal: 'goal',
  targetGroup: 'target_group',
  workerId: 'worker_id',
  status: 'status',
  endsOn: 'ends_on',
};

/** Applies changes at the version read (null: whatever the version); false when stale. */
export const updateGroup = (db: Db, scope: string, id: string, version: number | null, changes: Record<string, unknown>) =>
  updateVersioned(db, 'service_groups', UPDATABLE, { id, scope, version }, changes);

/** Keeps planned_sessions equal to the sessions not cancelled (the outputs read it). */
export async function recountPlanned(db: Db, scope: string, id: string): Promise<void> {
  await db.execute(sql`UPDATE service_groups g SET planned_sessions = greatest(1,
      (SELECT count(*) FROM group_sessions s WHERE s.group_id = g.id AND s.status <> 'cancelled'))
    WHERE g.id = ${id} AND ${inArea(sql`g.area_code`, scope)}`);
}

// Members

export async function membersOf(db: Db, scope: string, groupId: string) {
  return rows<{ id: string; residentId: string | null; personName: string; joinedOn: string; leftOn: string | null; attended: number }>(
    db,
    sql`SELECT m.id, m.resident_id AS "residentId", m.person_name AS "personName", to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn",
        to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn",
        (SELECT count(*) FROM attendance t JOIN group_sessions s ON s.id = t.occasion_id
          WHERE s.group_id = m.group_id AND t.occasion_kind = 'group_session' AND t.person_key = m.person_key
            AND t.attended_at IS NOT NULL)::int AS attended
      FROM group_members m WHERE m.group_id = ${groupId} AND ${inArea(sql`m.area_code`, scope)}
      ORDER BY m.left_on IS NOT NULL, m.joined_on, m.person_name, m.id`,
  );
}

export interface MemberRef {
  id: string;
  residentId: string | null;
  personName: string;
  mobileHash: string | null;
  personKey: string;
  leftOn: string | null;
}

export const memberRefs = (db: Db, scope: string, groupId: string) =>
  rows<MemberRef>(
    db,
    sql`SELECT id, resident_id AS "residentId", person_name AS "personName", mobile_hash AS "mobileHash", person_key AS "personKey",
        to_char(left_on, 'YYYY-MM-DD') AS "leftOn"
      FROM group_members WHERE group_id = ${groupId} AND ${inArea(sql`area_code`, scope)}`,
  );

/** Adds a member; someone already a member stays one, someone who left joins again. */
export async function addMember(
  db: Db,
  g: { id: string; areaCode: string },
  p: { id: string; residentId: string | null; name: string; mobileHash: string | null; joinedOn: string },
): Promise<void> {
  await db.execute(sql`INSERT INTO group_members (id, group_id, area_code, resident_id, person_name, mobile_hash, joined_on)
    VALUES (${p.id}, ${g.id}, ${g.areaCode}, ${p.residentId}, ${p.name}, ${p.mobileHash}, ${p.joinedOn})
    ON CONFLICT (group_id, person_key) DO UPDATE SET left_on = NULL`);
}

export async function leaveMember(db: Db, scope: string, groupId: string, memberId: string, on: string): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE group_members SET left_on = coalesce(left_on, ${on}::date)
      WHERE id = ${memberId} AND group_id = ${groupId} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return done.length > 0;
}

/** Residents in scope among the ids, with their names (a member's name is the register's). */
export const residentsIn = (db: Db, scope: string, ids: readonly string[]) =>
  ids.length
    ? rows<{ id: string; name: string }>(
        db,
        sql`SELECT id, name FROM residents WHERE id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) AND ${inArea(sql`area_code`, scope)}`,
      )
    : Promise.resolve([]);

/** A registered resident with this phone's blind index (in scope): their member row is theirs. */
export async function residentByPhoneHash(db: Db, scope: string, hash: string) {
  const [r] = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM residents WHERE phone_hash = ${hash} AND status = 'active' AND ${inArea(sql`area_code`, scope)}
      ORDER BY id LIMIT 1`,
  );
  return r;
}
