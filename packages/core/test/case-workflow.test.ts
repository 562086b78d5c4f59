// The casework workflow: every (stage, target) pair, the plan gate, the closure's approval,
// reopening with a reason, and what submitting and deciding do to a case's state.
import { describe, expect, it } from 'vitest';
import {
  afterDecision,
  afterMove,
  CASE_STAGES,
  moveProblem,
  nextStages,
  planEditable,
  progressOpen,
  submitProblem,
  type CaseStage,
  type CaseState,
} from '../src/casework/workflow.ts';

const state = (stage: CaseStage, over: Partial<CaseState> = {}): CaseState => ({
  stage,
  planStatus: 'draft',
  closureStatus: 'none',
  ...over,
});

// The legal moves, written out by hand from the domain brief (§6).
const LEGAL: [CaseStage, CaseStage][] = [
  ['intake', 'assessment'],
  ['assessment', 'plan'],
  ['plan', 'intervention'], // with the plan approved
  ['intervention', 'review'],
  ['review', 'intervention'],
  ['closed', 'assessment'], // reopening, with a reason
];

describe('stage moves', () => {
  const approved = (s: CaseStage) => state(s, { planStatus: 'approved' });
  for (const from of CASE_STAGES) {
    for (const to of CASE_STAGES) {
      const legal = LEGAL.some(([a, b]) => a === from && b === to);
      it(`${from} → ${to}: ${legal ? 'allowed' : 'refused'}`, () => {
        const problem = moveProblem(approved(from), to, 'a reason');
        if (legal) expect(problem).toBeNull();
        else expect(problem).toBe(to === 'closed' ? 'case.closureNeedsApproval' : 'case.stageNotNext');
      });
    }
  }

  it('lists the next stages of each stage', () => {
    expect(CASE_STAGES.map((s) => nextStages(state(s, { planStatus: 'approved' })))).toEqual([
      ['assessment'],
      ['plan'],
      ['intervention'],
      ['review'],
      ['intervention'],
      ['assessment'],
    ]);
  });

  it('keeps intervention shut until the plan is approved', () => {
    for (const planStatus of ['draft', 'submitted', 'returned'] as const) {
      expect(moveProblem(state('plan', { planStatus }), 'intervention')).toBe('case.planNotApproved');
      expect(nextStages(state('plan', { planStatus }))).toEqual([]);
    }
    expect(moveProblem(state('plan', { planStatus: 'approved' }), 'intervention')).toBeNull();
  });

  it('needs a reason to reopen', () => {
    expect(moveProblem(state('closed'), 'assessment')).toBe('case.reopenReasonRequired');
    expect(moveProblem(state('closed'), 'assessment', '  ')).toBe('case.reopenReasonRequired');
    expect(moveProblem(state('closed'), 'assessment', '家属来电求助')).toBeNull();
    expect(afterMove(state('closed'), 'assessment')).toEqual(state('assessment'));
  });

  it('allows no move while a closure waits for the head', () => {
    const waiting = state('review', { planStatus: 'approved', closureStatus: 'submitted' });
    expect(nextStages(waiting)).toEqual([]);
    expect(moveProblem(waiting, 'intervention')).toBe('case.waitingForApproval');
  });
});

describe('approvals', () => {
  it('submits a plan only at the plan stage, once', () => {
    expect(submitProblem(state('assessment'), 'plan')).toBe('case.planStageOnly');
    expect(submitProblem(state('plan'), 'plan')).toBeNull();
    expect(submitProblem(state('plan', { planStatus: 'returned' }), 'plan')).toBeNull();
    expect(submitProblem(state('plan', { planStatus: 'submitted' }), 'plan')).toBe('case.planAlreadySubmitted');
    expect(submitProblem(state('plan', { planStatus: 'approved' }), 'plan')).toBe('case.planAlreadyApproved');
  });

  it('asks for closure only at review, once', () => {
    for (const s of CASE_STAGES.filter((x) => x !== 'review')) expect(submitProblem(state(s), 'closure')).toBe('case.closureReviewOnly');
    expect(submitProblem(state('review'), 'closure')).toBeNull();
    expect(submitProblem(state('review', { closureStatus: 'returned' }), 'closure')).toBeNull();
    expect(submitProblem(state('review', { closureStatus: 'submitted' }), 'closure')).toBe('case.closureAlreadySubmitted');
  });

  it('approving or returning changes only what was decided', () => {
    const plan = state('plan', { planStatus: 'submitted' });
    expect(afterDecision(plan, 'plan', 'approve')).toEqual(state('plan', { planStatus: 'approved' }));
    expect(afterDecision(plan, 'plan', 'return')).toEqual(state('plan', { planStatus: 'returned' }));
    const closure = state('review', { planStatus: 'approved', closureStatus: 'submitted' });
    expect(afterDecision(closure, 'closure', 'approve')).toEqual(state('closed', { planStatus: 'approved' }));
    expect(afterDecision(closure, 'closure', 'return')).toEqual(state('review', { planStatus: 'approved', closureStatus: 'returned' }));
  });

  it('opens the plan for editing before intervention and not while the head has it', () => {
    expect(CASE_STAGES.filter((s) => planEditable(state(s)))).toEqual(['intake', 'assessment', 'plan']);
    expect(planEditable(state('plan', { planStatus: 'submitted' }))).toBe(false);
    expect(planEditable(state('plan', { planStatus: 'approved' }))).toBe(true);
    expect(CASE_STAGES.filter((s) => progressOpen(state(s)))).toEqual(['intervention', 'review']);
    expect(progressOpen(state('review', { closureStatus: 'submitted' }))).toBe(false);
  });
});
