// API contract for referrals (转介, issue 9 item 4). A case is referred to an organisation in
// Wushe, whose head accepts or declines it with a reason, or to one outside Wushe, whose outcome
// the referring worker types in. The referral form (who the person is, why, what is asked) is
// what the receiving side sees of the person; while the referral is pending or accepted it may
// also read the case and its timeline (never write), each read audited.
import { z } from 'zod';
import { caseEvent, casePlan, RISK_LEVELS } from './cases.ts';
import { CASE_STAGES } from '../casework/workflow.ts';
import { optionalText, pageQuery, uuid, versioned } from './common.ts';

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'ended'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Statuses in which the receiving side may read the case. */
export const REFERRAL_OPEN: readonly ReferralStatus[] = ['pending', 'accepted'];

const requiredText = (max: number) => z.string().trim().min(1, { error: 'field.required' }).max(max);

export const referralCreate = z
  .object({
    /** An organisation in Wushe… */
    toOrgId: uuid.optional(),
    /** …or one outside it, by name. */
    externalName: z.string().trim().min(2, { error: 'field.required' }).max(80).optional(),
    reason: requiredText(2000),
    /** What is asked of the receiving organisation (a service, an assessment). */
    service: optionalText(200),
  })
  .refine((b) => Boolean(b.toOrgId) !== Boolean(b.externalName), { path: ['toOrgId'], error: 'referral.target' });
export type ReferralCreate = z.infer<typeof referralCreate>;

export const referralDecision = versioned
  .extend({
    accept: z.boolean(),
    comment: optionalText(1000),
    /** On accepting: open a case of the receiving station for the person (they live in its area). */
    openCase: z.boolean().default(false),
  })
  .refine((d) => d.accept || Boolean(d.comment), { path: ['comment'], error: 'referral.reasonRequired' });

/** The referring worker records what an organisation outside Wushe answered. */
export const referralOutcome = versioned.extend({
  accepted: z.boolean(),
  comment: requiredText(1000),
});

/** Withdraw a pending referral, or end an accepted one (the receiving side's reading ends). */
export const referralClose = versioned.extend({ note: optionalText(500) });

/** The person as the referral form names them. */
export const referralSubject = z.object({
  name: z.string(),
  gender: z.string().nullable(),
  age: z.number().int().nullable(),
  areaName: z.string(),
});

export const referral = z.object({
  id: uuid,
  caseId: uuid,
  caseNo: z.string(),
  fromAreaCode: z.string(),
  fromOrgName: z.string().nullable(),
  toOrgId: uuid.nullable(),
  toOrgName: z.string().nullable(),
  externalName: z.string().nullable(),
  service: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  /** The form (person and reason): null to anyone but the two sides. */
  subject: referralSubject.nullable(),
  reason: z.string().nullable(),
  decisionComment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  acceptedCaseId: uuid.nullable(),
  endedAt: z.string().nullable(),
  referredByName: z.string(),
  referredAt: z.string(),
  /** incoming: the caller's organisation receives it; outgoing: the caller's scope referred it. */
  direction: z.enum(['incoming', 'outgoing']),
  version: z.number().int(),
});
export type Referral = z.infer<typeof referral>;

export const referralListQuery = pageQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(REFERRAL_STATUSES).optional(),
});

export const referralTargetQuery = z.object({ q: z.string().trim().max(50).optional() });
export const referralTarget = z.object({ id: uuid, name: z.string(), kind: z.string(), areaName: z.string() });

/**
 * A referral with, for the receiving organisation while it is pending or accepted, the case:
 * facts, the narrative unless the case is sensitive, and the timeline. `case` is null otherwise.
 */
export const referredCase = z.object({
  referral,
  case: z
    .object({
      caseNo: z.string(),
      type: z.string(),
      riskLevel: z.enum(RISK_LEVELS),
      stage: z.enum(CASE_STAGES),
      openedOn: z.string(),
      narrativeHidden: z.boolean(),
      problem: z.string().nullable(),
      plan: casePlan.nullable(),
    })
    .nullable(),
  /** Empty unless the case is readable (pending or accepted, and the caller receives it). */
  timeline: z.array(caseEvent),
});
export type ReferredCase = z.infer<typeof referredCase>;
