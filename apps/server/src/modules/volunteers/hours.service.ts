// Check-in, check-out and service hours (issue 11 item 7). A volunteer accepted for an activity
// scans its volunteer QR code (rotating every minute, as every check-in code: a photo sent home
// stops working) to check in and again to check out; or the organiser ticks them on the list.
// Hours = check-out − check-in, capped by the activity's length; a missing check-out is closed at
// the activity's end by a scheduled job and flagged. The organiser approves in bulk, corrects
// with a reason or declines: records are never deleted, every change is kept and audited.
import { areaPrefix, closeHours, correctionAllowed, shanghaiToday, type hoursCorrectionBody, type hoursDecisionBody } from '@wushe/core';
import { uuidv7, type Database, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { checkinWindow, currentCode, tokenValid } from '../checkin/checkin.code.ts';
import { activityOr404 } from './recruitment.service.ts';
import {
  acceptedOn,
  closeRecord,
  decideRecord,
  hoursByIds,
  hoursEvents,
  hoursOfActivity,
  hoursRecord,
  insertCheckin,
  insertHoursEvent,
  openPastEnd,
  postsOf,
  type HoursRow,
} from './service.repo.ts';
import { volunteerById, type VolunteerRow } from './volunteers.repo.ts';
import { activeVolunteerOf } from './volunteers.service.ts';

/** The code kind of volunteer check-in (apart from residents' attendance at the same activity). */
export const VOLUNTEER_CODE = 'volunteer';
/** A check-out is taken up to this long after the end; later the job has closed the record. */
const CHECKOUT_GRACE_MS = 2 * 3600_000;

/** A record as the API answers it (without its area). */
const recordOut = ({ areaCode: _a, ...r }: HoursRow) => r;

type HCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip' | 'keys'>;
type Who = { by: string | null; name: string | null; method: 'qr' | 'list' };
type Facts = Awaited<ReturnType<typeof activityOr404>>;

/** Checks in or out inside the activity's scope; `already` when the tap changes nothing. */
async function tap(
  db: Db,
  ctx: Pick<Ctx, 'now' | 'ip'>,
  a: Facts & { id: string },
  v: Pick<VolunteerRow, 'id' | 'name' | 'volunteerNo'>,
  action: 'in' | 'out',
  who: Who,
) {
  const scope = areaPrefix(a.areaCode);
  const event = (hoursId: string, kind: string, after: number | null) =>
    insertHoursEvent(db, {
      id: uuidv7(),
      hoursId,
      areaCode: a.areaCode,
      action: kind,
      before: null,
      after,
      reason: null,
      actor: who.name,
      at: ctx.now,
    });
  if (action === 'in') {
    if (checkinWindow(a, ctx.now) !== 'open') throw new AppError(409, 'hours.window');
    const id = uuidv7();
    const fresh = await insertCheckin(db, {
      id,
      activityId: a.id,
      volunteerId: v.id,
      areaCode: a.areaCode,
      name: v.name,
      no: v.volunteerNo,
      at: ctx.now,
      method: who.method,
      servedOn: shanghaiToday(new Date(a.startsAt)),
    });
    if (fresh) await event(id, 'checkin', null);
    const rec = (await hoursRecord(db, scope, a.id, v.id))!;
    return { status: fresh ? ('in' as const) : ('already' as const), rec };
  }
  const rec = await hoursRecord(db, scope, a.id, v.id);
  if (!rec) throw new AppError(409, 'hours.notIn');
  if (rec.status !== 'open') return { status: 'already' as const, rec };
  if (ctx.now.getTime() > Date.parse(a.endsAt) + CHECKOUT_GRACE_MS) throw new AppError(409, 'hours.window');
  const closed = closeHours(rec.checkinAt, ctx.now, a);
  await closeRecord(db, rec.id, { checkoutAt: closed.checkoutAt, method: who.method, minutes: closed.minutes, flagged: false });
  await event(rec.id, 'checkout', closed.minutes);
  return { status: 'out' as const, rec: (await hoursRecord(db, scope, a.id, v.id))! };
}

/** The QR screen for volunteers: the current code, who is in, how many are accepted. */
export async function volunteerCode(ctx: HCtx, activityId: string) {
  return ctx.db.run(async (db) => {
    await activityOr404(db, ctx.scope, activityId);
    const [posts, hours] = await Promise.all([postsOf(db, ctx.scope, activityId), hoursOfActivity(db, ctx.scope, activityId)]);
    const { token, expiresAt } = currentCode(ctx.keys, VOLUNTEER_CODE, activityId, ctx.now);
    return {
      url: `/p/volunteer/checkin/${activityId}?t=${token}`,
      token,
      expiresAt,
      checkedIn: hours.filter((h) => h.status === 'open').length,
      accepted: posts.reduce((n, p) => n + p.accepted, 0),
    };
  });
}

/** The organiser's list: an accepted volunteer checked in or out by hand. */
export async function stationTap(ctx: HCtx, activityId: string, volunteerId: string, action: 'in' | 'out') {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    if (!(await acceptedOn(db, activityId, volunteerId))) throw fieldError('volunteerId', 'hours.notAccepted');
    const rec = await hoursRecord(db, ctx.scope, activityId, volunteerId);
    const v = rec ? { id: volunteerId, name: rec.name, volunteerNo: rec.volunteerNo } : await volunteerById(db, '', volunteerId);
    if (!v) throw fieldError('volunteerId', 'volunteer.unknown');
    const r = await tap(db, ctx, { ...a, id: activityId }, v, action, { by: ctx.actor.id, name: ctx.actor.username, method: 'list' });
    if (r.status !== 'already')
      await appendAudit(
        db,
        byActor(ctx, {
          action: `hours.${action === 'in' ? 'checkin' : 'checkout'}`,
          targetType: 'activity',
          targetId: activityId,
          areaCode: a.areaCode,
          after: { hoursId: r.rec.id, name: r.rec.name },
        }),
      );
    return recordOut(r.rec);
  });
}

