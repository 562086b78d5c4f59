// An activity's attendance and satisfaction, through the shared attendance repository: sign
// residents of the scope up (404 for another area's) and others by name, with the capacity
// enforced; tick present from the list (method 'list', or 'after' once it has ended) and
// un-tick; a worker recording a participant's satisfaction. Every write is audited.
import {
  meanSatisfaction,
  type AttendanceList,
  type SatisfactionList,
  type attendanceAction,
  type otherPerson,
  type satisfactionRecord,
} from '@wushe/core';
import { phoneBlindIndex, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import {
  attendanceOf,
  markAbsent,
  markPresent,
  recordSatisfaction,
  satisfactionOf,
  signUp,
  type Occasion,
  type Person,
} from '../attendance/attendance.repo.ts';
import { activityAttendance, lockActivity, residentsIn, type ActivityFull } from './activities.repo.ts';
import { activityOr404, type ActivityCtx } from './activities.service.ts';

export const occasionOf = (a: Pick<ActivityFull, 'id' | 'startsAt' | 'areaCode' | 'organiserId'>): Occasion => ({
  kind: 'activity',
  id: a.id,
  at: a.startsAt,
  areaCode: a.areaCode,
  workerId: a.organiserId,
});

async function listOf(db: Db, scope: string, a: Pick<ActivityFull, 'id' | 'capacity'>): Promise<AttendanceList> {
  const items = (await attendanceOf(db, scope, 'activity', a.id)).map(({ personKey: _k, ...r }) => r);
  return {
    items,
    signedUp: items.filter((r) => r.signedUpAt).length,
    present: items.filter((r) => r.attendedAt).length,
    capacity: a.capacity,
  };
}

export async function activityAttendanceList(ctx: Ctx, id: string): Promise<AttendanceList> {
  return ctx.db.run(async (db) => listOf(db, ctx.scope, await activityOr404(db, ctx.scope, id)));
}

/** Residents of the scope (every one must be: 404 otherwise) and others by name. */
async function peopleOf(
  ctx: ActivityCtx,
  db: Db,
  residentIds: readonly string[],
  others: readonly z.output<typeof otherPerson>[],
): Promise<Person[]> {
  const ids = [...new Set(residentIds)];
  const residents = await residentsIn(db, ctx.scope, ids);
  if (residents.length !== ids.length) throw notFound();
  return [
    ...residents.map((r) => ({ residentId: r.id, name: r.name })),
    ...others.map((o) => ({ name: o.name, mobileHash: o.mobile ? phoneBlindIndex(ctx.keys, o.mobile) : null })),
  ];
}

export async function changeAttendance(ctx: ActivityCtx, id: string, body: z.output<typeof attendanceAction>): Promise<AttendanceList> {
  return ctx.db.tx(async (db) => {
    await lockActivity(db, ctx.scope, id); // sign-ups counted against the capacity one after the other
    const a = await activityOr404(db, ctx.scope, id);
    const o = occasionOf(a);
    if (body.action === 'mark') {
      const row = await activityAttendance(db, ctx.scope, id, body.attendanceId);
      if (!row) throw fieldError('attendanceId', 'activity.attendanceUnknown');
      if (body.present) await markPresent(db, o, row, { method: methodNow(ctx, a), by: ctx.actor.id, at: ctx.now });
      else await markAbsent(db, ctx.scope, 'activity', id, row.id);
    } else {
      if (a.status === 'cancelled') throw new AppError(409, 'activity.cancelled');
      const people = await peopleOf(ctx, db, body.residentIds, body.others);
      if (body.action === 'signUp') {
        const keys = new Set((await attendanceOf(db, ctx.scope, 'activity', id)).filter((r) => r.signedUpAt).map((r) => r.personKey));
        const adding = new Set(people.map(keyOf).filter((k) => !keys.has(k))).size;
        if (a.capacity !== null && keys.size + adding > a.capacity)
          throw new AppError(409, 'activity.full', { capacity: a.capacity, signedUp: keys.size, adding });
        await signUp(db, o, people, ctx.actor.id);
      } else {
        for (const p of people) await markPresent(db, o, p, { method: methodNow(ctx, a), by: ctx.actor.id, at: ctx.now });
      }
    }
    await appendAudit(
      db,
      byActor(ctx, {
        action: `activity.attendance.${body.action}`,
        targetType: 'activity',
        targetId: id,
        areaCode: a.areaCode,
        after:
          body.action === 'mark'
            ? { attendanceId: body.attendanceId, present: body.present }
            : { residents: body.residentIds.length, others: body.others.length },
      }),
    );
    return listOf(db, ctx.scope, a);
  });
}

/** Ticked during the activity: from the list; after its end: recorded afterwards. */
const methodNow = (ctx: ActivityCtx, a: Pick<ActivityFull, 'endsAt'>) => (ctx.now.getTime() > Date.parse(a.endsAt) ? 'after' : 'list');

/** As the database derives person_key (migration 0025) and core personKey. */
const keyOf = (p: Person) => (p.residentId ? `r:${p.residentId}` : p.mobileHash ? `m:${p.mobileHash}` : `n:${p.name.replace(/\s+/g, '')}`);

async function satisfactionListOf(db: Db, scope: string, id: string): Promise<SatisfactionList> {
  const items = await satisfactionOf(db, scope, 'activity', id);
  return { items, mean: meanSatisfaction(items.map((i) => i.score)), count: items.length };
}

export async function activitySatisfaction(ctx: Ctx, id: string): Promise<SatisfactionList> {
  return ctx.db.run(async (db) => {
    await activityOr404(db, ctx.scope, id);
    return satisfactionListOf(db, ctx.scope, id);
  });
}

export async function recordActivitySatisfaction(
  ctx: ActivityCtx,
  id: string,
  body: z.output<typeof satisfactionRecord>,
): Promise<SatisfactionList> {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, id);
    const row = await activityAttendance(db, ctx.scope, id, body.attendanceId);
    if (!row) throw fieldError('attendanceId', 'activity.attendanceUnknown');
    if (Date.parse(a.startsAt) > ctx.now.getTime()) throw new AppError(409, 'satisfaction.window');
    await recordSatisfaction(db, { kind: 'activity', subjectId: id, areaCode: a.areaCode, workerId: a.organiserId }, row, {
      score: body.score,
      comment: body.comment ?? null,
      recordedBy: ctx.actor.id,
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'activity.satisfaction',
        targetType: 'activity',
        targetId: id,
        areaCode: a.areaCode,
        after: { attendanceId: row.id, score: body.score },
      }),
    );
    return satisfactionListOf(db, ctx.scope, id);
  });
}
