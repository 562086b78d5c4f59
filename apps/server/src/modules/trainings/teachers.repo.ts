// SQL of the teacher pool (师资库): teachers, the sessions they taught and the evaluation
// answers of those courses (the rating is computed in core).
import { inArea, likeContains, pagedRows, rows, textArray, updateVersioned, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface TeacherRow {
  id: string;
  areaCode: string;
  areaName: string;
  name: string;
  workerId: string | null;
  affiliation: string | null;
  subjects: string[];
  bio: string | null;
  active: boolean;
  sessionsTaught: number;
  version: number;
}

const COLUMNS = sql`te.id, te.area_code AS "areaCode", coalesce(a.name, te.area_code) AS "areaName", te.name, te.worker_id AS "workerId",
  te.affiliation, te.subjects, te.bio, te.active, te.version,
  (SELECT count(*)::int FROM training_sessions s WHERE s.teacher_id = te.id AND NOT s.cancelled) AS "sessionsTaught"`;
const FROM = sql`FROM teachers te LEFT JOIN areas a ON a.code = te.area_code`;

export function listTeachers(db: Db, f: { prefix: string; q?: string; subject?: string; active?: boolean; limit: number; offset: number }) {
  const where = sql.join(
    [
      inArea(sql`te.area_code`, f.prefix),
      f.q ? sql`(te.name ILIKE ${likeContains(f.q)} OR te.affiliation ILIKE ${likeContains(f.q)})` : sql`true`,
      f.subject ? sql`${f.subject} = ANY(te.subjects)` : sql`true`,
      f.active === undefined ? sql`true` : sql`te.active = ${f.active}`,
    ],
    sql` AND `,
  );
  return pagedRows<TeacherRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total ${FROM} WHERE ${where} ORDER BY te.name, te.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM teachers te WHERE ${where}`,
    f.offset,
  );
}

export async function teacherById(db: Db, scope: string, id: string): Promise<TeacherRow | undefined> {
  const [found] = await rows<TeacherRow>(db, sql`SELECT ${COLUMNS} ${FROM} WHERE te.id = ${id} AND ${inArea(sql`te.area_code`, scope)}`);
  return found;
}

/** Evaluation answers of every course each teacher taught a session of. */
export function answersByTeacher(db: Db, teacherIds: readonly string[]) {
  if (!teacherIds.length) return Promise.resolve([]);
  return rows<{ teacherId: string; answers: number[] }>(
    db,
    sql`SELECT DISTINCT ON (x.teacher_id, e.id) x.teacher_id AS "teacherId", e.answers
      FROM (SELECT DISTINCT teacher_id, training_id FROM training_sessions WHERE NOT cancelled AND teacher_id IN (${sql.join(
        teacherIds.map((id) => sql`${id}`),
        sql`, `,
      )})) x JOIN training_evaluations e ON e.training_id = x.training_id`,
  );
}

export const sessionsTaught = (db: Db, scope: string, teacherId: string) =>
  rows<{ id: string; trainingId: string; trainingTitle: string; title: string; startsAt: string; hours: number }>(
    db,
    sql`SELECT s.id, s.training_id AS "trainingId", t.title AS "trainingTitle", s.title,
        to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startsAt", s.hours::float8 AS hours
      FROM training_sessions s JOIN trainings t ON t.id = s.training_id
      WHERE s.teacher_id = ${teacherId} AND NOT s.cancelled AND ${inArea(sql`s.area_code`, scope)} ORDER BY s.starts_at DESC`,
  );

export async function insertTeacher(
  db: Db,
  t: {
    id: string;
    areaCode: string;
    name: string;
    workerId: string | null;
    affiliation: string | null;
    subjects: string[];
    bio: string | null;
  },
) {
  await db.execute(sql`INSERT INTO teachers (id, area_code, name, worker_id, affiliation, subjects, bio)
    VALUES (${t.id}, ${t.areaCode}, ${t.name}, ${t.workerId}, ${t.affiliation}, ${textArray(t.subjects)}, ${t.bio})`);
}

const UPDATABLE = { name: 'name', workerId: 'worker_id', affiliation: 'affiliation', bio: 'bio', active: 'active' };
export async function updateTeacher(db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) {
  const { subjects, ...rest } = changes;
  const ok = await updateVersioned(db, 'teachers', UPDATABLE, { id, scope, version }, rest);
  if (ok && Array.isArray(subjects))
    await db.execute(sql`UPDATE teachers SET subjects = ${textArray(subjects as string[])} WHERE id = ${id}`);
  return ok;
}
