// A year of the demo residents' history: contacts roughly at their care level's interval with
// realistic irregularity, and assessments (GB/T 42195 for the elderly, GDS-15 or PHQ-9 for
// some) whose answers are generated to land on a result consistent with the care level. About
// four in five residents are covered today; the rest lapsed a little, long ago, or were never
// visited, so the due lists and coverage have something to show. Pure: no database, no keys.
import {
  addDays,
  daysBetween,
  GBT42195,
  GDS15,
  nextDueDate,
  PHQ9,
  scoreAssessment,
  windowStart,
  type AssessmentAnswers,
  type AssessmentExtras,
  type AssessmentResult,
  type CareLevel,
  type InstrumentDefinition,
  type VisitIntervals,
} from '@wushe/core';
import { stableId } from '../seed.ts';
import { chance, int, pick, weighted, type Rng } from './names.ts';
import type { PlannedResident } from './population.ts';

export interface PlannedContact {
  id: string;
  residentIndex: number;
  groupId: string | null;
  kind: string;
  serviceType: string | null;
  occurredOn: string;
  occurredAt: string;
  durationMinutes: number;
  workerId: string | null;
  notes: string;
}

export interface PlannedAssessment {
  id: string;
  residentIndex: number;
  def: InstrumentDefinition;
  reason: 'first' | 'routine';
  answers: AssessmentAnswers;
  extras: AssessmentExtras;
  result: AssessmentResult;
  confirmed: number | null;
  overrideReason: string | null;
  assessedOn: string;
  assessedBy: string | null;
}

export type Outcome = 'covered' | 'lapsed' | 'long' | 'never';
const OUTCOMES = [
  ['covered', 80],
  ['lapsed', 10],
  ['long', 5],
  ['never', 5],
] as const;

const KINDS = {
  elder: [
    ['home_visit', 55],
    ['phone', 20],
    ['service', 17],
    ['office', 6],
    ['online', 2],
  ],
  child: [
    ['home_visit', 55],
    ['phone', 20],
    ['office', 10],
    ['service', 10],
    ['online', 5],
  ],
  adult: [
    ['home_visit', 45],
    ['phone', 25],
    ['office', 15],
    ['service', 10],
    ['online', 5],
  ],
} as const;
const ELDER_SERVICES = [
  ['meal', 25],
  ['cleaning', 15],
  ['medical', 20],
  ['bathing', 8],
  ['emergency', 2],
  ['emotional_visit', 20],
  ['counselling', 10],
] as const;
const YOUNG_SERVICES = [
  ['counselling', 40],
  ['emotional_visit', 40],
  ['medical', 20],
] as const;
const NOTES: Record<string, string[]> = {
  home_visit: [
    '入户走访，身体状况稳定',
    '入户走访，了解近期生活情况',
    '入户走访，检查居家安全隐患',
    '入户走访，提醒按时服药',
    '入户走访，情绪良好，家中整洁',
  ],
  phone: ['电话问候，近况良好', '电话回访，提醒天气变化注意保暖', '电话联系，确认下次上门时间'],
  office: ['来站咨询救助政策', '来站办理材料，顺便了解近况', '来站参加小组活动'],
  online: ['微信视频问候，状态良好', '微信联系，转发政策通知'],
  meal: ['助餐：送餐上门'],
  cleaning: ['助洁：协助打扫房间'],
  medical: ['助医：陪同到社区卫生服务中心复诊'],
  bathing: ['助浴：协助洗澡'],
  emergency: ['助急：协助处理突发情况'],
  emotional_visit: ['精神慰问：陪伴聊天'],
  counselling: ['心理疏导：情绪疏导与支持'],
};
const MINUTES: Record<string, [number, number]> = {
  home_visit: [20, 60],
  phone: [5, 15],
  office: [15, 40],
  online: [5, 20],
  service: [30, 90],
};
const OVERRIDE = '结合走访情况，维持现关爱等级';

/** Approximate days of an interval: the step size for visits. */
const stepDays = (today: string, i: VisitIntervals[CareLevel]) => daysBetween(today, nextDueDate(today, i));