/** A confirmed volunteer's phone scans the activity's code. */
export async function phoneTap(ctx: Ctx, activityId: string, t: string, action: 'in' | 'out') {
  const v = await activeVolunteerOf(ctx);
  if (!tokenValid(ctx.keys, VOLUNTEER_CODE, activityId, t, ctx.now))
    throw new AppError(400, 'checkin.expired', {}, [{ path: 't', key: 'checkin.expired' }]);
  const a = await ctx.database.owner((db) => activityOr404(db, '', activityId));
  const scope = areaPrefix(a.areaCode);
  const r = await ctx.database.tx(scope, async (db) => {
    if (!(await acceptedOn(db, activityId, v.id))) throw new AppError(403, 'hours.notAccepted');
    const r = await tap(db, ctx, { ...a, id: activityId }, v, action, { by: null, name: v.name, method: 'qr' });
    if (r.status !== 'already')
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: `hours.${action === 'in' ? 'checkin' : 'checkout'}`,
        targetType: 'activity',
        targetId: activityId,
        areaCode: a.areaCode,
        after: { hoursId: r.rec.id, volunteerNo: v.volunteerNo },
      });
    return r;
  });
  return { status: r.status, activityTitle: a.title, checkinAt: r.rec.checkinAt, checkoutAt: r.rec.checkoutAt, minutes: r.rec.minutes };
}

