// The generic scoring engine: reads any instrument definition (schema.ts). It scores partial
// answers too (a running score, complete = false, with the missing items listed).
import type {
  AssessmentAction,
  AssessmentAnswers,
  AssessmentExtras,
  AssessmentCondition,
  InstrumentBand,
  InstrumentDefinition,
  InstrumentItem,
  LocalizedText,
} from './schema.ts';

export type CareLevelSuggestion = 1 | 2 | 3 | 4;

export interface AssessmentResult {
  total: number;
  dimensionScores: Record<string, number>;
  /**
   * The band of the final level: the total's band unless an adjustment (coma, +1) moved the
   * level, then the band carrying that level. This is the band stored and shown.
   */
  band: InstrumentBand | null;
  /** The band the raw total falls in, before adjustments (shown beside the total). */
  totalBand: InstrumentBand | null;
  /** The band's level after adjustments (null when bands carry no level). */
  level: number | null;
  levelLabel: LocalizedText | null;
  flags: string[];
  action: AssessmentAction | null;
  suggestedCareLevel: CareLevelSuggestion | null;
  adjustmentsApplied: string[];
  complete: boolean;
  missing: string[];
}

export interface AnswerIssue {
  item: string;
  code: 'unknownItem' | 'unknownOption' | 'wrongType' | 'unknownExtra';
  value?: string;
}

export class AssessmentAnswerError extends Error {
  readonly issues: AnswerIssue[];
  constructor(issues: AnswerIssue[]) {
    super(`Invalid assessment answers: ${issues.map((i) => `${i.item} ${i.code}${i.value ? ` ${i.value}` : ''}`).join('; ')}`);
    this.name = 'AssessmentAnswerError';
    this.issues = issues;
  }
}

/** Checks answers and extras against the definition: unknown items or options are errors. */
export function validateAnswers(def: InstrumentDefinition, answers: AssessmentAnswers, extras: AssessmentExtras = {}): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  for (const [code, raw] of Object.entries(answers)) {
    const item = def.items.find((i) => i.code === code);
    if (!item) {
      issues.push({ item: code, code: 'unknownItem' });
      continue;
    }
    if (item.type === 'text') {
      if (typeof raw !== 'string') issues.push({ item: code, code: 'wrongType' });
      continue;
    }
    if ((item.type === 'multi') !== Array.isArray(raw)) {
      issues.push({ item: code, code: 'wrongType' });
      continue;
    }
    for (const v of Array.isArray(raw) ? raw : [String(raw)]) {
      if (!item.options.some((o) => o.value === v)) issues.push({ item: code, code: 'unknownOption', value: v });
    }
  }
  for (const [code, raw] of Object.entries(extras)) {
    const extra = def.extras.find((e) => e.code === code);
    if (!extra) {
      issues.push({ item: code, code: 'unknownExtra' });
      continue;
    }
    if ((extra.type === 'multi') !== Array.isArray(raw)) {
      issues.push({ item: code, code: 'wrongType' });
      continue;
    }
    for (const v of Array.isArray(raw) ? raw : Object.keys(raw)) {
      if (!extra.options.some((o) => o.value === v)) issues.push({ item: code, code: 'unknownOption', value: v });
    }
  }
  return issues;
}

function isAnswered(item: InstrumentItem, raw: AssessmentAnswers[string] | undefined): boolean {
  if (raw === undefined || raw === null) return false;
  if (item.type === 'multi') return Array.isArray(raw);
  return String(raw).trim() !== '';
}

function itemScore(item: InstrumentItem, raw: AssessmentAnswers[string] | undefined): number {
  if (item.type === 'text' || !isAnswered(item, raw)) return 0;
  const values = Array.isArray(raw) ? raw : [String(raw)];
  return values.reduce((s, v) => s + (item.options.find((o) => o.value === v)?.score ?? 0), 0);
}

function compare(a: number | string, op: string, b: number | string): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

interface Ctx {
  def: InstrumentDefinition;
  answers: AssessmentAnswers;
  extras: AssessmentExtras;
  total: number;
}

