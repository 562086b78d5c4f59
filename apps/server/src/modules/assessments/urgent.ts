// An urgent screening flag (e.g. PHQ-9 item 9) reaches the responsible station heads at once
// and schedules a follow-up within 48 hours (domain brief §5).
import { areaAncestors, normalizeAreaCode, URGENT_FOLLOW_UP_HOURS } from '@wushe/core';
import { rows, uuidv7, type Database, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/**
 * Station heads whose area covers the resident's (the resident's own area or an ancestor);
 * failing those, holders of resident.merge in the resident's street. Read in the system scope
 * because a community-level worker cannot see the street's accounts under RLS; it returns
 * only ids, and runs before the assessment's transaction (PGlite has one connection).
 */
export async function urgentRecipients(database: Database, residentArea: string): Promise<string[]> {
  const covering = [...areaAncestors(residentArea), residentArea];
  const street = normalizeAreaCode(residentArea.slice(0, 9)).slice(0, 9);
  return database.run('', async (db) => {
    const heads = await rows<{ id: string }>(
      db,
      sql`SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id
        WHERE u.status = 'active' AND r.code = 'station_head'
          AND u.area_code IN (${sql.join(
            covering.map((c) => sql`${c}`),
            sql`, `,
          )})
        ORDER BY u.id`,
    );
    if (heads.length) return heads.map((h) => h.id);
    const fallback = await rows<{ id: string }>(
      db,
      sql`SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id
        WHERE u.status = 'active' AND 'resident.merge' = ANY (r.permissions) AND u.area_code LIKE ${street + '%'}
        ORDER BY u.id`,
    );
    return fallback.map((h) => h.id);
  });
}

export interface UrgentEvent {
  residentId: string;
  areaCode: string;
  assessmentId: string;
  /** urgentNotice() of the instrument: the alert's title and body, the follow-up's reason. */
  notice: { title: string; body: string; reason: string };
  assessorId: string;
  now: Date;
}

/** Writes the notifications and the follow-up inside the assessment's transaction. */
export async function raiseUrgent(db: Db, recipients: string[], e: UrgentEvent): Promise<{ followUpId: string; dueAt: Date }> {
  for (const userId of recipients) {
    await db.execute(sql`INSERT INTO notifications (id, user_id, area_code, kind, title, body, link)
      VALUES (${uuidv7()}, ${userId}, ${e.areaCode}, 'assessment.urgent', ${e.notice.title}, ${e.notice.body}, ${`/residents/${e.residentId}`})`);
  }
  const followUpId = uuidv7();
  const dueAt = new Date(e.now.getTime() + URGENT_FOLLOW_UP_HOURS * 3_600_000);
  await db.execute(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, assessment_id, due_at, assigned_to)
    VALUES (${followUpId}, ${e.residentId}, ${e.areaCode}, ${e.notice.reason}, ${e.assessmentId}, ${dueAt.toISOString()}::timestamptz, ${e.assessorId})`);
  return { followUpId, dueAt };
}
