// Attendance and satisfaction (migration 0025), shared by every occasion: community activities,
// group sessions, and later trainings and volunteer shifts. A person is a registered resident,
// or someone by name with, optionally, their mobile number's blind index (phoneBlindIndex): the
// database derives person_key from these, as core personKey does. One row per person per
// occasion; marking twice (a double tap, a second scan) changes nothing.
import { inArea, rows, uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export type OccasionKind = 'activity' | 'group_session' | 'training_session';
/** `code`: an online session's join code entered on the training's public page. */
export type MarkMethod = 'list' | 'qr' | 'after' | 'code';

/** What every attendance row copies from its occasion (so outputs read one table). */
export interface Occasion {
  kind: OccasionKind;
  id: string;
  at: Date | string;
  areaCode: string;
  workerId: string | null;
}

export interface Person {
  residentId?: string | null;
  name: string;
  mobileHash?: string | null;
}

export interface AttendanceRow {
  id: string;
  residentId: string | null;
  personName: string;
  personKey: string;
  signedUpAt: string | null;
  attendedAt: string | null;
  method: MarkMethod | null;
}

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const at = (v: Date | string) => (typeof v === 'string' ? v : v.toISOString());
const normalName = (name: string) => name.trim().replace(/\s+/g, ' ');

const RETURNED = sql`id, resident_id AS "residentId", person_name AS "personName", person_key AS "personKey",
  ${iso('signed_up_at')} AS "signedUpAt", ${iso('attended_at')} AS "attendedAt", method`;

/** Signs people up (idempotent: someone already on the list keeps their row). Returns the rows. */
export async function signUp(db: Db, o: Occasion, people: readonly Person[], by: string): Promise<AttendanceRow[]> {
  const out: AttendanceRow[] = [];
  for (const p of people) {
    const [r] = await rows<AttendanceRow>(
      db,
      sql`INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, worker_id, resident_id, person_name,
          mobile_hash, signed_up_at, signed_up_by)
        VALUES (${uuidv7()}, ${o.areaCode}, ${o.kind}, ${o.id}, ${at(o.at)}, ${o.workerId}, ${p.residentId ?? null},
          ${normalName(p.name)}, ${p.mobileHash ?? null}, now(), ${by})
        ON CONFLICT (occasion_kind, occasion_id, person_key)
          DO UPDATE SET signed_up_at = coalesce(attendance.signed_up_at, excluded.signed_up_at)
        RETURNING ${RETURNED}`,
    );
    out.push(r!);
  }
  return out;
}

/**
 * Marks people present (a tick, a scan, or the list filled in afterwards). Someone already
 * marked keeps their first time and method, so a second scan or tap changes nothing.
 * `firstTime` says whether this call was the one that marked them.
 */
export async function markPresent(
  db: Db,
  o: Occasion,
  p: Person,
  mark: { method: MarkMethod; by: string | null; at?: Date },
): Promise<AttendanceRow & { firstTime: boolean }> {
  const [r] = await rows<AttendanceRow & { firstTime: boolean }>(
    db,
    sql`INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, worker_id, resident_id, person_name,
        mobile_hash, attended_at, method, marked_by)
      VALUES (${uuidv7()}, ${o.areaCode}, ${o.kind}, ${o.id}, ${at(o.at)}, ${o.workerId}, ${p.residentId ?? null},
        ${normalName(p.name)}, ${p.mobileHash ?? null}, ${at(mark.at ?? new Date())}, ${mark.method}, ${mark.by})
      ON CONFLICT (occasion_kind, occasion_id, person_key) DO UPDATE SET
        attended_at = coalesce(attendance.attended_at, excluded.attended_at),
        method = coalesce(attendance.method, excluded.method),
        marked_by = CASE WHEN attendance.attended_at IS NULL THEN excluded.marked_by ELSE attendance.marked_by END
      RETURNING ${RETURNED}, (xmax = 0 OR attended_at = ${at(mark.at ?? new Date())}::timestamptz) AS "firstTime"`,
  );
  return r!;
}

/** Un-ticks a row ticked by mistake: the person stays signed up, not present. */
export async function markAbsent(db: Db, scope: string, kind: OccasionKind, occasionId: string, attendanceId: string): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE attendance SET attended_at = NULL, method = NULL, marked_by = NULL
      WHERE id = ${attendanceId} AND occasion_kind = ${kind} AND occasion_id = ${occasionId} AND ${inArea(sql`area_code`, scope)}
      RETURNING id`,
  );
  return done.length > 0;
}

/** Everyone signed up or present at an occasion, by name. */
export function attendanceOf(db: Db, scope: string, kind: OccasionKind, occasionId: string): Promise<AttendanceRow[]> {
  return rows<AttendanceRow>(
    db,
    sql`SELECT ${RETURNED} FROM attendance
      WHERE occasion_kind = ${kind} AND occasion_id = ${occasionId} AND ${inArea(sql`area_code`, scope)}
      ORDER BY person_name, id`,
  );
}

/** Sign-ups and those present at each of the given occasions. */
export function attendanceCounts(db: Db, kind: OccasionKind, occasionIds: readonly string[]) {
  if (!occasionIds.length) return Promise.resolve([]);
  return rows<{ occasionId: string; signedUp: number; present: number }>(
    db,
    sql`SELECT occasion_id AS "occasionId", count(signed_up_at)::int AS "signedUp", count(attended_at)::int AS present
      FROM attendance WHERE occasion_kind = ${kind}
        AND occasion_id IN (${sql.join(
          occasionIds.map((id) => sql`${id}`),
          sql`, `,
        )})
      GROUP BY occasion_id`,
  );
}

/** When an occasion moves (rescheduled, another worker), its attendance rows follow. */
export async function moveOccasion(db: Db, o: Occasion): Promise<void> {
  await db.execute(
    sql`UPDATE attendance SET occasion_at = ${at(o.at)}, worker_id = ${o.workerId}, area_code = ${o.areaCode}
      WHERE occasion_kind = ${o.kind} AND occasion_id = ${o.id}`,
  );
}

export type SubjectKind = 'activity' | 'group' | 'case';

export interface SatisfactionRow {
  id: string;
  personName: string;
  residentId: string | null;
  score: number;
  comment: string | null;
  at: string;
  byParticipant: boolean;
}

/** One answer per person per subject: answering again replaces the score and comment. */
export async function recordSatisfaction(
  db: Db,
  s: { kind: SubjectKind; subjectId: string; areaCode: string; workerId: string | null },
  p: Person,
  answer: { score: number; comment?: string | null; recordedBy: string | null },
): Promise<SatisfactionRow> {
  const [r] = await rows<SatisfactionRow>(
    db,
    sql`INSERT INTO satisfaction (id, area_code, subject_kind, subject_id, worker_id, resident_id, person_name, mobile_hash,
        score, comment, recorded_by)
      VALUES (${uuidv7()}, ${s.areaCode}, ${s.kind}, ${s.subjectId}, ${s.workerId}, ${p.residentId ?? null}, ${normalName(p.name)},
        ${p.mobileHash ?? null}, ${answer.score}, ${answer.comment ?? null}, ${answer.recordedBy})
      ON CONFLICT (subject_kind, subject_id, person_key) DO UPDATE SET
        score = excluded.score, comment = excluded.comment, recorded_by = excluded.recorded_by, at = now()
      RETURNING ${SATISFACTION}`,
  );
  return r!;
}

const SATISFACTION = sql`id, person_name AS "personName", resident_id AS "residentId", score, comment,
  ${iso('at')} AS at, (recorded_by IS NULL) AS "byParticipant"`;

export function satisfactionOf(db: Db, scope: string, kind: SubjectKind, subjectId: string): Promise<SatisfactionRow[]> {
  return rows<SatisfactionRow>(
    db,
    sql`SELECT ${SATISFACTION} FROM satisfaction
      WHERE subject_kind = ${kind} AND subject_id = ${subjectId} AND ${inArea(sql`area_code`, scope)} ORDER BY at DESC, id`,
  );
}