function holds(c: AssessmentCondition, ctx: Ctx): boolean {
  if ('any' in c) return c.any.some((x) => holds(x, ctx));
  if ('all' in c) return c.all.every((x) => holds(x, ctx));
  if ('total' in c) return compare(ctx.total, c.op, c.value);
  if ('extra' in c) {
    const raw = ctx.extras[c.extra];
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : Object.keys(raw).filter((k) => raw[k] > 0);
    if (c.op === 'includes') return values.includes(c.value);
    const n = raw === undefined ? 0 : Array.isArray(raw) ? raw.length : Object.values(raw).reduce((s, x) => s + x, 0);
    return compare(n, c.op, c.value);
  }
  const item = ctx.def.items.find((i) => i.code === c.item);
  const raw = ctx.answers[c.item];
  if (!item || !isAnswered(item, raw)) return false;
  if (c.op === 'includes') return Array.isArray(raw) && raw.includes(c.value);
  if (typeof c.value === 'string') return compare(Array.isArray(raw) ? raw.join(',') : String(raw), c.op, c.value);
  return compare(itemScore(item, raw), c.op, c.value);
}

const ACTION_RANK: Record<AssessmentAction, number> = { normal: 0, follow_up: 1, refer: 2 };

/**
 * Scores answers against an instrument. Throws AssessmentAnswerError on an unknown item or
 * option. Suggested care level and action take the most urgent of the level's band and any
 * raised flag (care level 1 is the most frequent visiting).
 */
export function scoreAssessment(def: InstrumentDefinition, answers: AssessmentAnswers, extras: AssessmentExtras = {}): AssessmentResult {
  const issues = validateAnswers(def, answers, extras);
  if (issues.length) throw new AssessmentAnswerError(issues);

  const dimensionScores: Record<string, number> = Object.fromEntries(def.dimensions.map((d) => [d.code, 0]));
  let total = 0;
  const missing: string[] = [];
  for (const item of def.items) {
    const raw = answers[item.code];
    const required = item.required ?? item.type === 'single';
    if (required && !isAnswered(item, raw)) missing.push(item.code);
    const s = itemScore(item, raw);
    total += s;
    if (item.dimension) dimensionScores[item.dimension] += s;
  }

  const ctx: Ctx = { def, answers, extras, total };
  const totalBand = def.bands.find((b) => total >= b.min && total <= b.max) ?? null;
  let level = totalBand?.level ?? null;
  const adjustmentsApplied: string[] = [];
  if (level !== null) {
    for (const rule of def.adjustments) {
      if (!holds(rule.when, ctx)) continue;
      const t = rule.then;
      // A raise never lowers a level already above its cap.
      level = 'setLevel' in t ? t.setLevel : Math.max(level, Math.min(level + t.raiseLevel, t.maxLevel));
      adjustmentsApplied.push(rule.code);
    }
  }
  // Screens give several bands one severity level (PHQ-9's 15–19 and 20–27 both refer), so the
  // total's own band stands unless an adjustment moved the level.
  const band = level === null || level === totalBand?.level ? totalBand : (def.bands.find((b) => b.level === level) ?? totalBand);

  const fired = def.flags.filter((f) => holds(f.when, ctx));
  const flags = [...new Set(fired.map((f) => f.flag))];
  const sources = [band, ...fired].filter((x) => x !== null);
  const careLevels = sources.map((s) => s.careLevelSuggestion).filter((x) => x !== undefined);
  const actions = sources.map((s) => s.action).filter((x) => x !== undefined);

  return {
    total,
    dimensionScores,
    band,
    totalBand,
    level,
    levelLabel: band?.label ?? null,
    flags,
    action: actions.length ? actions.reduce((a, b) => (ACTION_RANK[b] > ACTION_RANK[a] ? b : a)) : null,
    suggestedCareLevel: careLevels.length ? (Math.min(...careLevels) as CareLevelSuggestion) : null,
    adjustmentsApplied,
    complete: missing.length === 0,
    missing,
  };
}

/** A stored band code's label from the instrument's own (versioned) bands; null when unknown. */
export function bandLabel(def: InstrumentDefinition, code: string | null): LocalizedText | null {
  return (code && def.bands.find((b) => b.code === code)?.label) || null;
}
