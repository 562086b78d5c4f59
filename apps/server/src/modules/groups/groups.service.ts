// Groups (小组): creating a group with its planned sessions, the list, a group with its counts,
// edits and the status (recruiting → running once a session is recorded → ended; cancelled only
// before any session was held), and members: registered residents of the caller's scope or
// others by name (a mobile number kept as its blind index only, finding a registered resident
// when it is theirs). Sessions, attendance and satisfaction are in groups.sessions.ts.
import {
  areaLevel,
  inScope,
  meanSatisfaction,
  narrowScope,
  shanghaiToday,
  stationPrefix,
  translate,
  type Actor,
  type GroupDetail,
  type groupCreate,
  type groupListQuery,
  type groupUpdate,
  type memberAdd,
} from '@wushe/core';
import { phoneBlindIndex, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { moveOccasion, satisfactionOf } from '../attendance/attendance.repo.ts';
import { activeCodes } from '../cases/cases.repo.ts';
import {
  addMember,
  groupById,
  insertGroup,
  leaveMember,
  listGroups,
  membersOf,
  residentByPhoneHash,
  residentsIn,
  updateGroup,
  type GroupFull,
} from './groups.repo.ts';
import { areaExists, groupWorkerAt, insertSessions, sessionsOf, stationOrgOf, type NewSession } from './groups.sessions.repo.ts';

/** What groups need of their caller: a request's, or the demo's (groups.demo.ts, past dates). */
export type GroupCtx = Pick<Ctx, 'db' | 'keys' | 'scope' | 'now'> & {
  actor: Pick<Actor, 'id' | 'username' | 'displayName' | 'permissions' | 'area'>;
  ip: string | null;
  lang?: Ctx['lang'];
};

export type GroupListInput = z.output<typeof groupListQuery>;

export const auditGroup = (
  db: Db,
  ctx: GroupCtx,
  g: Pick<GroupFull, 'id' | 'areaCode'>,
  action: string,
  after: unknown,
  before?: unknown,
) => appendAudit(db, byActor(ctx, { action, targetType: 'group', targetId: g.id, areaCode: g.areaCode, before, after }));

export async function groupView(db: Db, ctx: GroupCtx, g: GroupFull): Promise<GroupDetail> {
  const scores = (await satisfactionOf(db, ctx.scope, 'group', g.id)).map((s) => s.score);
  return { ...g, satisfaction: meanSatisfaction(scores), satisfactionCount: scores.length };
}

/** A group in scope, or 404 (another street's group answers exactly like a missing one). */
export async function groupIn(db: Db, ctx: GroupCtx, id: string): Promise<GroupFull> {
  const g = await groupById(db, ctx.scope, id);
  if (!g) throw notFound();
  return g;
}

/** The planned sessions of a new group: `count` weekly (or every intervalDays) from firstAt, or as listed. */
function plannedSessions(body: z.output<typeof groupCreate>): NewSession[] {
  if (body.sessions)
    return [...body.sessions]
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((s) => ({ id: uuidv7(), startsAt: s.startsAt, endsAt: s.endsAt, theme: s.theme ?? null, place: s.place ?? body.place ?? null }));
  const { count, firstAt, intervalDays, durationMinutes } = body.schedule!;
  const first = Date.parse(firstAt);
  return Array.from({ length: count }, (_, i) => {
    const start = first + i * intervalDays * 86_400_000;
    return {
      id: uuidv7(),
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + durationMinutes * 60_000).toISOString(),
      theme: null,
      place: body.place ?? null,
    };
  });
}

export const themeOf = (ctx: GroupCtx) => (seq: number) => translate(ctx.lang ?? 'zh-CN', 'group.session.theme', { n: seq });

export async function createGroup(ctx: GroupCtx, body: z.output<typeof groupCreate>): Promise<GroupDetail> {
  const areaCode = body.areaCode ?? ctx.actor.area.code;
  if (!inScope(ctx.scope, areaCode) || ['province', 'city', 'county'].includes(areaLevel(areaCode)))
    throw fieldError('areaCode', 'group.area');
  const sessions = plannedSessions(body);
  return ctx.db.tx(async (db) => {
    if (!(await areaExists(db, areaCode))) throw fieldError('areaCode', 'group.area');
    if (!(await activeCodes(db, 'group_type')).has(body.type)) throw fieldError('type', 'group.type');
    const workerId = body.workerId ?? ctx.actor.id;
    if (!(await groupWorkerAt(db, stationPrefix(areaCode), workerId))) throw fieldError('workerId', 'group.worker');
    const id = uuidv7();
    const g = { id, areaCode };
    await insertGroup(db, {
      ...g,
      orgId: await stationOrgOf(db, ctx.scope, areaCode),
      name: body.name,
      type: body.type,
      goal: body.goal,
      targetGroup: body.targetGroup ?? null,
      workerId,
      plannedSessions: sessions.length,
      startsOn: shanghaiToday(new Date(sessions[0]!.startsAt)),
      createdBy: ctx.actor.id,
      at: ctx.now,
    });
    await insertSessions(db, g, sessions, themeOf(ctx));
    await auditGroup(db, ctx, g, 'group.create', { name: body.name, type: body.type, workerId, sessions: sessions.length });
    return groupView(db, ctx, (await groupById(db, ctx.scope, id))!);
  });
}

