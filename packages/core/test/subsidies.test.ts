// Rewards and subsidies arithmetic against hand cases: the eligibility rules on the register
// (certificate on the closing day, an upgraded level, a lapsed registration, declared arrival),
// the amount per level, the budget totals and the legal transitions.
import { describe, expect, it } from 'vitest';
import {
  budgetTotals,
  checkDay,
  checkRules,
  computeAmount,
  countedLevel,
  fitsBudget,
  maxAmount,
  monthsSince,
  overallResult,
  registrationCurrentOn,
  subsidyTransition,
  type RegisterRecord,
} from '../src/index.ts';

const rec = (over: Partial<RegisterRecord> = {}): RegisterRecord => ({
  status: 'active',
  startedInFieldOn: '2020-03-01',
  leftOn: null,
  certificates: [{ kind: 'assistant', obtainedOn: '2021-06-20', registeredOn: '2021-08-01' }],
  titles: [],
  ...over,
});
const result = (checks: ReturnType<typeof checkRules>, key: string) => checks.find((c) => c.key === key)?.result;

describe('eligibility against the register', () => {
  it('a certificate obtained on the closing day counts on that day, not the day before', () => {
    const r = rec({ certificates: [{ kind: 'intermediate', obtainedOn: '2026-06-30', registeredOn: null }] });
    const day = checkDay('2026-07-15', '2026-06-30');
    expect(day).toBe('2026-06-30');
    expect(result(checkRules({ minLevel: 'intermediate' }, r, day), 'minLevel')).toBe('pass');
    expect(result(checkRules({ minLevel: 'intermediate' }, r, '2026-06-29'), 'minLevel')).toBe('fail');
  });

  it('an upgraded level counts the highest held: assistant then intermediate meets intermediate', () => {
    const r = rec({
      certificates: [
        { kind: 'assistant', obtainedOn: '2019-06-01', registeredOn: '2019-07-01' },
        { kind: 'intermediate', obtainedOn: '2025-06-01', registeredOn: '2025-07-01' },
      ],
    });
    const checks = checkRules({ minLevel: 'intermediate' }, r, '2026-01-10');
    expect(checks.find((c) => c.key === 'minLevel')).toMatchObject({ actual: 'intermediate', result: 'pass' });
    // Before the upgrade only the assistant level is held.
    expect(checkRules({ minLevel: 'intermediate' }, r, '2025-05-31').find((c) => c.key === 'minLevel')).toMatchObject({
      actual: 'assistant',
      result: 'fail',
    });
  });

  it('a registration lapses on its third anniversary; with registration required, the lapsed level does not count', () => {
    expect(registrationCurrentOn('2023-03-01', '2026-02-28')).toBe(true);
    expect(registrationCurrentOn('2023-03-01', '2026-03-01')).toBe(false);
    expect(registrationCurrentOn(null, '2026-03-01')).toBe(false);
    const r = rec({
      certificates: [
        { kind: 'assistant', obtainedOn: '2024-05-01', registeredOn: '2024-06-01' },
        { kind: 'intermediate', obtainedOn: '2022-06-01', registeredOn: '2022-07-01' },
      ],
    });
    expect(countedLevel(r, '2026-01-01', false)).toBe('intermediate');
    expect(countedLevel(r, '2025-06-30', true)).toBe('intermediate');
    // On 2025-07-01 (third anniversary) the intermediate registration has lapsed; the assistant one is current.
    expect(countedLevel(r, '2025-07-01', true)).toBe('assistant');
    const checks = checkRules({ minLevel: 'intermediate', registrationCurrent: true }, r, '2025-07-01');
    expect(result(checks, 'minLevel')).toBe('fail');
    expect(result(checks, 'registrationCurrent')).toBe('pass');
    const lapsed = rec({ certificates: [{ kind: 'assistant', obtainedOn: '2020-01-01', registeredOn: '2020-02-01' }] });
    expect(result(checkRules({ registrationCurrent: true }, lapsed, '2023-02-01'), 'registrationCurrent')).toBe('fail');
  });

  it('years in the field are whole years; years in the area and arrival come from the declaration', () => {
    const checks = checkRules({ minYearsInField: 6, minYearsInArea: 2, arrivedWithinMonths: 12 }, rec(), '2026-02-28', '2025-03-01');
    expect(checks.find((c) => c.key === 'minYearsInField')).toMatchObject({ actual: 5, result: 'fail' });
    expect(checks.find((c) => c.key === 'minYearsInArea')).toMatchObject({ actual: 0, result: 'fail' });
    expect(checks.find((c) => c.key === 'arrivedWithinMonths')).toMatchObject({ actual: 11, result: 'pass' });
    expect(monthsSince('2025-03-01', '2026-03-01')).toBe(12);
    expect(result(checkRules({ arrivedWithinMonths: 12 }, rec(), '2026-03-01', '2025-03-01'), 'arrivedWithinMonths')).toBe('fail');
    expect(result(checkRules({ arrivedWithinMonths: 12 }, rec(), '2026-03-01', null), 'arrivedWithinMonths')).toBe('unknown');
    expect(result(checkRules({ minYearsInField: 6 }, rec(), '2026-03-01'), 'minYearsInField')).toBe('pass');
  });

  it('titles: any one of those named; someone who left fails the register rule', () => {
    expect(result(checkRules({ titlesAny: ['leading', 'backbone'] }, rec({ titles: ['backbone'] }), '2026-01-01'), 'titlesAny')).toBe(
      'pass',
    );
    expect(result(checkRules({ titlesAny: ['leading'] }, rec({ titles: ['backbone'] }), '2026-01-01'), 'titlesAny')).toBe('fail');
    const left = checkRules({}, rec({ status: 'left', leftOn: '2025-12-31' }), '2026-01-01');
    expect(left).toEqual([{ key: 'onRegister', required: true, actual: false, result: 'fail' }]);
    expect(overallResult(left)).toBe('fail');
  });

  it('someone not on the register: every rule unknown, left to the reviewers', () => {
    const checks = checkRules({ minLevel: 'assistant', minYearsInField: 1, titlesAny: ['leading'] }, null, '2026-01-01');
    expect(checks.map((c) => c.result)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(overallResult(checks)).toBe('unknown');
    expect(overallResult(checkRules({ minLevel: 'assistant' }, rec(), '2026-01-01'))).toBe('pass');
  });
});

describe('amounts and budget', () => {
  const byLevel = { mode: 'byLevel', fen: { assistant: 200_000, intermediate: 500_000, senior: 1_000_000 } } as const;
  it('pays by the level counted, nothing without a listed level, unknown off the register', () => {
    expect(computeAmount(byLevel, 'intermediate')).toBe(500_000);
    expect(computeAmount(byLevel, null)).toBe(0);
    expect(computeAmount({ mode: 'byLevel', fen: { senior: 9 } }, 'assistant')).toBe(0);
    expect(computeAmount(byLevel, null, false)).toBeNull();
    expect(computeAmount({ mode: 'fixed', fen: 3_000_000 }, null, false)).toBe(3_000_000);
    expect(maxAmount(byLevel)).toBe(1_000_000);
  });

  it('totals approved and paid against the budget; an approval must fit what remains', () => {
    const t = budgetTotals(2_000_000, [
      { stage: 'approved', amountFen: 500_000 },
      { stage: 'paid', amountFen: 1_000_000 },
      { stage: 'dept_review', amountFen: 500_000 },
      { stage: 'rejected', amountFen: 200_000 },
    ]);
    expect(t).toEqual({ budget: 2_000_000, approved: 500_000, paid: 1_000_000, remaining: 500_000 });
    expect(fitsBudget(t, 500_000)).toBe(true);
    expect(fitsBudget(t, 500_001)).toBe(false);
  });
});

describe('stages', () => {
  it('moves only along the legal transitions', () => {
    expect(subsidyTransition('submitted', 'accept')).toMatchObject({ to: 'org_review', by: 'org' });
    expect(subsidyTransition('org_review', 'pass')).toMatchObject({ to: 'dept_review', by: 'org' });
    expect(subsidyTransition('dept_review', 'approve')).toMatchObject({ to: 'approved', by: 'dept' });
    expect(subsidyTransition('dept_review', 'return')).toMatchObject({ to: 'returned', by: 'dept' });
    expect(subsidyTransition('returned', 'resubmit')).toMatchObject({ to: 'submitted', by: 'applicant' });
    expect(subsidyTransition('submitted', 'approve')).toBeNull();
    expect(subsidyTransition('approved', 'return')).toBeNull();
    expect(subsidyTransition('rejected', 'resubmit')).toBeNull();
    expect(subsidyTransition('paid', 'pay')).toBeNull();
  });
});
