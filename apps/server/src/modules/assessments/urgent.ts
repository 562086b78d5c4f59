// An urgent screening flag (e.g. PHQ-9 item 9) reaches a person at once and schedules a
// follow-up due the same day (domain brief §5). Where the resident's street has no station
// head, it goes up level by level to the nearest one with someone holding resident.assign
// (the district bureau for the demo's 金山), and the worker is told who was alerted.
import { areaAncestors, URGENT_FOLLOW_UP_DEFAULT_DAYS, urgentDueAt, urgentFollowUpSetting } from '@wushe/core';
import { uuidv7, type Database, type Db } from '@wushe/db';
import { insertFollowUp, insertNotification, supervisorsAt, urgentDaysSetting, type Supervisor } from './urgent.repo.ts';

/**
 * The supervisors at the nearest level (the resident's own area, then each ancestor up to the
 * province) that has any. Read in the system scope because a community-level worker cannot see
 * the street's accounts under RLS; runs before the assessment's transaction (PGlite has one
 * connection).
 */
export async function urgentRecipients(database: Database, residentArea: string): Promise<Supervisor[]> {
  const levels = [residentArea, ...areaAncestors(residentArea).reverse()];
  return database.run('', async (db) => {
    const found = await supervisorsAt(db, levels);
    for (const level of levels) {
      const here = found.filter((s) => s.areaCode === level);
      if (here.length) return here;
    }
    return [];
  });
}

/** Days after the flag's day its follow-up is due (settings; 0 = the same day). */
export async function urgentFollowUpDays(db: Db): Promise<number> {
  const parsed = urgentFollowUpSetting.safeParse(await urgentDaysSetting(db));
  return parsed.success ? parsed.data.days : URGENT_FOLLOW_UP_DEFAULT_DAYS;
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
export async function raiseUrgent(db: Db, recipients: Supervisor[], e: UrgentEvent): Promise<{ followUpId: string; dueAt: Date }> {
  const { title, body } = e.notice;
  const link = `/residents/${e.residentId}`;
  for (const s of recipients) {
    await insertNotification(db, { userId: s.id, areaCode: e.areaCode, kind: 'assessment.urgent', title, body, link });
  }
  const followUpId = uuidv7();
  const dueAt = urgentDueAt(e.now, await urgentFollowUpDays(db));
  const { residentId, areaCode, assessmentId, assessorId } = e;
  await insertFollowUp(db, { id: followUpId, residentId, areaCode, reason: e.notice.reason, assessmentId, dueAt, assignedTo: assessorId });
  // The worker's own bell: the task, and who was alerted (or that nobody could be).
  const alerted = recipients.length ? recipients.map((s) => `${s.displayName}（${s.areaName}）`).join('、') : '无人（请立即联系站长）';
  await insertNotification(db, {
    userId: assessorId,
    areaCode,
    kind: 'followUp.urgent',
    title: `紧急跟进任务：${title.replace(/^紧急：/, '')}`,
    body: `${body}。已通知：${alerted}`,
    link: '/follow-ups',
  });
  return { followUpId, dueAt };
}