export async function findGroups(ctx: GroupCtx, q: Omit<GroupListInput, 'page' | 'pageSize'> & { page: number; pageSize: number }) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) =>
    listGroups(db, {
      prefix,
      q: q.q,
      type: q.type,
      status: q.status,
      workerId: q.worker === 'me' ? ctx.actor.id : q.worker,
      residentId: q.resident,
      sort: q.sort,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
}

export const getGroup = (ctx: GroupCtx, id: string) => ctx.db.run(async (db) => groupView(db, ctx, await groupIn(db, ctx, id)));

const closed = (g: GroupFull) => g.status === 'ended' || g.status === 'cancelled';

export async function editGroup(ctx: GroupCtx, id: string, body: z.output<typeof groupUpdate>): Promise<GroupDetail> {
  const { version, ...input } = body;
  return ctx.db.tx(async (db) => {
    const before = await groupIn(db, ctx, id);
    if (before.version !== version) throw conflict();
    if (closed(before)) throw fieldError('status', 'group.closed');
    if (input.type && !(await activeCodes(db, 'group_type')).has(input.type)) throw fieldError('type', 'group.type');
    if (input.workerId && !(await groupWorkerAt(db, stationPrefix(before.areaCode), input.workerId)))
      throw fieldError('workerId', 'group.worker');
    if (input.status === 'ended' && before.sessionsHeld === 0) throw fieldError('status', 'group.endNeedsSession');
    if (input.status === 'cancelled' && before.sessionsHeld > 0) throw fieldError('status', 'group.cancelAfterHeld');
    const changes = { ...input, endsOn: input.status ? shanghaiToday(ctx.now) : undefined };
    if (!(await updateGroup(db, ctx.scope, id, version, changes))) throw conflict();
    // The sessions' attendance carries the worker (outputs by worker): it follows a new one.
    if (input.workerId && input.workerId !== before.workerId)
      for (const s of await sessionsOf(db, ctx.scope, id))
        await moveOccasion(db, { kind: 'group_session', id: s.id, at: s.startsAt, areaCode: before.areaCode, workerId: input.workerId });
    await auditGroup(db, ctx, before, input.status ? `group.${input.status === 'ended' ? 'end' : 'cancel'}` : 'group.update', input, {
      status: before.status,
      workerId: before.workerId,
    });
    return groupView(db, ctx, (await groupById(db, ctx.scope, id))!);
  });
}

export const listMembers = (ctx: GroupCtx, id: string) =>
  ctx.db.run(async (db) => {
    await groupIn(db, ctx, id);
    return { items: await membersOf(db, ctx.scope, id) };
  });

/** Adds residents (in scope, else 404) and others by name; a person already a member is not added twice. */
export async function addMembers(ctx: GroupCtx, id: string, body: z.output<typeof memberAdd>) {
  return ctx.db.tx(async (db) => {
    const g = await groupIn(db, ctx, id);
    if (closed(g)) throw fieldError('residentIds', 'group.closed');
    const ids = [...new Set(body.residentIds)];
    const found = await residentsIn(db, ctx.scope, ids);
    if (found.length !== ids.length) throw notFound();
    const joinedOn = shanghaiToday(ctx.now);
    const people: { residentId: string | null; name: string; mobileHash: string | null }[] = found.map((r) => ({
      residentId: r.id,
      name: r.name,
      mobileHash: null,
    }));
    for (const o of body.others) {
      const mobileHash = o.mobile ? phoneBlindIndex(ctx.keys, o.mobile) : null;
      const registered = mobileHash ? await residentByPhoneHash(db, ctx.scope, mobileHash) : undefined;
      people.push(
        registered
          ? { residentId: registered.id, name: registered.name, mobileHash: null }
          : { residentId: null, name: o.name, mobileHash },
      );
    }
    for (const p of people) await addMember(db, g, { id: uuidv7(), ...p, joinedOn });
    await auditGroup(db, ctx, g, 'group.members.add', { residentIds: ids, others: body.others.length });
    return { items: await membersOf(db, ctx.scope, id) };
  });
}

export async function memberLeaves(ctx: GroupCtx, id: string, memberId: string) {
  return ctx.db.tx(async (db) => {
    const g = await groupIn(db, ctx, id);
    if (!(await leaveMember(db, ctx.scope, id, memberId, shanghaiToday(ctx.now)))) throw notFound();
    await auditGroup(db, ctx, g, 'group.members.leave', { memberId });
    return { items: await membersOf(db, ctx.scope, id) };
  });
}
