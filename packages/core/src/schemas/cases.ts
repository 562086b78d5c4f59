// API contract for casework (个案): a case for a resident, its worker in charge, type, risk and
// stage; the plan (goals with a measure and a target date, 5+N services) and the closure, each
// approved or returned by the station head; the timeline of everything that happened. The
// narrative (presenting problem, plan, notes, closing summary) of a sensitive case is `null`
// with `narrativeHidden` for anyone but the worker in charge, a supervisor and `case.sensitive`.
import { z } from 'zod';
import { CASE_STAGES, CLOSURE_STATUSES, PLAN_STATUSES } from '../casework/workflow.ts';
import { areaCode, optionalText, pageQuery, uuid, versioned } from './common.ts';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const GOAL_STATUSES = ['open', 'achieved', 'partly', 'not_achieved'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const requiredText = (max: number) => z.string().trim().min(1, { error: 'field.required' }).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' });

export const caseGoal = z.object({
  id: uuid,
  title: z.string(),
  measure: z.string(),
  targetDate: z.string(),
  status: z.enum(GOAL_STATUSES),
  progress: z.string().nullable(),
});
export type CaseGoal = z.infer<typeof caseGoal>;

export const casePlan = z.object({
  goals: z.array(caseGoal),
  services: z.array(z.string()),
  note: z.string().nullable(),
});
export type CasePlan = z.infer<typeof casePlan>;

export const caseSummary = z.object({
  id: uuid,
  caseNo: z.string(),
  residentId: uuid,
  residentName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  workerId: uuid,
  workerName: z.string(),
  type: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  stage: z.enum(CASE_STAGES),
  planStatus: z.enum(PLAN_STATUSES),
  closureStatus: z.enum(CLOSURE_STATUSES),
  sensitive: z.boolean(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  lastEventAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseDetail = caseSummary.extend({
  narrativeHidden: z.boolean(),
  problem: z.string().nullable(),
  plan: casePlan.nullable(),
  closingSummary: z.string().nullable(),
  reopenCount: z.number().int(),
  /** The stages the case can move to now (the workflow's gates applied). */
  nextStages: z.array(z.enum(CASE_STAGES)),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const caseListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  stage: z.enum([...CASE_STAGES, 'open']).optional(), // open: every stage but closed
  type: z.string().max(40).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  /** `me` (the caller's caseload) or a worker's id. */
  worker: z.union([z.literal('me'), uuid]).optional(),
  resident: uuid.optional(),
  area: areaCode.optional(),
  /** What waits for the head's decision: the approval queue. */
  awaiting: z.enum(['plan', 'closure', 'any']).optional(),
  sort: z.enum(['-lastEventAt', 'lastEventAt', '-openedOn', 'openedOn', 'caseNo']).default('-lastEventAt'),
});
export type CaseListQuery = z.output<typeof caseListQuery>;

/** The filtered list as .xlsx: the list's filters, no paging. */
export const caseExportQuery = caseListQuery.omit({ page: true, pageSize: true });

export const caseCreate = z.object({
  residentId: uuid,
  type: z.string().trim().min(1, { error: 'field.required' }).max(40),
  riskLevel: z.enum(RISK_LEVELS),
  problem: requiredText(2000),
  /** The worker in charge (default: the one opening it), a worker of the resident's station. */
  workerId: uuid.optional(),
  /** Opened from an urgent assessment flag's follow-up. */
  followUpId: uuid.optional(),
});
export type CaseCreate = z.infer<typeof caseCreate>;

export const caseUpdate = versioned.extend({
  type: z.string().trim().min(1, { error: 'field.required' }).max(40).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  problem: requiredText(2000).optional(),
});

export const caseTransition = versioned.extend({
  to: z.enum(CASE_STAGES),
  reason: optionalText(500),
});

export const goalInput = z.object({
  /** Absent for a new goal. */
  id: uuid.optional(),
  title: requiredText(200),
  measure: requiredText(200),
  targetDate: isoDate,
});

export const casePlanSave = versioned.extend({
  goals: z.array(goalInput).max(20),
  services: z.array(z.string().max(40)).max(20),
  note: optionalText(1000),
  /** Send to the head for approval (at least one goal). */
  submit: z.boolean().default(false),
});

export const caseProgress = versioned.extend({
  goalId: uuid,
  status: z.enum(GOAL_STATUSES),
  progress: requiredText(1000),
});

export const caseClosureSubmit = versioned.extend({
  summary: requiredText(2000),
  /** Every goal's final state. */
  goals: z.array(z.object({ id: uuid, status: z.enum(GOAL_STATUSES) })),
});

export const caseDecision = versioned
  .extend({
    kind: z.enum(['plan', 'closure']),
    decision: z.enum(['approve', 'return']),
    comment: optionalText(1000),
  })
  .refine((d) => d.decision === 'approve' || Boolean(d.comment), { path: ['comment'], error: 'case.commentRequired' });

export const caseReassign = versioned.extend({
  workerId: uuid,
  note: requiredText(1000),
});

export const caseNote = z.object({ text: requiredText(2000) });

export const CASE_EVENT_KINDS = [
  'opened',
  'stage',
  'reopened',
  'plan_saved',
  'plan_submitted',
  'plan_approved',
  'plan_returned',
  'progress',
  'closure_submitted',
  'closure_approved',
  'closure_returned',
  'reassigned',
  'note',
  'updated',
  'contact', // a visit, call or service recorded as part of the case (residents register contacts)
  'referred', // referred to another organisation (转介)
  'referral_accepted',
  'referral_declined',
  'referral_withdrawn',
  'referral_ended',
  'task', // a task (follow-up) with a due date
  'task_done',
  'satisfaction', // the resident's satisfaction with the case, at its end
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const caseEvent = z.object({
  id: uuid,
  at: z.string(),
  kind: z.enum(CASE_EVENT_KINDS),
  actorName: z.string().nullable(),
  /** The stage after the event. */
  stage: z.enum(CASE_STAGES),
  /** A comment, reason, note or handover text; null when hidden (sensitive case). */
  text: z.string().nullable(),
  /** Plain facts of the event (a stage moved from, a goal's status, a new worker's name). */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type CaseEvent = z.infer<typeof caseEvent>;

export const caseTimelineQuery = z.object({
  kind: z.enum(CASE_EVENT_KINDS).optional(),
});

/** The resident's satisfaction with the case (满意度 1–5 with a comment), as the worker records it. */
export const caseSatisfactionBody = z.object({
  score: z.number().int().min(1, { error: 'case.score' }).max(5, { error: 'case.score' }),
  comment: optionalText(500),
});
export const caseSatisfaction = z.object({
  answer: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
});
