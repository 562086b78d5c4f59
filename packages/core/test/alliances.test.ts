// The pairing agreements' rules against hand counts: required sides, legal status moves, progress.
import { describe, expect, it } from 'vitest';
import { agreementProgress, canMove, isLate, missingRoles, progressPercent } from '../src/index.ts';

describe('pairing agreements', () => {
  it('needs a school, an agency and a community for 一校两社, an agency and a community for 结对共建', () => {
    expect(missingRoles('school_org_community', ['agency', 'community'])).toEqual(['school']);
    expect(missingRoles('school_org_community', ['community', 'school', 'agency'])).toEqual([]);
    expect(missingRoles('agency_community', ['agency', 'agency'])).toEqual(['community']);
    expect(missingRoles('agency_community', [])).toEqual(['agency', 'community']);
  });

  it('moves draft → active → ended only', () => {
    expect(canMove('draft', 'active')).toBe(true);
    expect(canMove('active', 'ended')).toBe(true);
    expect(canMove('draft', 'ended')).toBe(false);
    expect(canMove('active', 'draft')).toBe(false);
    expect(canMove('ended', 'active')).toBe(false);
    expect(canMove('active', 'active')).toBe(false);
  });

  it('counts progress in whole percent, rounding down, capped per deliverable', () => {
    expect(progressPercent(3, 6)).toBe(50);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(2, 3)).toBe(66);
    expect(progressPercent(5, 0)).toBe(0);
    // 3 of 6 + 0 of 40 = 3 of 46 → 6.52 % → 6; an over-ticked item counts as its quantity only.
    expect(
      agreementProgress([
        { done: 3, quantity: 6 },
        { done: 0, quantity: 40 },
      ]),
    ).toBe(6);
    expect(
      agreementProgress([
        { done: 9, quantity: 1 },
        { done: 0, quantity: 1 },
      ]),
    ).toBe(50);
    expect(agreementProgress([])).toBe(0);
  });

  it('is late only past its date and not yet done', () => {
    expect(isLate({ done: 0, quantity: 1, dueOn: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isLate({ done: 0, quantity: 1, dueOn: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isLate({ done: 1, quantity: 1, dueOn: '2026-01-01' }, '2026-02-01')).toBe(false);
    expect(isLate({ done: 0, quantity: 1, dueOn: null }, '2026-02-01')).toBe(false);
  });
});
