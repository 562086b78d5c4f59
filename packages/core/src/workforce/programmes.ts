// The staged selection shared by talent programmes (人才选拔) and awards (评优表彰): a programme
// picks its stages from one fixed order; it moves only to the next stage it chose.
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const PROGRAMME_KINDS = ['talent', 'award'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const PROGRAMME_KIND_LABELS: Labels<ProgrammeKind> = {
  talent: { zh: '人才选拔', en: 'Talent programme' },
  award: { zh: '评优表彰', en: 'Award' },
};

/** The fixed order. apply, publicity and done are in every programme; the rest are chosen. */
export const PROGRAMME_STAGES = ['apply', 'review', 'written', 'panel', 'publicity', 'done'] as const;
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];
export const REQUIRED_STAGES: readonly ProgrammeStage[] = ['apply', 'publicity', 'done'];
/** Stages where each applicant is decided (passed or rejected) before the programme moves on. */
export const DECIDING_STAGES: readonly ProgrammeStage[] = ['review', 'written', 'panel'];

export const PROGRAMME_STAGE_LABELS: Labels<ProgrammeStage> = {
  apply: { zh: '报名/推荐', en: 'Application / nomination' },
  review: { zh: '资格审查', en: 'Qualification review' },
  written: { zh: '笔试', en: 'Written test' },
  panel: { zh: '面试/评审', en: 'Interview / panel' },
  publicity: { zh: '公示', en: 'Public announcement' },
  done: { zh: '任命/表彰', en: 'Appointed / announced' },
};

export const APPLICATION_STATUSES = ['active', 'rejected', 'withdrawn', 'selected', 'appointed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Labels<ApplicationStatus> = {
  active: { zh: '进行中', en: 'In progress' },
  rejected: { zh: '未通过', en: 'Not passed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  selected: { zh: '拟入选', en: 'Selected' },
  appointed: { zh: '已入选', en: 'Appointed' },
};

/** The chosen stages in the fixed order with the required ones added. */
export function normaliseStages(chosen: readonly ProgrammeStage[]): ProgrammeStage[] {
  const set = new Set([...chosen, ...REQUIRED_STAGES]);
  return PROGRAMME_STAGES.filter((s) => set.has(s));
}

/** The stage after `current` in the programme's own list, or null at the end. */
export function nextStage(stages: readonly ProgrammeStage[], current: ProgrammeStage): ProgrammeStage | null {
  const i = stages.indexOf(current);
  return i >= 0 && i + 1 < stages.length ? stages[i + 1]! : null;
}

/** The last day of a 公示 of `days` days starting on `start` (inclusive), as YYYY-MM-DD. */
export function publicityEnd(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}

/** Eligibility checked against the register: the applicant's level and years against the criteria. */
export interface EligibilityCheck {
  key: 'level' | 'years';
  required: string | number;
  actual: string | number | null;
  /** null: the register cannot tell (an applicant not on it). */
  ok: boolean | null;
}

const LEVEL_RANK: Record<string, number> = { assistant: 1, intermediate: 2, senior: 3 };

export function checkEligibility(
  criteria: { minLevel?: string | null; minYears?: number | null },
  person: { level: string | null; yearsInField: number | null } | null,
): EligibilityCheck[] {
  const out: EligibilityCheck[] = [];
  if (criteria.minLevel) {
    const actual = person ? person.level : null;
    const ok = person ? (LEVEL_RANK[actual ?? ''] ?? 0) >= LEVEL_RANK[criteria.minLevel]! : null;
    out.push({ key: 'level', required: criteria.minLevel, actual, ok });
  }
  if (criteria.minYears) {
    const actual = person ? person.yearsInField : null;
    const ok = person ? actual !== null && actual >= criteria.minYears : null;
    out.push({ key: 'years', required: criteria.minYears, actual, ok });
  }
  return out;
}
