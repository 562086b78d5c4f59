// SQL of trainings and their sessions. Every query takes the scope; the public routes and the
// check-in look a training up as the owner with scope '' (the id is the capability).
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface TrainingRow {
  id: string;
  areaCode: string;
  areaName: string;
  orgId: string | null;
  orgName: string | null;
  title: string;
  level: string;
  description: string | null;
  capacity: number | null;
  requiredShare: number;
  status: 'open' | 'closed' | 'cancelled';
  sessions: number;
  hours: number;
  firstStart: string | null;
  lastEnd: string | null;
  registered: number;
  waiting: number;
  version: number;
}

const COLUMNS = sql`t.id, t.area_code AS "areaCode", a.name AS "areaName", t.org_id AS "orgId", o.name AS "orgName", t.title, t.level,
  t.description, t.capacity, t.required_share::float8 AS "requiredShare", t.status, t.version,
  (SELECT count(*)::int FROM training_sessions s WHERE s.training_id = t.id AND NOT s.cancelled) AS sessions,
  (SELECT coalesce(sum(s.hours), 0)::float8 FROM training_sessions s WHERE s.training_id = t.id AND NOT s.cancelled) AS hours,
  (SELECT ${iso('min(s.starts_at)')} FROM training_sessions s WHERE s.training_id = t.id AND NOT s.cancelled) AS "firstStart",
  (SELECT ${iso('max(s.ends_at)')} FROM training_sessions s WHERE s.training_id = t.id AND NOT s.cancelled) AS "lastEnd",
  (SELECT count(*)::int FROM training_registrations r WHERE r.training_id = t.id AND r.status = 'registered') AS registered,
  (SELECT count(*)::int FROM training_registrations r WHERE r.training_id = t.id AND r.status = 'waiting') AS waiting`;
const FROM = sql`FROM trainings t JOIN areas a ON a.code = t.area_code LEFT JOIN orgs o ON o.id = t.org_id`;

export function listTrainings(
  db: Db,
  f: { prefix: string; q?: string; level?: string; status?: string; mode?: string; year?: number; limit: number; offset: number },
) {
  const where = sql.join(
    [
      inArea(sql`t.area_code`, f.prefix),
      f.q ? sql`t.title ILIKE ${likeContains(f.q)}` : sql`true`,
      f.level ? sql`t.level = ${f.level}` : sql`true`,
      f.status ? sql`t.status = ${f.status}` : sql`true`,
      f.mode
        ? sql`EXISTS (SELECT 1 FROM training_sessions s WHERE s.training_id = t.id AND NOT s.cancelled AND s.mode = ${f.mode})`
        : sql`true`,
      f.year
        ? sql`EXISTS (SELECT 1 FROM training_sessions s WHERE s.training_id = t.id
            AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${`${f.year}-01-01`} AND ${`${f.year}-12-31`})`
        : sql`true`,
    ],
    sql` AND `,
  );
  return pagedRows<TrainingRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total ${FROM} WHERE ${where} ORDER BY t.created_at DESC, t.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM trainings t WHERE ${where}`,
    f.offset,
  );
}

export async function trainingById(db: Db, scope: string, id: string): Promise<TrainingRow | undefined> {
  const [found] = await rows<TrainingRow>(db, sql`SELECT ${COLUMNS} ${FROM} WHERE t.id = ${id} AND ${inArea(sql`t.area_code`, scope)}`);
  return found;
}

/** Locks the training so sign-ups and cancellations count places one after the other. */
export async function lockTraining(db: Db, scope: string, id: string): Promise<boolean> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM trainings WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} FOR UPDATE`,
  );
  return found.length > 0;
}

export async function insertTraining(
  db: Db,
  t: {
    id: string;
    areaCode: string;
    orgId: string | null;
    title: string;
    level: string;
    description: string | null;
    capacity: number | null;
    requiredShare: number;
    createdBy: string | null;
  },
) {
  await db.execute(sql`INSERT INTO trainings (id, area_code, org_id, title, level, description, capacity, required_share, created_by)
    VALUES (${t.id}, ${t.areaCode}, ${t.orgId}, ${t.title}, ${t.level}, ${t.description}, ${t.capacity}, ${t.requiredShare}, ${t.createdBy})
    ON CONFLICT (id) DO NOTHING`);
}

