// An urgent screening flag (e.g. PHQ-9 item 9) reaches the responsible station heads at once
// and schedules a follow-up within 48 hours (domain brief §5).
import { areaAncestors, normalizeAreaCode, URGENT_FOLLOW_UP_HOURS } from '@wushe/core';
import { uuidv7, type Database, type Db } from '@wushe/db';
import { insertFollowUp, insertNotification, mergersUnder, stationHeadsAt } from './urgent.repo.ts';

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
    const heads = await stationHeadsAt(db, covering);
    return heads.length ? heads : mergersUnder(db, street);
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
    const { title, body } = e.notice;
    await insertNotification(db, {
      userId,
      areaCode: e.areaCode,
      kind: 'assessment.urgent',
      title,
      body,
      link: `/residents/${e.residentId}`,
    });
  }
  const followUpId = uuidv7();
  const dueAt = new Date(e.now.getTime() + URGENT_FOLLOW_UP_HOURS * 3_600_000);
  const { residentId, areaCode, assessmentId, assessorId } = e;
  await insertFollowUp(db, { id: followUpId, residentId, areaCode, reason: e.notice.reason, assessmentId, dueAt, assignedTo: assessorId });
  return { followUpId, dueAt };
}
