// Supervision (督导): recording a session with a worker or a team (cases discussed, advice
// sealed at rest, actions with due dates), marking an action done, the sessions list, and the
// caseload view: per worker the active cases by stage, what waits for approval, overdue
// actions, and each case's days since its last contact (or since it was opened).
import {
  CASE_STAGES,
  daysBetween,
  narrowScope,
  shanghaiToday,
  type CaseloadRow,
  type caseloadQuery,
  type Actor,
  type CaseStage,
  type SupervisionSession,
  type supervisionCreate,
  type supervisionListQuery,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import {
  caseloadRows,
  casesIn,
  caseWorkersIn,
  insertSession,
  listSessions,
  overdueActions,
  sessionById,
  setActions,
  type SessionRow,
} from './supervision.repo.ts';

/** What supervision needs of its caller: a request's, or the demo's (supervision.demo.ts). */
export type SupervisionCtx = Pick<Ctx, 'db' | 'keys' | 'scope' | 'now'> & {
  actor: Pick<Actor, 'id' | 'username' | 'displayName' | 'permissions' | 'area'>;
  ip: string | null;
};

const view = (ctx: Pick<Ctx, 'keys' | 'now'>, s: SessionRow): SupervisionSession => {
  const today = shanghaiToday(ctx.now);
  const names = new Map(s.workers.map((w) => [w.id, w.name]));
  return {
    id: s.id,
    areaCode: s.areaCode,
    heldOn: s.heldOn,
    format: s.format,
    supervisorId: s.supervisorId,
    supervisorName: s.supervisorName,
    workers: s.workers,
    cases: s.cases,
    advice: ctx.keys.open(s.adviceCipher),
    actions: s.actions.map((a) => ({ ...a, workerName: names.get(a.workerId) ?? '', overdue: !a.doneOn && a.dueOn < today })),
    version: s.version,
    createdAt: s.createdAt,
  };
};

export async function recordSession(ctx: SupervisionCtx, body: z.output<typeof supervisionCreate>): Promise<SupervisionSession> {
  if (body.heldOn > shanghaiToday(ctx.now)) throw fieldError('heldOn', 'supervision.future');
  const workerIds = [...new Set(body.workerIds)];
  if (body.format === 'individual' && workerIds.length !== 1) throw fieldError('workerIds', 'supervision.individualOne');
  const stray = body.actions.findIndex((a) => !workerIds.includes(a.workerId));
  if (stray >= 0) throw fieldError(`actions.${stray}.workerId`, 'supervision.actionWorker');
  return ctx.db.tx(async (db) => {
    const workers = await caseWorkersIn(db, ctx.scope, workerIds);
    if (workers.length !== workerIds.length) throw fieldError('workerIds', 'supervision.worker');
    const caseIds = [...new Set(body.caseIds)];
    if ((await casesIn(db, ctx.scope, caseIds)).length !== caseIds.length) throw fieldError('caseIds', 'supervision.case');
    const id = uuidv7();
    await insertSession(db, {
      id,
      areaCode: ctx.actor.area.code,
      heldOn: body.heldOn,
      format: body.format,
      supervisorId: ctx.actor.id,
      supervisorName: ctx.actor.displayName,
      workerIds,
      caseIds,
      adviceCipher: ctx.keys.seal(body.advice),
      actions: body.actions.map((a) => ({ ...a, doneOn: null })),
    });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'supervision.record',
        targetType: 'supervision',
        targetId: id,
        areaCode: ctx.actor.area.code,
        after: { heldOn: body.heldOn, format: body.format, workerIds, caseIds, actions: body.actions.length },
      }),
    );
    return view(ctx, (await sessionById(db, ctx.scope, id))!);
  });
}

/** Marks action `n` of a session done today (409 when the session changed since it was read). */
export async function completeAction(ctx: SupervisionCtx, id: string, n: number, version: number): Promise<SupervisionSession> {
  return ctx.db.tx(async (db) => {
    const s = await sessionById(db, ctx.scope, id);
    if (!s) throw notFound();
    const action = s.actions[n];
    if (!action) throw notFound();
    if (ctx.actor.id !== action.workerId && ctx.actor.id !== s.supervisorId && !ctx.actor.permissions.includes('case.approve'))
      throw notFound();
    const actions = s.actions.map((a, i) => (i === n ? { ...a, doneOn: a.doneOn ?? shanghaiToday(ctx.now) } : a));
    if (!(await setActions(db, ctx.scope, id, version, actions))) throw conflict();
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'supervision.actionDone',
        targetType: 'supervision',
        targetId: id,
        areaCode: s.areaCode,
        after: { action: n },
      }),
    );
    return view(ctx, (await sessionById(db, ctx.scope, id))!);
  });
}

export async function findSessions(ctx: Ctx, q: z.output<typeof supervisionListQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  const page = await ctx.db.run((db) =>
    listSessions(db, { prefix, workerId: q.worker, from: q.from, to: q.to, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
  return { items: page.items.map((s) => view(ctx, s)), total: page.total };
}

export async function caseload(ctx: Ctx, q: z.output<typeof caseloadQuery>): Promise<{ items: CaseloadRow[] }> {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [] };
  const today = shanghaiToday(ctx.now);
  const [found, overdue] = await ctx.db.run(
    async (db) => [await caseloadRows(db, prefix), await overdueActions(db, prefix, today)] as const,
  );
  const byWorker = new Map<string, CaseloadRow>();
  for (const r of found) {
    let w = byWorker.get(r.workerId);
    if (!w) {
      const byStage = Object.fromEntries(CASE_STAGES.map((s) => [s, 0])) as Record<CaseStage, number>;
      w = {
        workerId: r.workerId,
        workerName: r.workerName,
        active: 0,
        byStage,
        awaitingApproval: 0,
        overdueActions: overdue.get(r.workerId) ?? 0,
        cases: [],
      };
      byWorker.set(r.workerId, w);
    }
    if (!r.id) continue;
    const stage = r.stage as CaseStage;
    w.active++;
    w.byStage[stage]++;
    if (r.awaiting) w.awaitingApproval++;
    w.cases.push({ id: r.id, caseNo: r.caseNo!, residentName: r.residentName!, stage, daysSinceContact: daysBetween(r.lastOn!, today) });
  }
  for (const w of byWorker.values()) w.cases.sort((a, b) => b.daysSinceContact - a.daysSinceContact || a.caseNo.localeCompare(b.caseNo));
  return { items: [...byWorker.values()] };
}
