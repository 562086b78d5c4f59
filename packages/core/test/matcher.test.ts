// The 一呼百应 matcher: exact against brute force on small random cases and against the HiGHS LP
// optimum on a medium case built by fit.ts; the fit rules (skills, Shanghai hours, distance,
// busy slots, reasons) and the refill ranking worked out by hand.
import type { Highs } from 'highs';
import { describe, expect, it } from 'vitest';
import {
  fitPairs,
  proposeMatches,
  rankFor,
  solveMatching,
  solveMatchingPairs,
  type MatchNeed,
  type MatchPair,
  type MatchProblem,
  type MatchResult,
  type MatchVolunteer,
} from '../src/volunteers/index.ts';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The result obeys slots, capacities and one use per (need, volunteer); its totals add up. */
function checkValid(p: MatchProblem, r: MatchResult) {
  const perNeed = new Array<number>(p.needSlots.length).fill(0);
  const perVol = new Array<number>(p.volunteerCapacity.length).fill(0);
  const seen = new Set<string>();
  let cost = 0;
  for (const e of r.chosen) {
    perNeed[p.need[e]!]!++;
    perVol[p.volunteer[e]!]!++;
    const key = `${p.need[e]}:${p.volunteer[e]}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    cost += p.cost[e]!;
  }
  perNeed.forEach((k, i) => expect(k + r.unfilled[i]!).toBe(p.needSlots[i]));
  perVol.forEach((k, j) => expect(k).toBeLessThanOrEqual(p.volunteerCapacity[j]!));
  expect(r.filled).toBe(r.chosen.length);
  expect(r.totalCost).toBe(cost);
}

/** Every assignment, need by need: the most filled slots, then the least cost. */
function bruteForce(slots: number[], caps: number[], pairs: MatchPair[]) {
  const used = caps.map(() => 0);
  let best = { filled: -1, cost: 0 };
  const byNeed = slots.map((_, i) => pairs.filter((p) => p.need === i));
  const walk = (i: number, k: number, left: number, filled: number, cost: number, taken: Set<number>) => {
    if (i === slots.length) {
      if (filled > best.filled || (filled === best.filled && cost < best.cost)) best = { filled, cost };
      return;
    }
    const here = byNeed[i]!;
    walk(i + 1, 0, slots[i + 1] ?? 0, filled, cost, new Set()); // no more for need i
    if (left === 0) return;
    for (let q = k; q < here.length; q++) {
      const p = here[q]!;
      if (used[p.volunteer]! >= caps[p.volunteer]! || taken.has(p.volunteer)) continue;
      used[p.volunteer]!++;
      taken.add(p.volunteer);
      walk(i, q + 1, left - 1, filled + 1, cost + p.cost, taken);
      taken.delete(p.volunteer);
      used[p.volunteer]!--;
    }
  };
  walk(0, 0, slots[0] ?? 0, 0, 0, new Set());
  return best;
}

describe('solveMatching', () => {
  it('matches brute force on 300 random small cases', () => {
    const rand = rng(20261202);
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rand() * 4);
      const m = 1 + Math.floor(rand() * 6);
      const slots = Array.from({ length: n }, () => 1 + Math.floor(rand() * 2));
      const caps = Array.from({ length: m }, () => 1 + Math.floor(rand() * 2));
      const pairs: MatchPair[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) if (rand() < 0.55) pairs.push({ need: i, volunteer: j, cost: Math.floor(rand() * 8) });
      const r = solveMatchingPairs(slots, caps, pairs);
      const best = bruteForce(slots, caps, pairs);
      expect({ case: c, filled: r.filled, cost: r.totalCost }).toEqual({ case: c, filled: best.filled, cost: best.cost });
      checkValid({ needSlots: slots, volunteerCapacity: caps, ...toArrays(pairs) }, r);
    }
  });

  it('equals the HiGHS LP optimum on 200 random cases up to 8 needs × 10 volunteers', async () => {
    // Larger than brute force reaches: stale potentials or a wrong choice of the empty slot show here.
    const rand = rng(11);
    for (let c = 0; c < 200; c++) {
      const n = 1 + Math.floor(rand() * 8);
      const m = 1 + Math.floor(rand() * 10);
      const density = 0.2 + rand() * 0.8;
      const maxCost = [2, 10, 1000][c % 3]!;
      const pairs: MatchPair[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) if (rand() < density) pairs.push({ need: i, volunteer: j, cost: Math.floor(rand() * maxCost) });
      const problem: MatchProblem = {
        needSlots: Array.from({ length: n }, () => Math.floor(rand() * 4)),
        volunteerCapacity: Array.from({ length: m }, () => Math.floor(rand() * 3)),
        ...toArrays(pairs),
      };
      const r = solveMatching(problem);
      checkValid(problem, r);
      expect({ case: c, filled: r.filled, cost: r.totalCost }).toEqual({ case: c, ...(await lpOptimum(problem)) });
    }
  });

  it('handles no pairs, more slots than volunteers, capacity 2, zero-cost ties, 0 slots and repeated pairs', () => {
    expect(solveMatchingPairs([2, 1], [1], [])).toMatchObject({ filled: 0, totalCost: 0, unfilled: Int32Array.from([2, 1]) });
    const crowded = solveMatchingPairs(
      [3],
      [1, 1],
      [
        { need: 0, volunteer: 0, cost: 4 },
        { need: 0, volunteer: 1, cost: 2 },
      ],
    );
    expect(crowded).toMatchObject({ filled: 2, totalCost: 6, unfilled: Int32Array.from([1]) });
    // Volunteer 0 takes both needs (capacity 2), but never twice the same one.
    const twice = solveMatchingPairs(
      [2, 1],
      [2, 1],
      [
        { need: 0, volunteer: 0, cost: 1 },
        { need: 1, volunteer: 0, cost: 1 },
        { need: 0, volunteer: 1, cost: 5 },
      ],
    );
    expect(twice).toMatchObject({ filled: 3, totalCost: 7 });
    const ties = solveMatchingPairs(
      [1, 1, 1],
      [1, 1, 1],
      [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => ({ need: i, volunteer: j, cost: 0 }))),
    );
    expect(ties).toMatchObject({ filled: 3, totalCost: 0 });
    expect(new Set(ties.chosen.map((e) => e % 3)).size).toBe(3);
    const zero = solveMatchingPairs(
      [0, 1],
      [1],
      [
        { need: 0, volunteer: 0, cost: 0 },
        { need: 1, volunteer: 0, cost: 9 },
      ],
    );
    expect(zero).toMatchObject({ filled: 1, totalCost: 9, chosen: Int32Array.from([1]) });
    // A repeated (need, volunteer) pair counts once, at its cheaper cost.
    const repeated = solveMatchingPairs(
      [2],
      [1],
      [
        { need: 0, volunteer: 0, cost: 7 },
        { need: 0, volunteer: 0, cost: 3 },
      ],
    );
    expect(repeated).toMatchObject({ filled: 1, totalCost: 3, chosen: Int32Array.from([1]) });
    expect(() => solveMatchingPairs([1], [1], [{ need: 0, volunteer: 1, cost: 0 }])).toThrow(RangeError);
    expect(() => solveMatchingPairs([1], [1], [{ need: 0, volunteer: 0, cost: -1 }])).toThrow(RangeError);
  });

  it('prefers one more filled slot over any saving, and leaves the costlier need empty', () => {
    // Need 0 alone could take volunteer 0 at 1; filling both means 0 → 1 at 50.
    const more = solveMatchingPairs(
      [1, 1],
      [1, 1],
      [
        { need: 0, volunteer: 0, cost: 1 },
        { need: 0, volunteer: 1, cost: 50 },
        { need: 1, volunteer: 0, cost: 50 },
      ],
    );
    expect(more).toMatchObject({ filled: 2, totalCost: 100 });
    const scarce = solveMatchingPairs(
      [1, 1],
      [1],
      [
        { need: 0, volunteer: 0, cost: 10 },
        { need: 1, volunteer: 0, cost: 1 },
      ],
    );
    expect(scarce).toMatchObject({ filled: 1, totalCost: 1, unfilled: Int32Array.from([1, 0]) });
  });

  it('equals the HiGHS LP optimum on 200 needs × 2,000 volunteers', { timeout: 120_000 }, async () => {
    const { needs, volunteers } = mediumCase();
    const fit = fitPairs(needs, volunteers);
    const problem: MatchProblem = {
      ...fit,
      needSlots: needs.map((n) => n.slots),
      volunteerCapacity: volunteers.map((v) => v.capacity ?? 1),
    };
    const r = solveMatching(problem);
    checkValid(problem, r);
    const lp = await lpOptimum(problem);
    expect(fit.count).toBeGreaterThan(5_000);
    expect({ filled: r.filled, cost: r.totalCost }).toEqual(lp);
    // The case is contested: taking the cheapest pairs first does worse.
    const greedy = greedyOf(problem);
    expect(greedy.filled < r.filled || greedy.cost > r.totalCost).toBe(true);
    expect(r.filled).toBeLessThan(needs.reduce((s, n) => s + n.slots, 0));
  });
});

function toArrays(pairs: MatchPair[]) {
  return {
    need: Int32Array.from(pairs, (p) => p.need),
    volunteer: Int32Array.from(pairs, (p) => p.volunteer),
    cost: Int32Array.from(pairs, (p) => p.cost),
  };
}

function greedyOf(p: MatchProblem) {
  const order = [...p.cost.keys()].sort((a, b) => p.cost[a]! - p.cost[b]!);
  const left = Array.from(p.needSlots);
  const cap = Array.from(p.volunteerCapacity);
  let filled = 0;
  let cost = 0;
  for (const e of order)
    if (left[p.need[e]!]! > 0 && cap[p.volunteer[e]!]! > 0) {
      left[p.need[e]!]!--;
      cap[p.volunteer[e]!]!--;
      filled++;
      cost += p.cost[e]!;
    }
  return { filled, cost };
}

// highs runs as ESM but its types are CommonJS-style: the loader is `default` or `default.default`.
type HighsLoader = () => Promise<Highs>;
let highsLoaded: Promise<Highs> | undefined;
const loadHighs = async () => {
  const mod = (await import('highs')) as unknown as { default: HighsLoader | { default: HighsLoader } };
  return (typeof mod.default === 'function' ? mod.default : mod.default.default)();
};

/** min Σ (cost − M)·x over 0 ≤ x ≤ 1, slots and capacities; M above any whole assignment's cost. */
async function lpOptimum(p: MatchProblem) {
  const highs = await (highsLoaded ??= loadHighs());
  const E = p.need.length;
  if (E === 0) return { filled: 0, cost: 0 };
  const maxFill = Math.min(
    Array.from(p.needSlots).reduce((s, k) => s + k, 0),
    Array.from(p.volunteerCapacity).reduce((s, k) => s + k, 0),
  );
  const M = Math.max(0, ...p.cost) * maxFill + 1;
  const rows = new Map<string, number[]>();
  for (let e = 0; e < E; e++)
    for (const key of [`n${p.need[e]}`, `v${p.volunteer[e]}`]) (rows.get(key) ?? rows.set(key, []).get(key)!).push(e);
  const bound = (key: string) => (key[0] === 'n' ? p.needSlots : p.volunteerCapacity)[Number(key.slice(1))];
  const lp = [
    'Minimize',
    ' obj:',
    ...Array.from({ length: E }, (_, e) => ` - ${M - p.cost[e]!} x${e}`),
    'Subject To',
    ...[...rows].map(([key, es]) => ` ${key}: ${es.map((e) => `x${e}`).join(' + ')} <= ${bound(key)}`),
    'Bounds',
    ...Array.from({ length: E }, (_, e) => ` 0 <= x${e} <= 1`),
    'End',
  ].join('\n');
  const out = highs.solve(lp, { output_flag: false });
  if (out.Status !== 'Optimal') throw new Error(`HiGHS: ${out.Status}`);
  let filled = 0;
  let cost = 0;
  for (let e = 0; e < E; e++) {
    const x = out.Columns[`x${e}`]!.Primal;
    expect(Math.min(Math.abs(x), Math.abs(x - 1))).toBeLessThan(1e-6); // a vertex of a TU polytope
    filled += Math.round(x);
    cost += Math.round(x) * p.cost[e]!;
  }
  expect(out.ObjectiveValue).toBeCloseTo(cost - M * filled, 3);
  return { filled, cost };
}

const SKILLS = ['陪诊', '助餐', '理发', '电工', '心理疏导', '驾驶', '手语', '法律咨询'];
const DISTRICTS = ['350203', '350205', '350206'];

/** Three districts of 厦门市, 2 streets × 3 communities each; scarce skills make it contested. */
function mediumCase(): { needs: MatchNeed[]; volunteers: MatchVolunteer[] } {
  const rand = rng(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const community = () => `${pick(DISTRICTS)}00${1 + Math.floor(rand() * 2)}00${1 + Math.floor(rand() * 3)}`;
  const volunteers: MatchVolunteer[] = Array.from({ length: 2000 }, () => ({
    skills: [...new Set([pick(SKILLS.slice(0, 4)), ...(rand() < 0.15 ? [pick(SKILLS)] : [])])],
    areaCode: community(),
    availability:
      rand() < 0.3 ? null : { weekdays: rand() < 0.5 ? [6, 7] : [1, 2, 3, 4, 5], from: '08:00', to: rand() < 0.5 ? '12:00' : '18:00' },
    recentCalls: Math.floor(rand() * 14),
    capacity: rand() < 0.1 ? 2 : 1,
  }));
  const needs: MatchNeed[] = Array.from({ length: 200 }, (_, i) => {
    // 2026-12-05 is a Saturday: weekend and weekday needs, mornings and afternoons.
    const [day, hour] = [i % 2 ? '05' : '03', rand() < 0.5 ? 9 : 14];
    return {
      skills: rand() < 0.3 ? [pick(SKILLS.slice(4))] : [pick(SKILLS.slice(0, 4))],
      areaCode: community(),
      startsAt: `2026-12-${day}T${String(hour).padStart(2, '0')}:00:00+08:00`,
      endsAt: `2026-12-${day}T${hour + 2}:30:00+08:00`,
      slots: 1 + Math.floor(rand() * 3),
      within: rand() < 0.5 ? 'district' : 'street',
    };
  });
  return { needs, volunteers };
}

// ---- fit.ts: who fits, at what cost, and why

const HOME = '350206001001'; // a community of 湖里区, 厦门市
const need = (over: Partial<MatchNeed> = {}): MatchNeed => ({
  skills: ['陪诊'],
  areaCode: HOME,
  startsAt: '2026-12-01T09:00:00+08:00', // a Tuesday
  endsAt: '2026-12-01T11:00:00+08:00',
  slots: 1,
  ...over,
});
const person = (over: Partial<MatchVolunteer> = {}): MatchVolunteer => ({
  skills: ['陪诊'],
  areaCode: HOME,
  availability: null,
  recentCalls: 0,
  ...over,
});
/** Cost of each volunteer for the need, -1 where infeasible. */
const costs = (n: MatchNeed, vs: MatchVolunteer[]) => {
  const fit = fitPairs([n], vs);
  const out = vs.map(() => -1);
  for (let i = 0; i < fit.count; i++) out[fit.volunteer[i]!] = fit.cost[i]!;
  return out;
};

describe('fitPairs', () => {
  it('needs every required skill; none required takes anyone; extra skills cost a little', () => {
    const vs = [person({ skills: ['陪诊', '驾驶'] }), person({ skills: ['驾驶'] }), person({ skills: ['陪诊'] }), person({ skills: [] })];
    expect(costs(need({ skills: ['陪诊', '驾驶'] }), vs)).toEqual([0, -1, -1, -1]);
    expect(costs(need({ skills: ['陪诊'] }), vs)).toEqual([1, -1, 0, -1]);
    expect(costs(need({ skills: [] }), vs)).toEqual([2, 1, 1, 0]);
    expect(costs(need({ skills: ['手语'] }), vs)).toEqual([-1, -1, -1, -1]);
  });

  it('judges the weekday and hours in Shanghai time', () => {
    const tue = { weekdays: [2], from: '00:00', to: '02:00' };
    const vs = [
      person({ availability: tue }),
      person({ availability: { ...tue, weekdays: [1] } }), // Monday, as the UTC date would say
      person({ availability: { ...tue, from: '00:45' } }),
      person({ availability: { ...tue, to: '01:00' } }),
      person(),
    ];
    // 16:30 UTC on Monday 30 November is 00:30 on Tuesday 1 December in Shanghai.
    expect(costs(need({ startsAt: '2026-11-30T16:30:00Z', endsAt: '2026-11-30T17:30:00Z' }), vs)).toEqual([0, -1, -1, -1, 0]);
    // Without an offset the time is Shanghai wall time.
    expect(costs(need({ startsAt: '2026-12-01T00:30', endsAt: '2026-12-01T01:30' }), vs)).toEqual([0, -1, -1, -1, 0]);
  });

  it('takes a need past midnight only with no limits, and one ending at midnight with to 24:00', () => {
    const allDay = { weekdays: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' };
    const vs = [person({ availability: allDay }), person()];
    expect(costs(need({ startsAt: '2026-12-01T23:00:00+08:00', endsAt: '2026-12-02T01:00:00+08:00' }), vs)).toEqual([-1, 0]);
    expect(costs(need({ startsAt: '2026-12-01T22:00:00+08:00', endsAt: '2026-12-02T00:00:00+08:00' }), vs)).toEqual([0, 0]);
  });

  it('prices distance by the area code tree, up to the city and within the need’s level', () => {
    const vs = ['350206001001', '350206001002', '350206002001', '350203001001', '350102001001'].map((areaCode) => person({ areaCode }));
    expect(costs(need(), vs)).toEqual([0, 10, 25, 45, -1]);
    expect(costs(need({ within: 'street' }), vs)).toEqual([0, 10, -1, -1, -1]);
    expect(costs(need({ within: 'community' }), vs)).toEqual([0, -1, -1, -1, -1]);
  });

  it('excludes a volunteer with an overlapping busy slot, not one that only touches it', () => {
    const busy = (startsAt: string, endsAt: string) => person({ busy: [{ startsAt, endsAt }] });
    const vs = [
      busy('2026-12-01T10:30:00+08:00', '2026-12-01T12:00:00+08:00'),
      busy('2026-12-01T11:00:00+08:00', '2026-12-01T12:00:00+08:00'),
      busy('2026-12-01T00:00:00Z', '2026-12-01T01:00:00Z'), // 08:00–09:00 Shanghai
      busy('2026-12-01T00:30:00Z', '2026-12-01T01:30:00Z'),
    ];
    expect(costs(need(), vs)).toEqual([-1, 0, 0, -1]);
  });

  it('counts recent calls up to the cap and gives reasons for the chosen pair', () => {
    const vs = [
      person({
        recentCalls: 2,
        areaCode: '350206001002',
        skills: ['陪诊', '理发'],
        availability: { weekdays: [2], from: '08:00', to: '12:00' },
      }),
    ];
    const fit = fitPairs([need()], vs);
    expect(Array.from(fit.cost)).toEqual([10 + 2 * 3 + 1]);
    expect(fit.reasons(0)).toEqual([
      { key: 'skill', skills: ['陪诊'] },
      { key: 'near', level: 'street' },
      { key: 'available', anyTime: false },
      { key: 'load', recentCalls: 2 },
    ]);
    expect(costs(need(), [person({ recentCalls: 25 })])).toEqual([30]);
  });
});

describe('proposeMatches and rankFor', () => {
  it('fills both needs rather than give the nearest person to the first', () => {
    // Volunteer 0 lives in need 0's community but is the only one who can serve need 1.
    const needs = [need(), need({ skills: ['手语'], areaCode: '350206001002' })];
    const vs = [person({ skills: ['陪诊', '手语'] }), person({ areaCode: '350206002001' })];
    const p = proposeMatches(needs, vs);
    expect(p).toMatchObject({ filled: 2, unfilled: 0, totalCost: 25 + 11, pairs: 3 });
    expect(p.needs.map((n) => n.chosen.map((c) => c.volunteer))).toEqual([[1], [0]]);
    expect(p.needs[1]!.chosen[0]!.reasons).toContainEqual({ key: 'near', level: 'street' });
  });

  it('reports what stays unfilled', () => {
    const p = proposeMatches([need({ slots: 3 })], [person(), person({ recentCalls: 1 })]);
    expect(p).toMatchObject({ filled: 2, unfilled: 1, totalCost: 3 });
    expect(p.needs[0]).toMatchObject({
      unfilled: 1,
      chosen: [
        { volunteer: 0, cost: 0 },
        { volunteer: 1, cost: 3 },
      ],
    });
  });

  it('ranks the next best feasible volunteers, leaving out those taken', () => {
    const vs = [
      person({ recentCalls: 4 }),
      person(),
      person({ skills: ['驾驶'] }),
      person({ areaCode: '350206001002' }),
      person({ capacity: 0 }),
    ];
    expect(rankFor(need(), vs, new Set(), 10).map((c) => [c.volunteer, c.cost])).toEqual([
      [1, 0],
      [3, 10],
      [0, 12],
    ]);
    const next = rankFor(need(), vs, new Set([1]), 1);
    expect(next.map((c) => c.volunteer)).toEqual([3]);
    expect(next[0]!.reasons).toContainEqual({ key: 'near', level: 'street' });
  });
});
