// The social-work professional level exam (职业水平考试, issue 10 item 3): the subjects of each
// level, the carry-over window (since 2022 a passed subject of the assistant or intermediate
// level counts for two consecutive exam years), when a level is passed, and the pass rate by
// area compared with the area above. The rules are a value (defaults here; an installation can
// override them in settings) so the arithmetic never hard-codes them.
import { SW_LEVELS, type SwLevel } from './codes.ts';

export const EXAM_SUBJECTS = ['comprehensive', 'practice'] as const;
export type ExamSubject = (typeof EXAM_SUBJECTS)[number];

export interface ExamRules {
  /** The subjects a level is examined in; passing all of them passes the level. */
  subjects: Record<SwLevel, ExamSubject[]>;
  /** Exam years a passed subject counts for, the year it was passed included (1: no carry-over). */
  carryYears: Record<SwLevel, number>;
  /** A score at or above this passes a subject (the national line is 60 of 100). */
  passScore: number;
}

export const DEFAULT_EXAM_RULES: ExamRules = {
  subjects: { assistant: ['comprehensive', 'practice'], intermediate: ['comprehensive', 'practice'], senior: ['practice'] },
  carryYears: { assistant: 2, intermediate: 2, senior: 1 },
  passScore: 60,
};

export const EXAM_SUBJECT_LABELS: Record<SwLevel, Partial<Record<ExamSubject, { zh: string; en: string }>>> = {
  assistant: {
    comprehensive: { zh: '社会工作综合能力（初级）', en: 'Comprehensive ability (assistant)' },
    practice: { zh: '社会工作实务（初级）', en: 'Practice (assistant)' },
  },
  intermediate: {
    comprehensive: { zh: '社会工作综合能力（中级）', en: 'Comprehensive ability (intermediate)' },
    practice: { zh: '社会工作实务（中级）', en: 'Practice (intermediate)' },
  },
  senior: { practice: { zh: '社会工作实务（高级）', en: 'Practice (senior)' } },
};

/** One subject's result in one exam year. */
export interface SubjectResult {
  year: number;
  subject: string;
  passed: boolean;
}

/** Subjects of the level passed in the window ending with `year` (the year itself included). */
export function subjectsHeld(history: readonly SubjectResult[], level: SwLevel, year: number, rules = DEFAULT_EXAM_RULES): ExamSubject[] {
  const from = year - rules.carryYears[level] + 1;
  return rules.subjects[level].filter((s) => history.some((r) => r.subject === s && r.passed && r.year >= from && r.year <= year));
}

/**
 * The first exam year in which every subject of the level was held (passed within the window
 * ending that year), or null: the year the level was passed.
 */
export function levelPassYear(history: readonly SubjectResult[], level: SwLevel, rules = DEFAULT_EXAM_RULES): number | null {
  const years = [...new Set(history.filter((r) => r.passed).map((r) => r.year))].sort((a, b) => a - b);
  for (const y of years) if (subjectsHeld(history, level, y, rules).length === rules.subjects[level].length) return y;
  return null;
}

/**
 * A candidate's standing for a year: subjects carried over from earlier years (still in the
 * window), the subjects left to sit, and whether the level was passed in that year.
 */
export function examStanding(history: readonly SubjectResult[], level: SwLevel, year: number, rules = DEFAULT_EXAM_RULES) {
  const earlier = history.filter((r) => r.year < year);
  const before = levelPassYear(earlier, level, rules);
  // Passed in an earlier year still inside the window that ends this year.
  const carried = before === null ? subjectsHeld(earlier, level, year, rules) : [];
  const passYear = levelPassYear(history, level, rules);
  return {
    carried,
    remaining: rules.subjects[level].filter((s) => !carried.includes(s)),
    alreadyPassed: before !== null,
    passedThisYear: passYear === year,
  };
}

/** Does a score pass, under the rules (null: no score). */
export const scorePasses = (score: number | null | undefined, rules = DEFAULT_EXAM_RULES) =>
  score === null || score === undefined ? null : score >= rules.passScore;

export interface PassCounts {
  /** Registered for the level that year. */
  registered: number;
  /** Of them, passed the level that year. */
  passed: number;
}

/** Pass rate = passed / registered, a fraction rounded to 4 places; null with nobody registered. */
export const passRate = (c: PassCounts): number | null => (c.registered ? Math.round((c.passed / c.registered) * 10_000) / 10_000 : null);

/** Percentage points above (+) or below (−) the area above, one decimal; null when either has no rate. */
export function pointsAbove(c: PassCounts, parent: PassCounts): number | null {
  if (!c.registered || !parent.registered) return null;
  return Math.round(((c.passed / c.registered - parent.passed / parent.registered) * 100 + Number.EPSILON) * 10) / 10;
}

/** Counts by key (an area prefix, an organisation) from registrations with their outcome. */
export function countPasses<K extends string>(regs: readonly { key: K; passed: boolean }[]): Map<K, PassCounts> {
  const out = new Map<K, PassCounts>();
  for (const r of regs) {
    const c = out.get(r.key) ?? { registered: 0, passed: 0 };
    c.registered++;
    if (r.passed) c.passed++;
    out.set(r.key, c);
  }
  return out;
}

export const isSwLevel = (s: string): s is SwLevel => (SW_LEVELS as readonly string[]).includes(s);
