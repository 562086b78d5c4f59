// Likely claimants for open wishes: the profiles read from claims, the cost and reasons worked out
// by hand, and the assignment exact against brute force on small random cases, each claimant
// within its capacity (CLAIMANT_MAX_WISHES counting what it holds) and the assigned one first.
import { describe, expect, it } from 'vitest';
import {
  CLAIMANT_MAX_WISHES,
  claimantCost,
  claimantProfiles,
  proposeClaimants,
  type ClaimantProfile,
  type ClaimRecord,
  type OpenWish,
} from '../src/index.ts';

const C1 = '350206002001';
const C2 = '350206002002';
const OTHER_STREET = '350206004001';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const profile = (over: Partial<ClaimantProfile> & { accountId: string }): ClaimantProfile => ({
  name: over.accountId,
  kind: 'person',
  mobileMasked: null,
  fulfilledByCategory: {},
  fulfilled: 0,
  withdrawn: 0,
  holding: 0,
  areas: [C1],
  gaveUp: [],
  ...over,
});

describe('claimantProfiles', () => {
  it('counts fulfilled by category, withdrawals and releases, what is held; names from the latest claim', () => {
    const claim = (over: Partial<ClaimRecord>): ClaimRecord => ({
      accountId: 'a',
      wishId: 'w1',
      areaCode: C1,
      category: 'goods',
      status: 'fulfilled',
      name: '张三',
      kind: 'person',
      mobileMasked: '139****0001',
      claimedAt: '2026-01-01T00:00:00.000Z',
      ...over,
    });
    const [a, b] = claimantProfiles([
      claim({ accountId: 'b', wishId: 'w9', status: 'active', areaCode: `${C2}001` }),
      claim({}),
      claim({
        wishId: 'w2',
        category: 'repair',
        status: 'withdrawn',
        claimedAt: '2026-02-01T00:00:00.000Z',
        name: '张记五金（张三）',
        kind: 'merchant',
      }),
      claim({ wishId: 'w3', status: 'released', areaCode: C2, claimedAt: '2026-01-15T00:00:00.000Z', name: '旧名' }),
      claim({ wishId: 'w4', status: 'delivered', claimedAt: '2026-03-01T00:00:00.000Z', name: '张记五金（张三）', kind: 'merchant' }),
      claim({ wishId: 'w5' }),
    ]);
    expect(a).toEqual({
      accountId: 'a',
      name: '张记五金（张三）',
      kind: 'merchant',
      mobileMasked: '139****0001',
      fulfilledByCategory: { goods: 2 },
      fulfilled: 2,
      withdrawn: 2,
      holding: 1,
      areas: [C1, C2],
      gaveUp: ['w2', 'w3'],
    });
    expect(b).toMatchObject({ accountId: 'b', holding: 1, areas: [C2] });
  });
});

describe('claimantCost', () => {
  const wish: OpenWish = { id: 'w', areaCode: C1, category: 'goods' };
  it('adds category, distance, unreliability and load as documented', () => {
    expect(claimantCost(wish, profile({ accountId: 'p', fulfilledByCategory: { goods: 1 }, fulfilled: 1 }))).toEqual({
      cost: 20,
      level: 'community',
    });
    expect(claimantCost(wish, profile({ accountId: 'p', fulfilledByCategory: { goods: 5 }, fulfilled: 5 }))?.cost).toBe(0);
    // Repair done once, a withdrawal (round(40·1/3) = 13), from the next community (street: 10).
    const q = profile({ accountId: 'q', fulfilledByCategory: { repair: 1 }, fulfilled: 1, withdrawn: 1, areas: [C2] });
    expect(claimantCost(wish, q)).toEqual({ cost: 30 + 10 + 13, level: 'street' });
    // Holding one: 15; the nearest of its communities counts.
    expect(claimantCost(wish, profile({ accountId: 'r', holding: 1, areas: [OTHER_STREET, C1] }))).toEqual({
      cost: 45,
      level: 'community',
    });
    expect(claimantCost(wish, profile({ accountId: 'r', areas: [OTHER_STREET] }))).toEqual({ cost: 55, level: 'district' });
    expect(claimantCost(wish, profile({ accountId: 'x', areas: ['350211001001'] }))?.level).toBe('city');
  });

  it('never proposes a wish its claimant gave up, someone already at the limit, or someone from another city', () => {
    expect(claimantCost(wish, profile({ accountId: 'p', gaveUp: ['w'] }))).toBeNull();
    expect(claimantCost(wish, profile({ accountId: 'p', holding: CLAIMANT_MAX_WISHES }))).toBeNull();
    expect(claimantCost(wish, profile({ accountId: 'p', areas: ['350100001001'] }))).toBeNull();
  });
});

/** Every assignment: the most wishes given a claimant, then the least cost. */
function bruteForce(wishes: OpenWish[], people: ClaimantProfile[]) {
  const left = people.map((p) => Math.max(0, CLAIMANT_MAX_WISHES - p.holding));
  let best = { assigned: -1, cost: 0 };
  const walk = (i: number, assigned: number, cost: number) => {
    if (i === wishes.length) {
      if (assigned > best.assigned || (assigned === best.assigned && cost < best.cost)) best = { assigned, cost };
      return;
    }
    walk(i + 1, assigned, cost);
    people.forEach((p, j) => {
      const fit = claimantCost(wishes[i]!, p);
      if (!fit || left[j]! === 0) return;
      left[j]!--;
      walk(i + 1, assigned + 1, cost + fit.cost);
      left[j]!++;
    });
  };
  walk(0, 0, 0);
  return best;
}

