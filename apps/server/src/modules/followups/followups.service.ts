// Follow-up tasks: listing in the caller's scope and completing one with its outcome, audited
// in the same transaction.
import { onCaseTimeline } from './followups.cases.ts';
import { narrowScope, type FollowUp, type followUpListQuery } from '@wushe/core';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import { contactOfResident, listFollowUps, lockFollowUp, markDone, type FollowUpFilter } from './followups.repo.ts';

/** The filters the list and its export share. */
export type FollowUpListInput = Pick<z.output<typeof followUpListQuery>, 'status' | 'mine' | 'area' | 'residentId' | 'caseId'>;

/** The repository filter for the caller's query; null when the area lies outside the scope. */
export function followUpFilter(ctx: Ctx, q: FollowUpListInput, limit: number, offset: number): FollowUpFilter | null {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  return {
    prefix,
    status: q.status,
    assignedTo: q.mine === 'true' ? ctx.actor.id : undefined,
    residentId: q.residentId,
    caseId: q.caseId,
    now: ctx.now,
    limit,
    offset,
  };
}

export async function findFollowUps(
  ctx: Ctx,
  q: FollowUpListInput & { page: number; pageSize: number },
): Promise<{ items: FollowUp[]; total: number }> {
  const f = followUpFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  return ctx.db.run((db) => listFollowUps(db, f));
}

export async function completeFollowUp(ctx: Ctx, id: string, body: { outcome: string; contactId?: string | null }): Promise<FollowUp> {
  const contactId = body.contactId ?? null;
  return ctx.db.tx(async (db) => {
    const task = await lockFollowUp(db, ctx.scope, id);
    if (!task) throw notFound();
    if (task.doneAt) throw new AppError(409, 'followUp.done');
    if (contactId && !(await contactOfResident(db, ctx.scope, contactId, task.residentId)))
      throw fieldError('contactId', 'followUp.contact');
    await markDone(db, id, { at: ctx.now, by: ctx.actor.id, outcome: body.outcome, contactId });
    if (task.caseId) await onCaseTimeline(db, ctx, task.caseId, 'task_done', body.outcome, { reason: task.reason });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'follow_up.complete',
        targetType: 'follow_up',
        targetId: id,
        areaCode: task.areaCode,
        before: { doneAt: null },
        after: { doneAt: ctx.now.toISOString(), outcome: body.outcome, contactId, residentId: task.residentId },
      }),
    );
    const { items } = await listFollowUps(db, { prefix: ctx.scope, status: 'all', id, now: ctx.now, limit: 1, offset: 0 });
    return items[0]!;
  });
}
