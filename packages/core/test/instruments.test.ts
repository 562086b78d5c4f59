import { describe, expect, it } from 'vitest';
import {
  AssessmentAnswerError,
  bandLabel,
  BUILTIN_INSTRUMENTS,
  defineInstrument,
  GAD7,
  GBT42195,
  GDS15,
  instrumentByCode,
  instrumentDefinition,
  itemMax,
  NEEDS_SURVEY,
  PHQ9,
  scoreAssessment,
  validateAnswers,
  type AssessmentAnswers,
  type InstrumentDefinition,
} from '../src/assessments/index.ts';

/** Answers a numeric instrument so that the total is `target`, lowering items in order. */
function answersFor(def: InstrumentDefinition, target: number): AssessmentAnswers {
  let surplus = def.items.reduce((s, i) => s + itemMax(i), 0) - target;
  const answers: AssessmentAnswers = {};
  for (const item of def.items) {
    const max = itemMax(item);
    const cut = Math.min(max, Math.max(surplus, 0));
    surplus -= cut;
    answers[item.code] = String(max - cut);
  }
  return answers;
}

/** Answers a 0–3 screen to reach `total`, filling items from the first (the last stays 0 longest). */
function screen(def: InstrumentDefinition, total: number): AssessmentAnswers {
  const answers: AssessmentAnswers = {};
  let left = total;
  for (const item of def.items) {
    const s = Math.min(3, left);
    left -= s;
    answers[item.code] = s;
  }
  return answers;
}

