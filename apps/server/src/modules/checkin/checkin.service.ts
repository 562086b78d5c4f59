// Check-in by rotating QR code, for every registered occasion kind. Staff: the current code
// and the live counts for the screen. Public (no session): the occasion's facts (never a
// participant), the check-in by name and mobile (a registered resident of the occasion's area,
// a sign-up with that mobile or name, else a walk-in; twice is "already"), and satisfaction
// answered later with the receipt the phone kept.
import {
  areaPrefix,
  type PublicCheckinResult,
  type PublicOccasion,
  type publicCheckinBody,
  type publicSatisfactionBody,
} from '@wushe/core';
import { phoneBlindIndex } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { attendanceCounts, markPresent, recordSatisfaction } from '../attendance/attendance.repo.ts';
import { checkinWindow, currentCode, readReceipt, receiptFor, tokenValid } from './checkin.code.ts';
import { checkinKind, type CheckinKind, type CheckinOccasion } from './checkin.kinds.ts';
import { adoptNameOnlySignUp, attendanceForReceipt, residentByPhone } from './checkin.repo.ts';

const SATISFACTION_DAYS = 7;

function kindOr404(name: string): CheckinKind {
  const kind = checkinKind(name);
  if (!kind) throw notFound();
  return kind;
}

/** The code the screen shows now, with the counts (the kind's write permission, in scope). */
export async function checkinCodeFor(ctx: Ctx, kindName: string, id: string) {
  const kind = kindOr404(kindName);
  if (!ctx.actor.permissions.includes(kind.writePermission)) throw forbidden();
  return ctx.db.run(async (db) => {
    if (!(await kind.load(db, ctx.scope, id))) throw notFound();
    const [counts] = await attendanceCounts(db, kind.occasionKind, [id]);
    const { token, expiresAt } = currentCode(ctx.keys, kindName, id, ctx.now);
    return { url: `/c/${kindName}/${id}?t=${token}`, token, expiresAt, present: counts?.present ?? 0, signedUp: counts?.signedUp ?? 0 };
  });
}

/** The occasion looked up without a session (as the owner: the id is the capability). */
async function publicOccasionOf(ctx: Ctx, kindName: string, id: string): Promise<{ kind: CheckinKind; o: CheckinOccasion }> {
  const kind = kindOr404(kindName);
  const o = await ctx.database.owner((db) => kind.load(db, '', id));
  if (!o) throw notFound();
  return { kind, o };
}

export async function publicOccasion(ctx: Ctx, kindName: string, id: string, t: string | undefined): Promise<PublicOccasion> {
  const { o } = await publicOccasionOf(ctx, kindName, id);
  return {
    kind: kindName,
    title: o.title,
    place: o.place,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    orgName: o.orgName,
    window: checkinWindow(o, ctx.now),
    tokenValid: Boolean(t) && tokenValid(ctx.keys, kindName, id, t!, ctx.now),
  };
}

export async function publicCheckin(
  ctx: Ctx,
  kindName: string,
  id: string,
  body: z.output<typeof publicCheckinBody>,
): Promise<PublicCheckinResult> {
  const { kind, o } = await publicOccasionOf(ctx, kindName, id);
  if (!tokenValid(ctx.keys, kindName, id, body.t, ctx.now))
    throw new AppError(400, 'checkin.expired', {}, [{ path: 't', key: 'checkin.expired' }]);
  const window = checkinWindow(o, ctx.now);
  if (window !== 'open') throw new AppError(409, window === 'early' ? 'checkin.early' : 'checkin.closed');
  const name = body.name.replace(/\s+/g, ' ');
  const mobileHash = phoneBlindIndex(ctx.keys, body.mobile);
  // Written in the occasion's own area, so row-level security holds the writes to it.
  const scope = areaPrefix(o.areaCode);
  const row = await ctx.database.tx(scope, async (db) => {
    const residentId = await residentByPhone(db, scope, name, mobileHash);
    if (!residentId) await adoptNameOnlySignUp(db, scope, kind.occasionKind, id, name, mobileHash);
    const occasion = { kind: kind.occasionKind, id, at: o.startsAt, areaCode: o.areaCode, workerId: o.workerId };
    const marked = await markPresent(db, occasion, residentId ? { residentId, name } : { name, mobileHash }, {
      method: 'qr',
      by: null,
      at: ctx.now,
    });
    if (marked.firstTime)
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: 'checkin.qr',
        targetType: kindName,
        targetId: id,
        areaCode: o.areaCode,
        after: { attendanceId: marked.id },
      });
    return marked;
  });
  return { status: row.firstTime ? 'present' : 'already', name: row.personName, receipt: receiptFor(ctx.keys, row.id) };
}

export async function publicSatisfaction(
  ctx: Ctx,
  kindName: string,
  id: string,
  body: z.output<typeof publicSatisfactionBody>,
): Promise<{ ok: true }> {
  const { kind, o } = await publicOccasionOf(ctx, kindName, id);
  const attendanceId = readReceipt(ctx.keys, body.receipt);
  if (!attendanceId) throw new AppError(400, 'checkin.receipt', {}, [{ path: 'receipt', key: 'checkin.receipt' }]);
  const row = await ctx.database.owner((db) => attendanceForReceipt(db, '', attendanceId));
  if (!row || row.kind !== kind.occasionKind || row.occasionId !== id) throw notFound();
  const now = ctx.now.getTime();
  if (now < Date.parse(o.startsAt) || now > Date.parse(o.endsAt) + SATISFACTION_DAYS * 86_400_000)
    throw new AppError(409, 'satisfaction.window');
  // Trainings are evaluated by their own questionnaire (modules/trainings), not 满意度.
  if (kind.occasionKind === 'training_session') throw notFound();
  const subjectKind = kind.occasionKind === 'activity' ? 'activity' : 'group';
  await ctx.database.tx(areaPrefix(o.areaCode), async (db) => {
    await recordSatisfaction(db, { kind: subjectKind, subjectId: id, areaCode: o.areaCode, workerId: o.workerId }, row, {
      score: body.score,
      comment: body.comment ?? null,
      recordedBy: null,
    });
  });
  return { ok: true };
}
