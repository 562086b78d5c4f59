// Service-hours arithmetic (issue 11 item 7). Hours = check-out − check-in, capped by the
// activity's length (a volunteer who came early or stayed late serves the activity, not more);
// a missing check-out is closed at the activity's end and flagged for the organiser. What counts
// is the credited figure: the organiser approves it, corrects it with a reason, or declines it
// (0). Whole minutes throughout; hours shown to one decimal.

export interface Span {
  startsAt: string | Date;
  endsAt: string | Date;
}

const ms = (d: string | Date) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/** The activity's length in whole minutes. */
export const spanMinutes = (a: Span): number => Math.max(0, Math.floor((ms(a.endsAt) - ms(a.startsAt)) / 60_000));

export interface ClosedHours {
  checkoutAt: Date;
  minutes: number;
  /** Closed by the system at the activity's end: the organiser should look. */
  missingCheckout: boolean;
}

/**
 * Closes a check-in: with the check-out given, or at the activity's end when there is none
 * (a check-in after the end then counts 0). Never negative, never more than the activity.
 */
export function closeHours(checkinAt: string | Date, checkoutAt: string | Date | null, activity: Span): ClosedHours {
  const inAt = ms(checkinAt);
  const outAt = checkoutAt === null ? Math.max(inAt, ms(activity.endsAt)) : ms(checkoutAt);
  const served = Math.max(0, Math.floor((outAt - inAt) / 60_000));
  return { checkoutAt: new Date(outAt), minutes: Math.min(served, spanMinutes(activity)), missingCheckout: checkoutAt === null };
}

/** A correction may not exceed the activity's length. */
export const correctionAllowed = (minutes: number, activity: Span): boolean =>
  Number.isInteger(minutes) && minutes >= 0 && minutes <= spanMinutes(activity);

export interface HoursRecord {
  status: 'open' | 'pending' | 'approved' | 'declined';
  creditedMinutes: number | null;
}

/** The minutes that count: approved records only (a decline credits 0, pending nothing yet). */
export const creditedTotal = (records: readonly HoursRecord[]): number =>
  records.reduce((sum, r) => sum + (r.status === 'approved' ? (r.creditedMinutes ?? 0) : 0), 0);

/** Hours to one decimal, from whole minutes (rounded half up: 45 min → 0.8). */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;
