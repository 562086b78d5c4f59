// Rubric arithmetic against hand counts: missing scores, one panelist, ties, out-of-range input;
// and the staged-selection helpers (stage order, 公示 end, eligibility).
import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  nextStage,
  normaliseStages,
  publicityEnd,
  rankBy,
  rubricTotal,
  summariseScores,
} from '../src/workforce/index.ts';

const criteria = [
  { key: 'practice', label: '专业实务', max: 40 },
  { key: 'speech', label: '表达', max: 30 },
  { key: 'plan', label: '发展规划', max: 30 },
];

describe('rubric', () => {
  it('totals the criteria and refuses a missing or out-of-range one', () => {
    expect(rubricTotal(criteria, { practice: 35, speech: 25.5, plan: 20 })).toBe(80.5);
    expect(rubricTotal(criteria, { practice: 35, speech: 25 })).toBeNull();
    expect(rubricTotal(criteria, { practice: 41, speech: 25, plan: 20 })).toBeNull();
    expect(rubricTotal(criteria, { practice: -1, speech: 25, plan: 20 })).toBeNull();
    expect(rubricTotal(criteria, { practice: 0, speech: 0, plan: 0 })).toBe(0);
  });

  it('mean, range and population SD of three panelists (hand count)', () => {
    // 80, 86, 89: mean 85; deviations −5, 1, 4; variance (25+1+16)/3 = 14; sd 3.74
    const s = summariseScores(
      ['a', 'b', 'c'],
      new Map([
        ['a', 80],
        ['b', 86],
        ['c', 89],
      ]),
    );
    expect(s).toEqual({ scored: 3, mean: 85, min: 80, max: 89, range: 9, sd: 3.74, missing: [] });
  });

  it('names who has not scored, and ignores a score by someone off the panel', () => {
    const s = summariseScores(
      ['a', 'b', 'c'],
      new Map([
        ['b', 70],
        ['x', 10],
      ]),
    );
    expect(s.missing).toEqual(['a', 'c']);
    expect(s).toMatchObject({ scored: 1, mean: 70, range: 0, sd: 0 });
  });

  it('with no score at all: nothing to average, everyone missing', () => {
    expect(summariseScores(['a', 'b'], new Map())).toEqual({
      scored: 0,
      mean: null,
      min: null,
      max: null,
      range: null,
      sd: null,
      missing: ['a', 'b'],
    });
  });

  it('one panelist: the mean is their score, no spread', () => {
    expect(summariseScores(['a'], new Map([['a', 77.5]]))).toMatchObject({ mean: 77.5, range: 0, sd: 0, missing: [] });
  });

  it('rounds the mean to two places (1/3)', () => {
    expect(
      summariseScores(
        ['a', 'b', 'c'],
        new Map([
          ['a', 1],
          ['b', 0],
          ['c', 0],
        ]),
      ).mean,
    ).toBe(0.33);
  });

  it('ranks ties together and leaves unscored last (1, 1, 3, null)', () => {
    const ranked = rankBy(
      [
        { id: 'w', m: null },
        { id: 'x', m: 80 },
        { id: 'y', m: 90 },
        { id: 'z', m: 90 },
      ],
      (t) => t.m,
    );
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['y', 1],
      ['z', 1],
      ['x', 3],
      ['w', null],
    ]);
  });
});

describe('stages', () => {
  it('puts the chosen stages in the fixed order with the required ones', () => {
    expect(normaliseStages(['panel', 'review'])).toEqual(['apply', 'review', 'panel', 'publicity', 'done']);
    expect(normaliseStages([])).toEqual(['apply', 'publicity', 'done']);
  });

  it('moves only to the next chosen stage', () => {
    const s = normaliseStages(['review', 'written', 'panel']);
    expect(nextStage(s, 'apply')).toBe('review');
    expect(nextStage(s, 'panel')).toBe('publicity');
    expect(nextStage(s, 'done')).toBeNull();
    expect(nextStage(['apply', 'publicity', 'done'], 'review')).toBeNull();
  });

  it('ends a 公示 on its last day, across a month end', () => {
    expect(publicityEnd('2026-01-27', 7)).toBe('2026-02-02');
    expect(publicityEnd('2026-02-28', 1)).toBe('2026-02-28');
    expect(publicityEnd('2024-02-25', 5)).toBe('2024-02-29');
  });

  it('checks level and years against the register, unknown without an entry', () => {
    const c = { minLevel: 'intermediate', minYears: 3 };
    expect(checkEligibility(c, { level: 'senior', yearsInField: 3 }).map((e) => e.ok)).toEqual([true, true]);
    expect(checkEligibility(c, { level: 'assistant', yearsInField: 2 }).map((e) => e.ok)).toEqual([false, false]);
    expect(checkEligibility(c, { level: null, yearsInField: null }).map((e) => e.ok)).toEqual([false, false]);
    expect(checkEligibility(c, null).map((e) => e.ok)).toEqual([null, null]);
    expect(checkEligibility({}, { level: null, yearsInField: 0 })).toEqual([]);
  });
});
