// The as-of rules of the wishes and volunteering outputs: a record's state just before the end of
// a period (Asia/Shanghai midnight), whatever came after.
import { describe, expect, it } from 'vitest';
import { creditedAt, shanghaiPeriod, volunteerStatusAt, wishStatusAt } from '../src/index.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const { until } = shanghaiPeriod('2026-01-01', '2026-06-30');

describe('volunteering outputs as of a date', () => {
  it('ends a period at Beijing midnight', () => {
    expect(until.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(shanghaiPeriod('2026-02-28', '2026-02-28').until.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it("takes a wish's last status-changing event before the end; an edit changes nothing", () => {
    const events = [
      { action: 'create', at: at('2026-06-01T09:00:00') },
      { action: 'publish', at: at('2026-06-02T09:00:00') },
      { action: 'claim', at: at('2026-06-10T09:00:00') },
      { action: 'withdraw', at: at('2026-06-30T23:59:59') },
      { action: 'edit', at: at('2026-06-30T23:59:59.500') },
      { action: 'cancel', at: at('2026-07-01T00:00:00') },
    ];
    expect(wishStatusAt(events, until)).toBe('published');
    expect(wishStatusAt(events, at('2026-06-30T23:59:59'))).toBe('claimed');
    expect(wishStatusAt(events, at('2026-07-02T00:00:00'))).toBe('cancelled');
    expect(wishStatusAt(events, at('2026-05-01T00:00:00'))).toBeNull();
  });

  it("takes a volunteer's status and an hours record's credit as decided before the end", () => {
    const v = [
      { action: 'register', status: 'active', at: at('2026-01-01T00:00:00') },
      { action: 'leave', status: 'left', at: at('2026-07-01T00:00:00') },
    ];
    expect(volunteerStatusAt(v, until)).toBe('active');
    expect(volunteerStatusAt(v, at('2026-07-01T00:00:01'))).toBe('left');
    const h = [
      { action: 'checkin', minutesAfter: null, at: at('2026-06-30T20:00:00') },
      { action: 'checkout', minutesAfter: 150, at: at('2026-06-30T22:30:00') },
      { action: 'approve', minutesAfter: 150, at: at('2026-06-30T23:00:00') },
      { action: 'correct', minutesAfter: 90, at: at('2026-07-01T00:00:00') },
      { action: 'decline', minutesAfter: 0, at: at('2026-07-05T00:00:00') },
    ];
    expect(creditedAt(h, at('2026-06-30T22:59:00'))).toBeNull(); // checked out, not yet decided
    expect(creditedAt(h, until)).toBe(150);
    expect(creditedAt(h, at('2026-07-02T00:00:00'))).toBe(90);
    expect(creditedAt(h, at('2026-07-06T00:00:00'))).toBe(0);
  });
});
