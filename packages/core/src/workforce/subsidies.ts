// Rewards and subsidies (奖补, issue 10 item 8): a policy's eligibility rules checked against a
// worker's register record, the amount it pays, the review stages and the budget totals.
// Pure; the server stores each check with the application and reviewers see every rule.
import { addYears, highestLevel, onRegister, yearsSince } from './certification.ts';
import { SW_LEVELS, type SwLevel, type TitleKind } from './codes.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const POLICY_KINDS = ['reward', 'subsidy'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_KIND_LABELS: Labels<PolicyKind> = {
  reward: { zh: '人才奖励', en: 'Talent reward' },
  subsidy: { zh: '补贴', en: 'Subsidy' },
};

export const POLICY_STATUSES = ['draft', 'published', 'closed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Labels<PolicyStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  closed: { zh: '已结束', en: 'Closed' },
};
/** A policy moves forward only: draft → published → closed. */
export const POLICY_NEXT: Record<PolicyStatus, PolicyStatus | null> = { draft: 'published', published: 'closed', closed: null };

export const SUBSIDY_STAGES = ['submitted', 'org_review', 'dept_review', 'approved', 'returned', 'rejected', 'paid'] as const;
export type SubsidyStage = (typeof SUBSIDY_STAGES)[number];
export const SUBSIDY_STAGE_LABELS: Labels<SubsidyStage> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  org_review: { zh: '机构审核', en: 'Organisation review' },
  dept_review: { zh: '部门审核', en: 'Department review' },
  approved: { zh: '已批准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  rejected: { zh: '不予批准', en: 'Rejected' },
  paid: { zh: '已发放', en: 'Paid' },
};

/** Who may take an action: the applicant, the organisation reviewer, the department, finance (policy.manage). */
export type SubsidyActor = 'applicant' | 'org' | 'dept' | 'manager';
export const SUBSIDY_ACTIONS = ['resubmit', 'accept', 'pass', 'approve', 'return', 'reject'] as const;
export type SubsidyAction = (typeof SUBSIDY_ACTIONS)[number] | 'submit' | 'pay';

/**
 * The legal transitions. `submitted` waits in the organisation's queue until it is taken into
 * review (受理); the organisation passes it to the department, which approves. Either may return
 * it with a reason (the applicant corrects and resubmits) or reject it for good.
 */
export const SUBSIDY_TRANSITIONS: { action: SubsidyAction; from: SubsidyStage; to: SubsidyStage; by: SubsidyActor }[] = [
  { action: 'resubmit', from: 'returned', to: 'submitted', by: 'applicant' },
  { action: 'accept', from: 'submitted', to: 'org_review', by: 'org' },
  { action: 'return', from: 'submitted', to: 'returned', by: 'org' },
  { action: 'pass', from: 'org_review', to: 'dept_review', by: 'org' },
  { action: 'return', from: 'org_review', to: 'returned', by: 'org' },
  { action: 'reject', from: 'org_review', to: 'rejected', by: 'org' },
  { action: 'approve', from: 'dept_review', to: 'approved', by: 'dept' },
  { action: 'return', from: 'dept_review', to: 'returned', by: 'dept' },
  { action: 'reject', from: 'dept_review', to: 'rejected', by: 'dept' },
  { action: 'pay', from: 'approved', to: 'paid', by: 'manager' },
];

/** The transition an action makes from a stage, or null when it is not legal there. */
export function subsidyTransition(from: SubsidyStage, action: SubsidyAction) {
  return SUBSIDY_TRANSITIONS.find((t) => t.from === from && t.action === action) ?? null;
}

/** Eligibility rules, all optional; an empty object lets anyone on the register apply. */
export interface EligibilityRules {
  /** Lowest social-work level held on the check day. */
  minLevel?: SwLevel | null;
  /** The certificate counted for the level must have a current registration (a 3-year cycle not lapsed). */
  registrationCurrent?: boolean | null;
  minYearsInField?: number | null;
  /** Years in the area, from the arrival date the applicant declares (the register has none). */
  minYearsInArea?: number | null;
  /** Newly arrived: arrived within this many months of the check day (declared, proven by attachment). */
  arrivedWithinMonths?: number | null;
  /** Holds at least one of these titles. */
  titlesAny?: TitleKind[] | null;
}

export type RuleKey =
  | 'onRegister'
  | 'minLevel'
  | 'registrationCurrent'
  | 'minYearsInField'
  | 'minYearsInArea'
  | 'arrivedWithinMonths'
  | 'titlesAny';
export type RuleResult = 'pass' | 'fail' | 'unknown';
export interface RuleCheck {
  key: RuleKey;
  required: string | number | boolean | string[];
  actual: string | number | boolean | string[] | null;
  result: RuleResult;
}

/** What the register says about an applicant (null: not on the register, e.g. an unmatched public applicant). */
export interface RegisterRecord {
  status: string;
  startedInFieldOn: string | null;
  leftOn: string | null;
  certificates: readonly { kind: string; obtainedOn: string; registeredOn: string | null }[];
  titles: readonly string[];
}

/** A registration made on `registeredOn` runs three years; it has lapsed from its third anniversary. */
export function registrationCurrentOn(registeredOn: string | null, day: string): boolean {
  return !!registeredOn && registeredOn <= day && day < addYears(registeredOn, 3);
}

