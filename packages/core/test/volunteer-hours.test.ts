// Service-hours arithmetic: check-out − check-in capped by the activity, overnight activities,
// a missing check-out closed at the end, corrections within the activity, declines count 0.
import { describe, expect, it } from 'vitest';
import { closeHours, correctionAllowed, creditedTotal, hoursOf, spanMinutes, volunteerMove, volunteerNumber } from '../src/index.ts';

const evening = { startsAt: '2026-11-30T10:00:00Z', endsAt: '2026-11-30T13:00:00Z' }; // 18:00–21:00 Shanghai
const overnight = { startsAt: '2026-11-30T14:00:00Z', endsAt: '2026-11-30T22:30:00Z' }; // 22:00–06:30 Shanghai

describe('service hours', () => {
  it('counts check-out minus check-in in whole minutes', () => {
    expect(closeHours('2026-11-30T10:05:00Z', '2026-11-30T12:35:59Z', evening)).toMatchObject({ minutes: 150, missingCheckout: false });
    expect(spanMinutes(evening)).toBe(180);
  });

  it('caps the hours by the activity’s length, however early or late the volunteer came and went', () => {
    expect(closeHours('2026-11-30T09:00:00Z', '2026-11-30T14:00:00Z', evening).minutes).toBe(180);
    expect(closeHours('2026-11-30T09:59:00Z', '2026-11-30T13:00:00Z', evening).minutes).toBe(180);
  });

  it('crosses midnight in Asia/Shanghai and the month end', () => {
    // Checked in at 22:10 on 30 November, out at 06:00 on 1 December (Shanghai): 7 h 50 min.
    expect(closeHours('2026-11-30T14:10:00Z', '2026-11-30T22:00:00Z', overnight).minutes).toBe(470);
    expect(spanMinutes(overnight)).toBe(510);
  });

  it('closes a missing check-out at the activity’s end and flags it; a check-in after the end counts 0', () => {
    const c = closeHours('2026-11-30T10:30:00Z', null, evening);
    expect(c).toMatchObject({ minutes: 150, missingCheckout: true });
    expect(c.checkoutAt.toISOString()).toBe('2026-11-30T13:00:00.000Z');
    const late = closeHours('2026-11-30T13:20:00Z', null, evening);
    expect(late).toMatchObject({ minutes: 0, missingCheckout: true });
    expect(late.checkoutAt.toISOString()).toBe('2026-11-30T13:20:00.000Z');
  });

  it('never goes negative (a clock set wrong on a check-out)', () => {
    expect(closeHours('2026-11-30T11:00:00Z', '2026-11-30T10:00:00Z', evening).minutes).toBe(0);
  });

  it('allows corrections from 0 to the activity’s length in whole minutes', () => {
    expect(correctionAllowed(0, evening)).toBe(true);
    expect(correctionAllowed(180, evening)).toBe(true);
    expect(correctionAllowed(181, evening)).toBe(false);
    expect(correctionAllowed(-1, evening)).toBe(false);
    expect(correctionAllowed(30.5, evening)).toBe(false);
  });

  it('credits approved records only: a decline counts 0, a pending or open one nothing yet', () => {
    expect(
      creditedTotal([
        { status: 'approved', creditedMinutes: 150 },
        { status: 'approved', creditedMinutes: 90 }, // corrected from 120
        { status: 'declined', creditedMinutes: 0 },
        { status: 'pending', creditedMinutes: null },
        { status: 'open', creditedMinutes: null },
      ]),
    ).toBe(240);
    expect(hoursOf(240)).toBe(4);
    expect(hoursOf(45)).toBe(0.8);
    expect(hoursOf(44)).toBe(0.7);
  });
});

describe('volunteer register', () => {
  it('moves between states only as allowed', () => {
    expect(volunteerMove('pending', 'confirm')).toBe('active');
    expect(volunteerMove('active', 'confirm')).toBeNull();
    expect(volunteerMove('active', 'suspend')).toBe('suspended');
    expect(volunteerMove('suspended', 'resume')).toBe('active');
    expect(volunteerMove('left', 'resume')).toBeNull();
  });

  it('numbers volunteers by year and sequence, never by ID number', () => {
    expect(volunteerNumber(2026, 42)).toBe('V2026000042');
  });
});
