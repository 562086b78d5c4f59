// Registrations: a worker from the register or anyone by name, sealed mobile and organisation.
// Places are counted under a lock on the training, so two last-place sign-ups at once get one
// place and one waiting position; a cancellation moves the waiting list up in order. Attendance
// by list (the QR and the join code are in trainings.checkin.ts / public.ts), evaluations and
// certificates of completion (the share of hours in core).
import { completed, meanRating, promotions, shanghaiDay, type Registration, type evaluationBody, type registrationBody } from '@wushe/core';
import { sealPhone, uuidv7, type Db, type Keys } from '@wushe/db';
import crypto from 'node:crypto';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import { markAbsent, markPresent } from '../attendance/attendance.repo.ts';
import {
  issueCertificate,
  registeredCount,
  registrationById,
  registrationByKey,
  registrationsOf,
  setRegistrationStatus,
  upsertEvaluation,
  evaluationsOf,
  waitingInOrder,
  waitingPosition,
  workerPerson,
  upsertRegistration,
  type RegistrationRow,
} from './registrations.repo.ts';
import { attendanceIdByKey } from './trainings.attendance.repo.ts';
import { lockTraining, sessionById, type TrainingRow } from './trainings.repo.ts';
import { trainingOr404 } from './trainings.service.ts';

type RCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip' | 'keys'>;

export interface Person {
  workerId: string | null;
  name: string;
  mobileCipher: string | null;
  mobileHash: string | null;
  mobileMasked: string | null;
  orgName: string | null;
}

export const personKeyOf = (p: Pick<Person, 'name' | 'mobileHash'>) =>
  p.mobileHash ? `m:${p.mobileHash}` : `n:${p.name.replace(/\s+/g, '')}`;

export function personByMobile(keys: Keys, b: { name: string; mobile: string; orgName: string }, workerId: string | null = null): Person {
  const p = sealPhone(keys, b.mobile);
  return {
    workerId,
    name: b.name.trim(),
    mobileCipher: p.phoneCipher,
    mobileHash: p.phoneHash,
    mobileMasked: p.phoneMasked,
    orgName: b.orgName,
  };
}

async function toRegistration(db: Db, r: RegistrationRow, t: Pick<TrainingRow, 'hours' | 'requiredShare'>): Promise<Registration> {
  return {
    id: r.id,
    workerId: r.workerId,
    personName: r.personName,
    mobileMasked: r.mobileMasked,
    orgName: r.orgName,
    status: r.status,
    position: r.status === 'waiting' ? await waitingPosition(db, r.trainingId, r.seq) : null,
    registeredAt: r.registeredAt,
    attendedHours: r.attendedHours,
    presentSessionIds: r.presentSessionIds,
    completed: completed(r.attendedHours, t.hours, t.requiredShare),
    certificateCode: r.certificateCode,
  };
}

/**
 * Signs a person up in the training's area (the caller holds the lock's transaction): a place
 * while there is one, else the waiting list. Someone already registered or waiting keeps their row.
 */
export async function registerPerson(db: Db, t: TrainingRow, p: Person): Promise<{ row: RegistrationRow; already: boolean }> {
  if (t.status !== 'open') throw new AppError(409, 'training.closed');
  await lockTraining(db, '', t.id);
  const key = personKeyOf(p);
  const held = await registrationByKey(db, t.id, key);
  if (held && held.status !== 'cancelled') return { row: held, already: true };
  const taken = await registeredCount(db, t.id);
  const waiting = (await waitingInOrder(db, t.id)).length;
  const status = t.capacity === null || (taken < t.capacity && waiting === 0) ? 'registered' : 'waiting';
  const { workerId, mobileCipher, mobileHash, mobileMasked, orgName } = p;
  await upsertRegistration(db, {
    id: uuidv7(),
    trainingId: t.id,
    areaCode: t.areaCode,
    workerId,
    personName: p.name,
    mobileCipher,
    mobileHash,
    mobileMasked,
    orgName,
    status,
  });
  return { row: (await registrationByKey(db, t.id, key))!, already: false };
}

/** Fills the places free after a cancellation or a larger capacity, earliest waiting first. */
export async function moveUp(db: Db, t: Pick<TrainingRow, 'id' | 'capacity'>): Promise<string[]> {
  const up = promotions(
    t.capacity,
    await registeredCount(db, t.id),
    (await waitingInOrder(db, t.id)).map((w) => w.id),
  );
  await setRegistrationStatus(db, up, 'registered');
  return up;
}

export async function listRegistrations(ctx: RCtx, trainingId: string) {
  return ctx.db.run(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    const list = await registrationsOf(db, ctx.scope, trainingId);
    return Promise.all(list.map((r) => toRegistration(db, r, t)));
  });
}

export async function addRegistration(ctx: RCtx, trainingId: string, b: z.output<typeof registrationBody>): Promise<Registration> {
  return ctx.db.tx(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    let person: Person;
    if ('workerId' in b) {
      const w = await workerPerson(db, ctx.scope, b.workerId);
      if (!w) throw fieldError('workerId', 'training.worker');
      person = { ...w, workerId: w.id };
    } else person = personByMobile(ctx.keys, b);
    const { row, already } = await registerPerson(db, t, person);
    const after = await toRegistration(db, row, t);
    if (!already)
      await appendAudit(
        db,
        byActor(ctx, { action: 'training.register', targetType: 'training', targetId: trainingId, areaCode: t.areaCode, after }),
      );
    return after;
  });
}

