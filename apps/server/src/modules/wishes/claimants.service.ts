// Likely claimants for open wishes (issue 11 item 9): the public accounts that claimed before in
// the wish's district (cut to the caller's scope), scored and assigned exactly in core
// (wishes/claimants.ts on the 一呼百应 matcher), each suggestion with why. A wish's suggestions
// are the same on its page and in the list: both solve the same pool, the district in scope.
import {
  claimantProfiles,
  narrowScope,
  proposeClaimants,
  shanghaiToday,
  type ClaimantKind,
  type ClaimantProfile,
  type ClaimantSuggestion,
  type ClaimantSuggestionOut,
  type ClaimStatus,
  type likelyClaimantsQuery,
} from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { accountClaimsIn, openWishesIn, type OpenWishRow } from './claimants.repo.ts';
import { wishById } from './wishes.repo.ts';

/** The pool a wish is assigned in: its district, or the caller's narrower scope. */
const poolOf = (scope: string, areaCode: string) => narrowScope(scope, `${areaCode.slice(0, 6)}000000`) ?? scope;

const toSuggestion = (c: ClaimantProfile, s: ClaimantSuggestion): ClaimantSuggestionOut => ({
  publicAccountId: c.accountId,
  name: c.name,
  kind: c.kind,
  mobileMasked: c.mobileMasked,
  assigned: s.assigned,
  cost: s.cost,
  reasons: s.reasons,
});

/** The open wishes of a pool with their suggestions, and how many accounts were considered. */
async function solvePool(ctx: Ctx, pool: string) {
  const [wishes, claims] = await ctx.db.run((db) =>
    Promise.all([openWishesIn(db, pool, shanghaiToday(ctx.now)), accountClaimsIn(db, pool)]),
  );
  const people = claimantProfiles(claims.map((c) => ({ ...c, status: c.status as ClaimStatus, kind: c.kind as ClaimantKind })));
  const p = proposeClaimants(wishes, people);
  const suggestions = new Map(p.wishes.map((w) => [wishes[w.wish]!.id, w.suggestions.map((s) => toSuggestion(people[s.claimant]!, s))]));
  return { wishes, suggestions, candidates: people.length };
}

/** The open wishes in the scope (or the area asked), soonest deadline first, each with its suggestions. */
export async function findLikelyClaimants(ctx: Ctx, q: z.output<typeof likelyClaimantsQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  const shown = (await ctx.db.run((db) => openWishesIn(db, prefix, shanghaiToday(ctx.now)))).filter(
    (w) => !q.category || w.category === q.category,
  );
  const page = shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const pools = new Map<string, Map<string, ClaimantSuggestionOut[]>>();
  for (const pool of new Set(page.map((w) => poolOf(ctx.scope, w.areaCode)))) pools.set(pool, (await solvePool(ctx, pool)).suggestions);
  const item = (w: OpenWishRow) => ({
    wishId: w.id,
    title: w.title,
    category: w.category,
    areaCode: w.areaCode,
    areaName: w.areaName,
    deadline: w.deadline,
    suggestions: pools.get(poolOf(ctx.scope, w.areaCode))!.get(w.id) ?? [],
  });
  return { items: page.map(item), total: shown.length };
}

/** One wish's suggestions (404 outside the scope); none unless it is open. */
export async function likelyClaimantsOf(ctx: Ctx, id: string) {
  const w = await ctx.db.run((db) => wishById(db, ctx.scope, id));
  if (!w) throw notFound();
  const solved = await solvePool(ctx, poolOf(ctx.scope, w.areaCode));
  const suggestions = solved.suggestions.get(id);
  return { open: suggestions !== undefined, candidates: solved.candidates, suggestions: suggestions ?? [] };
}