describe('built-in instruments', () => {
  it('are valid definitions with unique code+version', () => {
    for (const def of BUILTIN_INSTRUMENTS) expect(instrumentDefinition.safeParse(def).success, def.code).toBe(true);
    const keys = BUILTIN_INSTRUMENTS.map((d) => `${d.code}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(instrumentByCode('phq9')).toBe(PHQ9);
    expect(instrumentByCode('phq9', '1')).toBe(PHQ9);
    expect(instrumentByCode('phq9', '2')).toBeUndefined();
    expect(instrumentByCode('nope')).toBeUndefined();
  });

  it('lets a city add a new version that wins by default', () => {
    const v2 = defineInstrument({ ...PHQ9, version: '2', bands: PHQ9.bands.map((b) => ({ ...b })) });
    const list = [...BUILTIN_INSTRUMENTS, v2];
    expect(instrumentByCode('phq9', undefined, list)).toBe(v2);
    expect(instrumentByCode('phq9', '1', list)).toBe(PHQ9);
  });

  it('rejects inconsistent data', () => {
    const base = { code: 'x', version: '1', name: { zh: '测', en: 'T' }, kind: 'screen' as const };
    const opt = { value: '1', label: { zh: '是', en: 'Yes' }, score: 1 };
    expect(() =>
      defineInstrument({
        ...base,
        items: [
          { code: 'a', text: { zh: '甲', en: 'A' }, options: [opt] },
          { code: 'a', text: { zh: '甲', en: 'A' }, options: [opt] },
        ],
      }),
    ).toThrow();
    expect(() =>
      defineInstrument({
        ...base,
        dimensions: [{ code: 'd', name: { zh: '维', en: 'D' }, max: 5 }],
        items: [{ code: 'a', dimension: 'd', text: { zh: '甲', en: 'A' }, options: [opt] }],
      }),
    ).toThrow(/declared max/);
    expect(() =>
      defineInstrument({
        ...base,
        items: [{ code: 'a', text: { zh: '甲', en: 'A' }, options: [opt] }],
        flags: [{ when: { item: 'b', op: 'gt', value: 0 }, flag: 'f' }],
      }),
    ).toThrow(/unknown item/);
    expect(() =>
      defineInstrument({
        ...base,
        items: [{ code: 'a', text: { zh: '甲', en: 'A' }, options: [opt] }],
        flags: [{ when: { extra: 'b', op: 'gt', value: 0 }, flag: 'f' }],
      }),
    ).toThrow(/unknown extra/);
  });
});

describe('GB/T 42195-2022 elderly ability', () => {
  it('has 26 items in 4 dimensions with the standard maxima', () => {
    expect(GBT42195.items).toHaveLength(26);
    const max = (dim: string) => GBT42195.items.filter((i) => i.dimension === dim).reduce((s, i) => s + itemMax(i), 0);
    expect([max('self_care'), max('mobility'), max('mental'), max('perception')]).toEqual([32, 15, 28, 15]);
    expect(GBT42195.items.filter((i) => i.dimension === 'self_care')).toHaveLength(8);
    expect(GBT42195.items.filter((i) => i.dimension === 'mobility')).toHaveLength(4);
    expect(GBT42195.items.filter((i) => i.dimension === 'mental')).toHaveLength(9);
    expect(GBT42195.items.filter((i) => i.dimension === 'perception')).toHaveLength(5);
    expect(GBT42195.reasons.map((r) => r.code)).toEqual(['first', 'routine', 'immediate', 'dispute', 'other']);
  });

  it.each([
    [90, 0, 4],
    [89, 1, 3],
    [66, 1, 3],
    [65, 2, 2],
    [46, 2, 2],
    [45, 3, 1],
    [30, 3, 1],
    [29, 4, 1],
    [0, 4, 1],
  ])('total %i → level %i, care level %i', (total, level, care) => {
    const r = scoreAssessment(GBT42195, answersFor(GBT42195, total));
    expect(r.total).toBe(total);
    expect(r.level).toBe(level);
    expect(r.band?.level).toBe(level);
    expect(r.suggestedCareLevel).toBe(care);
    expect(r.complete).toBe(true);
    expect(r.adjustmentsApplied).toEqual([]);
  });

  it('reports dimension scores', () => {
    const r = scoreAssessment(GBT42195, answersFor(GBT42195, 80));
    expect(r.dimensionScores).toEqual({ self_care: 22, mobility: 15, mental: 28, perception: 15 });
  });

  it('puts a person in a coma at level 4 whatever the total', () => {
    const answers = { ...answersFor(GBT42195, 90), gbt_consciousness: 'coma' };
    const r = scoreAssessment(GBT42195, answers);
    expect(r.total).toBe(88);
    // The raw total's band is kept beside the result; the band stored and shown is the final level's.
    expect(r.totalBand?.code).toBe('mild');
    expect(r.band?.code).toBe('total');
    expect(r.level).toBe(4);
    expect(r.levelLabel?.zh).toBe('完全失能');
    expect(r.adjustmentsApplied).toEqual(['coma']);
    expect(r.suggestedCareLevel).toBe(1);
    // Stupor (also 0 points) is not a coma.
    expect(scoreAssessment(GBT42195, { ...answersFor(GBT42195, 90), gbt_consciousness: '0' }).level).toBe(1);
  });

  it('raises one level for diagnosed dementia or another mental disorder', () => {
    const answers = answersFor(GBT42195, 70);
    const dementia = scoreAssessment(GBT42195, answers, { diagnoses: ['dementia'] });
    expect(dementia.level).toBe(2);
    expect(dementia.levelLabel?.zh).toBe('中度失能');
    expect(dementia.band?.code).toBe('moderate');
    expect(dementia.totalBand?.code).toBe('mild');
    expect(dementia.suggestedCareLevel).toBe(2);
    expect(dementia.adjustmentsApplied).toEqual(['raise_one_level']);
    expect(scoreAssessment(GBT42195, answers, { diagnoses: ['mental_disorder'] }).level).toBe(2);
    // One raise, even when several conditions hold.
    expect(scoreAssessment(GBT42195, answers, { diagnoses: ['dementia', 'mental_disorder'], risk_events_30d: { fall: 3 } }).level).toBe(2);
    expect(scoreAssessment(GBT42195, answers, { diagnoses: [] }).level).toBe(1);
  });

  it('raises one level for two or more care-risk events in 30 days', () => {
    const answers = answersFor(GBT42195, 50);
    expect(scoreAssessment(GBT42195, answers, { risk_events_30d: { fall: 1 } }).level).toBe(2);
    expect(scoreAssessment(GBT42195, answers, { risk_events_30d: { fall: 1, choking: 1 } }).level).toBe(3);
    expect(scoreAssessment(GBT42195, answers, { risk_events_30d: { wandering: 2 } }).level).toBe(3);
    expect(scoreAssessment(GBT42195, answers, { risk_events_30d: { self_harm: 0, fall: 1 } }).level).toBe(2);
  });

  it('caps the level at 4', () => {
    const r = scoreAssessment(GBT42195, answersFor(GBT42195, 10), { diagnoses: ['dementia'] });
    expect(r.level).toBe(4);
    const coma = scoreAssessment(GBT42195, { ...answersFor(GBT42195, 60), gbt_consciousness: 'coma' }, { diagnoses: ['dementia'] });
    expect(coma.level).toBe(4);
    expect(coma.adjustmentsApplied).toEqual(['coma', 'raise_one_level']);
  });

  it('keeps the rules as data: a city can make the raises stack', () => {
    const raise = GBT42195.adjustments[1];
    const conds = 'any' in raise.when ? raise.when.any : [];
    const stacking = defineInstrument({
      ...GBT42195,
      version: '2022-stacking',
      adjustments: [GBT42195.adjustments[0], ...conds.map((when, i) => ({ code: `raise_${i}`, when, then: raise.then }))],
    });
    const r = scoreAssessment(stacking, answersFor(GBT42195, 70), { diagnoses: ['dementia'], risk_events_30d: { fall: 2 } });
    expect(r.level).toBe(3);
    expect(r.adjustmentsApplied).toEqual(['raise_0', 'raise_2']);
  });

  it('gives a running score on partial answers', () => {
    const r = scoreAssessment(GBT42195, { gbt_eating: '4', gbt_bathing: '2' });
    expect(r.total).toBe(6);
    expect(r.complete).toBe(false);
    expect(r.missing).toHaveLength(24);
    expect(r.missing).toContain('gbt_grooming');
    expect(r.missing).not.toContain('gbt_eating');
  });

  it('rejects unknown items, options and extras', () => {
    expect(() => scoreAssessment(GBT42195, { gbt_eating: '5' })).toThrow(AssessmentAnswerError);
    expect(() => scoreAssessment(GBT42195, { gbt_flying: '1' })).toThrow(/gbt_flying unknownItem/);
    expect(() => scoreAssessment(GBT42195, {}, { diagnoses: ['flu'] })).toThrow(/unknownOption flu/);
    expect(() => scoreAssessment(GBT42195, {}, { income: ['x'] })).toThrow(/unknownExtra/);
    expect(validateAnswers(GBT42195, { gbt_eating: ['4'] })).toEqual([{ item: 'gbt_eating', code: 'wrongType' }]);
  });
});

describe('PHQ-9', () => {
  it.each([
    [0, 'minimal', 'normal', null],
    [4, 'minimal', 'normal', null],
    [5, 'mild', 'follow_up', 2],
    [9, 'mild', 'follow_up', 2],
    [10, 'moderate', 'refer', 1],
    [14, 'moderate', 'refer', 1],
    [15, 'moderately_severe', 'refer', 1],
    [19, 'moderately_severe', 'refer', 1],
    [20, 'severe', 'refer', 1],
    [27, 'severe', 'refer', 1],
  ])('total %i → %s', (total, band, action, care) => {
    const r = scoreAssessment(PHQ9, screen(PHQ9, total));
    expect(r.total).toBe(total);
    expect(r.band?.code).toBe(band);
    expect(r.action).toBe(action);
    // Item 9 stays 0 up to 24 points; above that it is answered and raises the flag.
    expect(r.flags).toEqual(total > 24 ? ['urgent'] : []);
    expect(r.suggestedCareLevel).toBe(care);
  });

  it('flags item 9 as urgent whatever the total', () => {
    expect(screen(PHQ9, 24).phq9_9).toBe(0);
    const answers = screen(PHQ9, 0);
    answers.phq9_9 = '1';
    const r = scoreAssessment(PHQ9, answers);
    expect(r.total).toBe(1);
    expect(r.band?.code).toBe('minimal');
    expect(r.flags).toEqual(['urgent']);
    expect(r.action).toBe('refer');
    expect(r.suggestedCareLevel).toBe(1);
  });

  it('uses the frequency labels', () => {
    expect(PHQ9.items[0].options.map((o) => o.label.zh)).toEqual(['完全不会', '好几天', '一半以上的天数', '几乎每天']);
    expect(PHQ9.items).toHaveLength(9);
  });

  it('lists missing items on partial answers', () => {
    const r = scoreAssessment(PHQ9, { phq9_1: 3, phq9_2: '2' });
    expect(r.total).toBe(5);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(['phq9_3', 'phq9_4', 'phq9_5', 'phq9_6', 'phq9_7', 'phq9_8', 'phq9_9']);
  });

  it('rejects an unknown option', () => {
    expect(() => scoreAssessment(PHQ9, { phq9_1: 4 })).toThrow(/phq9_1 unknownOption 4/);
  });
});

describe('GAD-7', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i → %s', (total, band) => {
    const r = scoreAssessment(GAD7, screen(GAD7, total));
    expect(r.total).toBe(total);
    expect(r.band?.code).toBe(band);
    expect(r.complete).toBe(true);
  });

  it('suggests care levels by severity', () => {
    expect(scoreAssessment(GAD7, screen(GAD7, 7)).suggestedCareLevel).toBe(2);
    expect(scoreAssessment(GAD7, screen(GAD7, 12)).suggestedCareLevel).toBe(1);
    expect(scoreAssessment(GAD7, screen(GAD7, 2)).suggestedCareLevel).toBeNull();
  });
});

describe('GDS-15', () => {
  const REVERSED = [1, 5, 7, 11, 13];
  const answerAll = (depressive: number[]) =>
    Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => {
        const n = i + 1;
        const dep = REVERSED.includes(n) ? 'no' : 'yes';
        const notDep = dep === 'yes' ? 'no' : 'yes';
        return [`gds15_${n}`, depressive.includes(n) ? dep : notDep];
      }),
    );

  it('reverse-scores items 1, 5, 7, 11, 13', () => {
    expect(scoreAssessment(GDS15, { gds15_1: 'no' }).total).toBe(1);
    expect(scoreAssessment(GDS15, { gds15_1: 'yes' }).total).toBe(0);
    expect(scoreAssessment(GDS15, { gds15_2: 'yes' }).total).toBe(1);
    expect(scoreAssessment(GDS15, { gds15_2: 'no' }).total).toBe(0);
    const allYes = Object.fromEntries(GDS15.items.map((i) => [i.code, 'yes']));
    expect(scoreAssessment(GDS15, allYes).total).toBe(10);
    const allNo = Object.fromEntries(GDS15.items.map((i) => [i.code, 'no']));
    expect(scoreAssessment(GDS15, allNo).total).toBe(5);
  });

  it.each([
    [0, 'normal'],
    [4, 'normal'],
    [5, 'mild'],
    [8, 'mild'],
    [9, 'moderate'],
    [11, 'moderate'],
    [12, 'severe'],
    [15, 'severe'],
  ])('total %i → %s', (total, band) => {
    const r = scoreAssessment(GDS15, answerAll(Array.from({ length: total }, (_, i) => i + 1)));
    expect(r.total).toBe(total);
    expect(r.band?.code).toBe(band);
  });

  it('sorts results as the national programme does', () => {
    expect(scoreAssessment(GDS15, answerAll([])).action).toBe('normal');
    expect(scoreAssessment(GDS15, answerAll([1, 2, 3, 4, 5, 6])).action).toBe('follow_up');
    expect(scoreAssessment(GDS15, answerAll([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).action).toBe('refer');
  });
});

describe('needs survey', () => {
  it('counts selected needs per dimension and keeps free text', () => {
    const r = scoreAssessment(NEEDS_SURVEY, {
      needs_body: ['meal', 'bathing', 'medical'],
      needs_mind: ['counselling'],
      needs_material: [],
      needs_spirit_text: '想参加社区合唱团',
    });
    expect(r.total).toBe(4);
    expect(r.dimensionScores).toEqual({ body: 3, mind: 1, material: 0, spirit: 0 });
    expect(r.band).toBeNull();
    expect(r.level).toBeNull();
    expect(r.suggestedCareLevel).toBeNull();
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('covers body, mind, material and spirit with multi and text items', () => {
    expect(NEEDS_SURVEY.dimensions.map((d) => d.name.zh)).toEqual(['身体', '心理', '物质', '精神']);
    expect(NEEDS_SURVEY.items.map((i) => i.type)).toEqual(['multi', 'text', 'multi', 'text', 'multi', 'text', 'multi', 'text']);
    const labels = NEEDS_SURVEY.items.flatMap((i) => i.options.map((o) => o.label.zh)).join();
    for (const need of ['助餐', '助洁', '助浴', '心理疏导', '经济困难', '住房安全', '精神慰问', '社会交往']) expect(labels).toContain(need);
  });

  it('validates multi-select and text answers', () => {
    expect(() => scoreAssessment(NEEDS_SURVEY, { needs_body: ['teleport'] })).toThrow(/unknownOption teleport/);
    expect(() => scoreAssessment(NEEDS_SURVEY, { needs_body: 'meal' })).toThrow(/wrongType/);
    expect(() => scoreAssessment(NEEDS_SURVEY, { needs_body_text: ['x'] })).toThrow(/wrongType/);
  });
});

describe('every label comes from the instrument’s own bands (issue 8, item 14)', () => {
  const banded = BUILTIN_INSTRUMENTS.filter((d) => d.bands.length > 0 && d.code !== 'gbt42195');
  it.each(banded.flatMap((d) => d.bands.flatMap((b) => [b.min, b.max].map((t) => [d.code, t, b.code] as const))))(
    '%s total %i reads as band %s',
    (code, total, bandCode) => {
      const def = instrumentByCode(code)!;
      const r = scoreAssessment(def, screenFor(def, total));
      const own = def.bands.find((b) => b.code === bandCode)!;
      expect(r.total).toBe(total);
      expect(r.band?.code).toBe(bandCode);
      expect(r.levelLabel).toEqual(own.label);
      expect(bandLabel(def, r.band?.code ?? null)).toEqual(own.label);
    },
  );

  it('names the top bands of PHQ-9, GAD-7 and GDS-15 as the instruments do', () => {
    expect(scoreAssessment(PHQ9, screenFor(PHQ9, 17)).levelLabel?.zh).toBe('中重度抑郁');
    expect(scoreAssessment(PHQ9, screenFor(PHQ9, 27)).levelLabel?.zh).toBe('重度抑郁');
    expect(scoreAssessment(GAD7, screenFor(GAD7, 15)).levelLabel?.zh).toBe('重度焦虑');
    expect(scoreAssessment(GDS15, screenFor(GDS15, 12)).levelLabel?.zh).toBe('重度抑郁');
  });

  it('stores the final level’s band for GB/T 42195 at every adjusted level', () => {
    for (const total of [90, 70, 50, 35, 10]) {
      const r = scoreAssessment(GBT42195, { ...answersFor(GBT42195, total), gbt_consciousness: 'coma' });
      expect(r.level).toBe(4);
      expect(r.band?.code).toBe('total');
      expect(bandLabel(GBT42195, r.band!.code)?.zh).toBe('完全失能');
    }
  });
});

/** Reaches `total` on any numeric screen (GDS-15 yes/no or the 0–3 screens), in item order. */
function screenFor(def: InstrumentDefinition, total: number): AssessmentAnswers {
  const answers: AssessmentAnswers = {};
  let left = total;
  for (const item of def.items) {
    if (item.type !== 'single') continue;
    const sorted = [...item.options].sort((a, b) => b.score - a.score);
    const pick = sorted.find((o) => o.score <= left) ?? sorted[sorted.length - 1]!;
    left -= pick.score;
    answers[item.code] = pick.value;
  }
  return answers;
}
