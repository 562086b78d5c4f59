// The exam arithmetic against hand counts: the two-year carry-over window at its edges, the
// senior level without carry-over, configurable rules, pass rates and points above the area above.
import { describe, expect, it } from 'vitest';
import {
  countPasses,
  DEFAULT_EXAM_RULES,
  examStanding,
  levelPassYear,
  passRate,
  pointsAbove,
  scorePasses,
  subjectsHeld,
  type ExamRules,
  type SubjectResult,
} from '../src/index.ts';

const r = (year: number, subject: string, passed = true): SubjectResult => ({ year, subject, passed });

describe('carry-over window', () => {
  it('both subjects in one year pass the level that year', () => {
    expect(levelPassYear([r(2023, 'comprehensive'), r(2023, 'practice')], 'assistant')).toBe(2023);
  });
  it('a subject passed last year is carried: the other this year passes the level', () => {
    const h = [r(2022, 'comprehensive'), r(2022, 'practice', false), r(2023, 'practice')];
    expect(levelPassYear(h, 'intermediate')).toBe(2023);
    expect(examStanding(h, 'intermediate', 2023)).toEqual({
      carried: ['comprehensive'],
      remaining: ['practice'],
      alreadyPassed: false,
      passedThisYear: true,
    });
  });
  it('two years later the carried subject has lapsed (the window is two consecutive years)', () => {
    const h = [r(2021, 'comprehensive'), r(2023, 'practice')];
    expect(levelPassYear(h, 'assistant')).toBeNull();
    expect(subjectsHeld(h, 'assistant', 2023)).toEqual(['practice']);
    expect(examStanding(h, 'assistant', 2023).carried).toEqual([]);
    // Passing comprehensive again in 2024 completes the level with 2023's practice.
    expect(levelPassYear([...h, r(2024, 'comprehensive')], 'assistant')).toBe(2024);
  });
  it('a subject failed does not count, and a pass after a fail does', () => {
    const h = [r(2022, 'comprehensive', false), r(2022, 'practice'), r(2023, 'comprehensive')];
    expect(levelPassYear(h, 'assistant')).toBe(2023);
    expect(examStanding(h, 'assistant', 2024)).toMatchObject({ alreadyPassed: true, passedThisYear: false, carried: [] });
  });
  it('the senior level has one exam subject and no carry-over', () => {
    expect(levelPassYear([r(2024, 'practice')], 'senior')).toBe(2024);
    expect(examStanding([r(2023, 'practice', false)], 'senior', 2024).remaining).toEqual(['practice']);
  });
  it('levels are independent: an assistant pass does not count for intermediate', () => {
    expect(levelPassYear([r(2023, 'comprehensive')], 'intermediate')).toBeNull();
  });
  it('the window is configurable: three years carries a 2021 pass into 2023', () => {
    const rules: ExamRules = { ...DEFAULT_EXAM_RULES, carryYears: { ...DEFAULT_EXAM_RULES.carryYears, assistant: 3 } };
    const h = [r(2021, 'comprehensive'), r(2023, 'practice')];
    expect(levelPassYear(h, 'assistant', rules)).toBe(2023);
    expect(levelPassYear(h, 'assistant')).toBeNull();
  });
  it('the pass line is 60 by default, inclusive', () => {
    expect([scorePasses(59.5), scorePasses(60), scorePasses(null)]).toEqual([false, true, null]);
  });
});

describe('pass rate', () => {
  it('石城: 71 of 223 is 31.84%, 6.8 points above a province at 25.0%', () => {
    expect(passRate({ registered: 223, passed: 71 })).toBe(0.3184);
    expect(pointsAbove({ registered: 223, passed: 71 }, { registered: 1000, passed: 250 })).toBe(6.8);
  });
  it('below the area above is negative; nobody registered is null', () => {
    expect(pointsAbove({ registered: 10, passed: 2 }, { registered: 40, passed: 12 })).toBe(-10);
    expect(pointsAbove({ registered: 0, passed: 0 }, { registered: 40, passed: 12 })).toBeNull();
    expect(passRate({ registered: 0, passed: 0 })).toBeNull();
  });
  it('counts by key against a hand count', () => {
    const m = countPasses([
      { key: 'a', passed: true },
      { key: 'a', passed: false },
      { key: 'b', passed: false },
      { key: 'a', passed: true },
    ]);
    expect(m.get('a')).toEqual({ registered: 3, passed: 2 });
    expect(m.get('b')).toEqual({ registered: 1, passed: 0 });
  });
});
