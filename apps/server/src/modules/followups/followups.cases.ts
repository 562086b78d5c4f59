// A case's tasks are follow-ups naming the case (issue 9, item 3): made for the case's resident
// while the case is open, and, made or done, an event on the case's timeline.
import type { Db } from '@wushe/db';
import type { Ctx } from '../../context.ts';
import { fieldError } from '../../http/errors.ts';
import { caseById, insertEvent, touchCase } from '../cases/cases.repo.ts';
import { eventOf } from '../cases/cases.service.ts';

/** The case must be the resident's, in scope and not closed. */
export async function checkCaseOf(db: Db, ctx: Ctx, caseId: string, residentId: string): Promise<void> {
  const c = await caseById(db, ctx.scope, caseId);
  if (!c || c.residentId !== residentId) throw fieldError('caseId', 'followUp.case');
  if (c.stage === 'closed') throw fieldError('caseId', 'followUp.caseClosed');
}

export async function onCaseTimeline(
  db: Db,
  ctx: Ctx,
  caseId: string,
  kind: 'task' | 'task_done',
  text: string,
  detail: Record<string, string | null>,
): Promise<void> {
  const c = await caseById(db, ctx.scope, caseId);
  if (!c) return;
  await insertEvent(db, eventOf(ctx, c, kind, c.stage, text, detail));
  await touchCase(db, ctx.scope, c.id, ctx.now);
}
