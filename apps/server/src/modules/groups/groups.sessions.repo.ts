// Group sessions' SQL: the planned and held sessions of a group with who was present (members
// by their member id, guests by name, matched on person_key), adding, moving and recording.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { SessionStatus } from '@wushe/core';

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface SessionRow {
  id: string;
  groupId: string;
  areaCode: string;
  seq: number;
  theme: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  status: SessionStatus;
  content: string | null;
  evaluation: string | null;
  presentMemberIds: string[];
  guests: string[];
  present: number;
  version: number;
}

const COLUMNS = sql`s.id, s.group_id AS "groupId", s.area_code AS "areaCode", s.seq, s.theme, ${iso('s.starts_at')} AS "startsAt",
  ${iso('s.ends_at')} AS "endsAt", s.place, s.status, s.content, s.evaluation, s.version,
  coalesce((SELECT array_agg(m.id ORDER BY m.id) FROM attendance t JOIN group_members m ON m.group_id = s.group_id
    AND m.person_key = t.person_key
    WHERE t.occasion_kind = 'group_session' AND t.occasion_id = s.id AND t.attended_at IS NOT NULL), '{}') AS "presentMemberIds",
  coalesce((SELECT array_agg(t.person_name ORDER BY t.person_name) FROM attendance t
    WHERE t.occasion_kind = 'group_session' AND t.occasion_id = s.id AND t.attended_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = s.group_id AND m.person_key = t.person_key)), '{}') AS guests,
  (SELECT count(*) FROM attendance t WHERE t.occasion_kind = 'group_session' AND t.occasion_id = s.id
    AND t.attended_at IS NOT NULL)::int AS present`;

export const sessionsOf = (db: Db, scope: string, groupId: string) =>
  rows<SessionRow>(
    db,
    sql`SELECT ${COLUMNS} FROM group_sessions s WHERE s.group_id = ${groupId} AND ${inArea(sql`s.area_code`, scope)}
      ORDER BY s.starts_at, s.seq`,
  );

export async function sessionById(db: Db, scope: string, groupId: string, id: string): Promise<SessionRow | undefined> {
  const [s] = await rows<SessionRow>(
    db,
    sql`SELECT ${COLUMNS} FROM group_sessions s WHERE s.id = ${id} AND s.group_id = ${groupId} AND ${inArea(sql`s.area_code`, scope)}`,
  );
  return s;
}

export interface NewSession {
  id: string;
  startsAt: string;
  endsAt: string;
  theme: string | null;
  place: string | null;
}

/** Appends sessions after the group's last seq; a missing theme is `themeOf(seq)`. */
export async function insertSessions(
  db: Db,
  g: { id: string; areaCode: string },
  sessions: readonly NewSession[],
  themeOf: (seq: number) => string,
): Promise<void> {
  const [last] = await rows<{ n: number }>(db, sql`SELECT coalesce(max(seq), 0)::int AS n FROM group_sessions WHERE group_id = ${g.id}`);
  let seq = last?.n ?? 0;
  for (const s of sessions) {
    seq++;
    await db.execute(sql`INSERT INTO group_sessions (id, group_id, area_code, seq, theme, starts_at, ends_at, place)
      VALUES (${s.id}, ${g.id}, ${g.areaCode}, ${seq}, ${s.theme ?? themeOf(seq)}, ${s.startsAt}, ${s.endsAt}, ${s.place})`);
  }
}

const SESSION_COLUMNS: Record<string, string> = {
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  theme: 'theme',
  place: 'place',
  status: 'status',
  content: 'content',
  evaluation: 'evaluation',
};

/** Changes a session at the version read; false when stale. */
export async function updateSession(
  db: Db,
  scope: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const sets = Object.entries(changes)
    .filter(([k, v]) => SESSION_COLUMNS[k] && v !== undefined)
    .map(([k, v]) => sql`${sql.identifier(SESSION_COLUMNS[k]!)} = ${v}`);
  sets.push(sql`version = version + 1`);
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE group_sessions SET ${sql.join(sets, sql`, `)}
      WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return done.length > 0;
}

/** The session's attendance rows with their person key (to un-tick those no longer present). */
export const sessionMarks = (db: Db, scope: string, sessionId: string) =>
  rows<{ id: string; personKey: string; present: boolean }>(
    db,
    sql`SELECT id, person_key AS "personKey", attended_at IS NOT NULL AS present FROM attendance
      WHERE occasion_kind = 'group_session' AND occasion_id = ${sessionId} AND ${inArea(sql`area_code`, scope)}`,
  );

/** An active worker of the station (street prefix) who may run groups. */
export async function groupWorkerAt(db: Db, station: string, id: string) {
  const [u] = await rows<{ id: string; displayName: string }>(
    db,
    sql`SELECT u.id, u.display_name AS "displayName" FROM users u JOIN roles ro ON ro.id = u.role_id
      WHERE u.id = ${id} AND u.status = 'active' AND 'group.write' = ANY (ro.permissions) AND ${inArea(sql`u.area_code`, station)}`,
  );
  return u;
}

/** The station organisation of a street, if there is one. */
export async function stationOrgOf(db: Db, scope: string, street: string): Promise<string | null> {
  const [o] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM orgs WHERE kind = 'station' AND active AND area_code = ${street.slice(0, 9) + '000'} AND ${inArea(sql`area_code`, scope)}
      ORDER BY id LIMIT 1`,
  );
  return o?.id ?? null;
}

export async function areaExists(db: Db, code: string): Promise<boolean> {
  return (await rows<{ code: string }>(db, sql`SELECT code FROM areas WHERE code = ${code}`)).length > 0;
}
