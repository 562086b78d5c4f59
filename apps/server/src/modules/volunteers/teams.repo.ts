// SQL of volunteer teams (志愿服务队) and their members.
import type { Team } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`t.id, t.area_code AS "areaCode", coalesce(a.name, t.area_code) AS "areaName", t.name, t.description, t.status,
  (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id) AS members,
  ARRAY(SELECT m.volunteer_name FROM team_members m WHERE m.team_id = t.id AND m.role = 'leader' ORDER BY m.joined_on, m.id) AS leaders,
  t.version`;

export interface TeamFilter {
  prefix: string;
  q?: string;
  status?: string;
  limit: number;
  offset: number;
}

function conditions(f: TeamFilter): SQL {
  const where = [inArea(sql`t.area_code`, f.prefix)];
  if (f.q) where.push(sql`t.name LIKE ${likeContains(f.q)}`);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  return sql.join(where, sql` AND `);
}

export const listTeams = (db: Db, f: TeamFilter) =>
  pagedRows<Team>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM volunteer_teams t LEFT JOIN areas a ON a.code = t.area_code
      WHERE ${conditions(f)} ORDER BY t.area_code COLLATE "C", t.name, t.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM volunteer_teams t WHERE ${conditions(f)}`,
    f.offset,
  );

export async function teamById(db: Db, scope: string, id: string): Promise<Team | undefined> {
  const [t] = await rows<Team>(
    db,
    sql`SELECT ${COLUMNS} FROM volunteer_teams t LEFT JOIN areas a ON a.code = t.area_code
      WHERE t.id = ${id} AND ${inArea(sql`t.area_code`, scope)}`,
  );
  return t;
}

export const membersOf = (db: Db, teamId: string) =>
  rows<{ volunteerId: string; volunteerNo: string; name: string; role: 'leader' | 'member'; joinedOn: string }>(
    db,
    sql`SELECT volunteer_id AS "volunteerId", volunteer_no AS "volunteerNo", volunteer_name AS name, role, joined_on::text AS "joinedOn"
      FROM team_members WHERE team_id = ${teamId} ORDER BY role, joined_on, id`,
  );

export async function insertTeam(
  db: Db,
  t: { id: string; areaCode: string; name: string; description: string | null; createdBy: string },
): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO volunteer_teams (id, area_code, name, description, created_by)
      VALUES (${t.id}, ${t.areaCode}, ${t.name}, ${t.description}, ${t.createdBy}) ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

export const updateTeam = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'volunteer_teams', { name: 'name', description: 'description', status: 'status' }, { id, scope, version }, changes);

/** Adds a member or changes their role; true when the row is new. */
export async function upsertMember(
  db: Db,
  m: { id: string; teamId: string; areaCode: string; volunteerId: string; name: string; no: string; role: string; joinedOn: string },
): Promise<boolean> {
  const res = await rows<{ inserted: boolean }>(
    db,
    sql`INSERT INTO team_members (id, team_id, volunteer_id, area_code, volunteer_name, volunteer_no, role, joined_on)
      VALUES (${m.id}, ${m.teamId}, ${m.volunteerId}, ${m.areaCode}, ${m.name}, ${m.no}, ${m.role}, ${m.joinedOn})
      ON CONFLICT (team_id, volunteer_id) DO UPDATE SET role = EXCLUDED.role RETURNING (xmax = 0) AS inserted`,
  );
  return Boolean(res[0]?.inserted);
}

export async function deleteMember(db: Db, scope: string, teamId: string, volunteerId: string): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`DELETE FROM team_members WHERE team_id = ${teamId} AND volunteer_id = ${volunteerId} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return res.length > 0;
}
