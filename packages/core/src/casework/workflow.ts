// The casework workflow (domain brief §6): intake (接案) → assessment (预估) → plan (计划) →
// intervention (介入) → review (评估) → closed (结案), reopened with a reason. The station head
// (or supervisor) approves the plan before intervention and the closure; both can be returned
// with a comment. One pure function decides every move, so the server answers an illegal one
// with 409 naming the allowed next stages and the web shows only the moves that can succeed.

export const CASE_STAGES = ['intake', 'assessment', 'plan', 'intervention', 'review', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** The plan's approval: drafted, waiting for the head, approved, or returned with a comment. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The closure's approval: none asked yet, waiting for the head, or returned with a comment. */
export const CLOSURE_STATUSES = ['none', 'submitted', 'returned'] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

export interface CaseState {
  stage: CaseStage;
  planStatus: PlanStatus;
  closureStatus: ClosureStatus;
}

/** The stage moves a worker makes directly (closing goes through the head's approval). */
const NEXT: Record<CaseStage, CaseStage[]> = {
  intake: ['assessment'],
  assessment: ['plan'],
  plan: ['intervention'],
  intervention: ['review'],
  review: ['intervention'], // more work found at review: back to intervention
  closed: ['assessment'], // reopening (with a reason) starts from a fresh assessment
};

export type MoveProblem =
  | 'case.stageNotNext' // not a next stage of this one
  | 'case.planNotApproved' // intervention before the head approved the plan
  | 'case.closureNeedsApproval' // closing is the head's approval of a submitted closure
  | 'case.waitingForApproval' // a closure is with the head: no moves until it is decided
  | 'case.reopenReasonRequired';

/** The stages `s` can move to now, gates applied. */
export function nextStages(s: CaseState): CaseStage[] {
  if (s.closureStatus === 'submitted') return [];
  return NEXT[s.stage].filter((to) => !(to === 'intervention' && s.stage === 'plan' && s.planStatus !== 'approved'));
}

/** Why `s` cannot move to `to` (null: it can). A reopening needs a reason. */
export function moveProblem(s: CaseState, to: CaseStage, reason?: string | null): MoveProblem | null {
  if (s.closureStatus === 'submitted') return 'case.waitingForApproval';
  if (to === 'closed') return 'case.closureNeedsApproval';
  if (!NEXT[s.stage].includes(to)) return 'case.stageNotNext';
  if (s.stage === 'plan' && to === 'intervention' && s.planStatus !== 'approved') return 'case.planNotApproved';
  if (s.stage === 'closed' && !reason?.trim()) return 'case.reopenReasonRequired';
  return null;
}

/** The state after a legal move: reopening clears the last closure's approval. */
export function afterMove(s: CaseState, to: CaseStage): CaseState {
  return { ...s, stage: to, closureStatus: s.stage === 'closed' ? 'none' : s.closureStatus };
}

export type ApprovalKind = 'plan' | 'closure';

export type SubmitProblem =
  | 'case.planStageOnly' // a plan is submitted at the plan stage (or while still assessing)
  | 'case.planAlreadySubmitted'
  | 'case.planAlreadyApproved'
  | 'case.closureReviewOnly' // a closure is asked for at review
  | 'case.closureAlreadySubmitted';

/** Why a worker cannot submit the plan or the closure for approval now (null: they can). */
export function submitProblem(s: CaseState, kind: ApprovalKind): SubmitProblem | null {
  if (kind === 'plan') {
    if (s.stage !== 'plan') return 'case.planStageOnly';
    if (s.planStatus === 'submitted') return 'case.planAlreadySubmitted';
    if (s.planStatus === 'approved') return 'case.planAlreadyApproved';
    return null;
  }
  if (s.stage !== 'review') return 'case.closureReviewOnly';
  if (s.closureStatus === 'submitted') return 'case.closureAlreadySubmitted';
  return null;
}

/** Is something of `kind` waiting for the head's decision? */
export const awaitsDecision = (s: CaseState, kind: ApprovalKind) =>
  kind === 'plan' ? s.planStatus === 'submitted' : s.closureStatus === 'submitted';

/** The state after the head approves or returns what was submitted. */
export function afterDecision(s: CaseState, kind: ApprovalKind, decision: 'approve' | 'return'): CaseState {
  if (kind === 'plan') return { ...s, planStatus: decision === 'approve' ? 'approved' : 'returned' };
  return decision === 'approve' ? { ...s, stage: 'closed', closureStatus: 'none' } : { ...s, closureStatus: 'returned' };
}

/**
 * May the plan (goals and services) be edited now? Before intervention, and not while the head
 * has it. From intervention on, goals take progress and a final state, not new wording.
 * Editing an approved plan makes it a draft again, to be approved anew.
 */
export const planEditable = (s: CaseState) => ['intake', 'assessment', 'plan'].includes(s.stage) && s.planStatus !== 'submitted';

/** Goal progress is recorded while the case is worked: intervention and review. */
export const progressOpen = (s: CaseState) => (s.stage === 'intervention' || s.stage === 'review') && s.closureStatus !== 'submitted';

/** Case types whose narrative (problem, goals, notes, summary) is sensitive (PIPL: health, children). */
export const SENSITIVE_CASE_TYPES = ['mental_health', 'children'] as const;
export const isSensitiveCaseType = (type: string) => (SENSITIVE_CASE_TYPES as readonly string[]).includes(type);
