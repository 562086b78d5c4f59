// The resident's satisfaction with their case (满意度, issue 9 item 8), collected at the end: at
// review or once closed, recorded by the worker; one answer per case (again replaces it). It
// counts in the outputs with the answers of activities and groups (the satisfaction table).
import type { caseSatisfactionBody } from '@wushe/core';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { recordSatisfaction, satisfactionOf } from '../attendance/attendance.repo.ts';
import { caseById, insertEvent } from './cases.repo.ts';
import { eventOf, type CaseCtx } from './cases.service.ts';

type Db = Parameters<typeof satisfactionOf>[0];

async function answerOf(db: Db, scope: string, caseId: string) {
  const [a] = await satisfactionOf(db, scope, 'case', caseId);
  return { answer: a ? { score: a.score, comment: a.comment, at: a.at } : null };
}

export function caseSatisfactionOf(ctx: CaseCtx, id: string) {
  return ctx.db.run(async (db) => {
    if (!(await caseById(db, ctx.scope, id))) throw notFound();
    return answerOf(db, ctx.scope, id);
  });
}

export function rateCase(ctx: CaseCtx, id: string, body: z.output<typeof caseSatisfactionBody>) {
  return ctx.db.tx(async (db) => {
    const c = await caseById(db, ctx.scope, id);
    if (!c) throw notFound();
    if (c.stage !== 'review' && c.stage !== 'closed') throw fieldError('score', 'case.satisfactionNotYet');
    await recordSatisfaction(
      db,
      { kind: 'case', subjectId: c.id, areaCode: c.areaCode, workerId: c.workerId },
      { residentId: c.residentId, name: c.residentName },
      { score: body.score, comment: body.comment ?? null, recordedBy: ctx.actor.id },
    );
    await insertEvent(db, eventOf(ctx, c, 'satisfaction', c.stage, body.comment ?? null, { score: body.score }));
    await appendAudit(
      db,
      byActor(ctx, { action: 'case.satisfaction', targetType: 'case', targetId: c.id, areaCode: c.areaCode, after: { score: body.score } }),
    );
    return answerOf(db, ctx.scope, id);
  });
}