/** Whole months from `start` to `day` (both YYYY-MM-DD); negative when `day` is before `start`. */
export function monthsSince(start: string, day: string): number {
  const m = (Number(day.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(start.slice(5, 7));
  return day.slice(8) < start.slice(8) ? m - 1 : m;
}

/** The level counted for the rules and the amount: highest held on the day, registered when required. */
export function countedLevel(rec: RegisterRecord, day: string, needsRegistration: boolean): SwLevel | null {
  const certs = needsRegistration ? rec.certificates.filter((c) => registrationCurrentOn(c.registeredOn, day)) : rec.certificates;
  return highestLevel(certs, day);
}

/**
 * Checks every rule on `day` (the application day, never after the policy closes). A rule the
 * register cannot answer is `unknown`, left to the reviewers; `arrivedOn` is the applicant's
 * declaration.
 */
export function checkRules(rules: EligibilityRules, rec: RegisterRecord | null, day: string, arrivedOn: string | null = null): RuleCheck[] {
  const out: RuleCheck[] = [];
  const on = rec ? rec.status === 'active' && onRegister({ startedOn: null, leftOn: rec.leftOn }, day) : null;
  out.push({ key: 'onRegister', required: true, actual: on, result: on === null ? 'unknown' : on ? 'pass' : 'fail' });
  if (rules.minLevel) {
    const level = rec ? countedLevel(rec, day, !!rules.registrationCurrent) : null;
    const ok = (level ? SW_LEVELS.indexOf(level) : -1) >= SW_LEVELS.indexOf(rules.minLevel);
    out.push({ key: 'minLevel', required: rules.minLevel, actual: level, result: rec ? (ok ? 'pass' : 'fail') : 'unknown' });
  }
  if (rules.registrationCurrent) {
    const current = rec
      ? rec.certificates.some(
          (c) => SW_LEVELS.includes(c.kind as SwLevel) && c.obtainedOn <= day && registrationCurrentOn(c.registeredOn, day),
        )
      : null;
    out.push({
      key: 'registrationCurrent',
      required: true,
      actual: current,
      result: current === null ? 'unknown' : current ? 'pass' : 'fail',
    });
  }
  if (rules.minYearsInField != null) {
    const years = rec?.startedInFieldOn ? yearsSince(rec.startedInFieldOn, day) : null;
    const result = years === null ? 'unknown' : years >= rules.minYearsInField ? 'pass' : 'fail';
    out.push({ key: 'minYearsInField', required: rules.minYearsInField, actual: years, result });
  }
  if (rules.minYearsInArea != null) {
    const years = arrivedOn && arrivedOn <= day ? yearsSince(arrivedOn, day) : null;
    const result = years === null ? 'unknown' : years >= rules.minYearsInArea ? 'pass' : 'fail';
    out.push({ key: 'minYearsInArea', required: rules.minYearsInArea, actual: years, result });
  }
  if (rules.arrivedWithinMonths != null) {
    const months = arrivedOn ? monthsSince(arrivedOn, day) : null;
    const result = months === null ? 'unknown' : months >= 0 && months < rules.arrivedWithinMonths ? 'pass' : 'fail';
    out.push({ key: 'arrivedWithinMonths', required: rules.arrivedWithinMonths, actual: months, result });
  }
  if (rules.titlesAny?.length) {
    const held = rec ? rules.titlesAny.filter((t) => rec.titles.includes(t)) : null;
    out.push({
      key: 'titlesAny',
      required: rules.titlesAny,
      actual: held,
      result: held === null ? 'unknown' : held.length ? 'pass' : 'fail',
    });
  }
  return out;
}

/** The overall result: any fail fails; otherwise any unknown is unknown. */
export function overallResult(checks: readonly RuleCheck[]): RuleResult {
  if (checks.some((c) => c.result === 'fail')) return 'fail';
  return checks.some((c) => c.result === 'unknown') ? 'unknown' : 'pass';
}

/** The amount rule: a fixed sum, or a sum per level counted (a level not listed pays nothing). */
export type AmountRule = { mode: 'fixed'; fen: number } | { mode: 'byLevel'; fen: Partial<Record<SwLevel, number>> };

/** The amount in fen; null when it depends on a level the register cannot tell. */
export function computeAmount(rule: AmountRule, level: SwLevel | null, known = true): number | null {
  if (rule.mode === 'fixed') return rule.fen;
  if (!known) return null;
  return level ? (rule.fen[level] ?? 0) : 0;
}

/** The most the rule can pay anyone (a cap for an amount the department sets by hand). */
export function maxAmount(rule: AmountRule): number {
  return rule.mode === 'fixed' ? rule.fen : Math.max(0, ...Object.values(rule.fen).map((v) => v ?? 0));
}

export interface BudgetTotals {
  budget: number;
  approved: number;
  paid: number;
  /** Budget less approved (not yet paid) and paid. */
  remaining: number;
}

/** Totals against the budget from the applications' stages and amounts (fen). */
export function budgetTotals(budget: number, apps: readonly { stage: string; amountFen: number | null }[]): BudgetTotals {
  let approved = 0;
  let paid = 0;
  for (const a of apps) {
    if (a.stage === 'approved') approved += a.amountFen ?? 0;
    if (a.stage === 'paid') paid += a.amountFen ?? 0;
  }
  return { budget, approved, paid, remaining: budget - approved - paid };
}

/** Can one more approval of `amount` fen stay within the budget? */
export const fitsBudget = (t: BudgetTotals, amount: number) => amount <= t.remaining;

/** The day the rules are checked: the application day, or the closing day when later applications are allowed through. */
export const checkDay = (today: string, closesOn: string) => (today > closesOn ? closesOn : today);