/** Workers visit on weekdays mostly: a weekend date moves back to Friday when it can. */
function weekday(rng: Rng, date: string, floor: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  if ((dow === 0 || dow === 6) && chance(rng, 0.75)) {
    const moved = addDays(date, dow === 0 ? -2 : -1);
    if (moved >= floor) return moved;
  }
  return date;
}

function contactOn(rng: Rng, r: PlannedResident, n: number, date: string, workerId: string | null): PlannedContact {
  const kind = weighted(rng, KINDS[r.generation]);
  const serviceType = kind === 'service' ? weighted(rng, r.generation === 'elder' ? ELDER_SERVICES : YOUNG_SERVICES) : null;
  const [lo, hi] = MINUTES[kind]!;
  const hour = pick(rng, [9, 9, 10, 10, 11, 14, 15, 15, 16, 17]) - 8; // Asia/Shanghai working hours, in UTC
  return {
    id: stableId(`demo:contact:${r.index}:${n}`),
    residentIndex: r.index,
    groupId: null,
    kind,
    serviceType,
    occurredOn: date,
    occurredAt: `${date}T${String(hour).padStart(2, '0')}:${pick(rng, ['00', '15', '30', '45'])}:00.000Z`,
    durationMinutes: int(rng, lo, hi),
    workerId,
    notes: pick(rng, NOTES[serviceType ?? kind]!),
  };
}

/** Moves registration back so that a resident who is not covered is also overdue. */
function registrationBefore(rng: Rng, today: string, reg: string, stop: string, days: number): string {
  const latest = addDays(stop, -Math.min(days, 20));
  if (reg <= latest) return reg;
  const earliest = addDays(today, -395);
  const moved = addDays(latest, -int(rng, 0, days));
  return moved < earliest ? earliest : moved;
}

/** Contacts of one resident (moves its registration back when it must end up overdue). */
function contactsOf(rng: Rng, today: string, r: PlannedResident, intervals: VisitIntervals, workerId: string | null): PlannedContact[] {
  const interval = intervals[r.input.careLevel as CareLevel];
  const days = stepDays(today, interval);
  const outcome: Outcome = weighted(rng, OUTCOMES);
  const yesterday = addDays(today, -1);
  const ws = windowStart(today, interval);
  let end = yesterday;
  if (outcome === 'lapsed') end = addDays(ws, -1 - int(rng, 0, Math.max(3, Math.round(days * 0.7))));
  if (outcome === 'long') end = addDays(today, -int(rng, Math.max(90, days + 30), Math.max(200, days * 3)));
  if (outcome === 'never') end = addDays(ws, -1 - int(rng, 0, days));
  if (outcome !== 'covered') {
    r.registeredOn = registrationBefore(rng, today, r.registeredOn, end, days);
    r.input.consent = { ...r.input.consent, date: r.registeredOn };
  }
  if (outcome === 'never') return [];
  const out: PlannedContact[] = [];
  let floor = r.registeredOn;
  let t = addDays(r.registeredOn, int(rng, 0, Math.min(6, days - 1)));
  while (t <= end) {
    const on = weekday(rng, t, floor);
    out.push(contactOn(rng, r, out.length, on, workerId));
    floor = addDays(on, 1);
    const f = chance(rng, 0.08) ? 1.05 + rng() * 0.5 : 0.55 + rng() * 0.45;
    t = addDays(on, Math.max(1, Math.round(days * f)));
  }
  const last = out[out.length - 1]?.occurredOn;
  if (outcome === 'covered' && (!last || last < ws)) {
    const from = [ws, r.registeredOn, floor].reduce((a, b) => (a > b ? a : b));
    out.push(contactOn(rng, r, out.length, addDays(from, int(rng, 0, Math.max(0, daysBetween(from, yesterday)))), workerId));
  }
  return out;
}

// --- assessments -------------------------------------------------------------------------------

