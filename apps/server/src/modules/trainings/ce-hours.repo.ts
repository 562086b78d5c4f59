// SQL of continuing-education hours: the sessions a worker attended (through their training
// registrations' person_key), the manual entries with proof, the workers to count for an area,
// the required hours setting and the reminders sent.
import { inArea, rows, updateVersioned, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** Sessions attended by registrants linked to these workers (any area: read as the owner after the scope check). */
export function attendedSessions(db: Db, workerIds: readonly string[]) {
  if (!workerIds.length) return Promise.resolve([]);
  return rows<{
    workerId: string;
    sessionId: string;
    trainingId: string;
    trainingTitle: string;
    title: string;
    day: string;
    hours: number;
  }>(
    db,
    sql`SELECT DISTINCT ON (r.worker_id, s.id) r.worker_id AS "workerId", s.id AS "sessionId", t.id AS "trainingId", t.title AS "trainingTitle",
        s.title, (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, s.hours::float8 AS hours
      FROM training_registrations r JOIN trainings t ON t.id = r.training_id
        JOIN training_sessions s ON s.training_id = r.training_id AND NOT s.cancelled
        JOIN attendance x ON x.occasion_kind = 'training_session' AND x.occasion_id = s.id AND x.person_key = r.person_key
          AND x.attended_at IS NOT NULL
      WHERE r.worker_id IN (${sql.join(
        workerIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      ORDER BY r.worker_id, s.id`,
  );
}

const ENTRY = sql`e.id, e.worker_id AS "workerId", e.area_code AS "areaCode", e.title, e.provider, e.on_date::text AS "onDate",
  e.hours::float8 AS hours, e.attachment_id AS "attachmentId", e.status, e.review_note AS "reviewNote", u.display_name AS "reviewedByName", e.version`;

export interface EntryRow {
  id: string;
  workerId: string;
  areaCode: string;
  title: string;
  provider: string;
  onDate: string;
  hours: number;
  attachmentId: string;
  status: 'pending' | 'approved' | 'rejected';
  reviewNote: string | null;
  reviewedByName: string | null;
  version: number;
}

export function entriesOf(db: Db, scope: string, workerIds: readonly string[]) {
  if (!workerIds.length) return Promise.resolve([]);
  return rows<EntryRow>(
    db,
    sql`SELECT ${ENTRY} FROM ce_entries e LEFT JOIN users u ON u.id = e.reviewed_by
      WHERE e.worker_id IN (${sql.join(
        workerIds.map((id) => sql`${id}`),
        sql`, `,
      )}) AND ${inArea(sql`e.area_code`, scope)} ORDER BY e.on_date DESC, e.id`,
  );
}

export async function entryById(db: Db, scope: string, id: string): Promise<EntryRow | undefined> {
  const [found] = await rows<EntryRow>(
    db,
    sql`SELECT ${ENTRY} FROM ce_entries e LEFT JOIN users u ON u.id = e.reviewed_by WHERE e.id = ${id} AND ${inArea(sql`e.area_code`, scope)}`,
  );
  return found;
}

export async function insertEntry(
  db: Db,
  e: {
    id: string;
    workerId: string;
    areaCode: string;
    title: string;
    provider: string;
    onDate: string;
    hours: number;
    attachmentId: string;
    createdBy: string;
  },
) {
  await db.execute(sql`INSERT INTO ce_entries (id, worker_id, area_code, title, provider, on_date, hours, attachment_id, created_by)
    VALUES (${e.id}, ${e.workerId}, ${e.areaCode}, ${e.title}, ${e.provider}, ${e.onDate}, ${e.hours}, ${e.attachmentId}, ${e.createdBy})
    ON CONFLICT (id) DO NOTHING`);
}

export const reviewEntry = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(
    db,
    'ce_entries',
    { status: 'status', reviewNote: 'review_note', reviewedBy: 'reviewed_by', reviewedAt: 'reviewed_at' },
    { id, scope, version },
    changes,
  );

export async function attachmentInScope(db: Db, scope: string, id: string): Promise<boolean> {
  const found = await rows<{ id: string }>(db, sql`SELECT id FROM attachments WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`);
  return found.length > 0;
}

export async function loadRequiredHours(db: Db): Promise<unknown> {
  const [row] = await rows<{ value: unknown }>(db, sql`SELECT value FROM settings WHERE key = 'ce_required_hours'`);
  return row?.value;
}

export async function saveRequiredHours(db: Db, value: unknown): Promise<void> {
  await db.execute(sql`INSERT INTO settings (key, value, updated_at) VALUES ('ce_required_hours', ${JSON.stringify(value)}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
}

export const remindersSent = (db: Db) =>
  rows<{ workerId: string; cycleEnd: string; days: number }>(
    db,
    sql`SELECT worker_id AS "workerId", cycle_end::text AS "cycleEnd", days FROM ce_reminders`,
  );

/** Records a reminder; false when it was already sent (another instance got there first). */
export async function takeReminder(db: Db, r: { workerId: string; areaCode: string; cycleEnd: string; days: number }): Promise<boolean> {
  const done = await rows<{ workerId: string }>(
    db,
    sql`INSERT INTO ce_reminders (worker_id, area_code, cycle_end, days) VALUES (${r.workerId}, ${r.areaCode}, ${r.cycleEnd}, ${r.days})
      ON CONFLICT DO NOTHING RETURNING worker_id AS "workerId"`,
  );
  return done.length > 0;
}
