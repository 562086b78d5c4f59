import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  coverageSummary,
  daysBetween,
  DEFAULT_VISIT_INTERVALS,
  dueStatus,
  isCalendarDate,
  isCovered,
  nextDueDate,
  overdueCutoff,
  standingBounds,
  formatShanghai,
  shanghaiToday,
  windowStart,
  type VisitInterval,
} from '../src/coverage/window.ts';

const weekly: VisitInterval = { unit: 'week', count: 1 };
const fortnightly: VisitInterval = { unit: 'week', count: 2 };
const monthly: VisitInterval = { unit: 'month', count: 1 };
const quarterly: VisitInterval = { unit: 'month', count: 3 };

describe('calendar helpers', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-31', 0)).toBe('2024-03-31');
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', -3)).toBe('2023-11-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('counts days between dates, signed', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
  });

  it('rejects impossible dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('windowStart', () => {
  it('handles month ends and leap days', () => {
    expect(windowStart('2025-03-31', monthly)).toBe('2025-03-01');
    expect(windowStart('2024-03-31', monthly)).toBe('2024-03-01');
    expect(windowStart('2024-02-29', quarterly)).toBe('2023-11-30');
    expect(windowStart('2025-05-31', monthly)).toBe('2025-05-01');
    expect(windowStart('2025-03-15', monthly)).toBe('2025-02-16');
  });

  it('counts weeks back inclusively', () => {
    expect(windowStart('2024-01-01', weekly)).toBe('2023-12-26');
    expect(windowStart('2024-03-01', weekly)).toBe('2024-02-24');
    expect(windowStart('2024-03-01', fortnightly)).toBe('2024-02-17');
  });
});

describe('isCovered', () => {
  it('needs a contact inside the window ending on asOf', () => {
    expect(isCovered(null, '2025-03-31', monthly)).toBe(false);
    expect(isCovered('2025-03-01', '2025-03-31', monthly)).toBe(true);
    expect(isCovered('2025-02-28', '2025-03-31', monthly)).toBe(false);
    expect(isCovered('2023-12-26', '2024-01-01', weekly)).toBe(true);
    expect(isCovered('2023-12-25', '2024-01-01', weekly)).toBe(false);
    expect(isCovered('2023-11-30', '2024-02-29', quarterly)).toBe(true);
    expect(isCovered('2023-11-29', '2024-02-29', quarterly)).toBe(false);
  });

  it('ignores contacts after asOf (reports on a past date)', () => {
    expect(isCovered('2025-04-01', '2025-03-31', monthly)).toBe(false);
  });
});

describe('nextDueDate and dueStatus', () => {
  it('adds the interval, clamping months', () => {
    expect(nextDueDate('2024-01-31', monthly)).toBe('2024-02-29');
    expect(nextDueDate('2023-01-31', monthly)).toBe('2023-02-28');
    expect(nextDueDate('2024-12-30', weekly)).toBe('2025-01-06');
    expect(nextDueDate('2024-11-30', quarterly)).toBe('2025-02-28');
  });

  it('is ok well before the due date', () => {
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-03-10', monthly)).toEqual({ status: 'ok', dueDate: '2025-04-01', daysOverdue: 0 });
  });

  it('is due soon within 7 days, including the due day', () => {
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-03-25', monthly)).toEqual({
      status: 'due_soon',
      dueDate: '2025-04-01',
      daysOverdue: 0,
    });
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-04-01', monthly).status).toBe('due_soon');
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-03-24', monthly).status).toBe('ok');
    // A weekly visit is always due within 7 days.
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-03-01', weekly).status).toBe('due_soon');
  });

  it('is overdue past the due date and counts the days', () => {
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-04-02', monthly)).toEqual({
      status: 'overdue',
      dueDate: '2025-04-01',
      daysOverdue: 1,
    });
    expect(dueStatus('2024-01-31', '2023-01-01', '2024-03-01', monthly)).toEqual({
      status: 'overdue',
      dueDate: '2024-02-29',
      daysOverdue: 1,
    });
  });

  it('uses the registration date when never contacted', () => {
    expect(dueStatus(null, '2025-01-10', '2025-01-12', fortnightly)).toEqual({ status: 'ok', dueDate: '2025-01-24', daysOverdue: 0 });
    expect(dueStatus(null, '2025-01-10', '2025-02-03', fortnightly)).toEqual({ status: 'overdue', dueDate: '2025-01-24', daysOverdue: 10 });
  });

  it('honours a custom due-soon horizon', () => {
    expect(dueStatus('2025-03-01', '2024-01-01', '2025-03-20', monthly, 14).status).toBe('due_soon');
  });
});

