// What a caller sees of a case. The narrative (problem, plan, closing summary, event texts) is
// sealed at rest; a sensitive case's (mental health, children) is opened only for the worker in
// charge, a supervisor (case.approve in its area) and holders of case.sensitive. Everyone else
// in scope sees the case's facts with `narrativeHidden`.
import { nextStages, type CaseDetail, type CaseEvent, type CasePlan } from '@wushe/core';
import type { Keys } from '@wushe/db';
import type { Ctx } from '../../context.ts';
import type { CaseRow, EventRow } from './cases.repo.ts';

export type CaseViewer = Pick<Ctx, 'keys'> & { actor: { id: string; permissions: readonly string[] } };

/** May this caller read the narrative of this case? */
export const readsNarrative = (ctx: CaseViewer, c: Pick<CaseRow, 'sensitive' | 'workerId'>) =>
  !c.sensitive ||
  c.workerId === ctx.actor.id ||
  ctx.actor.permissions.includes('case.approve') ||
  ctx.actor.permissions.includes('case.sensitive');

export const openPlan = (keys: Keys, cipher: string | null): CasePlan =>
  cipher ? (JSON.parse(keys.open(cipher)) as CasePlan) : { goals: [], services: [], note: null };

export const sealPlan = (keys: Keys, plan: CasePlan) => keys.seal(JSON.stringify(plan));

export function caseView(ctx: CaseViewer, c: CaseRow): CaseDetail {
  const open = readsNarrative(ctx, c);
  return {
    id: c.id,
    caseNo: c.caseNo,
    residentId: c.residentId,
    residentName: c.residentName,
    areaCode: c.areaCode,
    areaName: c.areaName,
    workerId: c.workerId,
    workerName: c.workerName,
    type: c.type,
    riskLevel: c.riskLevel,
    stage: c.stage,
    planStatus: c.planStatus,
    closureStatus: c.closureStatus,
    sensitive: c.sensitive,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    lastEventAt: c.lastEventAt,
    narrativeHidden: !open,
    problem: open ? ctx.keys.open(c.problemCipher) : null,
    plan: open ? openPlan(ctx.keys, c.planCipher) : null,
    closingSummary: open && c.closingCipher ? ctx.keys.open(c.closingCipher) : null,
    reopenCount: c.reopenCount,
    nextStages: nextStages(c),
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function eventView(keys: Keys, e: EventRow, open: boolean): CaseEvent {
  return {
    id: e.id,
    at: e.at,
    kind: e.kind as CaseEvent['kind'],
    actorName: e.actorName,
    stage: e.stage as CaseEvent['stage'],
    text: !open ? null : e.textCipher ? keys.open(e.textCipher) : e.plainText,
    detail: e.detail,
  };
}
