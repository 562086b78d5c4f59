// Trainings (培训) and their sessions: create and edit under the caller's scope (version 409,
// audited), the status open ⇄ closed → cancelled (409 otherwise), sessions offline (a place),
// online (a live-stream link; attendance by a join code) or mixed, each with a teacher from the pool.
import {
  inScope,
  narrowScope,
  type TrainingDetail,
  type trainingCreateBody,
  type trainingListQuery,
  type trainingSessionBody,
  type trainingSessionUpdate,
  type trainingUpdateBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import crypto from 'node:crypto';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { moveOccasion } from '../attendance/attendance.repo.ts';
import { orgInScope } from '../workforce/workforce.repo.ts';
import { teacherById } from './teachers.repo.ts';
import {
  insertSession,
  insertTraining,
  listTrainings,
  sessionById,
  sessionsOf,
  trainingById,
  updateSession,
  updateTraining,
  type TrainingRow,
} from './trainings.repo.ts';

type TCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip'>;

/** Legal status moves: open ⇄ closed, either → cancelled; cancelled is final. */
const MOVES: Record<string, readonly string[]> = { open: ['closed', 'cancelled'], closed: ['open', 'cancelled'], cancelled: [] };

export async function trainingOr404(db: Db, scope: string, id: string): Promise<TrainingRow> {
  const t = await trainingById(db, scope, id);
  if (!t) throw notFound();
  return t;
}

async function detailOf(db: Db, scope: string, id: string): Promise<TrainingDetail> {
  const t = await trainingOr404(db, scope, id);
  return { ...(t as TrainingDetail), sessionList: (await sessionsOf(db, scope, id)).map(({ areaCode: _a, ...s }) => s) };
}

export async function findTrainings(ctx: TCtx, q: z.output<typeof trainingListQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) =>
    listTrainings(db, {
      prefix,
      q: q.q,
      level: q.level,
      status: q.status,
      mode: q.mode,
      year: q.year,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  ) as Promise<{ items: TrainingDetail[]; total: number }>;
}

export const getTraining = (ctx: TCtx, id: string) => ctx.db.run((db) => detailOf(db, ctx.scope, id));

export async function createTraining(ctx: TCtx, b: z.output<typeof trainingCreateBody>): Promise<TrainingDetail> {
  if (!inScope(ctx.scope, b.areaCode)) throw fieldError('areaCode', 'workforce.area');
  return ctx.db.tx(async (db) => {
    const id = b.requestId ?? uuidv7();
    const existing = await trainingById(db, ctx.scope, id);
    if (existing) return detailOf(db, ctx.scope, id); // a repeated submit
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'workforce.area');
    if (b.orgId && !(await orgInScope(db, ctx.scope, b.orgId))) throw fieldError('orgId', 'workforce.org');
    await insertTraining(db, {
      id,
      areaCode: b.areaCode,
      orgId: b.orgId ?? null,
      title: b.title,
      level: b.level,
      description: b.description ?? null,
      capacity: b.capacity ?? null,
      requiredShare: b.requiredShare,
      createdBy: ctx.actor.id,
    });
    const after = await detailOf(db, ctx.scope, id);
    await appendAudit(db, byActor(ctx, { action: 'training.create', targetType: 'training', targetId: id, areaCode: b.areaCode, after }));
    return after;
  });
}

export async function editTraining(ctx: TCtx, id: string, b: z.output<typeof trainingUpdateBody>): Promise<TrainingDetail> {
  return ctx.db.tx(async (db) => {
    const before = await trainingOr404(db, ctx.scope, id);
    if (b.status && b.status !== before.status && !MOVES[before.status]!.includes(b.status)) throw new AppError(409, 'training.transition');
    if (before.status === 'cancelled') throw new AppError(409, 'training.transition');
    if (b.orgId && !(await orgInScope(db, ctx.scope, b.orgId))) throw fieldError('orgId', 'workforce.org');
    const { version, ...changes } = b;
    if (!(await updateTraining(db, ctx.scope, id, version, changes))) throw conflict();
    const after = await detailOf(db, ctx.scope, id);
    await appendAudit(
      db,
      byActor(ctx, { action: 'training.update', targetType: 'training', targetId: id, areaCode: before.areaCode, before, after }),
    );
    return after;
  });
}

type SessionInput = Partial<z.output<typeof trainingSessionBody>>;

async function checkSession(db: Db, ctx: TCtx, s: SessionInput) {
  if (s.startsAt && s.endsAt && Date.parse(s.endsAt) <= Date.parse(s.startsAt)) throw fieldError('endsAt', 'training.endsBeforeStart');
  if (s.mode && s.mode !== 'online' && !s.place) throw fieldError('place', 'training.placeRequired');
  if (s.mode && s.mode !== 'offline' && !s.streamUrl) throw fieldError('streamUrl', 'training.streamRequired');
  if (s.teacherId && !(await teacherById(db, ctx.scope, s.teacherId))) throw fieldError('teacherId', 'training.teacher');
}

/** Six digits for the class to type in; a join code is checked within its session's window only. */
const joinCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');

export async function addSession(ctx: TCtx, trainingId: string, b: z.output<typeof trainingSessionBody>) {
  return ctx.db.tx(async (db) => {
    const t = await trainingOr404(db, ctx.scope, trainingId);
    if (t.status === 'cancelled') throw new AppError(409, 'training.transition');
    await checkSession(db, ctx, b);
    const id = uuidv7();
    await insertSession(db, {
      id,
      trainingId,
      areaCode: t.areaCode,
      title: b.title,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      mode: b.mode,
      place: b.place ?? null,
      streamUrl: b.streamUrl ?? null,
      hours: b.hours,
      teacherId: b.teacherId ?? null,
      joinCode: joinCode(),
    });
    const { areaCode: _a, ...after } = (await sessionById(db, ctx.scope, trainingId, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'training.session.add', targetType: 'training', targetId: trainingId, areaCode: t.areaCode, after }),
    );
    return after;
  });
}

export async function editSession(ctx: TCtx, trainingId: string, sessionId: string, b: z.output<typeof trainingSessionUpdate>) {
  return ctx.db.tx(async (db) => {
    const before = await sessionById(db, ctx.scope, trainingId, sessionId);
    if (!before) throw notFound();
    const merged = { ...before, ...Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) } as SessionInput;
    await checkSession(db, ctx, { ...merged, teacherId: b.teacherId });
    const { version, ...changes } = b;
    if (!(await updateSession(db, ctx.scope, sessionId, version, changes))) throw conflict();
    const { areaCode, ...after } = (await sessionById(db, ctx.scope, trainingId, sessionId))!;
    // attendance rows carry the session's time (the day hours are credited to)
    await moveOccasion(db, { kind: 'training_session', id: sessionId, at: after.startsAt, areaCode, workerId: null });
    await appendAudit(
      db,
      byActor(ctx, { action: 'training.session.update', targetType: 'training', targetId: trainingId, areaCode, before, after }),
    );
    return after;
  });
}
