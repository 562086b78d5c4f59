// Likely claimants for open wishes (issue 11 item 9): the public accounts that claimed before,
// scored for each open wish (fulfilled wishes of its category, distance between communities,
// withdrawals against fulfilments, claims held now), then assigned exactly by the 一呼百应 matcher
// (volunteers/matcher.ts): each wish gets the best claimant the others leave it, nobody more than
// CLAIMANT_MAX_WISHES wishes counting those held; the next cheapest follow as alternatives.
import { MATCH_DISTANCE_COST, NEAR_LEVELS, type NearLevel } from '../volunteers/fit.ts';
import { solveMatching } from '../volunteers/matcher.ts';
import type { ClaimantKind, ClaimStatus } from './wishes.ts';

/** One claim by a public account, with its wish's category. */
export interface ClaimRecord {
  accountId: string;
  wishId: string;
  /** The wish's community (12 digits; a longer grid code is read by its first 12). */
  areaCode: string;
  category: string;
  status: ClaimStatus;
  name: string;
  kind: ClaimantKind;
  mobileMasked: string | null;
  claimedAt: string;
}

export interface ClaimantProfile {
  accountId: string;
  /** As stored on the latest claim. */
  name: string;
  kind: ClaimantKind;
  mobileMasked: string | null;
  fulfilledByCategory: Record<string, number>;
  fulfilled: number;
  /** Claims withdrawn by the claimant or released by the station. */
  withdrawn: number;
  /** Claims holding a wish now (active or delivered). */
  holding: number;
  /** Communities of the wishes claimed. */
  areas: string[];
  /** Wishes this claimant gave up or lost: never proposed again for them. */
  gaveUp: string[];
}

export interface OpenWish {
  id: string;
  areaCode: string;
  category: string;
}

export type ClaimantReason =
  | { key: 'category'; category: string; fulfilled: number }
  | { key: 'near'; level: NearLevel }
  | { key: 'reliable'; fulfilled: number; withdrawn: number }
  | { key: 'load'; holding: number };

/** Wishes one claimant may hold and be proposed for together. */
export const CLAIMANT_MAX_WISHES = 2;
/** Suggestions per wish: the assigned claimant first, then the next cheapest. */
export const CLAIMANT_SUGGESTIONS = 3;
/** Cost per fulfilled wish of the category missing, counted up to CLAIMANT_CATEGORY_CAP. */
export const CLAIMANT_CATEGORY_COST = 10;
export const CLAIMANT_CATEGORY_CAP = 3;
/** Up to this much for giving claims up: scaled by withdrawn / (withdrawn + fulfilled + 1). */
export const CLAIMANT_WITHDRAWN_COST = 40;
/** Cost per wish held now: spread the wishes around. */
export const CLAIMANT_LOAD_COST = 15;

