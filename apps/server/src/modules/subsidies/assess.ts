// The auto-check of an application: the policy's rules against the applicant's register record
// on the check day (packages/core), the level counted and the amount it pays. Stored with the
// application so reviewers see each rule's pass, fail or unknown as it stood when applied.
import {
  checkDay,
  checkRules,
  computeAmount,
  countedLevel,
  overallResult,
  type AmountRule,
  type EligibilityRules,
  type RegisterRecord,
  type RuleCheck,
} from '@wushe/core';
import type { Db } from '@wushe/db';
import { registerRecord } from './applications.repo.ts';
import type { PolicyRow } from './policies.repo.ts';

export interface Assessment {
  checks: RuleCheck[];
  checkResult: 'pass' | 'fail' | 'unknown';
  level: string | null;
  amountFen: number | null;
}

export async function assess(db: Db, p: PolicyRow, workerId: string | null, today: string, arrivedOn: string | null): Promise<Assessment> {
  const rec: RegisterRecord | null = workerId ? ((await registerRecord(db, workerId)) ?? null) : null;
  const day = checkDay(today, p.closesOn);
  const rules = p.rules as EligibilityRules;
  const checks = checkRules(rules, rec, day, arrivedOn);
  const level = rec ? countedLevel(rec, day, !!rules.registrationCurrent) : null;
  return { checks, checkResult: overallResult(checks), level, amountFen: computeAmount(p.amount as AmountRule, level, rec !== null) };
}
