// The case workflow through the API: stage moves (409 naming the allowed next stages), the plan
// (goals and 5+N services) saved and sent to the head, goal progress, the closure request, and
// the head's approval or return of either. The rules themselves are @wushe/core's workflow.
import { closeReferralsOf } from './referrals.repo.ts';
import {
  afterDecision,
  afterMove,
  awaitsDecision,
  moveProblem,
  nextStages,
  planEditable,
  progressOpen,
  shanghaiToday,
  submitProblem,
  translate,
  type CaseDetail,
  type CasePlan,
  type CaseStage,
  type caseClosureSubmit,
  type caseDecision,
  type casePlanSave,
  type caseProgress,
  type caseTransition,
  type Lang,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { z } from 'zod';
import { AppError, badRequest, fieldError, notFound, type FieldError } from '../../http/errors.ts';
import { activeCodes } from './cases.repo.ts';
import { changeCase, eventOf, type CaseCtx } from './cases.service.ts';
import { openPlan, readsNarrative, sealPlan } from './cases.view.ts';

const stageNames = (lang: Lang, stages: CaseStage[]) =>
  stages.map((s) => translate(lang, `case.stage.${s}`)).join('、') || translate(lang, 'case.stage.none');

/** A stage move; an illegal one answers 409 with the workflow's reason and the stages allowed now. */
export function moveCase(ctx: CaseCtx & { lang: Lang }, id: string, body: z.output<typeof caseTransition>): Promise<CaseDetail> {
  return changeCase(ctx, id, body.version, async (c) => {
    const problem = moveProblem(c, body.to, body.reason);
    if (problem === 'case.reopenReasonRequired') throw fieldError('reason', problem);
    if (problem) {
      const allowed = nextStages(c);
      throw new AppError(409, problem, {
        from: translate(ctx.lang, `case.stage.${c.stage}`),
        to: translate(ctx.lang, `case.stage.${body.to}`),
        allowed: stageNames(ctx.lang, allowed),
      });
    }
    const reopening = c.stage === 'closed';
    const next = afterMove(c, body.to);
    return {
      changes: { ...next, ...(reopening ? { reopenCount: c.reopenCount + 1, closedOn: null } : {}) },
      event: eventOf(ctx, c, reopening ? 'reopened' : 'stage', body.to, body.reason ?? null, { from: c.stage }),
      audit: [reopening ? 'case.reopen' : 'case.stage', { from: c.stage, to: body.to }],
    };
  });
}

export function savePlan(ctx: CaseCtx, id: string, body: z.output<typeof casePlanSave>): Promise<CaseDetail> {
  return changeCase(ctx, id, body.version, async (c, db) => {
    if (!readsNarrative(ctx, c)) throw notFound();
    if (!planEditable(c)) throw new AppError(409, 'case.planNotEditable');
    const services = await activeCodes(db, 'service_type');
    const bad: FieldError[] = body.services.flatMap((s, i) => (services.has(s) ? [] : [{ path: `services.${i}`, key: 'case.service' }]));
    if (bad.length) throw badRequest(bad);
    if (body.submit) {
      if (!body.goals.length) throw fieldError('goals', 'case.planNeedsGoal');
      const problem = submitProblem(c, 'plan');
      if (problem) throw new AppError(409, problem);
    }
    const before = openPlan(ctx.keys, c.planCipher);
    const plan: CasePlan = {
      goals: body.goals.map((g) => {
        const kept = g.id ? before.goals.find((x) => x.id === g.id) : undefined;
        return {
          id: kept?.id ?? uuidv7(),
          title: g.title,
          measure: g.measure,
          targetDate: g.targetDate,
          status: kept?.status ?? 'open',
          progress: kept?.progress ?? null,
        };
      }),
      services: [...new Set(body.services)],
      note: body.note ?? null,
    };
    const planStatus = body.submit ? 'submitted' : 'draft';
    const detail = { goals: plan.goals.length, services: plan.services.length };
    return {
      changes: { planCipher: sealPlan(ctx.keys, plan), planStatus },
      event: eventOf(ctx, c, body.submit ? 'plan_submitted' : 'plan_saved', c.stage, null, detail),
      audit: [body.submit ? 'case.planSubmit' : 'case.planSave', { ...detail, planStatus }],
    };
  });
}

export function recordProgress(ctx: CaseCtx, id: string, body: z.output<typeof caseProgress>): Promise<CaseDetail> {
  return changeCase(ctx, id, body.version, async (c) => {
    if (!readsNarrative(ctx, c)) throw notFound();
    if (!progressOpen(c)) throw new AppError(409, 'case.progressClosed');
    const plan = openPlan(ctx.keys, c.planCipher);
    const goal = plan.goals.find((g) => g.id === body.goalId);
    if (!goal) throw fieldError('goalId', 'case.goalUnknown');
    Object.assign(goal, { status: body.status, progress: body.progress });
    return {
      changes: { planCipher: sealPlan(ctx.keys, plan) },
      event: eventOf(ctx, c, 'progress', c.stage, body.progress, { goal: goal.title, status: body.status }),
      audit: ['case.progress', { goalId: goal.id, status: body.status }],
    };
  });
}

export function submitClosure(ctx: CaseCtx, id: string, body: z.output<typeof caseClosureSubmit>): Promise<CaseDetail> {
  return changeCase(ctx, id, body.version, async (c) => {
    if (!readsNarrative(ctx, c)) throw notFound();
    const problem = submitProblem(c, 'closure');
    if (problem) throw new AppError(409, problem);
    const plan = openPlan(ctx.keys, c.planCipher);
    const states = new Map(body.goals.map((g) => [g.id, g.status]));
    if (plan.goals.some((g) => !states.has(g.id)) || body.goals.some((g) => !plan.goals.some((x) => x.id === g.id)))
      throw fieldError('goals', 'case.closureGoals');
    for (const g of plan.goals) g.status = states.get(g.id)!;
    return {
      changes: { planCipher: sealPlan(ctx.keys, plan), closingCipher: ctx.keys.seal(body.summary), closureStatus: 'submitted' },
      event: eventOf(ctx, c, 'closure_submitted', c.stage, null, { goals: plan.goals.length }),
      audit: ['case.closureSubmit', { goals: plan.goals.map((g) => ({ id: g.id, status: g.status })) }],
    };
  });
}

/** The head approves or returns (with a comment) the plan or the closure waiting for them. */
export function decide(ctx: CaseCtx & { lang: Lang }, id: string, body: z.output<typeof caseDecision>): Promise<CaseDetail> {
  return changeCase(ctx, id, body.version, async (c, db) => {
    if (!awaitsDecision(c, body.kind))
      throw new AppError(409, 'case.nothingToDecide', { kind: translate(ctx.lang, `case.kind.${body.kind}`) });
    const next = afterDecision(c, body.kind, body.decision);
    const closing = body.kind === 'closure' && body.decision === 'approve';
    const kind = `${body.kind}_${body.decision === 'approve' ? 'approved' : 'returned'}`;
    // A closed case is no longer read by the organisations it was referred to.
    if (closing) await closeReferralsOf(db, c.id, ctx.now);
    return {
      changes: { ...next, ...(closing ? { closedOn: shanghaiToday(ctx.now) } : {}) },
      event: eventOf(ctx, c, kind, next.stage, body.comment ?? null),
      audit: [`case.${body.kind}${body.decision === 'approve' ? 'Approve' : 'Return'}`, { decision: body.decision }],
    };
  });
}
