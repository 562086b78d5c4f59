// The visit checklist (走访清单): items from the visit_checklist code list, each marked when
// something was found; a flagged item (typically 发现需求) becomes a follow-up task in one step,
// once: the task's id is written into the item, so a second click answers with the same task.
import { addDays, inLang, shanghaiToday, translate, type checklistEntry, type ChecklistItem, type FollowUp } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { badRequest, fieldError, notFound, type FieldError } from '../../http/errors.ts';
import { listFollowUps } from '../followups/followups.repo.ts';
import { workerVisible } from './contacts.repo.ts';
import { checklistCodes, insertVisitFollowUp, lockContact, saveChecklist } from './checklist.repo.ts';

type ChecklistInput = z.output<typeof checklistEntry>;

/** A follow-up from a visit is due a week later unless the worker says otherwise. */
const DEFAULT_FOLLOW_UP_DAYS = 7;

/** Checks the items against the active code list and puts them in its order (400 per bad line). */
export async function normalizeChecklist(db: Db, entries: ChecklistInput[]): Promise<ChecklistItem[]> {
  if (!entries.length) return [];
  const codes = (await checklistCodes(db)).filter((c) => c.active);
  const order = new Map(codes.map((c, i) => [c.code, i]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (!order.has(e.item)) errors.push({ path: `checklist.${i}.item`, key: 'resident.unknownCode', params: { code: e.item } });
    else if (seen.has(e.item)) errors.push({ path: `checklist.${i}.item`, key: 'contact.checklistDuplicate', params: { code: e.item } });
    seen.add(e.item);
  });
  if (errors.length) throw badRequest(errors);
  return entries
    .map((e) => ({ item: e.item, flagged: e.flagged, note: e.note || null, followUpId: null }))
    .sort((a, b) => order.get(a.item)! - order.get(b.item)!);
}

export interface ChecklistFollowUpInput {
  item: string;
  dueOn?: string;
  assignedTo?: string;
}

export async function followUpFromChecklist(
  ctx: Ctx,
  contactId: string,
  body: ChecklistFollowUpInput,
): Promise<FollowUp & { replayed: boolean }> {
  const today = shanghaiToday(ctx.now);
  const dueOn = body.dueOn ?? addDays(today, DEFAULT_FOLLOW_UP_DAYS);
  if (dueOn < today) throw fieldError('dueOn', 'contact.followUpPast');
  return ctx.db.tx(async (db) => {
    const contact = await lockContact(db, ctx.scope, contactId);
    if (!contact) throw notFound();
    const entry = contact.checklist.find((e) => e.item === body.item);
    if (!entry?.flagged) throw fieldError('item', 'contact.checklistNotFlagged');
    const byId = async (id: string) =>
      (await listFollowUps(db, { prefix: ctx.scope, status: 'all', id, now: ctx.now, limit: 1, offset: 0 })).items[0]!;
    if (entry.followUpId) return { ...(await byId(entry.followUpId)), replayed: true };

    if (body.assignedTo && !(await workerVisible(db, ctx.scope, body.assignedTo))) throw fieldError('assignedTo', 'contact.unknownWorker');
    const assignedTo = body.assignedTo ?? contact.workerId ?? ctx.actor.id;
    const code = (await checklistCodes(db)).find((c) => c.code === entry.item);
    const itemLabel = code ? inLang(ctx.lang, { zh: code.labelZh, en: code.labelEn }) : entry.item;
    const reason = translate(ctx.lang, 'contact.followUpReason', { item: itemLabel, note: entry.note ?? '' }).slice(0, 500);
    const id = uuidv7();
    const dueAt = new Date(`${dueOn}T23:59:59+08:00`).toISOString();
    await insertVisitFollowUp(db, {
      id,
      residentId: contact.residentId,
      areaCode: contact.areaCode,
      reason,
      dueAt,
      assignedTo,
      createdAt: ctx.now,
    });
    await saveChecklist(
      db,
      contact.id,
      contact.checklist.map((e) => (e.item === entry.item ? { ...e, followUpId: id } : e)),
    );
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'follow_up.create',
        targetType: 'follow_up',
        targetId: id,
        areaCode: contact.areaCode,
        after: { residentId: contact.residentId, reason, dueAt, assignedTo, contactId: contact.id, checklistItem: entry.item },
      }),
    );
    return { ...(await byId(id)), replayed: false };
  });
}
