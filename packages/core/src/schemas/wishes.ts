// API contract of micro-wishes (微心愿), issue 11 items 1–4: the staff register of wishes and
// their review, claims by public accounts or on a claimant's behalf, delivery and confirmation,
// and the public board with its totals (nothing of the resident but a generic label).
import { z } from 'zod';
import { CLAIM_STATUSES, CLAIMANT_KINDS, WISH_ACTIONS, WISH_STATUSES } from '../wishes/wishes.ts';
import { attachmentUpload } from './care.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });
/** Estimated value in fen (the form asks yuan); up to 100,000 yuan. */
const valueFen = z.number().int({ error: 'wish.value' }).min(0, { error: 'wish.value' }).max(10_000_000, { error: 'wish.value' });
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: 'wish.mobile' });

export const wishStatus = z.enum(WISH_STATUSES);
export const wishAction = z.enum(WISH_ACTIONS);
export const claimantKind = z.enum(CLAIMANT_KINDS);
export const claimStatus = z.enum(CLAIM_STATUSES);

const wishFields = z.object({
  residentId: uuid,
  title: z.string().trim().min(2, { error: 'field.required' }).max(40, { error: 'wish.title' }),
  need: z.string().trim().min(5, { error: 'wish.need' }).max(500, { error: 'wish.need' }),
  reason: optionalText(500),
  category: z.string().trim().min(1, { error: 'field.required' }).max(40),
  valueFen,
  deadline: isoDate,
  /** Photos of the need (ids from POST /attachments); staff-only, never on the public board. */
  photoIds: z.array(uuid).max(6).default([]),
});
export const wishCreateBody = wishFields;
export type WishCreateBody = z.infer<typeof wishCreateBody>;
/** Several residents' wishes from one needs survey (一次需求调查): all saved, or none. */
export const wishBatchBody = z.object({ items: z.array(wishFields).min(1, { error: 'field.required' }).max(50) });
export const wishUpdateBody = wishFields
  .omit({ residentId: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export const wishTransitionBody = z.object({
  action: wishAction,
  /** Required to return or cancel; with confirm, what the resident said (recorded). */
  note: optionalText(500),
  version: z.number().int().min(1),
});
export const wishListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  status: wishStatus.optional(),
  category: z.string().trim().max(40).optional(),
  resident: uuid.optional(),
  sort: z.enum(['-createdAt', 'deadline', '-valueFen']).default('-createdAt'),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

/** A claim made by the station on behalf of someone without an account (or a merchant by phone). */
export const staffClaimBody = z.object({
  kind: claimantKind,
  name: z.string().trim().min(2, { error: 'field.required' }).max(60),
  mobile,
  version: z.number().int().min(1),
});
/** A public account claims for itself, or for its merchant, company or team (named). */
export const publicClaimBody = z.object({
  kind: claimantKind.default('person'),
  orgName: optionalText(60),
});
export const releaseClaimBody = z.object({ reason: z.string().trim().min(2, { error: 'wish.reasonNeeded' }).max(300) });
/** Delivery recorded by the worker (photos already uploaded) … */
export const staffDeliveryBody = z.object({
  note: z.string().trim().min(2, { error: 'wish.deliveryNote' }).max(500),
  photoIds: z.array(uuid).max(6).default([]),
  version: z.number().int().min(1),
});
/** … or by the claimant from the phone, photos sent with it. */
export const publicDeliveryBody = z.object({
  note: z.string().trim().min(2, { error: 'wish.deliveryNote' }).max(500),
  photos: z.array(attachmentUpload).max(3).default([]),
});
export const claimParams = z.object({ id: uuid, claimId: uuid });

export const wishClaim = z.object({
  id: uuid,
  kind: claimantKind,
  name: z.string(),
  mobileMasked: z.string().nullable(),
  /** True when the claimant signed in with a public account. */
  byAccount: z.boolean(),
  status: claimStatus,
  dueOn: z.string(),
  overdue: z.boolean(),
  claimedAt: z.string(),
  deliveryNote: z.string().nullable(),
  deliveryPhotoIds: z.array(uuid),
  deliveredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type WishClaim = z.infer<typeof wishClaim>;

export const wishSummary = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  residentId: uuid,
  residentName: z.string(),
  title: z.string(),
  category: z.string(),
  valueFen: z.number().int(),
  deadline: z.string(),
  status: wishStatus,
  publicLabel: z.string().nullable(),
  claimantName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type WishSummary = z.infer<typeof wishSummary>;
export const wishHistoryItem = z.object({
  action: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export const wish = wishSummary.extend({
  need: z.string(),
  reason: z.string().nullable(),
  photoIds: z.array(uuid),
  reviewNote: z.string().nullable(),
  confirmNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  claims: z.array(wishClaim),
  history: z.array(wishHistoryItem),
});
export type Wish = z.infer<typeof wish>;

export const publicWishListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  category: z.string().trim().max(40).optional(),
  /** open: waiting for a claimant; done: fulfilled; all the board shows otherwise. */
  show: z.enum(['open', 'taken', 'done', 'all']).default('all'),
});
export const publicWish = z.object({
  id: uuid,
  /** The community's code (not the resident's): the board's area filter reads it. */
  areaCode: z.string(),
  areaName: z.string(),
  label: z.string(),
  title: z.string(),
  need: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  valueFen: z.number().int(),
  deadline: z.string(),
  status: z.enum(['published', 'claimed', 'delivered', 'fulfilled']),
  publishedAt: z.string(),
});
export type PublicWish = z.infer<typeof publicWish>;
export const publicStatsQuery = z.object({
  area: areaCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const publicWishStats = z.object({
  areaName: z.string(),
  from: z.string(),
  to: z.string(),
  posted: z.number().int(),
  claimed: z.number().int(),
  fulfilled: z.number().int(),
  fulfilledValueFen: z.number().int(),
});
/** The claimant's own view of a claim (the "my" page and the claim answer). */
export const myWishClaim = z.object({
  id: uuid,
  wishId: uuid,
  title: z.string(),
  label: z.string(),
  status: claimStatus,
  dueOn: z.string(),
  claimedAt: z.string(),
  thanks: z.string().nullable(),
});

/** Likely claimants (issue 11 item 9): why this person, in parts the page puts in words. */
export const claimantReason = z.union([
  z.object({ key: z.literal('category'), category: z.string(), fulfilled: z.number().int() }),
  z.object({ key: z.literal('near'), level: z.enum(['community', 'street', 'district', 'city']) }),
  z.object({ key: z.literal('reliable'), fulfilled: z.number().int(), withdrawn: z.number().int() }),
  z.object({ key: z.literal('load'), holding: z.number().int() }),
]);
export const claimantSuggestion = z.object({
  publicAccountId: uuid,
  /** As stored on the account's latest claim in the scope. */
  name: z.string(),
  kind: claimantKind,
  mobileMasked: z.string().nullable(),
  /** Chosen by the exact assignment (first when present); the others are alternatives by cost. */
  assigned: z.boolean(),
  cost: z.number().int(),
  reasons: z.array(claimantReason),
});
export type ClaimantSuggestionOut = z.infer<typeof claimantSuggestion>;
export const likelyClaimantsQuery = pageQuery.extend({
  area: areaCode.optional(),
  category: z.string().trim().max(40).optional(),
});
/** An open wish of the list with its suggestions. */
export const wishLikelyClaimants = z.object({
  wishId: uuid,
  title: z.string(),
  category: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  deadline: z.string(),
  suggestions: z.array(claimantSuggestion),
});
/** One wish's suggestions: none unless it is open (published, unclaimed, before its deadline). */
export const likelyClaimantsOfWish = z.object({
  open: z.boolean(),
  /** Public accounts that claimed in the street before (within the caller's scope). */
  candidates: z.number().int(),
  suggestions: z.array(claimantSuggestion),
});