const GBT_BANDS: Record<CareLevel, [number, number]> = { 1: [12, 45], 2: [46, 65], 3: [66, 89], 4: [90, 90] };
const FOCUS: Record<CareLevel, Record<string, number>> = {
  1: { self_care: 3, mobility: 3, mental: 1.5, perception: 1.5 },
  2: { self_care: 2, mobility: 3, mental: 1.5, perception: 2 },
  3: { self_care: 1, mobility: 2, mental: 2, perception: 3 },
  4: { self_care: 1, mobility: 1, mental: 1, perception: 1 },
};
const RARE_ITEMS = new Set(['gbt_consciousness', 'gbt_aggression']);

/** GB/T 42195 answers that add up to `total`: ability lost first where the level says. */
function gbtAnswers(rng: Rng, total: number, level: CareLevel): AssessmentAnswers {
  const items = GBT42195.items.map((it) => {
    const scores = it.options
      .filter((o) => o.value !== 'coma')
      .map((o) => o.score)
      .sort((a, b) => b - a);
    return { code: it.code, weight: FOCUS[level][it.dimension!]! * (RARE_ITEMS.has(it.code) ? 0.1 : 1), scores, at: 0 };
  });
  let deficit = items.reduce((s, it) => s + it.scores[0]!, 0) - total;
  while (deficit > 0) {
    // A weighted pick among the items that can still lose a point (no allocation: this runs often).
    let sum = 0;
    for (const it of items) if (it.at < it.scores.length - 1) sum += it.weight;
    let x = rng() * sum;
    let chosen = items[0]!;
    for (const it of items) {
      if (it.at >= it.scores.length - 1) continue;
      chosen = it;
      x -= it.weight;
      if (x < 0) break;
    }
    deficit -= chosen.scores[chosen.at]! - chosen.scores[chosen.at + 1]!;
    chosen.at++;
  }
  return Object.fromEntries(items.map((it) => [it.code, String(it.scores[it.at])]));
}

/** Answers scoring `target` on a screen: depressive answers spread over the items (never PHQ-9 item 9). */
function screenAnswers(rng: Rng, def: InstrumentDefinition, target: number): AssessmentAnswers {
  const items = def.items.filter((it) => it.code !== 'phq9_9');
  const at = new Map(items.map((it) => [it.code, 0]));
  const max = (code: string) => Math.max(...def.items.find((i) => i.code === code)!.options.map((o) => o.score));
  for (let left = target; left > 0; ) {
    const open = items.filter((it) => at.get(it.code)! < max(it.code));
    if (!open.length) break;
    const it = pick(rng, open);
    at.set(it.code, at.get(it.code)! + 1);
    left--;
  }
  return Object.fromEntries(def.items.map((it) => [it.code, it.options.find((o) => o.score === (at.get(it.code) ?? 0))!.value]));
}

/** Screen scores by care level: level 1 and 2 residents are the ones with mild or worse results. */
const SCREEN_SHARES: Record<CareLevel, number[]> = { 1: [50, 35, 15], 2: [70, 30, 0], 3: [100, 0, 0], 4: [100, 0, 0] };

function screenTarget(rng: Rng, level: CareLevel, bands: [number, number][]): number {
  const [lo, hi] = weighted(
    rng,
    bands.map((b, i) => [b, SCREEN_SHARES[level][i]!] as const),
  );
  return int(rng, lo, hi);
}

function assessment(
  r: PlannedResident,
  n: number,
  def: InstrumentDefinition,
  reason: 'first' | 'routine',
  answers: AssessmentAnswers,
  extras: AssessmentExtras,
  on: string,
  by: string | null,
): PlannedAssessment {
  const result = scoreAssessment(def, answers, extras);
  const level = r.input.careLevel;
  const suggested = result.suggestedCareLevel;
  return {
    id: stableId(`demo:assessment:${r.index}:${n}`),
    residentIndex: r.index,
    def,
    reason,
    answers,
    extras,
    result,
    confirmed: suggested === null ? null : level,
    overrideReason: suggested !== null && suggested !== level ? OVERRIDE : null,
    assessedOn: on,
    assessedBy: by,
  };
}

