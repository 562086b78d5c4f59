// Who fits a need and at what cost (一呼百应): feasibility, the integer cost the exact matcher
// (matcher.ts) minimises, and structured reasons for "why this person" (the UI translates keys).
// Times are judged in Asia/Shanghai (UTC+8 all year, no daylight saving).
import { solveMatching, type MatchPairArrays } from './matcher.ts';

export type NearLevel = 'community' | 'street' | 'district' | 'city';
export const NEAR_LEVELS: readonly NearLevel[] = ['community', 'street', 'district', 'city'];
/** Digits two area codes share at each level (statistical division codes). */
const PREFIX_DIGITS = [12, 9, 6, 4];

/** Cost by distance in the area code tree; farther than the city is not feasible. */
export const MATCH_DISTANCE_COST: Readonly<Record<NearLevel, number>> = { community: 0, street: 10, district: 25, city: 45 };
/** Cost per call in the past 90 days, counted up to MATCH_LOAD_CAP: spread the calls around. */
export const MATCH_LOAD_COST = 3;
export const MATCH_LOAD_CAP = 10;
/** Cost per skill the need does not ask for, up to MATCH_EXTRA_SKILL_CAP: keep versatile people free. */
export const MATCH_EXTRA_SKILL_COST = 1;
export const MATCH_EXTRA_SKILL_CAP = 5;

export interface MatchNeed {
  skills: string[];
  /** 12-digit community code (longer grid codes are read by their first 12 digits). */
  areaCode: string;
  /** ISO instants; without an offset they are read as Shanghai wall time. */
  startsAt: string;
  endsAt: string;
  slots: number;
  /** The farthest level accepted (default 'city'). */
  within?: NearLevel;
}

export interface MatchAvailability {
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** 'HH:MM' local time; 'to' may be '24:00'. */
  from: string;
  to: string;
}

export interface MatchVolunteer {
  skills: string[];
  areaCode: string;
  /** null: any time. */
  availability: MatchAvailability | null;
  /** Calls and sign-ups in the past 90 days. */
  recentCalls: number;
  busy?: { startsAt: string; endsAt: string }[];
  /** Needs this person may take in one call-out (default 1). */
  capacity?: number;
}

export type MatchReason =
  | { key: 'skill'; skills: string[] }
  | { key: 'near'; level: NearLevel }
  | { key: 'available'; anyTime: boolean }
  | { key: 'load'; recentCalls: number };

const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function instant(iso: string): number {
  const t = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}+08:00`);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${iso}`);
  return t;
}

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const v = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(v >= 0 && v <= 1440)) throw new RangeError(`not a time of day: ${hhmm}`);
  return v;
}

function areaNumber(code: string): number {
  const c = code.slice(0, 12);
  if (!/^\d{12}$/.test(c)) throw new RangeError(`not a 12-digit area code: ${code}`);
  return Number(c);
}

/** 0 community … 3 city, -1 farther. */
function nearIndex(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.floor(a / 1e3) === Math.floor(b / 1e3)) return 1;
  if (Math.floor(a / 1e6) === Math.floor(b / 1e6)) return 2;
  if (Math.floor(a / 1e8) === Math.floor(b / 1e8)) return 3;
  return -1;
}

/** The volunteers in flat arrays, skills as bit sets over the skills they name. */
class Pool {
  readonly skillId = new Map<string, number>();
  readonly words: number;
  readonly bits: Uint32Array;
  readonly skillCount: Int32Array;
  readonly skillAt: Int32Array;
  readonly skills: Int32Array;
  readonly area: Float64Array;
  readonly dayMask: Int16Array; // -1: any time
  readonly from: Int16Array;
  readonly to: Int16Array;
  readonly busyAt: Int32Array;
  readonly busy: Float64Array;
  readonly load: Int32Array;
  readonly capacity: Int32Array;

