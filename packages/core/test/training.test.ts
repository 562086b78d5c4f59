import { describe, expect, it } from 'vitest';
import {
  ceCycle,
  ceCycles,
  completed,
  cycleAnchor,
  DEFAULT_REQUIRED_HOURS,
  hoursInCycle,
  meanRating,
  promotions,
  reminderDue,
  shanghaiDay,
} from '../src/index.ts';

const assistant = { kind: 'assistant', obtainedOn: '2019-06-20', registeredOn: '2020-03-01' };

describe('continuing-education hours per cycle', () => {
  it('counts the cycle’s last day in it and the next day in the next', () => {
    // cycle 2: 2023-03-01 … 2026-02-28
    const entries = [
      { day: '2023-02-28', hours: 5 }, // cycle 1's last day
      { day: '2023-03-01', hours: 3 }, // cycle 2's first day
      { day: '2026-02-28', hours: 4 }, // cycle 2's last day
      { day: '2026-03-01', hours: 7 }, // cycle 3
    ];
    expect(hoursInCycle({ start: '2023-03-01', end: '2026-02-28' }, entries)).toBe(7);
    const c = ceCycle([assistant], entries, '2024-01-10', DEFAULT_REQUIRED_HOURS)!;
    expect(c).toMatchObject({ n: 2, start: '2023-03-01', end: '2026-02-28', level: 'assistant', required: 72, hours: 7, missing: 65 });
    expect(ceCycle([assistant], entries, '2026-03-01', DEFAULT_REQUIRED_HOURS)).toMatchObject({ n: 3, hours: 7 });
    expect(ceCycle([assistant], entries, '2023-02-28', DEFAULT_REQUIRED_HOURS)).toMatchObject({ n: 1, hours: 5, daysLeft: 0 });
  });

  it('takes a session’s day in Asia/Shanghai: 23:30 UTC is the next morning', () => {
    expect(shanghaiDay('2026-02-28T15:59:59Z')).toBe('2026-02-28');
    expect(shanghaiDay('2026-02-28T16:00:00Z')).toBe('2026-03-01');
  });

  it('asks the requirement of the highest level held at the cycle’s end', () => {
    const upgraded = [assistant, { kind: 'intermediate', obtainedOn: '2025-11-01', registeredOn: '2025-12-01' }];
    // the registration (and so the cycle) continues from the first one; the level at 2026-02-28 is intermediate
    expect(cycleAnchor(upgraded)).toBe('2020-03-01');
    expect(ceCycle(upgraded, [], '2024-05-01', DEFAULT_REQUIRED_HOURS)).toMatchObject({ level: 'intermediate', required: 90 });
    // the previous cycle ended before the upgrade: assistant, 72
    expect(ceCycles(upgraded, [], '2024-05-01', DEFAULT_REQUIRED_HOURS).map((c) => [c.n, c.level, c.required])).toEqual([
      [2, 'intermediate', 90],
      [1, 'assistant', 72],
    ]);
    // configurable requirements
    expect(ceCycle([assistant], [], '2024-05-01', { assistant: 40, intermediate: 60, senior: 80 })?.required).toBe(40);
  });

  it('has no cycle without a registered social-work certificate, nor before registration', () => {
    expect(
      ceCycle([{ kind: 'counsellor', obtainedOn: '2019-01-01', registeredOn: '2019-02-01' }], [], '2024-01-01', DEFAULT_REQUIRED_HOURS),
    ).toBeNull();
    expect(ceCycle([{ ...assistant, registeredOn: null }], [], '2024-01-01', DEFAULT_REQUIRED_HOURS)).toBeNull();
    expect(ceCycle([assistant], [], '2020-02-29', DEFAULT_REQUIRED_HOURS)).toBeNull();
  });

  it('counts nothing missing once the hours are met, and decimals to one place', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ day: `2024-0${(i % 9) + 1}-10`, hours: 2.9 }));
    const c = ceCycle([assistant], entries, '2024-12-01', DEFAULT_REQUIRED_HOURS)!;
    expect(c.hours).toBe(72.5);
    expect(c.missing).toBe(0);
    expect(c.daysLeft).toBe(454); // 2024-12-01 → 2026-02-28
  });
});

describe('reminders', () => {
  it('fires at 90 and at 30 days left, once each', () => {
    expect(reminderDue(91, [])).toBeNull();
    expect(reminderDue(90, [])).toBe(90);
    expect(reminderDue(60, [90])).toBeNull();
    expect(reminderDue(30, [90])).toBe(30);
    expect(reminderDue(10, [90, 30])).toBeNull();
    expect(reminderDue(20, [])).toBe(30); // late start: the 30-day one only
    expect(reminderDue(-1, [])).toBeNull();
  });
});

describe('completion, ratings and the waiting list', () => {
  it('completes at the required share of the course’s hours', () => {
    expect(completed(9.6, 12, 0.8)).toBe(true);
    expect(completed(9.5, 12, 0.8)).toBe(false);
    expect(completed(0, 0, 0.8)).toBe(false);
  });
  it('rates a teacher by the mean of every answer', () => {
    expect(meanRating([[5, 4, 5], [3]])).toBe(4.25);
    expect(
      meanRating([
        [4, 4],
        [5, 5, 4],
      ]),
    ).toBe(4.4);
    expect(meanRating([])).toBeNull();
  });
  it('moves the waiting list up in order into the free places', () => {
    expect(promotions(30, 29, ['a', 'b'])).toEqual(['a']);
    expect(promotions(30, 30, ['a'])).toEqual([]);
    expect(promotions(null, 99, ['a', 'b'])).toEqual(['a', 'b']);
  });
});
