import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REQUIRED_HOURS,
  ceStanding,
  ceStandingOn,
  certificationTrend,
  complianceRate,
  countStandings,
  monthEnd,
  shanghaiDay,
  trendDays,
} from '../src/index.ts';

describe('trend days', () => {
  it('ends each month on its last day, February and leap years included', () => {
    expect(monthEnd(2026, 2)).toBe('2026-02-28');
    expect(monthEnd(2028, 2)).toBe('2028-02-29');
    expect(monthEnd(2026, 12)).toBe('2026-12-31');
  });

  it('reads the 11 previous month ends, oldest first, then the day itself, across a new year', () => {
    const days = trendDays('2026-03-15');
    expect(days).toHaveLength(12);
    expect(days.slice(0, 3)).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
    expect(days.slice(-3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
  });

  it('takes the business day in Asia/Shanghai: 16:30 UTC on 31 January is already 1 February', () => {
    const asOf = shanghaiDay('2026-01-31T16:30:00Z');
    expect(asOf).toBe('2026-02-01');
    expect(trendDays(asOf).at(-2)).toBe('2026-01-31');
    expect(shanghaiDay('2026-01-31T15:59:59Z')).toBe('2026-01-31');
  });
});

describe('certification trend (hand counts)', () => {
  // Four workers. A: certified long ago. B: left on 15 March (mid-month). C: certificate obtained on
  // 31 March (the month's last day). D: started on 1 April, never certified.
  const workers = [
    { startedOn: '2020-01-01', leftOn: null, certificates: [{ kind: 'assistant', obtainedOn: '2021-05-01' }] },
    { startedOn: '2020-01-01', leftOn: '2026-03-15', certificates: [{ kind: 'intermediate', obtainedOn: '2022-01-01' }] },
    { startedOn: '2025-06-01', leftOn: null, certificates: [{ kind: 'assistant', obtainedOn: '2026-03-31' }] },
    { startedOn: '2026-04-01', leftOn: null, certificates: [] },
  ];
  const trend = certificationTrend(workers, trendDays('2026-04-10'));
  const on = (day: string) => trend.find((p) => p.day === day)!;

  it('counts February with B still there and C not yet certified: 3 workers, 2 certified', () => {
    expect(on('2026-02-28')).toEqual({ day: '2026-02-28', workers: 3, certified: 2, rate: 0.6667 });
  });

  it('drops B at the end of March (left mid-month) and counts C certified on the last day', () => {
    expect(on('2026-03-31')).toEqual({ day: '2026-03-31', workers: 2, certified: 2, rate: 1 });
  });

  it('counts D from the day they started: 3 workers, 2 certified on the day asked', () => {
    expect(on('2026-04-10')).toEqual({ day: '2026-04-10', workers: 3, certified: 2, rate: 0.6667 });
  });

  it('counts only A and B before C started (May 2025)', () => {
    expect(on('2025-05-31')).toEqual({ day: '2025-05-31', workers: 2, certified: 2, rate: 1 });
  });
});

describe('continuing-education standing', () => {
  const cycle = { start: '2024-01-01', end: '2026-12-31', required: 90 };

  it('is complete at the required hours, whatever the date', () => {
    expect(ceStanding({ ...cycle, hours: 90 }, '2024-02-01')).toBe('complete');
  });

  it('is on pace with hours at least the share of the cycle gone by, behind below it', () => {
    // 2025-06-30: 366 + 181 = 547 of 1096 days gone (the first included) → 90 × 547 / 1096 = 44.92 hours
    expect(ceStanding({ ...cycle, hours: 45 }, '2025-06-30')).toBe('onPace');
    expect(ceStanding({ ...cycle, hours: 44.9 }, '2025-06-30')).toBe('behind');
  });

  it('counts only what existed on the day: later hours and certificates do not', () => {
    const certs = [{ kind: 'intermediate', obtainedOn: '2021-01-01', registeredOn: '2021-01-01' }];
    const entries = [
      { day: '2024-03-01', hours: 20 },
      { day: '2025-02-01', hours: 80 },
    ];
    // cycle 2024-01-01..2026-12-31; on 2024-06-30, 182 of 1096 days → 14.9 needed, 20 done
    expect(ceStandingOn(certs, entries, '2024-06-30', DEFAULT_REQUIRED_HOURS)).toBe('onPace');
    expect(ceStandingOn(certs, entries, '2025-03-01', DEFAULT_REQUIRED_HOURS)).toBe('complete');
    // without a registration on the day there is no cycle
    expect(ceStandingOn(certs, entries, '2020-12-31', DEFAULT_REQUIRED_HOURS)).toBeNull();
    const later = [{ kind: 'assistant', obtainedOn: '2021-01-01', registeredOn: '2025-01-01' }];
    expect(ceStandingOn(later, entries, '2024-06-30', DEFAULT_REQUIRED_HOURS)).toBeNull();
  });

  it('shares complete and on pace over those counted', () => {
    const c = countStandings(['complete', 'onPace', 'behind', null, 'behind']);
    expect(c).toEqual({ counted: 4, complete: 1, onPace: 1, behind: 2 });
    expect(complianceRate(c)).toBe(0.5);
    expect(complianceRate(countStandings([]))).toBeNull();
  });
});
