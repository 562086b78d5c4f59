// Follow-ups made by hand for any resident, and reassigned by a head (issue 8, item 9): each
// write audited in its transaction; the new assignee hears of it in the bell.
import type { FollowUp, followUpCreate } from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, badRequest, fieldError, notFound } from '../../http/errors.ts';
import { residentRef } from '../coverage/resident-refs.repo.ts';
import { checkWorkerFor } from '../residents/residents.assign.ts';
import { insertNotification, listFollowUps } from './followups.repo.ts';
import { checkCaseOf, onCaseTimeline } from './followups.cases.ts';
import { insertManualFollowUp, lockForReassign, sameOpenFollowUp, setAssignee } from './followups.write.repo.ts';

// A deadline a minute in the past is a slow form, not a mistake.
const PAST_GRACE_MS = 60_000;

async function oneFollowUp(db: Db, ctx: Ctx, id: string): Promise<FollowUp> {
  const { items } = await listFollowUps(db, { prefix: ctx.scope, status: 'all', id, now: ctx.now, limit: 1, offset: 0 });
  return items[0]!;
}

function tellAssignee(db: Db, userId: string, f: { residentId: string; areaCode: string; reason: string; name: string }) {
  return insertNotification(db, {
    id: uuidv7(),
    userId,
    areaCode: f.areaCode,
    kind: 'followUp.assigned',
    title: `新的跟进任务：${f.name}`,
    body: f.reason,
    link: '/follow-ups',
  });
}

export async function createFollowUp(ctx: Ctx, body: z.output<typeof followUpCreate>): Promise<FollowUp> {
  const dueAt = new Date(body.dueAt);
  if (dueAt.getTime() < ctx.now.getTime() - PAST_GRACE_MS) throw fieldError('dueAt', 'followUp.dueAt');
  return ctx.db.tx(async (db) => {
    const resident = await residentRef(db, ctx.scope, body.residentId);
    if (!resident) throw notFound();
    // Named: a casework account of the resident's station (someone else needs resident.assign).
    // Not named: the resident's responsible worker, else the caller.
    const assignedTo = body.assignedTo ?? resident.assignedWorkerId ?? ctx.actor.id;
    const problems = body.assignedTo ? await checkWorkerFor(db, ctx, body.assignedTo, resident.areaCode, 'assignedTo') : [];
    if (problems.length) throw badRequest(problems.map((p) => ({ path: p.path, key: p.key, params: p.params })));
    if (body.caseId) await checkCaseOf(db, ctx, body.caseId, resident.id);
    const same = await sameOpenFollowUp(db, ctx.scope, { residentId: resident.id, reason: body.reason, dueAt });
    if (same) return oneFollowUp(db, ctx, same);
    const id = uuidv7();
    await insertManualFollowUp(db, {
      id,
      residentId: resident.id,
      areaCode: resident.areaCode,
      reason: body.reason,
      dueAt,
      assignedTo,
      createdBy: ctx.actor.id,
      caseId: body.caseId ?? null,
    });
    if (body.caseId) await onCaseTimeline(db, ctx, body.caseId, 'task', body.reason, { dueAt: dueAt.toISOString() });
    if (assignedTo !== ctx.actor.id) await tellAssignee(db, assignedTo, { ...resident, residentId: resident.id, reason: body.reason });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'follow_up.create',
        targetType: 'follow_up',
        targetId: id,
        areaCode: resident.areaCode,
        after: {
          residentId: resident.id,
          name: resident.name,
          reason: body.reason,
          dueAt: dueAt.toISOString(),
          assignedTo,
          caseId: body.caseId ?? null,
        },
      }),
    );
    return oneFollowUp(db, ctx, id);
  });
}

export async function reassignFollowUp(ctx: Ctx, id: string, assignedTo: string): Promise<FollowUp> {
  return ctx.db.tx(async (db) => {
    const task = await lockForReassign(db, ctx.scope, id);
    if (!task) throw notFound();
    if (task.done) throw new AppError(409, 'followUp.done');
    if (task.assignedTo === assignedTo) return oneFollowUp(db, ctx, id); // a repeat
    const problems = await checkWorkerFor(db, ctx, assignedTo, task.areaCode, 'assignedTo');
    if (problems.length) throw badRequest(problems.map((p) => ({ path: p.path, key: p.key, params: p.params })));
    await setAssignee(db, id, assignedTo);
    const resident = await residentRef(db, ctx.scope, task.residentId);
    await tellAssignee(db, assignedTo, {
      residentId: task.residentId,
      areaCode: task.areaCode,
      reason: task.reason,
      name: resident?.name ?? '',
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'follow_up.assign',
        targetType: 'follow_up',
        targetId: id,
        areaCode: task.areaCode,
        before: { assignedTo: task.assignedTo },
        after: { assignedTo, residentId: task.residentId },
      }),
    );
    return oneFollowUp(db, ctx, id);
  });
}