/** Approve or decline closed records in bulk; open or already decided ones are skipped. */
export async function decideHours(ctx: HCtx, activityId: string, b: z.output<typeof hoursDecisionBody>) {
  if (b.decision === 'decline' && !b.reason) throw fieldError('reason', 'hours.reason');
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    const found = await hoursByIds(db, ctx.scope, activityId, b.ids);
    const target = b.decision === 'approve' ? 'approved' : 'declined';
    const changing = found.filter((r) => r.status === 'pending' || (r.status !== 'open' && r.status !== target));
    for (const r of changing) {
      const credited = target === 'approved' ? r.minutes! : 0;
      await decideRecord(db, r.id, { status: target, credited, reason: b.reason ?? null, by: ctx.actor.id, at: ctx.now });
      await insertHoursEvent(db, {
        id: uuidv7(),
        hoursId: r.id,
        areaCode: r.areaCode,
        action: b.decision,
        before: r.creditedMinutes,
        after: credited,
        reason: b.reason ?? null,
        actor: ctx.actor.username,
        at: ctx.now,
      });
    }
    if (changing.length)
      await appendAudit(
        db,
        byActor(ctx, {
          action: `hours.${b.decision}`,
          targetType: 'activity',
          targetId: activityId,
          areaCode: a.areaCode,
          after: { ids: changing.map((r) => r.id), count: changing.length, reason: b.reason ?? null },
        }),
      );
    return { changed: changing.length, skipped: b.ids.length - changing.length };
  });
}

/** A correction: the credited minutes set with a reason (within the activity's length). */
export async function correctHours(ctx: HCtx, activityId: string, hoursId: string, b: z.output<typeof hoursCorrectionBody>) {
  return ctx.db.tx(async (db) => {
    const a = await activityOr404(db, ctx.scope, activityId);
    const [r] = await hoursByIds(db, ctx.scope, activityId, [hoursId]);
    if (!r) throw notFound();
    if (r.status === 'open') throw new AppError(409, 'hours.status');
    if (r.version !== b.version) throw conflict();
    if (!correctionAllowed(b.minutes, a)) throw fieldError('minutes', 'hours.minutes');
    await decideRecord(db, r.id, { status: 'approved', credited: b.minutes, reason: b.reason, by: ctx.actor.id, at: ctx.now });
    await insertHoursEvent(db, {
      id: uuidv7(),
      hoursId: r.id,
      areaCode: r.areaCode,
      action: 'correct',
      before: r.creditedMinutes ?? r.minutes,
      after: b.minutes,
      reason: b.reason,
      actor: ctx.actor.username,
      at: ctx.now,
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'hours.correct',
        targetType: 'activity',
        targetId: activityId,
        areaCode: a.areaCode,
        before: { creditedMinutes: r.creditedMinutes, minutes: r.minutes },
        after: { hoursId, creditedMinutes: b.minutes, reason: b.reason },
      }),
    );
    return recordOut((await hoursByIds(db, ctx.scope, activityId, [hoursId]))[0]!);
  });
}

export async function hoursHistoryOf(ctx: HCtx, activityId: string, hoursId: string) {
  return ctx.db.run(async (db) => {
    const [r] = await hoursByIds(db, ctx.scope, activityId, [hoursId]);
    if (!r) throw notFound();
    return { items: await hoursEvents(db, ctx.scope, hoursId) };
  });
}

const BATCH = 500;

/** Closes the check-ins left open past their activity's end (system scope); returns how many. */
export async function closeMissedCheckouts(database: Database, now = new Date()): Promise<number> {
  let closed = 0;
  for (;;) {
    const n = await database.tx('', async (db) => {
      const open = await openPastEnd(db, now, BATCH);
      for (const r of open) {
        const c = closeHours(r.checkinAt, null, r);
        await closeRecord(db, r.id, { checkoutAt: c.checkoutAt, method: 'auto', minutes: c.minutes, flagged: true });
        await insertHoursEvent(db, {
          id: uuidv7(),
          hoursId: r.id,
          areaCode: r.areaCode,
          action: 'auto_close',
          before: null,
          after: c.minutes,
          reason: null,
          actor: null,
          at: now,
        });
      }
      return open.length;
    });
    closed += n;
    if (n < BATCH) return closed;
  }
}