const UPDATABLE = {
  title: 'title',
  level: 'level',
  orgId: 'org_id',
  description: 'description',
  capacity: 'capacity',
  requiredShare: 'required_share',
  status: 'status',
};
export const updateTraining = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'trainings', UPDATABLE, { id, scope, version }, changes);

export interface SessionRow {
  id: string;
  trainingId: string;
  areaCode: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: 'offline' | 'online' | 'mixed';
  place: string | null;
  streamUrl: string | null;
  hours: number;
  teacherId: string | null;
  teacherName: string | null;
  joinCode: string;
  cancelled: boolean;
  present: number;
  version: number;
}

const SESSION = sql`s.id, s.training_id AS "trainingId", s.area_code AS "areaCode", s.title, ${iso('s.starts_at')} AS "startsAt",
  ${iso('s.ends_at')} AS "endsAt", s.mode, s.place, s.stream_url AS "streamUrl", s.hours::float8 AS hours, s.teacher_id AS "teacherId",
  te.name AS "teacherName", s.join_code AS "joinCode", s.cancelled, s.version,
  (SELECT count(*)::int FROM attendance x WHERE x.occasion_kind = 'training_session' AND x.occasion_id = s.id AND x.attended_at IS NOT NULL) AS present`;

export const sessionsOf = (db: Db, scope: string, trainingId: string) =>
  rows<SessionRow>(
    db,
    sql`SELECT ${SESSION} FROM training_sessions s LEFT JOIN teachers te ON te.id = s.teacher_id
      WHERE s.training_id = ${trainingId} AND ${inArea(sql`s.area_code`, scope)} ORDER BY s.starts_at, s.id`,
  );

export async function sessionById(db: Db, scope: string, trainingId: string, id: string): Promise<SessionRow | undefined> {
  const [found] = await rows<SessionRow>(
    db,
    sql`SELECT ${SESSION} FROM training_sessions s LEFT JOIN teachers te ON te.id = s.teacher_id
      WHERE s.id = ${id} AND s.training_id = ${trainingId} AND ${inArea(sql`s.area_code`, scope)}`,
  );
  return found;
}

export async function insertSession(db: Db, s: Omit<SessionRow, 'teacherName' | 'present' | 'version' | 'cancelled'>): Promise<void> {
  await db.execute(sql`INSERT INTO training_sessions (id, training_id, area_code, title, starts_at, ends_at, mode, place, stream_url, hours,
      teacher_id, join_code)
    VALUES (${s.id}, ${s.trainingId}, ${s.areaCode}, ${s.title}, ${s.startsAt}, ${s.endsAt}, ${s.mode}, ${s.place}, ${s.streamUrl},
      ${s.hours}, ${s.teacherId}, ${s.joinCode})`);
}

const SESSION_UPDATABLE = {
  title: 'title',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  mode: 'mode',
  place: 'place',
  streamUrl: 'stream_url',
  hours: 'hours',
  teacherId: 'teacher_id',
  cancelled: 'cancelled',
};
export const updateSession = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'training_sessions', SESSION_UPDATABLE, { id, scope, version }, changes);

/** The check-in registry's facts of a session (its training's title and organisation). */
export async function sessionFacts(db: Db, scope: string, id: string) {
  const [found] = await rows<{
    title: string;
    place: string | null;
    startsAt: string;
    endsAt: string;
    areaCode: string;
    workerId: null;
    orgName: string | null;
    cancelled: boolean;
  }>(
    db,
    sql`SELECT t.title || ' · ' || s.title AS title, s.place, ${iso('s.starts_at')} AS "startsAt", ${iso('s.ends_at')} AS "endsAt",
        s.area_code AS "areaCode", NULL AS "workerId", o.name AS "orgName", (s.cancelled OR t.status = 'cancelled') AS cancelled
      FROM training_sessions s JOIN trainings t ON t.id = s.training_id LEFT JOIN orgs o ON o.id = t.org_id
      WHERE s.id = ${id} AND ${inArea(sql`s.area_code`, scope)}`,
  );
  return found;
}

/** The training's session with this join code (not cancelled). */
export async function sessionByJoinCode(db: Db, trainingId: string, code: string): Promise<SessionRow | undefined> {
  const [found] = await rows<SessionRow>(
    db,
    sql`SELECT ${SESSION} FROM training_sessions s LEFT JOIN teachers te ON te.id = s.teacher_id
      WHERE s.training_id = ${trainingId} AND s.join_code = ${code} AND NOT s.cancelled ORDER BY s.starts_at`,
  );
  return found;
}
