// Certification arithmetic against hand counts: who counts on a day, the highest level, the
// rate, and the three-year registration cycle at its boundaries.
import { describe, expect, it } from 'vitest';
import { addYears, certificationRate, countLevels, highestLevel, onRegister, registrationCycle, yearsSince } from '../src/index.ts';

const cert = (kind: string, obtainedOn: string) => ({ kind, obtainedOn });

describe('certification', () => {
  it('counts the highest social-work level held on the day', () => {
    expect(highestLevel([cert('assistant', '2020-06-01'), cert('intermediate', '2023-06-01')], '2024-01-01')).toBe('intermediate');
    // Obtained on the day counts; the day before does not yet.
    expect(highestLevel([cert('assistant', '2020-06-01'), cert('intermediate', '2023-06-01')], '2023-06-01')).toBe('intermediate');
    expect(highestLevel([cert('assistant', '2020-06-01'), cert('intermediate', '2023-06-01')], '2023-05-31')).toBe('assistant');
    // Other certificates (心理咨询师, 督导资格) are not a social-work level.
    expect(highestLevel([cert('counsellor', '2019-01-01'), cert('supervision', '2019-01-01')], '2024-01-01')).toBeNull();
    expect(highestLevel([], '2024-01-01')).toBeNull();
  });

  it('keeps a worker on the register through the day they leave', () => {
    expect(onRegister({ leftOn: '2024-03-31' }, '2024-03-31')).toBe(true);
    expect(onRegister({ leftOn: '2024-03-31' }, '2024-04-01')).toBe(false);
    expect(onRegister({ startedOn: '2024-04-02' }, '2024-04-01')).toBe(false);
    expect(onRegister({ startedOn: null, leftOn: null }, '2024-04-01')).toBe(true);
  });

  it('counts headcount by level and the rate by hand, on a past date', () => {
    const workers = [
      { certificates: [cert('assistant', '2020-01-01')] }, // assistant
      { certificates: [cert('assistant', '2020-01-01'), cert('senior', '2022-01-01')] }, // senior (two levels: the highest)
      { certificates: [cert('intermediate', '2024-06-01')] }, // obtained on the day: intermediate
      { certificates: [cert('intermediate', '2024-06-02')] }, // obtained after: not certified
      { leftOn: '2024-05-31', certificates: [cert('senior', '2019-01-01')] }, // left the day before: not counted
      { leftOn: '2024-06-01', certificates: [] }, // leaves on the day: counted, uncertified
      { startedOn: '2024-07-01', certificates: [cert('assistant', '2020-01-01')] }, // not started yet
      { certificates: [cert('counsellor', '2020-01-01')] }, // another certificate only
    ];
    const c = countLevels(workers, '2024-06-01');
    expect(c).toEqual({ workers: 6, certified: 3, assistant: 1, intermediate: 1, senior: 1 });
    expect(certificationRate(c)).toBe(0.5);
    expect(certificationRate({ workers: 3, certified: 2 })).toBe(0.6667);
    expect(certificationRate({ workers: 0, certified: 0 })).toBeNull();
    // A year earlier: the intermediate of 2024 not yet; the one who left later is counted.
    expect(countLevels(workers, '2023-06-01')).toEqual({ workers: 7, certified: 3, assistant: 1, intermediate: 0, senior: 2 });
  });

  it('computes years in the field to the anniversary', () => {
    expect(yearsSince('2018-09-01', '2024-08-31')).toBe(5);
    expect(yearsSince('2018-09-01', '2024-09-01')).toBe(6);
    expect(yearsSince('2025-01-01', '2024-09-01')).toBe(0);
  });
});

describe('registration cycle', () => {
  it('runs three years from registration, ending the day before the next', () => {
    expect(registrationCycle('2021-03-15', '2021-03-15')).toEqual({ n: 1, start: '2021-03-15', end: '2024-03-14' });
    expect(registrationCycle('2021-03-15', '2024-03-14')).toEqual({ n: 1, start: '2021-03-15', end: '2024-03-14' });
    expect(registrationCycle('2021-03-15', '2024-03-15')).toEqual({ n: 2, start: '2024-03-15', end: '2027-03-14' });
    expect(registrationCycle('2021-03-15', '2030-12-31')).toEqual({ n: 4, start: '2030-03-15', end: '2033-03-14' });
    expect(registrationCycle('2021-03-15', '2021-03-14')).toBeNull();
  });

  it('handles month ends and 29 February', () => {
    expect(addYears('2020-02-29', 3)).toBe('2023-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(registrationCycle('2020-02-29', '2023-02-27')).toEqual({ n: 1, start: '2020-02-29', end: '2023-02-27' });
    expect(registrationCycle('2020-02-29', '2023-02-28')).toEqual({ n: 2, start: '2023-02-28', end: '2026-02-27' });
    expect(registrationCycle('2019-12-31', '2022-12-31')).toEqual({ n: 2, start: '2022-12-31', end: '2025-12-30' });
    expect(registrationCycle('2019-12-31', '2022-12-30')).toEqual({ n: 1, start: '2019-12-31', end: '2022-12-30' });
  });
});
