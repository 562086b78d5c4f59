// Assessment instruments are versioned data (domain brief §5): items with options and scores,
// dimensions, bands on the total, flag rules and level adjustments. A city can add its own
// instrument or a new version without code changes; the engine in score.ts reads any of them.
import { z } from 'zod';

export const localizedText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedText>;

const code = z.string().regex(/^[a-z][a-z0-9_]*$/);
const careLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const assessmentAction = z.enum(['normal', 'follow_up', 'refer']);
export type AssessmentAction = z.infer<typeof assessmentAction>;

export const instrumentOption = z.object({ value: z.string().min(1), label: localizedText, score: z.number() });

export const instrumentItem = z.object({
  code,
  type: z.enum(['single', 'multi', 'text']).default('single'),
  text: localizedText,
  dimension: code.optional(),
  options: z.array(instrumentOption).default([]),
  /** Single-choice items are required unless told otherwise; multi and text items are optional. */
  required: z.boolean().optional(),
});
export type InstrumentItem = z.infer<typeof instrumentItem>;

/** Non-scored inputs (e.g. diagnoses, risk events): `multi` takes values, `count` a number per option. */
export const instrumentExtra = z.object({
  code,
  type: z.enum(['multi', 'count']),
  label: localizedText,
  options: z.array(z.object({ value: z.string().min(1), label: localizedText })).min(1),
});

/**
 * A condition on an answer or an extra input. A numeric `value` compares the item's score (or,
 * for an extra, the number of values chosen / the sum of counts); a string `value` with eq/ne
 * compares the chosen option value; `includes` tests a multi-select answer or extra.
 */
export type AssessmentCondition =
  | { item: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }
  | { item: string; op: 'includes'; value: string }
  | { extra: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { extra: string; op: 'includes'; value: string }
  | { total: true; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { any: AssessmentCondition[] }
  | { all: AssessmentCondition[] };

const compareOp = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);
export const assessmentCondition: z.ZodType<AssessmentCondition, AssessmentCondition> = z
  .lazy(() =>
    z.union([
      z.object({ item: z.string(), op: compareOp, value: z.union([z.number(), z.string()]) }),
      z.object({ item: z.string(), op: z.literal('includes'), value: z.string() }),
      z.object({ extra: z.string(), op: compareOp, value: z.number() }),
      z.object({ extra: z.string(), op: z.literal('includes'), value: z.string() }),
      z.object({ total: z.literal(true), op: compareOp, value: z.number() }),
      z.object({ any: z.array(assessmentCondition).min(1) }),
      z.object({ all: z.array(assessmentCondition).min(1) }),
    ]),
  )
  .meta({ id: 'AssessmentCondition' }); // recursive: named, so the OpenAPI document holds it once in components/schemas

export const instrumentBand = z.object({
  min: z.number(),
  max: z.number(),
  code,
  /** Ordinal level, e.g. 0–4 for GB/T 42195 ability levels. */
  level: z.number().int().optional(),
  label: localizedText,
  careLevelSuggestion: careLevel.optional(),
  action: assessmentAction.optional(),
});
export type InstrumentBand = z.infer<typeof instrumentBand>;

export const flagRule = z.object({
  when: assessmentCondition,
  flag: code,
  label: localizedText.optional(),
  careLevelSuggestion: careLevel.optional(),
  action: assessmentAction.optional(),
});

export const adjustmentRule = z.object({
  code,
  label: localizedText.optional(),
  when: assessmentCondition,
  then: z.union([z.object({ setLevel: z.number().int() }), z.object({ raiseLevel: z.number().int().min(1), maxLevel: z.number().int() })]),
});

export const instrumentDefinition = z
  .object({
    code,
    version: z.string().min(1),
    name: localizedText,
    kind: z.enum(['ability', 'screen', 'survey']),
    reference: z.string().optional(),
    dimensions: z.array(z.object({ code, name: localizedText, max: z.number().optional() })).default([]),
    items: z.array(instrumentItem).min(1),
    extras: z.array(instrumentExtra).default([]),
    bands: z.array(instrumentBand).default([]),
    flags: z.array(flagRule).default([]),
    adjustments: z.array(adjustmentRule).default([]),
    reasons: z.array(z.object({ code, label: localizedText })).default([]),
  })
  .superRefine((def, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    const items = new Set<string>();
    for (const it of def.items) {
      if (items.has(it.code)) issue(`duplicate item ${it.code}`);
      items.add(it.code);
      if (it.dimension && !def.dimensions.some((d) => d.code === it.dimension)) issue(`item ${it.code}: unknown dimension`);
      if (it.type !== 'text' && it.options.length === 0) issue(`item ${it.code}: no options`);
      if (new Set(it.options.map((o) => o.value)).size !== it.options.length) issue(`item ${it.code}: duplicate option`);
    }
    for (const d of def.dimensions) {
      const max = def.items.filter((i) => i.dimension === d.code).reduce((s, i) => s + itemMax(i), 0);
      if (d.max !== undefined && d.max !== max) issue(`dimension ${d.code}: declared max ${d.max}, items give ${max}`);
    }
    const extras = new Set(def.extras.map((e) => e.code));
    const refs = (c: AssessmentCondition): AssessmentCondition[] =>
      'any' in c ? c.any.flatMap(refs) : 'all' in c ? c.all.flatMap(refs) : [c];
    for (const r of [...def.flags, ...def.adjustments]) {
      for (const c of refs(r.when)) {
        if ('item' in c && !items.has(c.item)) issue(`rule refers to unknown item ${c.item}`);
        if ('extra' in c && !extras.has(c.extra)) issue(`rule refers to unknown extra ${c.extra}`);
      }
    }
  });

export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;
export type InstrumentInput = z.input<typeof instrumentDefinition>;

/** The most an item can score: its best option, or every option for a multi-select. */
export function itemMax(item: Pick<InstrumentItem, 'type' | 'options'>): number {
  if (item.type === 'text') return 0;
  const scores = item.options.map((o) => o.score);
  return item.type === 'multi' ? scores.reduce((s, x) => s + Math.max(x, 0), 0) : Math.max(...scores);
}

/** Parses instrument data against the schema (throws on inconsistent data). */
export function defineInstrument(input: InstrumentInput): InstrumentDefinition {
  return instrumentDefinition.parse(input);
}

/** Answers: option value for single-choice, option values for multi-select, text for text items. */
export const assessmentAnswers = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
export type AssessmentAnswers = z.infer<typeof assessmentAnswers>;
export const assessmentExtras = z.record(z.string(), z.union([z.array(z.string()), z.record(z.string(), z.number().int().min(0))]));
export type AssessmentExtras = z.infer<typeof assessmentExtras>;
