// Community activities (社区活动): create and edit under the caller's scope (version 409,
// audited), planned → held, or cancelled while nobody has attended; the list with sign-up and
// present counts. Attendance and satisfaction are in activities.attendance.ts.
import {
  meanSatisfaction,
  narrowScope,
  type Actor,
  type ActivityDetail,
  type activityCreate,
  type activityListQuery,
  type activityStatusChange,
  type activityUpdate,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { moveOccasion } from '../attendance/attendance.repo.ts';
import {
  activityById,
  activityWorker,
  insertActivity,
  listActivities,
  photosIn,
  satisfactionScores,
  updateActivity,
  type ActivityFull,
} from './activities.repo.ts';
import type { Db } from '@wushe/db';

/** What activities need of their caller: a request's, or the demo's (activities.demo.ts). */
export type ActivityCtx = Pick<Ctx, 'db' | 'keys' | 'scope' | 'now'> & {
  actor: Pick<Actor, 'id' | 'username' | 'displayName' | 'permissions' | 'area'>;
  ip: string | null;
};

export type ActivityListInput = z.output<typeof activityListQuery>;

const inScope = (scope: string, code: string) => code.startsWith(scope);

export async function detailOf(db: Db, scope: string, id: string): Promise<ActivityDetail> {
  const a = await activityById(db, scope, id);
  if (!a) throw notFound();
  const scores = await satisfactionScores(db, scope, id);
  const { orgId: _orgId, ...rest } = a;
  return { ...rest, satisfactionMean: meanSatisfaction(scores), satisfactionCount: scores.length };
}

/** The activity or 404 (another area's answers exactly like a missing one). */
export async function activityOr404(db: Db, scope: string, id: string): Promise<ActivityFull> {
  const a = await activityById(db, scope, id);
  if (!a) throw notFound();
  return a;
}

export async function createActivity(ctx: ActivityCtx, body: z.output<typeof activityCreate>): Promise<ActivityDetail> {
  const areaCode = body.areaCode ?? ctx.actor.area.code;
  if (!inScope(ctx.scope, areaCode)) throw fieldError('areaCode', 'activity.area');
  return ctx.db.tx(async (db) => {
    const organiser = await activityWorker(db, ctx.scope, body.organiserId ?? ctx.actor.id);
    if (!organiser) throw fieldError('organiserId', 'activity.organiser');
    const id = uuidv7();
    await insertActivity(db, {
      id,
      areaCode,
      orgId: organiser.orgId,
      title: body.title,
      description: body.description ?? null,
      targetGroup: body.targetGroup ?? null,
      place: body.place,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      capacity: body.capacity ?? null,
      organiserId: organiser.id,
      partners: body.partners,
      createdBy: ctx.actor.id,
    });
    const after = await detailOf(db, ctx.scope, id);
    await appendAudit(db, byActor(ctx, { action: 'activity.create', targetType: 'activity', targetId: id, areaCode, after }));
    return after;
  });
}

export async function editActivity(ctx: ActivityCtx, id: string, body: z.output<typeof activityUpdate>): Promise<ActivityDetail> {
  return ctx.db.tx(async (db) => {
    const before = await activityOr404(db, ctx.scope, id);
    const { version, organiserId, ...changes } = body;
    const startsAt = changes.startsAt ?? before.startsAt;
    const endsAt = changes.endsAt ?? before.endsAt;
    if (Date.parse(endsAt) <= Date.parse(startsAt)) throw fieldError('endsAt', 'activity.endsBeforeStart');
    let workerId: string | undefined;
    if (organiserId && organiserId !== before.organiserId) {
      const w = await activityWorker(db, ctx.scope, organiserId);
      if (!w) throw fieldError('organiserId', 'activity.organiser');
      workerId = w.id;
    }
    if (changes.photoIds) {
      const photoIds = [...new Set(changes.photoIds)];
      if ((await photosIn(db, ctx.scope, photoIds)).length !== photoIds.length) throw fieldError('photoIds', 'activity.photo');
      changes.photoIds = photoIds;
    }
    if (!(await updateActivity(db, ctx.scope, id, version, { ...changes, organiserId: workerId }))) throw conflict();
    const after = await detailOf(db, ctx.scope, id);
    // The attendance rows carry the activity's time and worker for the outputs: they follow.
    if (after.startsAt !== before.startsAt || after.organiserId !== before.organiserId)
      await moveOccasion(db, { kind: 'activity', id, at: after.startsAt, areaCode: after.areaCode, workerId: after.organiserId });
    await appendAudit(
      db,
      byActor(ctx, { action: 'activity.update', targetType: 'activity', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}

/** planned → held (once it has started) or → cancelled (only while nobody has attended). */
export async function changeStatus(ctx: ActivityCtx, id: string, body: z.output<typeof activityStatusChange>): Promise<ActivityDetail> {
  return ctx.db.tx(async (db) => {
    const before = await activityOr404(db, ctx.scope, id);
    if (before.status === body.to) return detailOf(db, ctx.scope, id); // a double tap
    if (before.status !== 'planned') throw new AppError(409, 'activity.notPlanned');
    if (body.to === 'held' && Date.parse(before.startsAt) > ctx.now.getTime()) throw new AppError(409, 'activity.notStarted');
    if (body.to === 'cancelled' && before.present > 0) throw new AppError(409, 'activity.cancelAttended');
    if (!(await updateActivity(db, ctx.scope, id, body.version, { status: body.to }))) throw conflict();
    const after = await detailOf(db, ctx.scope, id);
    await appendAudit(
      db,
      byActor(ctx, {
        action: `activity.${body.to}`,
        targetType: 'activity',
        targetId: id,
        areaCode: after.areaCode,
        before: { status: before.status },
        after: { status: after.status },
      }),
    );
    return after;
  });
}

export async function getActivity(ctx: Ctx, id: string): Promise<ActivityDetail> {
  return ctx.db.run((db) => detailOf(db, ctx.scope, id));
}

export async function findActivities(ctx: Ctx, q: Omit<ActivityListInput, 'page' | 'pageSize'> & { page: number; pageSize: number }) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) =>
    listActivities(db, {
      prefix,
      q: q.q,
      status: q.status,
      from: q.from,
      to: q.to,
      organiserId: q.mine ? ctx.actor.id : undefined,
      sort: q.sort,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
}
