// The public side of trainings (no session): a training's page (no participant, no join code,
// no stream link), sign-up by name, mobile and organisation (a register entry with that name and
// mobile in the training's area is linked, so their hours are credited), attendance at an
// online session by its join code within the session's window, the course evaluation by the
// name and mobile signed up with, and certificate verification showing a masked name only.
import { areaPrefix, maskName, type publicJoinBody, type publicSignUpBody } from '@wushe/core';
import { phoneBlindIndex } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit } from '../../audit/audit.ts';
import { verifyVolunteerCertificate } from '../volunteers/certificates.service.ts';
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { markPresent } from '../attendance/attendance.repo.ts';
import { checkinWindow } from '../checkin/checkin.code.ts';
import { certificateByCode, registrationByKey, waitingPosition, workerByMobile } from './registrations.repo.ts';
import { personByMobile, personKeyOf, registerPerson, saveEvaluation } from './registrations.ts';
import { sessionByJoinCode, sessionsOf, trainingById } from './trainings.repo.ts';

/** The training looked up as the owner (the id is the capability); its writes then run in its own area. */
export async function trainingOf(ctx: Ctx, id: string) {
  const t = await ctx.database.owner((db) => trainingById(db, '', id));
  if (!t) throw notFound();
  return t;
}

export async function publicTraining(ctx: Ctx, id: string) {
  const t = await trainingOf(ctx, id);
  const sessions = await ctx.database.owner((db) => sessionsOf(db, '', id));
  return {
    id: t.id,
    title: t.title,
    level: t.level as never,
    description: t.description,
    orgName: t.orgName,
    status: t.status,
    capacity: t.capacity,
    placesLeft: t.capacity === null ? null : Math.max(t.capacity - t.registered, 0),
    sessions: sessions
      .filter((s) => !s.cancelled)
      .map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, mode: s.mode, place: s.place, hours: s.hours })),
  };
}

export async function publicSignUp(ctx: Ctx, id: string, b: z.output<typeof publicSignUpBody>) {
  const t = await trainingOf(ctx, id);
  const scope = areaPrefix(t.areaCode);
  return ctx.database.tx(scope, async (db) => {
    const workerId = (await workerByMobile(db, scope, b.name.trim(), phoneBlindIndex(ctx.keys, b.mobile))) ?? null;
    const { row, already } = await registerPerson(db, t, personByMobile(ctx.keys, b, workerId));
    if (!already) {
      await appendAudit(db, {
        actorId: null,
        actorName: null,
        ip: ctx.ip,
        action: 'training.register.public',
        targetType: 'training',
        targetId: id,
        areaCode: t.areaCode,
        after: { registrationId: row.id, status: row.status },
      });
    }
    return {
      status: row.status as 'registered' | 'waiting',
      position: row.status === 'waiting' ? await waitingPosition(db, id, row.seq) : null,
      already,
    };
  });
}

async function registrantOf(ctx: Ctx, trainingId: string, name: string, mobile: string) {
  const key = personKeyOf({ name, mobileHash: phoneBlindIndex(ctx.keys, mobile) });
  const r = await ctx.database.owner((db) => registrationByKey(db, trainingId, key));
  if (!r || r.status !== 'registered' || r.personName !== name.trim().replace(/\s+/g, ' '))
    throw new AppError(409, 'training.notRegistered');
  return r;
}

export async function publicJoin(ctx: Ctx, id: string, b: z.output<typeof publicJoinBody>) {
  const t = await trainingOf(ctx, id);
  const s = await ctx.database.owner((db) => sessionByJoinCode(db, id, b.code));
  if (!s || s.mode === 'offline' || checkinWindow({ ...s, cancelled: t.status === 'cancelled' }, ctx.now) !== 'open')
    throw new AppError(400, 'training.codeWrong', {}, [{ path: 'code', key: 'training.codeWrong' }]);
  const r = await registrantOf(ctx, id, b.name, b.mobile);
  const marked = await ctx.database.tx(areaPrefix(t.areaCode), (db) =>
    markPresent(
      db,
      { kind: 'training_session', id: s.id, at: s.startsAt, areaCode: t.areaCode, workerId: null },
      { name: r.personName, mobileHash: r.personKey.slice(2) },
      { method: 'code', by: null, at: ctx.now },
    ),
  );
  return { status: marked.firstTime ? ('present' as const) : ('already' as const), session: s.title, streamUrl: s.streamUrl };
}

export async function publicEvaluate(
  ctx: Ctx,
  id: string,
  b: { name: string; mobile: string; answers: number[]; comment?: string | null },
) {
  const t = await trainingOf(ctx, id);
  const r = await registrantOf(ctx, id, b.name, b.mobile);
  await ctx.database.tx(areaPrefix(t.areaCode), (db) => saveEvaluation(db, t, r, b.answers, b.comment ?? null));
  return { ok: true as const };
}

/** A certificate of completion, or a volunteer-service record certificate: one code space, one check. */
export async function verifyCertificate(ctx: Ctx, code: string) {
  const c = await ctx.database.owner((db) => certificateByCode(db, code));
  if (c)
    return {
      code: c.code,
      maskedName: maskName(c.personName),
      title: c.title,
      hours: c.hours,
      issuedOn: c.issuedOn,
      kind: 'training' as const,
    };
  const v = await verifyVolunteerCertificate(ctx, code);
  if (!v) throw notFound();
  const { name, ...rest } = v;
  return { ...rest, maskedName: maskName(name) };
}
