// Casework: opening a case for a resident of the caller's scope, the list and the approval
// queue, a case as the caller may see it, edits, notes, handing a case to another worker and
// the timeline. Stage moves and approvals are in cases.flow.ts. Every write runs in one
// transaction with its timeline event and its audit record.
import {
  isSensitiveCaseType,
  narrowScope,
  shanghaiToday,
  stationPrefix,
  type Actor,
  type caseCreate,
  type CaseDetail,
  type caseListQuery,
  type caseNote,
  type caseReassign,
  type caseTimelineQuery,
  type caseUpdate,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import {
  activeCodes,
  caseById,
  caseWorkerAt,
  eventsOf,
  followUpOfResident,
  insertCase,
  insertEvent,
  listCases,
  residentForCase,
  touchCase,
  updateCase,
  type CaseRow,
  type NewEvent,
} from './cases.repo.ts';
import { caseView, eventView, readsNarrative } from './cases.view.ts';

/** What casework needs of its caller: a request's, or the demo's (cases.demo.ts, past dates). */
export type CaseCtx = Pick<Ctx, 'db' | 'keys' | 'scope' | 'now'> & {
  actor: Pick<Actor, 'id' | 'username' | 'displayName' | 'permissions'>;
  ip: string | null;
};

export type CaseListInput = z.output<typeof caseListQuery>;

/** A timeline event of `c` by the caller, at ctx.now. */
export const eventOf = (
  ctx: CaseCtx,
  c: Pick<CaseRow, 'id' | 'areaCode'>,
  kind: string,
  stage: string,
  text: string | null = null,
  detail: NewEvent['detail'] = {},
): NewEvent => ({
  caseId: c.id,
  areaCode: c.areaCode,
  at: ctx.now,
  kind,
  stage,
  actorId: ctx.actor.id,
  actorName: ctx.actor.displayName,
  textCipher: text ? ctx.keys.seal(text) : null,
  detail,
});

const audit = (
  db: Db,
  ctx: CaseCtx,
  c: Pick<CaseRow, 'id' | 'areaCode'>,
  action: string,
  after: Record<string, unknown>,
  before?: unknown,
) => appendAudit(db, byActor(ctx, { action, targetType: 'case', targetId: c.id, areaCode: c.areaCode, before, after }));

export function openCase(ctx: CaseCtx, body: z.output<typeof caseCreate>): Promise<CaseDetail> {
  return ctx.db.tx((db) => openCaseIn(db, ctx, body));
}

/** Opens the case inside the caller's transaction (accepting a referral opens one with its decision). */
export async function openCaseIn(
  db: Db,
  ctx: CaseCtx,
  body: z.output<typeof caseCreate>,
  opening: Record<string, string | null> = {},
): Promise<CaseDetail> {
  const resident = await residentForCase(db, ctx.scope, body.residentId);
  if (!resident) throw fieldError('residentId', 'error.notFound');
  if (resident.status !== 'active') throw fieldError('residentId', 'case.residentInactive');
  if (!(await activeCodes(db, 'case_type')).has(body.type)) throw fieldError('type', 'case.type');
  if (body.followUpId && !(await followUpOfResident(db, ctx.scope, body.followUpId, resident.id)))
    throw fieldError('followUpId', 'case.followUpUnknown');
  const workerId = body.workerId ?? ctx.actor.id;
  if (!(await caseWorkerAt(db, stationPrefix(resident.areaCode), workerId))) throw fieldError('workerId', 'case.worker');
  const id = uuidv7();
  const c = { id, areaCode: resident.areaCode };
  await insertCase(db, {
    ...c,
    orgId: resident.orgId,
    residentId: resident.id,
    workerId,
    type: body.type,
    riskLevel: body.riskLevel,
    sensitive: isSensitiveCaseType(body.type),
    problemCipher: ctx.keys.seal(body.problem),
    openedOn: shanghaiToday(ctx.now),
    followUpId: body.followUpId ?? null,
    createdBy: ctx.actor.id,
    at: ctx.now,
  });
  await insertEvent(
    db,
    eventOf(ctx, c, 'opened', 'intake', null, {
      riskLevel: body.riskLevel,
      type: body.type,
      fromFollowUp: body.followUpId ?? null,
      ...opening,
    }),
  );
  const created = (await caseById(db, ctx.scope, id))!;
  await audit(db, ctx, c, 'case.open', {
    caseNo: created.caseNo,
    residentId: resident.id,
    type: body.type,
    riskLevel: body.riskLevel,
    workerId,
  });
  return caseView(ctx, created);
}

export async function findCases(ctx: CaseCtx, q: CaseListInput) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) =>
    listCases(db, {
      prefix,
      q: q.q,
      stage: q.stage,
      type: q.type,
      risk: q.risk,
      workerId: q.worker === 'me' ? ctx.actor.id : q.worker,
      residentId: q.resident,
      awaiting: q.awaiting,
      sort: q.sort,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
}

export async function getCase(ctx: CaseCtx, id: string): Promise<CaseDetail> {
  const c = await ctx.db.run((db) => caseById(db, ctx.scope, id));
  if (!c) throw notFound();
  return caseView(ctx, c);
}

/**
 * Loads the case in scope inside the transaction, lets `change` check it and say what to store
 * and record, then applies it at the version read (409 when stale) and returns the new view.
 */
export async function changeCase(
  ctx: CaseCtx,
  id: string,
  version: number,
  change: (c: CaseRow, db: Db) => Promise<{ changes: Record<string, unknown>; event: NewEvent; audit: [string, Record<string, unknown>] }>,
): Promise<CaseDetail> {
  return ctx.db.tx(async (db) => {
    const before = await caseById(db, ctx.scope, id);
    if (!before) throw notFound();
    if (before.version !== version) throw conflict();
    const {
      changes,
      event,
      audit: [action, after],
    } = await change(before, db);
    if (!(await updateCase(db, ctx.scope, id, version, { ...changes, lastEventAt: ctx.now }))) throw conflict();
    await insertEvent(db, event);
    await audit(db, ctx, before, action, after, {
      stage: before.stage,
      planStatus: before.planStatus,
      closureStatus: before.closureStatus,
    });
    return caseView(ctx, (await caseById(db, ctx.scope, id))!);
  });
}

export function editCase(ctx: CaseCtx, id: string, body: z.output<typeof caseUpdate>): Promise<CaseDetail> {
  const { version, ...input } = body;
  return changeCase(ctx, id, version, async (c, db) => {
    if (input.type && !(await activeCodes(db, 'case_type')).has(input.type)) throw fieldError('type', 'case.type');
    if (input.problem !== undefined && !readsNarrative(ctx, c)) throw notFound();
    const changes: Record<string, unknown> = {};
    if (input.type) Object.assign(changes, { type: input.type, sensitive: c.sensitive || isSensitiveCaseType(input.type) });
    if (input.riskLevel) changes.riskLevel = input.riskLevel;
    if (input.problem) changes.problemCipher = ctx.keys.seal(input.problem);
    const detail = { type: input.type ?? null, riskLevel: input.riskLevel ?? null };
    return {
      changes,
      event: eventOf(ctx, c, 'updated', c.stage, null, detail),
      audit: ['case.update', { ...detail, problem: Boolean(input.problem) }],
    };
  });
}

/** A case note on the timeline (sealed; hidden with the narrative of a sensitive case). */
export async function addNote(ctx: CaseCtx, id: string, body: z.output<typeof caseNote>) {
  return ctx.db.tx(async (db) => {
    const c = await caseById(db, ctx.scope, id);
    if (!c) throw notFound();
    if (!readsNarrative(ctx, c)) throw notFound();
    await insertEvent(db, eventOf(ctx, c, 'note', c.stage, body.text));
    await touchCase(db, ctx.scope, id, ctx.now);
    await audit(db, ctx, c, 'case.note', { length: body.text.length });
    return { ok: true as const };
  });
}

/** The head hands the case to another worker of the station, with a handover note. */
export function reassignCase(ctx: CaseCtx, id: string, body: z.output<typeof caseReassign>): Promise<CaseDetail> {
  return changeCase(ctx, id, body.version, async (c, db) => {
    if (c.workerId === body.workerId) throw fieldError('workerId', 'case.sameWorker');
    const worker = await caseWorkerAt(db, stationPrefix(c.areaCode), body.workerId);
    if (!worker) throw fieldError('workerId', 'case.worker');
    const detail = { fromWorker: c.workerName, toWorker: worker.displayName };
    return {
      changes: { workerId: worker.id },
      event: eventOf(ctx, c, 'reassigned', c.stage, body.note, detail),
      audit: ['case.reassign', { fromWorkerId: c.workerId, toWorkerId: worker.id }],
    };
  });
}

export async function caseTimeline(ctx: CaseCtx, id: string, q: z.output<typeof caseTimelineQuery>) {
  return ctx.db.run(async (db) => {
    const c = await caseById(db, ctx.scope, id);
    if (!c) throw notFound();
    const open = readsNarrative(ctx, c);
    return { items: (await eventsOf(db, ctx.scope, id, q.kind)).map((e) => eventView(ctx.keys, e, open)) };
  });
}