describe('defaults and summaries', () => {
  it('has the default visit table', () => {
    expect(DEFAULT_VISIT_INTERVALS).toEqual({
      1: { unit: 'week', count: 1 },
      2: { unit: 'week', count: 2 },
      3: { unit: 'month', count: 1 },
      4: { unit: 'month', count: 3 },
    });
  });

  it('computes coverage by each resident’s care level', () => {
    const s = coverageSummary(
      [
        { careLevel: 1, lastContact: '2025-03-28' }, // weekly, covered
        { careLevel: 1, lastContact: '2025-03-20' }, // weekly, not covered
        { careLevel: 4, lastContact: '2025-01-05' }, // quarterly, covered
        { careLevel: 3, lastContact: null },
      ],
      '2025-03-31',
    );
    expect(s).toEqual({ registered: 4, covered: 2, rate: 0.5 });
    expect(coverageSummary([], '2025-03-31').rate).toBe(0);
  });

  it('gives the Shanghai business date of an instant', () => {
    expect(shanghaiToday(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
    expect(shanghaiToday(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
    expect(shanghaiToday(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
  });

  it('writes an instant as Shanghai wall time to the minute', () => {
    expect(formatShanghai(new Date('2024-02-28T16:05:59Z'))).toBe('2024-02-29 00:05');
    expect(formatShanghai(new Date('2025-12-31T15:59:00Z'))).toBe('2025-12-31 23:59');
  });
});

describe('overdue: the window has passed with no contact (issue 8, item 14)', () => {
  const quarterly: VisitInterval = { unit: 'month', count: 3 };
  // Every base date around every as-of date of 2024 (leap) and 2026, every default interval.
  it('agrees with dueStatus for every base date, month ends included', () => {
    for (const interval of [weekly, fortnightly, monthly, quarterly]) {
      for (let asOf = '2024-01-01'; asOf <= '2024-12-31'; asOf = addDays(asOf, 3)) {
        const cutoff = overdueCutoff(asOf, interval);
        for (let d = -130; d <= 2; d++) {
          const base = addDays(asOf, d);
          expect(base < cutoff, `${asOf} ${base} ${JSON.stringify(interval)}`).toBe(
            dueStatus(base, base, asOf, interval).status === 'overdue',
          );
        }
      }
    }
  });

  it('by hand: due today and registered today are not overdue; month ends clamp', () => {
    expect(overdueCutoff('2026-03-31', weekly)).toBe('2026-03-24'); // contact 03-24: due 03-31, today
    expect(dueStatus('2026-03-24', '2026-01-01', '2026-03-31', weekly).status).toBe('due_soon');
    expect(dueStatus('2026-03-23', '2026-01-01', '2026-03-31', weekly).status).toBe('overdue');
    expect(dueStatus(null, '2026-03-31', '2026-03-31', weekly).status).not.toBe('overdue'); // registered today
    // Monthly on 03-31 (2026): a contact on 02-28 was due 03-28, overdue; 03-01 is due 04-01.
    expect(overdueCutoff('2026-03-31', monthly)).toBe('2026-03-01');
    // Monthly on 2024-02-29: a contact on 01-29 is due 02-29 (today); 01-28 was due 02-28.
    expect(overdueCutoff('2024-02-29', monthly)).toBe('2024-01-29');
    // Overdue is a part of "not covered": covered means not overdue (the window never starts before the cutoff).
    const b = standingBounds('2026-03-31', DEFAULT_VISIT_INTERVALS);
    b.starts.forEach((s, i) => expect(s >= b.cutoffs[i]!).toBe(true));
    expect(b.since).toBe(b.cutoffs[3]);
  });
});