/** Each public account's history from its claims, ordered by account id. */
export function claimantProfiles(claims: readonly ClaimRecord[]): ClaimantProfile[] {
  const byAccount = new Map<string, { p: ClaimantProfile; latest: string; areas: Set<string> }>();
  for (const c of claims) {
    let e = byAccount.get(c.accountId);
    if (!e) {
      e = {
        p: {
          accountId: c.accountId,
          name: c.name,
          kind: c.kind,
          mobileMasked: c.mobileMasked,
          fulfilledByCategory: {},
          fulfilled: 0,
          withdrawn: 0,
          holding: 0,
          areas: [],
          gaveUp: [],
        },
        latest: c.claimedAt,
        areas: new Set(),
      };
      byAccount.set(c.accountId, e);
    }
    const p = e.p;
    if (c.claimedAt > e.latest) {
      e.latest = c.claimedAt;
      Object.assign(p, { name: c.name, kind: c.kind, mobileMasked: c.mobileMasked });
    }
    e.areas.add(c.areaCode.slice(0, 12));
    if (c.status === 'fulfilled') {
      p.fulfilled++;
      p.fulfilledByCategory[c.category] = (p.fulfilledByCategory[c.category] ?? 0) + 1;
    } else if (c.status === 'withdrawn' || c.status === 'released') {
      p.withdrawn++;
      p.gaveUp.push(c.wishId);
    } else p.holding++;
  }
  const out = [...byAccount.values()].map((e) => ({ ...e.p, areas: [...e.areas].sort() }));
  return out.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

/** 0 community … 3 city between two area codes, -1 farther. */
function nearIndex(a: string, b: string): number {
  for (const [i, digits] of [12, 9, 6, 4].entries()) if (a.slice(0, digits) === b.slice(0, digits)) return i;
  return -1;
}

/** The claimant's cost for the wish and the nearest level of its claims, or null when it may not be proposed. */
export function claimantCost(
  wish: OpenWish,
  c: ClaimantProfile,
  maxWishes = CLAIMANT_MAX_WISHES,
): { cost: number; level: NearLevel } | null {
  if (c.holding >= maxWishes || c.gaveUp.includes(wish.id)) return null;
  let near = -1;
  for (const a of c.areas) {
    const i = nearIndex(wish.areaCode, a);
    if (i >= 0 && (near < 0 || i < near)) near = i;
  }
  if (near < 0) return null;
  const level = NEAR_LEVELS[near]!;
  const category =
    CLAIMANT_CATEGORY_COST * (CLAIMANT_CATEGORY_CAP - Math.min(c.fulfilledByCategory[wish.category] ?? 0, CLAIMANT_CATEGORY_CAP));
  const unreliable = Math.round((CLAIMANT_WITHDRAWN_COST * c.withdrawn) / (c.withdrawn + c.fulfilled + 1));
  return { cost: category + MATCH_DISTANCE_COST[level] + unreliable + CLAIMANT_LOAD_COST * c.holding, level };
}

export function claimantReasons(wish: OpenWish, c: ClaimantProfile, level: NearLevel): ClaimantReason[] {
  return [
    { key: 'category', category: wish.category, fulfilled: c.fulfilledByCategory[wish.category] ?? 0 },
    { key: 'near', level },
    { key: 'reliable', fulfilled: c.fulfilled, withdrawn: c.withdrawn },
    { key: 'load', holding: c.holding },
  ];
}

export interface ClaimantSuggestion {
  /** Index into the claimants given. */
  claimant: number;
  cost: number;
  /** Chosen by the exact assignment (at most one per wish, always first). */
  assigned: boolean;
  reasons: ClaimantReason[];
}

export interface ClaimantProposal {
  wishes: { wish: number; suggestions: ClaimantSuggestion[] }[];
  /** Wishes given a claimant by the assignment, and its total cost. */
  assigned: number;
  totalCost: number;
  /** Feasible (wish, claimant) pairs considered. */
  pairs: number;
}

/**
 * The exact assignment (most wishes given a claimant, then least total cost; each claimant at
 * most `maxWishes` minus what it holds) and up to `suggestions` per wish: the assigned first,
 * then the cheapest others by cost and position.
 */
export function proposeClaimants(
  wishes: readonly OpenWish[],
  claimants: readonly ClaimantProfile[],
  opts: { maxWishes?: number; suggestions?: number } = {},
): ClaimantProposal {
  const maxWishes = opts.maxWishes ?? CLAIMANT_MAX_WISHES;
  const k = Math.max(0, opts.suggestions ?? CLAIMANT_SUGGESTIONS);
  const need: number[] = [];
  const volunteer: number[] = [];
  const cost: number[] = [];
  const level: NearLevel[] = [];
  const byWish: number[][] = wishes.map(() => []);
  wishes.forEach((w, i) =>
    claimants.forEach((c, j) => {
      const fit = claimantCost(w, c, maxWishes);
      if (!fit) return;
      byWish[i]!.push(need.length);
      need.push(i);
      volunteer.push(j);
      cost.push(fit.cost);
      level.push(fit.level);
    }),
  );
  const result = solveMatching({
    need: Int32Array.from(need),
    volunteer: Int32Array.from(volunteer),
    cost: Int32Array.from(cost),
    needSlots: wishes.map(() => (k > 0 ? 1 : 0)),
    volunteerCapacity: claimants.map((c) => Math.max(0, maxWishes - c.holding)),
  });
  const chosen = new Set(result.chosen);
  const suggestion = (e: number): ClaimantSuggestion => ({
    claimant: volunteer[e]!,
    cost: cost[e]!,
    assigned: chosen.has(e),
    reasons: claimantReasons(wishes[need[e]!]!, claimants[volunteer[e]!]!, level[e]!),
  });
  const out = byWish.map((pairs, wish) => {
    const ranked = [...pairs].sort(
      (a, b) => Number(chosen.has(b)) - Number(chosen.has(a)) || cost[a]! - cost[b]! || volunteer[a]! - volunteer[b]!,
    );
    return { wish, suggestions: ranked.slice(0, k).map(suggestion) };
  });
  return { wishes: out, assigned: result.filled, totalCost: result.totalCost, pairs: need.length };
}