  constructor(readonly volunteers: readonly MatchVolunteer[]) {
    const n = volunteers.length;
    for (const v of volunteers) for (const s of v.skills) if (!this.skillId.has(s)) this.skillId.set(s, this.skillId.size);
    this.words = Math.max(1, Math.ceil(this.skillId.size / 32));
    this.bits = new Uint32Array(n * this.words);
    this.skillCount = new Int32Array(n);
    this.area = new Float64Array(n);
    this.dayMask = new Int16Array(n);
    this.from = new Int16Array(n);
    this.to = new Int16Array(n);
    this.busyAt = new Int32Array(n + 1);
    this.skillAt = new Int32Array(n + 1);
    this.load = new Int32Array(n);
    this.capacity = new Int32Array(n);
    const busy: number[] = [];
    const skills: number[] = [];
    volunteers.forEach((v, i) => {
      for (const id of new Set(v.skills.map((s) => this.skillId.get(s)!))) {
        this.bits[i * this.words + (id >> 5)] |= 1 << (id & 31);
        this.skillCount[i]++;
        skills.push(id);
      }
      this.skillAt[i + 1] = skills.length;
      this.area[i] = areaNumber(v.areaCode);
      const a = v.availability;
      this.dayMask[i] = a ? a.weekdays.reduce((mask, d) => mask | (1 << d), 0) : -1;
      this.from[i] = a ? minutes(a.from) : 0;
      this.to[i] = a ? minutes(a.to) : 1440;
      for (const b of v.busy ?? []) busy.push(instant(b.startsAt), instant(b.endsAt));
      this.busyAt[i + 1] = busy.length;
      this.load[i] = Math.min(Math.max(0, Math.floor(v.recentCalls)), MATCH_LOAD_CAP);
      this.capacity[i] = v.capacity ?? 1;
    });
    this.busy = Float64Array.from(busy);
    this.skills = Int32Array.from(skills);
  }
}

/** A need read once: its Shanghai window and its skills as a bit set (null: a skill nobody has). */
function prepareNeed(need: MatchNeed, pool: Pool) {
  const start = instant(need.startsAt);
  const end = instant(need.endsAt);
  if (!(end > start)) throw new RangeError(`need ends before it starts: ${need.startsAt} – ${need.endsAt}`);
  const day = Math.floor((start + SHANGHAI_MS) / DAY_MS);
  const dayStart = day * DAY_MS - SHANGHAI_MS;
  const within = NEAR_LEVELS.indexOf(need.within ?? 'city');
  if (within < 0) throw new RangeError(`not a level: ${need.within}`);
  const ids = [...new Set(need.skills)].map((s) => pool.skillId.get(s));
  const bits = new Uint32Array(pool.words);
  for (const id of ids) if (id !== undefined) bits[id >> 5] |= 1 << (id & 31);
  return {
    start,
    end,
    weekday: ((((day + 3) % 7) + 7) % 7) + 1, // day 0 (1970-01-01) was a Thursday
    startMin: Math.floor((start - dayStart) / 60_000),
    endMin: Math.ceil((end - dayStart) / 60_000),
    area: areaNumber(need.areaCode),
    within,
    ids: ids.includes(undefined) ? null : (ids as number[]),
    bits,
  };
}
type Prepared = ReturnType<typeof prepareNeed>;

/** The cost of volunteer v for the need, or -1 when v does not fit. */
function costOf(p: Prepared, pool: Pool, v: number): number {
  if (!p.ids || pool.capacity[v] <= 0) return -1;
  const level = nearIndex(p.area, pool.area[v]);
  if (level < 0 || level > p.within) return -1;
  for (let w = 0; w < pool.words; w++) if ((pool.bits[v * pool.words + w] & p.bits[w]) !== p.bits[w]) return -1;
  const mask = pool.dayMask[v];
  // A need past midnight fits only people without limits; the window is otherwise within one day.
  if (mask >= 0 && (!(mask & (1 << p.weekday)) || p.startMin < pool.from[v] || p.endMin > pool.to[v] || p.endMin > 1440)) return -1;
  for (let k = pool.busyAt[v]; k < pool.busyAt[v + 1]; k += 2) if (pool.busy[k] < p.end && p.start < pool.busy[k + 1]) return -1;
  const extra = Math.min(pool.skillCount[v] - p.ids.length, MATCH_EXTRA_SKILL_CAP);
  return MATCH_DISTANCE_COST[NEAR_LEVELS[level]] + MATCH_LOAD_COST * pool.load[v] + MATCH_EXTRA_SKILL_COST * extra;
}