/** GB/T 42195 at registration and about every six months (while visits go on), plus screens for some. */
function assessmentsOf(rng: Rng, r: PlannedResident, until: string, workerId: string | null): PlannedAssessment[] {
  const level = r.input.careLevel as CareLevel;
  const dates: string[] = [r.registeredOn];
  for (let d = addDays(r.registeredOn, int(rng, 170, 200)); d <= until && dates.length < 3; d = addDays(d, int(rng, 170, 200)))
    dates.push(d);
  const out: PlannedAssessment[] = [];
  if (r.generation === 'elder') {
    // Mostly the result suggests the resident's level; sometimes the worker keeps the level against it.
    const intended = (level === 4 ? (chance(rng, 0.25) ? 3 : 4) : chance(rng, 0.08) ? Math.min(4, level + 1) : level) as CareLevel;
    const [lo, hi] = GBT_BANDS[intended];
    const extras: AssessmentExtras = level === 1 && intended === 1 && chance(rng, 0.15) ? { diagnoses: ['dementia'] } : {};
    let total = int(rng, lo, hi);
    for (const [k, on] of dates.entries()) {
      if (k > 0) total = Math.min(hi, Math.max(lo, total + int(rng, -4, 2)));
      out.push(assessment(r, out.length, GBT42195, k === 0 ? 'first' : 'routine', gbtAnswers(rng, total, intended), extras, on, workerId));
    }
  }
  const lonely = r.input.categories.some((c) => c === 'living_alone' || c === 'childless_elder');
  const gds = r.generation === 'elder' && chance(rng, lonely ? 0.6 : 0.3);
  const phq = !gds && (r.generation === 'adult' ? chance(rng, 0.4) : r.generation === 'elder' && chance(rng, 0.08));
  if (gds || phq) {
    const def = gds ? GDS15 : PHQ9;
    const bands: [number, number][] = gds
      ? [
          [0, 4],
          [5, 8],
          [9, 11],
        ]
      : [
          [0, 4],
          [5, 9],
          [10, 14],
        ];
    for (const [k, on] of dates.slice(0, chance(rng, 0.5) ? 2 : 1).entries()) {
      out.push(
        assessment(
          r,
          out.length,
          def,
          k === 0 ? 'first' : 'routine',
          screenAnswers(rng, def, screenTarget(rng, level, bands)),
          {},
          on,
          workerId,
        ),
      );
    }
  }
  return out;
}

export interface History {
  contacts: PlannedContact[];
  assessments: PlannedAssessment[];
  /** Per resident index: the last contact date (null: never visited). */
  lastContact: (string | null)[];
}

/** Contacts and assessments of every resident; a spouse shares the household's visits. */
export function planHistory(rng: Rng, today: string, list: PlannedResident[], intervals: VisitIntervals): History {
  const contacts: PlannedContact[] = [];
  const assessments: PlannedAssessment[] = [];
  const lastContact: (string | null)[] = [];
  const byResident: PlannedContact[][] = [];
  for (const r of list) {
    const workerId = r.input.assignedWorkerId ?? null;
    let mine: PlannedContact[];
    if (r.spouseOf === null) {
      mine = contactsOf(rng, today, r, intervals, workerId);
    } else {
      const first = list[r.spouseOf]!;
      r.registeredOn = first.registeredOn;
      r.input.consent = { ...r.input.consent, date: r.registeredOn };
      mine = byResident[r.spouseOf]!.map((c, n) => {
        c.groupId ??= stableId(`demo:contact-group:${c.id}`);
        return { ...c, id: stableId(`demo:contact:${r.index}:${n}`), residentIndex: r.index };
      });
    }
    byResident[r.index] = mine;
    contacts.push(...mine);
    const last = mine[mine.length - 1]?.occurredOn ?? null;
    lastContact[r.index] = last;
    assessments.push(...assessmentsOf(rng, r, last ?? r.registeredOn, workerId));
  }
  return { contacts, assessments, lastContact };
}
