// API contract of rewards and subsidies (奖补, issue 10 item 8): policies with structured
// eligibility and amount rules and a budget in fen; applications with proof attachments, the
// stored auto-check, the review stages; payment batches; the public notices.
import { z } from 'zod';
import { SW_LEVELS, TITLE_KINDS } from '../workforce/codes.ts';
import { POLICY_KINDS, POLICY_STATUSES, SUBSIDY_ACTIONS, SUBSIDY_STAGES } from '../workforce/subsidies.ts';
import { attachmentUpload } from './care.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });
const version = z.number().int().min(1);
/** Money in fen: a whole, non-negative number up to 100 million yuan. */
const fen = z.number().int({ error: 'subsidy.fen' }).min(0, { error: 'subsidy.fen' }).max(10_000_000_000, { error: 'subsidy.fen' });
export const policyKind = z.enum(POLICY_KINDS);
export const policyStatus = z.enum(POLICY_STATUSES);
export const subsidyStage = z.enum(SUBSIDY_STAGES);

export const eligibilityRules = z.object({
  minLevel: z.enum(SW_LEVELS).nullable().optional(),
  registrationCurrent: z.boolean().nullable().optional(),
  minYearsInField: z.number().int().min(0).max(50).nullable().optional(),
  minYearsInArea: z.number().int().min(0).max(50).nullable().optional(),
  arrivedWithinMonths: z.number().int().min(1).max(120).nullable().optional(),
  titlesAny: z.array(z.enum(TITLE_KINDS)).max(5).nullable().optional(),
});
export const amountRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), fen }),
  z.object({
    mode: z.literal('byLevel'),
    fen: z.object({ assistant: fen.optional(), intermediate: fen.optional(), senior: fen.optional() }),
  }),
]);

const policyFields = z.object({
  kind: policyKind,
  title: z.string().trim().min(2, { error: 'field.required' }).max(60),
  description: optionalText(2000),
  areaCode,
  year: z.number().int().min(2000).max(2100),
  budgetFen: fen.refine((v) => v > 0, { error: 'subsidy.budget' }),
  opensOn: isoDate,
  closesOn: isoDate,
  rules: eligibilityRules.default({}),
  amount: amountRule,
});
const datesInOrder = (b: { opensOn?: string; closesOn?: string }, ctx: z.RefinementCtx) => {
  if (b.opensOn && b.closesOn && b.closesOn < b.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'subsidy.dates' });
};
export const policyCreateBody = policyFields.extend({ requestId: uuid.optional() }).superRefine(datesInOrder);
export type PolicyCreateBody = z.output<typeof policyCreateBody>;
/** Edits are for drafts; a published policy only changes its status. */
export const policyUpdateBody = policyFields.omit({ areaCode: true }).partial().extend({ version }).superRefine(datesInOrder);
export const policyStatusBody = z.object({ status: policyStatus, version });

export const policyBudget = z.object({
  budget: z.number().int(),
  approved: z.number().int(),
  paid: z.number().int(),
  remaining: z.number().int(),
});

export const policy = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  kind: policyKind,
  title: z.string(),
  description: z.string().nullable(),
  year: z.number().int(),
  budgetFen: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: policyStatus,
  rules: eligibilityRules,
  amount: amountRule,
  totals: policyBudget,
  /** Applications by stage. */
  counts: z.record(z.string(), z.number().int()),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Policy = z.infer<typeof policy>;

export const policyListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  kind: policyKind.optional(),
  status: policyStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

export const ruleCheck = z.object({
  key: z.enum(['onRegister', 'minLevel', 'registrationCurrent', 'minYearsInField', 'minYearsInArea', 'arrivedWithinMonths', 'titlesAny']),
  required: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  actual: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable(),
  result: z.enum(['pass', 'fail', 'unknown']),
});

export const subsidyApplyBody = z.object({
  requestId: uuid.optional(),
  policyId: uuid,
  /** An organisation applies for its worker; without it a staff worker applies for themselves. */
  workerId: uuid.optional(),
  statement: optionalText(1000),
  arrivedOn: isoDate.nullable().optional(),
  attachmentIds: z.array(uuid).max(10).default([]),
});
/** A public applicant's proof travels with the application (no staff upload route for them): three files at most. */
export const subsidyPublicApplyBody = subsidyApplyBody
  .pick({ statement: true, arrivedOn: true })
  .extend({ orgName: optionalText(100), files: z.array(attachmentUpload).max(3).default([]) });
export const subsidyResubmitFields = z.object({
  statement: optionalText(1000),
  arrivedOn: isoDate.nullable().optional(),
  attachmentIds: z.array(uuid).max(10).optional(),
});

export const subsidyTransitionBody = z
  .object({
    action: z.enum(SUBSIDY_ACTIONS),
    reason: optionalText(500),
    /** The department may set the amount when the register could not tell it (at most the rule's maximum). */
    amountFen: fen.optional(),
    version,
  })
  .merge(subsidyResubmitFields)
  .superRefine((b, ctx) => {
    if ((b.action === 'return' || b.action === 'reject') && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'subsidy.reasonNeeded' });
  });

export const subsidyApplication = z.object({
  id: uuid,
  policyId: uuid,
  policyTitle: z.string(),
  areaCode: z.string(),
  workerId: uuid.nullable(),
  name: z.string(),
  orgName: z.string().nullable(),
  route: z.enum(['self', 'org', 'public']),
  statement: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  attachments: z.array(z.object({ id: uuid, filename: z.string() })),
  checks: z.array(ruleCheck),
  checkResult: z.enum(['pass', 'fail', 'unknown']),
  level: z.enum(SW_LEVELS).nullable(),
  amountFen: z.number().int().nullable(),
  stage: subsidyStage,
  reason: z.string().nullable(),
  batchId: uuid.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type SubsidyApplication = z.infer<typeof subsidyApplication>;

export const subsidyListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  policyId: uuid.optional(),
  stage: subsidyStage.optional(),
  /** The review queues: org (submitted, org_review), dept (dept_review). */
  queue: z.enum(['org', 'dept']).optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

export const subsidyEvent = z.object({
  id: uuid,
  action: z.string(),
  fromStage: subsidyStage.nullable(),
  toStage: subsidyStage,
  reason: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});

export const paymentBatchBody = z.object({
  applicationIds: z.array(uuid).min(1, { error: 'subsidy.batchEmpty' }).max(1000),
  note: optionalText(200),
});
export const paymentBatch = z.object({
  id: uuid,
  policyId: uuid,
  no: z.number().int(),
  note: z.string().nullable(),
  count: z.number().int(),
  totalFen: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const paymentList = z.object({
  policyId: uuid,
  title: z.string(),
  totals: policyBudget,
  items: z.array(
    z.object({
      applicationId: uuid,
      name: z.string(),
      orgName: z.string().nullable(),
      level: z.enum(SW_LEVELS).nullable(),
      amountFen: z.number().int(),
      stage: z.enum(['approved', 'paid']),
      batchNo: z.number().int().nullable(),
    }),
  ),
  batches: z.array(paymentBatch),
});

export const mySubsidyApplication = z.object({
  id: uuid,
  policyId: uuid,
  policyTitle: z.string(),
  kind: policyKind,
  stage: subsidyStage,
  reason: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

// Public notices: published policies, their rules and budget only (no applicant).
export const publicPolicy = z.object({
  id: uuid,
  kind: policyKind,
  title: z.string(),
  description: z.string().nullable(),
  year: z.number().int(),
  areaName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  rules: eligibilityRules,
  amount: amountRule,
  budgetFen: z.number().int(),
});
export const paymentListQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json').optional() });