describe('proposeClaimants', () => {
  it('the worked example: the best claimant where the capacity allows, alternatives by cost', () => {
    const wishes: OpenWish[] = [
      { id: 'o1', areaCode: C1, category: 'goods' },
      { id: 'h3', areaCode: C2, category: 'goods' },
      { id: 'o3', areaCode: C1, category: 'service' },
      { id: 'o2', areaCode: C2, category: 'repair' },
    ];
    const people = [
      profile({ accountId: 'p', fulfilledByCategory: { goods: 1 }, fulfilled: 1 }),
      profile({ accountId: 'q', fulfilledByCategory: { repair: 1 }, fulfilled: 1, withdrawn: 1, areas: [C2], gaveUp: ['h3'] }),
      profile({ accountId: 'r', holding: 1 }),
    ];
    const p = proposeClaimants(wishes, people);
    const brief = p.wishes.map((w) => w.suggestions.map((s) => `${people[s.claimant]!.accountId}${s.assigned ? '*' : ''}${s.cost}`));
    expect(brief).toEqual([
      ['p*20', 'r45', 'q53'],
      ['p*30', 'r55'],
      ['r*45', 'p30', 'q53'],
      ['q*33', 'p40', 'r55'],
    ]);
    expect(p).toMatchObject({ assigned: 4, totalCost: 128, pairs: 11 });
    expect(p.wishes[3]!.suggestions[0]!.reasons).toEqual([
      { key: 'category', category: 'repair', fulfilled: 1 },
      { key: 'near', level: 'community' },
      { key: 'reliable', fulfilled: 1, withdrawn: 1 },
      { key: 'load', holding: 0 },
    ]);
  });

  it('matches brute force on 300 random small cases, capacities kept, at most 3 suggestions, assigned first', () => {
    const rand = rng(20260611);
    const areas = [C1, C2, '350206003001', OTHER_STREET];
    const categories = ['goods', 'repair', 'service'];
    for (let c = 0; c < 300; c++) {
      const wishes: OpenWish[] = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => ({
        id: `w${i}`,
        areaCode: areas[Math.floor(rand() * areas.length)]!,
        category: categories[Math.floor(rand() * categories.length)]!,
      }));
      const people = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, j) => {
        const fulfilledByCategory: Record<string, number> = {};
        for (const cat of categories) if (rand() < 0.4) fulfilledByCategory[cat] = 1 + Math.floor(rand() * 4);
        const fulfilled = Object.values(fulfilledByCategory).reduce((s, n) => s + n, 0);
        return profile({
          accountId: `c${j}`,
          fulfilledByCategory,
          fulfilled,
          withdrawn: rand() < 0.3 ? 1 + Math.floor(rand() * 3) : 0,
          holding: Math.floor(rand() * 3),
          areas: areas.filter(() => rand() < 0.4).concat(areas[Math.floor(rand() * areas.length)]!),
          gaveUp: rand() < 0.2 ? [`w${Math.floor(rand() * 5)}`] : [],
        });
      });
      const p = proposeClaimants(wishes, people);
      const best = bruteForce(wishes, people);
      expect(p.assigned, `case ${c}`).toBe(best.assigned);
      expect(p.totalCost, `case ${c}`).toBe(best.cost);
      const load = people.map(() => 0);
      for (const w of p.wishes) {
        expect(w.suggestions.length).toBeLessThanOrEqual(3);
        expect(new Set(w.suggestions.map((s) => s.claimant)).size).toBe(w.suggestions.length);
        const assigned = w.suggestions.filter((s) => s.assigned);
        expect(assigned.length).toBeLessThanOrEqual(1);
        if (assigned.length) expect(w.suggestions[0]!.assigned).toBe(true);
        const rest = w.suggestions.filter((s) => !s.assigned).map((s) => s.cost);
        expect(rest).toEqual([...rest].sort((a, b) => a - b));
        for (const s of w.suggestions) {
          expect(claimantCost(wishes[w.wish]!, people[s.claimant]!)?.cost).toBe(s.cost);
          if (s.assigned) load[s.claimant]!++;
        }
      }
      load.forEach((n, j) => expect(n + people[j]!.holding).toBeLessThanOrEqual(Math.max(CLAIMANT_MAX_WISHES, people[j]!.holding)));
      expect(p.wishes.filter((w) => w.suggestions.some((s) => s.assigned)).length).toBe(p.assigned);
    }
  });

  it('gives a popular claimant at most its capacity: the other wishes go to others', () => {
    const wishes: OpenWish[] = Array.from({ length: 4 }, (_, i) => ({ id: `w${i}`, areaCode: C1, category: 'goods' }));
    const people = [
      profile({ accountId: 'star', fulfilledByCategory: { goods: 9 }, fulfilled: 9 }),
      profile({ accountId: 'new1' }),
      profile({ accountId: 'new2', holding: 1 }),
    ];
    const p = proposeClaimants(wishes, people);
    const first = p.wishes.map((w) => people[w.suggestions[0]!.claimant]!.accountId);
    expect(first.filter((a) => a === 'star')).toHaveLength(2);
    expect(first.filter((a) => a === 'new1')).toHaveLength(2);
    // new2 already holds one (costlier by its load): an alternative only.
    expect(p.wishes.flatMap((w) => w.suggestions).filter((s) => s.claimant === 2 && s.assigned)).toHaveLength(0);
    expect(p.assigned).toBe(4);
    expect(proposeClaimants(wishes, people, { suggestions: 0 }).wishes.every((w) => w.suggestions.length === 0)).toBe(true);
  });
});
