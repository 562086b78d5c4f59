// A group's sessions: the list with who was present, one more planned session, rescheduling
// (the attendance rows follow: attendance.repo moveOccasion), and recording a held session:
// members ticked present, the others marked absent, guests by name, content and evaluation.
// Re-recording replaces the marks; the same record sent twice (a double tap) changes nothing.
// Satisfaction (满意度) of members once the group has held a session.
import {
  meanSatisfaction,
  personKey,
  type GroupSatisfaction,
  type GroupSession,
  type groupSatisfactionBody,
  type sessionChange,
  type sessionPlan,
  type sessionRecord,
} from '@wushe/core';
import { phoneBlindIndex, uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import {
  markAbsent,
  markPresent,
  moveOccasion,
  recordSatisfaction,
  satisfactionOf,
  signUp,
  type Occasion,
  type Person,
} from '../attendance/attendance.repo.ts';
import { memberRefs, recountPlanned, updateGroup, type GroupFull } from './groups.repo.ts';
import { auditGroup, groupIn, themeOf, type GroupCtx } from './groups.service.ts';
import { insertSessions, sessionById, sessionMarks, sessionsOf, updateSession, type SessionRow } from './groups.sessions.repo.ts';

const view = ({ groupId: _g, areaCode: _a, ...s }: SessionRow): GroupSession => s;

export const listSessions = (ctx: GroupCtx, id: string) =>
  ctx.db.run(async (db) => {
    await groupIn(db, ctx, id);
    return { items: (await sessionsOf(db, ctx.scope, id)).map(view) };
  });

const openGroup = (g: GroupFull, path: string) => {
  if (g.status === 'ended' || g.status === 'cancelled') throw fieldError(path, 'group.closed');
};

export async function addSession(ctx: GroupCtx, id: string, body: z.output<typeof sessionPlan>): Promise<GroupSession> {
  return ctx.db.tx(async (db) => {
    const g = await groupIn(db, ctx, id);
    openGroup(g, 'startsAt');
    const sid = uuidv7();
    await insertSessions(db, g, [{ id: sid, ...body, theme: body.theme ?? null, place: body.place ?? null }], themeOf(ctx));
    await recountPlanned(db, ctx.scope, id);
    await auditGroup(db, ctx, g, 'group.session.add', { sessionId: sid, startsAt: body.startsAt });
    return view((await sessionById(db, ctx.scope, id, sid))!);
  });
}

const occasionOf = (g: GroupFull, s: { id: string; startsAt: string }): Occasion => ({
  kind: 'group_session',
  id: s.id,
  at: s.startsAt,
  areaCode: g.areaCode,
  workerId: g.workerId,
});

/** Reschedule, rename or cancel a planned session (version required). */
export async function changeSession(ctx: GroupCtx, id: string, sid: string, body: z.output<typeof sessionChange>): Promise<GroupSession> {
  const { version, ...input } = body;
  return ctx.db.tx(async (db) => {
    const g = await groupIn(db, ctx, id);
    const s = await sessionById(db, ctx.scope, id, sid);
    if (!s) throw notFound();
    if (s.version !== version) throw conflict();
    openGroup(g, 'startsAt');
    if (s.status === 'held') throw fieldError('startsAt', 'group.sessionHeld');
    const startsAt = input.startsAt ?? s.startsAt;
    // Moving the start alone keeps the length.
    const endsAt =
      input.endsAt ??
      (input.startsAt ? new Date(Date.parse(input.startsAt) + Date.parse(s.endsAt) - Date.parse(s.startsAt)).toISOString() : s.endsAt);
    if (Date.parse(endsAt) <= Date.parse(startsAt)) throw fieldError('endsAt', 'group.endsBeforeStart');
    if (!(await updateSession(db, ctx.scope, sid, version, { ...input, startsAt, endsAt }))) throw conflict();
    if (Date.parse(startsAt) !== Date.parse(s.startsAt)) await moveOccasion(db, occasionOf(g, { id: sid, startsAt }));
    if (input.status) await recountPlanned(db, ctx.scope, id);
    await auditGroup(db, ctx, g, 'group.session.change', { sessionId: sid, ...input }, { startsAt: s.startsAt, status: s.status });
    return view((await sessionById(db, ctx.scope, id, sid))!);
  });
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ');
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The record as stored already (a double tap): nothing to do. */
const alreadyRecorded = (s: SessionRow, body: z.output<typeof sessionRecord>) =>
  s.status === 'held' &&
  s.content === body.content &&
  s.evaluation === body.evaluation &&
  sameSet(s.presentMemberIds, body.presentMemberIds) &&
  sameSet(
    s.guests,
    body.guests.map((g) => normalName(g.name)),
  );

export async function recordSession(ctx: GroupCtx, id: string, sid: string, body: z.output<typeof sessionRecord>): Promise<GroupSession> {
  return ctx.db.tx(async (db) => {
    const g = await groupIn(db, ctx, id);
    const s = await sessionById(db, ctx.scope, id, sid);
    if (!s) throw notFound();
    if (alreadyRecorded(s, body)) return view(s);
    if (s.version !== body.version) throw conflict();
    if (g.status === 'cancelled') throw fieldError('presentMemberIds', 'group.closed');
    if (s.status === 'cancelled') throw fieldError('presentMemberIds', 'group.sessionCancelled');
    if (Date.parse(s.startsAt) > ctx.now.getTime()) throw fieldError('presentMemberIds', 'group.sessionFuture');
    const members = await memberRefs(db, ctx.scope, id);
    const byId = new Map(members.map((m) => [m.id, m]));
    const ticked = [...new Set(body.presentMemberIds)];
    if (ticked.some((m) => !byId.has(m))) throw fieldError('presentMemberIds', 'group.memberUnknown');
    const present: Person[] = ticked.map((m) => {
      const ref = byId.get(m)!;
      return { residentId: ref.residentId, name: ref.personName, mobileHash: ref.mobileHash };
    });
    for (const guest of body.guests)
      present.push({ name: guest.name, mobileHash: guest.mobile ? phoneBlindIndex(ctx.keys, guest.mobile) : null });
    const wanted = new Set(present.map((p) => personKey(p)!));
    const o = occasionOf(g, s);
    // Members not ticked (still in the group) are on the list as absent; a mark no longer wanted is taken back.
    const absent = members.filter((m) => !m.leftOn && !wanted.has(m.personKey));
    await signUp(
      db,
      o,
      absent.map((m) => ({ residentId: m.residentId, name: m.personName, mobileHash: m.mobileHash })),
      ctx.actor.id,
    );
    for (const mark of await sessionMarks(db, ctx.scope, sid))
      if (mark.present && !wanted.has(mark.personKey)) await markAbsent(db, ctx.scope, 'group_session', sid, mark.id);
    for (const p of present) await markPresent(db, o, p, { method: 'after', by: ctx.actor.id, at: ctx.now });
    const { content, evaluation } = body;
    if (!(await updateSession(db, ctx.scope, sid, body.version, { status: 'held', content, evaluation }))) throw conflict();
    if (g.status === 'recruiting') await updateGroup(db, ctx.scope, id, null, { status: 'running' });
    await auditGroup(db, ctx, g, 'group.session.record', { sessionId: sid, present: wanted.size, absent: absent.length });
    return view((await sessionById(db, ctx.scope, id, sid))!);
  });
}

async function satisfactionIn(db: Parameters<typeof satisfactionOf>[0], ctx: GroupCtx, id: string): Promise<GroupSatisfaction> {
  const items = (await satisfactionOf(db, ctx.scope, 'group', id)).map(({ byParticipant: _b, ...r }) => r);
  return { items, mean: meanSatisfaction(items.map((r) => r.score)) };
}

export const satisfactionOfGroup = (ctx: GroupCtx, id: string) =>
  ctx.db.run(async (db) => {
    await groupIn(db, ctx, id);
    return satisfactionIn(db, ctx, id);
  });

/** A member's answer (one per member: answering again replaces it), recorded by the worker. */
export async function rateGroup(ctx: GroupCtx, id: string, body: z.output<typeof groupSatisfactionBody>): Promise<GroupSatisfaction> {
  return ctx.db.tx(async (db) => {
    const g = await groupIn(db, ctx, id);
    if (g.sessionsHeld === 0 || g.status === 'cancelled') throw fieldError('memberId', 'group.satisfactionNotYet');
    const m = (await memberRefs(db, ctx.scope, id)).find((r) => r.id === body.memberId);
    if (!m) throw fieldError('memberId', 'group.memberUnknown');
    await recordSatisfaction(
      db,
      { kind: 'group', subjectId: id, areaCode: g.areaCode, workerId: g.workerId },
      { residentId: m.residentId, name: m.personName, mobileHash: m.mobileHash },
      { score: body.score, comment: body.comment ?? null, recordedBy: ctx.actor.id },
    );
    await auditGroup(db, ctx, g, 'group.satisfaction', { memberId: m.id, score: body.score });
    return satisfactionIn(db, ctx, id);
  });
}