export async function cancelRegistration(ctx: RCtx, trainingId: string, registrationId: string) {
  return ctx.db.tx(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    await lockTraining(db, ctx.scope, trainingId);
    const before = await registrationById(db, ctx.scope, trainingId, registrationId);
    if (!before) throw notFound();
    if (before.status === 'cancelled') throw new AppError(409, 'training.cancelled');
    await setRegistrationStatus(db, [registrationId], 'cancelled');
    const promoted = await moveUp(db, t);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'training.cancel',
        targetType: 'training',
        targetId: trainingId,
        areaCode: t.areaCode,
        before,
        after: { promoted },
      }),
    );
    return { ok: true as const };
  });
}

/** Ticks (or un-ticks) registrants present at a session, by list. */
export async function markSession(ctx: RCtx, trainingId: string, sessionId: string, b: { registrationIds: string[]; present: boolean }) {
  return ctx.db.tx(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    const s = await sessionById(db, ctx.scope, trainingId, sessionId);
    if (!s || s.cancelled) throw notFound();
    const list = await registrationsOf(db, ctx.scope, trainingId);
    for (const id of b.registrationIds) {
      const r = list.find((x) => x.id === id && x.status === 'registered');
      if (!r) throw fieldError('registrationIds', 'training.notRegistered');
      const occasion = { kind: 'training_session' as const, id: sessionId, at: s.startsAt, areaCode: t.areaCode, workerId: null };
      if (b.present)
        await markPresent(
          db,
          occasion,
          { name: r.personName, mobileHash: mobileHashOf(r) },
          { method: 'list', by: ctx.actor.id, at: ctx.now },
        );
      else {
        const row = (await registrationsOf(db, ctx.scope, trainingId)).find((x) => x.id === id);
        if (row?.presentSessionIds.includes(sessionId)) await unmark(db, ctx.scope, sessionId, r.personKey);
      }
    }
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'training.attendance',
        targetType: 'training',
        targetId: trainingId,
        areaCode: t.areaCode,
        after: { sessionId, ...b },
      }),
    );
    return Promise.all((await registrationsOf(db, ctx.scope, trainingId)).map((r) => toRegistration(db, r, t)));
  });
}

const mobileHashOf = (r: Pick<RegistrationRow, 'personKey'>) => (r.personKey.startsWith('m:') ? r.personKey.slice(2) : null);

async function unmark(db: Db, scope: string, sessionId: string, personKey: string) {
  const id = await attendanceIdByKey(db, scope, sessionId, personKey);
  if (id) await markAbsent(db, scope, 'training_session', sessionId, id);
}

export async function evaluate(ctx: RCtx, trainingId: string, b: z.output<typeof evaluationBody>) {
  return ctx.db.tx(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    const r = await registrationById(db, ctx.scope, trainingId, b.registrationId);
    if (!r) throw fieldError('registrationId', 'training.notRegistered');
    await saveEvaluation(db, t, r, b.answers, b.comment ?? null);
    return evaluationSummary(db, ctx.scope, trainingId);
  });
}

export async function saveEvaluation(db: Db, t: TrainingRow, r: RegistrationRow, answers: number[], comment: string | null) {
  if (!r.presentSessionIds.length) throw new AppError(409, 'training.notAttended');
  await upsertEvaluation(db, { id: uuidv7(), trainingId: t.id, areaCode: t.areaCode, registrationId: r.id, answers, comment });
}

export async function evaluationSummary(db: Db, scope: string, trainingId: string) {
  const list = await evaluationsOf(db, scope, trainingId);
  return {
    count: list.length,
    mean: meanRating(list.map((e) => e.answers)),
    byQuestion: [0, 1, 2, 3].map((i) => meanRating(list.map((e) => (e.answers[i] === undefined ? [] : [e.answers[i]!])))),
    comments: list.flatMap((e) => (e.comment ? [e.comment] : [])),
  };
}

export const getEvaluations = (ctx: RCtx, trainingId: string) =>
  ctx.db.run(async (db) => {
    await trainingOr404(db, ctx.scope, trainingId);
    return evaluationSummary(db, ctx.scope, trainingId);
  });

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const certificateCode = () => Array.from(crypto.randomBytes(10), (b) => CODE_CHARS[b % CODE_CHARS.length]).join('');

/** Certificates of completion for every registrant who attended the required share; once each. */
export async function issueCertificates(ctx: RCtx, trainingId: string) {
  return ctx.db.tx(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    let issued = 0;
    for (const r of await registrationsOf(db, ctx.scope, trainingId)) {
      if (r.status !== 'registered' || r.certificateCode || !completed(r.attendedHours, t.hours, t.requiredShare)) continue;
      await issueCertificate(db, r.id, certificateCode(), r.attendedHours, shanghaiDay(ctx.now));
      issued++;
    }
    if (issued)
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'training.certificates',
          targetType: 'training',
          targetId: trainingId,
          areaCode: t.areaCode,
          after: { issued },
        }),
      );
    const list = await registrationsOf(db, ctx.scope, trainingId);
    return { issued, registrations: await Promise.all(list.map((r) => toRegistration(db, r, t))) };
  });
}

/** The printable certificate of one registrant (404 before it is issued). */
export async function certificateFor(ctx: RCtx, trainingId: string, registrationId: string) {
  return ctx.db.run(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    const r = await registrationById(db, ctx.scope, trainingId, registrationId);
    if (!r?.certificateCode) throw notFound();
    return {
      code: r.certificateCode,
      personName: r.personName,
      title: t.title,
      level: t.level as never,
      hours: r.certificateHours ?? 0,
      issuedOn: r.certificateIssuedOn!,
      orgName: t.orgName,
      verifyUrl: `/v/${r.certificateCode}`,
    };
  });
}
