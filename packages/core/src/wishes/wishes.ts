// Micro-wishes (微心愿, domain brief §8): a wish's life, the moves allowed from each state and
// who may make them, the generic label the public board shows instead of the resident, and the
// board's totals for an area and period, computed here once from records.
import { shanghaiToday } from '../coverage/window.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/**
 * drafted by a worker → submitted for review → published by the station (or returned with a
 * reason, edited and submitted again) → claimed by one claimant → delivered (the claimant or the
 * worker records it) → fulfilled (the worker confirmed with the resident). Cancelled ends a wish
 * that is not yet claimed. A withdrawn or released claim puts the wish back to published.
 */
export const WISH_STATUSES = ['draft', 'submitted', 'returned', 'published', 'claimed', 'delivered', 'fulfilled', 'cancelled'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
export const WISH_STATUS_LABELS: Labels<WishStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  returned: { zh: '已退回', en: 'Returned' },
  published: { zh: '待认领', en: 'Open' },
  claimed: { zh: '已认领', en: 'Claimed' },
  delivered: { zh: '已送达', en: 'Delivered' },
  fulfilled: { zh: '已实现', en: 'Fulfilled' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
/** The states the public board may show (and the only ones its view selects). */
export const PUBLIC_WISH_STATUSES = ['published', 'claimed', 'delivered', 'fulfilled'] as const satisfies readonly WishStatus[];

/** Moves made through POST /wishes/{id}/transition; claims and deliveries have their own routes. */
export const WISH_ACTIONS = ['submit', 'publish', 'return', 'cancel', 'confirm'] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];
export const WISH_ACTION_LABELS: Labels<WishAction> = {
  submit: { zh: '提交审核', en: 'Submit for review' },
  publish: { zh: '审核发布', en: 'Publish' },
  return: { zh: '退回修改', en: 'Return' },
  cancel: { zh: '取消心愿', en: 'Cancel' },
  confirm: { zh: '确认实现', en: 'Confirm fulfilled' },
};
const ACTION_MOVES: Record<WishAction, { from: readonly WishStatus[]; to: WishStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
  return: { from: ['submitted'], to: 'returned' },
  cancel: { from: ['draft', 'submitted', 'returned', 'published'], to: 'cancelled' },
  confirm: { from: ['delivered'], to: 'fulfilled' },
};
/** The state an action leads to from `from`, or null when it is not allowed there. */
export function wishMove(from: WishStatus, action: WishAction): WishStatus | null {
  const m = ACTION_MOVES[action];
  return m.from.includes(from) ? m.to : null;
}
/** Actions that need the station's review permission (the rest need wish.write). */
export const REVIEW_ACTIONS: readonly WishAction[] = ['publish', 'return', 'cancel'];
/** Actions that need a reason (shown to the worker and kept in the history). */
export const REASON_ACTIONS: readonly WishAction[] = ['return', 'cancel'];
/** A wish can be edited while it is the worker's (draft or returned). */
export const wishEditable = (s: WishStatus) => s === 'draft' || s === 'returned';

export const CLAIMANT_KINDS = ['person', 'merchant', 'company', 'team'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];
export const CLAIMANT_KIND_LABELS: Labels<ClaimantKind> = {
  person: { zh: '爱心人士', en: 'Individual' },
  merchant: { zh: '爱心商家', en: 'Merchant' },
  company: { zh: '爱心企业', en: 'Company' },
  team: { zh: '志愿服务队', en: 'Volunteer team' },
};
export const CLAIM_STATUSES = ['active', 'delivered', 'fulfilled', 'withdrawn', 'released'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Labels<ClaimStatus> = {
  active: { zh: '认领中', en: 'Claimed' },
  delivered: { zh: '已送达', en: 'Delivered' },
  fulfilled: { zh: '已实现', en: 'Fulfilled' },
  withdrawn: { zh: '已放弃', en: 'Withdrawn' },
  released: { zh: '已释放', en: 'Released' },
};
/** Claims that hold the wish (at most one per wish, enforced by a partial unique index). */
export const HOLDING_CLAIM_STATUSES = ['active', 'delivered'] as const satisfies readonly ClaimStatus[];
/** Days a claimant has to deliver, unless the wish's own deadline comes first. */
export const DEFAULT_CLAIM_DAYS = 14;

/** The day a claim made on `claimedOn` falls due: `days` later, or the wish's deadline if earlier. */
export function claimDueOn(claimedOn: string, deadline: string | null, days = DEFAULT_CLAIM_DAYS): string {
  const d = new Date(`${claimedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const due = d.toISOString().slice(0, 10);
  return deadline && deadline >= claimedOn && deadline < due ? deadline : due;
}

/**
 * What the public sees instead of the resident: the street (or the community's street) and the
 * resident's first category, e.g. "江头街道 · 独居". Never a name, address, phone or ID.
 */
export function wishPublicLabel(streetName: string, categoryLabel: string | null): string {
  return categoryLabel ? `${streetName} · ${categoryLabel}` : `${streetName} · 居民`;
}

/**
 * The figures at the top of the board for an area and period, from the dates of the wishes the
 * board shows (a wish cancelled before it was claimed is not counted).
 */
export interface WishTotals {
  /** Wishes published in the period. */
  posted: number;
  /** Wishes first claimed in the period. */
  claimed: number;
  /** Wishes fulfilled in the period. */
  fulfilled: number;
  /** Their estimated value, in fen. */
  fulfilledValueFen: number;
}
export interface WishFacts {
  valueFen: number;
  publishedAt: Date | null;
  firstClaimedAt: Date | null;
  fulfilledAt: Date | null;
}
/** Counts by the Shanghai day of each event, `from` and `to` inclusive (ISO days). */
export function wishTotals(wishes: readonly WishFacts[], from: string, to: string): WishTotals {
  const inside = (d: Date | null) => d !== null && shanghaiToday(d) >= from && shanghaiToday(d) <= to;
  const t: WishTotals = { posted: 0, claimed: 0, fulfilled: 0, fulfilledValueFen: 0 };
  for (const w of wishes) {
    if (inside(w.publishedAt)) t.posted++;
    if (inside(w.firstClaimedAt)) t.claimed++;
    if (inside(w.fulfilledAt)) {
      t.fulfilled++;
      t.fulfilledValueFen += w.valueFen;
    }
  }
  return t;
}

/**
 * Text a worker writes for the public must not carry the resident's name, or anything that looks
 * like a phone or an ID number: returns the offending kind, or null when the text is clean.
 */
export function privateInWishText(text: string, residentName: string): 'name' | 'number' | null {
  const name = residentName.trim();
  if (name.length >= 2 && text.includes(name)) return 'name';
  if (/\d{7,}|\d{6}(19|20)\d{2}/.test(text.replace(/[\s-]/g, ''))) return 'number';
  return null;
}