function reasonsOf(need: MatchNeed, volunteer: MatchVolunteer): MatchReason[] {
  const level = nearIndex(areaNumber(need.areaCode), areaNumber(volunteer.areaCode));
  const out: MatchReason[] = [];
  if (need.skills.length) out.push({ key: 'skill', skills: [...new Set(need.skills)] });
  out.push({ key: 'near', level: NEAR_LEVELS[level] });
  out.push({ key: 'available', anyTime: volunteer.availability === null });
  out.push({ key: 'load', recentCalls: volunteer.recentCalls });
  return out;
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

export interface FitPairs extends MatchPairArrays {
  count: number;
  /** Why volunteer[i] fits need[i]; computed on demand (only the chosen pairs need it). */
  reasons(pair: number): MatchReason[];
}

/**
 * Every feasible (need, volunteer) pair with its cost. Candidates come from an index by area
 * prefix (the need's `within` level) and the need's rarest skill, then each is checked in full.
 */
export function fitPairs(needs: readonly MatchNeed[], volunteers: readonly MatchVolunteer[]): FitPairs {
  const pool = new Pool(volunteers);
  // By level: area prefix → lists by skill id + 1 (0: everyone there). Built for levels in use.
  const index = new Map<number, Map<number, number[][]>>();
  const listsAt = (level: number) => {
    let byPrefix = index.get(level);
    if (byPrefix) return byPrefix;
    byPrefix = new Map();
    const unit = 10 ** (12 - PREFIX_DIGITS[level]);
    for (let v = 0; v < volunteers.length; v++) {
      const key = Math.floor(pool.area[v] / unit);
      let lists = byPrefix.get(key);
      if (!lists) byPrefix.set(key, (lists = [[]]));
      lists[0].push(v);
      for (let k = pool.skillAt[v]; k < pool.skillAt[v + 1]; k++) (lists[pool.skills[k] + 1] ??= []).push(v);
    }
    index.set(level, byPrefix);
    return byPrefix;
  };
  let size = 1024;
  let need: Int32Array = new Int32Array(size);
  let volunteer: Int32Array = new Int32Array(size);
  let cost: Int32Array = new Int32Array(size);
  let count = 0;
  for (let i = 0; i < needs.length; i++) {
    if (!(needs[i].slots > 0)) continue;
    const p = prepareNeed(needs[i], pool);
    if (!p.ids) continue;
    const lists = listsAt(p.within).get(Math.floor(p.area / 10 ** (12 - PREFIX_DIGITS[p.within]))) ?? [[]];
    let candidates = lists[0];
    for (const id of p.ids) {
      const list = lists[id + 1] ?? [];
      if (list.length < candidates.length) candidates = list;
    }
    for (const v of candidates) {
      const c = costOf(p, pool, v);
      if (c < 0) continue;
      if (count === size) {
        size *= 2;
        need = grown(need, size);
        volunteer = grown(volunteer, size);
        cost = grown(cost, size);
      }
      need[count] = i;
      volunteer[count] = v;
      cost[count++] = c;
    }
  }
  need = need.slice(0, count);
  volunteer = volunteer.slice(0, count);
  return {
    need,
    volunteer,
    cost: cost.slice(0, count),
    count,
    reasons: (pair) => reasonsOf(needs[need[pair]], volunteers[volunteer[pair]]),
  };
}

export interface MatchCandidate {
  volunteer: number;
  cost: number;
  reasons: MatchReason[];
}

export interface MatchProposal {
  needs: { need: number; chosen: MatchCandidate[]; unfilled: number }[];
  filled: number;
  unfilled: number;
  totalCost: number;
  /** Feasible pairs considered. */
  pairs: number;
}

/** The best mobilisation: most slots filled, then least total cost (exact, see matcher.ts). */
export function proposeMatches(needs: readonly MatchNeed[], volunteers: readonly MatchVolunteer[]): MatchProposal {
  const fit = fitPairs(needs, volunteers);
  const result = solveMatching({
    ...fit,
    needSlots: needs.map((n) => Math.max(0, Math.floor(n.slots))),
    volunteerCapacity: volunteers.map((v) => Math.max(0, Math.floor(v.capacity ?? 1))),
  });
  const out: MatchProposal['needs'] = needs.map((_, i) => ({ need: i, chosen: [], unfilled: result.unfilled[i] }));
  for (const pair of result.chosen) {
    out[fit.need[pair]].chosen.push({ volunteer: fit.volunteer[pair], cost: fit.cost[pair], reasons: fit.reasons(pair) });
  }
  for (const n of out) n.chosen.sort((a, b) => a.cost - b.cost || a.volunteer - b.volunteer);
  const unfilled = out.reduce((s, n) => s + n.unfilled, 0);
  return { needs: out, filled: result.filled, unfilled, totalCost: result.totalCost, pairs: fit.count };
}

/**
 * The next best volunteers for one need (to refill a declined slot): feasible, not in `exclude`
 * (volunteer indices already assigned or asked), cheapest first, at most `limit`.
 */
export function rankFor(
  need: MatchNeed,
  volunteers: readonly MatchVolunteer[],
  exclude: ReadonlySet<number>,
  limit: number,
): MatchCandidate[] {
  const pool = new Pool(volunteers);
  const p = prepareNeed(need, pool);
  const found: { volunteer: number; cost: number }[] = [];
  for (let v = 0; v < volunteers.length; v++) {
    if (exclude.has(v)) continue;
    const cost = costOf(p, pool, v);
    if (cost >= 0) found.push({ volunteer: v, cost });
  }
  found.sort((a, b) => a.cost - b.cost || a.volunteer - b.volunteer);
  return found.slice(0, Math.max(0, limit)).map((f) => ({ ...f, reasons: reasonsOf(need, volunteers[f.volunteer]) }));
}
