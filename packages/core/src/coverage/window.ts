// Coverage windows (覆盖率, domain brief §4). Dates are business dates 'YYYY-MM-DD' in
// Asia/Shanghai; all arithmetic is done on plain calendar dates through UTC, so the host's
// time zone never shifts a day.
import { z } from 'zod';

export type CareLevel = 1 | 2 | 3 | 4;

export const visitInterval = z.object({
  unit: z.enum(['day', 'week', 'month']),
  count: z.number().int().min(1).max(366),
});
export type VisitInterval = z.infer<typeof visitInterval>;

/** Visit intervals per care level; configurable, this is the default table. */
export const visitIntervals = z.object({ 1: visitInterval, 2: visitInterval, 3: visitInterval, 4: visitInterval });
export type VisitIntervals = Record<CareLevel, VisitInterval>;

export const DEFAULT_VISIT_INTERVALS: VisitIntervals = {
  1: { unit: 'week', count: 1 },
  2: { unit: 'week', count: 2 },
  3: { unit: 'month', count: 1 },
  4: { unit: 'month', count: 3 },
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  if (new Date(t).getUTCDate() !== d || mo < 1 || mo > 12) throw new RangeError(`No such date: ${date}`);
  return t;
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Is this a real calendar date in 'YYYY-MM-DD' form? */
export function isCalendarDate(date: string): boolean {
  try {
    toUtc(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Adds (or subtracts) calendar months, clamping to the month's end: 2024-01-31 + 1 → 2024-02-29. */
export function addMonths(date: string, months: number): string {
  const d = new Date(toUtc(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

function addInterval(date: string, interval: VisitInterval, sign: 1 | -1): string {
  if (interval.unit === 'month') return addMonths(date, sign * interval.count);
  const days = interval.unit === 'week' ? 7 * interval.count : interval.count;
  return addDays(date, sign * days);
}

/** The first day of the window that ends on `asOf` (inclusive). */
export function windowStart(asOf: string, interval: VisitInterval): string {
  return addDays(addInterval(asOf, interval, -1), 1);
}

/** Had the person a qualifying contact within the window ending on `asOf`? */
export function isCovered(lastContact: string | null, asOf: string, interval: VisitInterval): boolean {
  if (!lastContact) return false;
  return lastContact >= windowStart(asOf, interval) && lastContact <= asOf;
}

/** The date the next contact is due: lastContact + interval (months clamped to month end). */
export function nextDueDate(lastContact: string, interval: VisitInterval): string {
  return addInterval(lastContact, interval, 1);
}

export type DueStatus = 'ok' | 'due_soon' | 'overdue';

/**
 * Where a person stands on `asOf`. Never contacted: due = registeredOn + interval. Overdue once
 * asOf is past the due date; due_soon when the due date is today or within `soonDays` days.
 */
export function dueStatus(
  lastContact: string | null,
  registeredOn: string,
  asOf: string,
  interval: VisitInterval,
  soonDays = 7,
): { status: DueStatus; dueDate: string; daysOverdue: number } {
  const dueDate = nextDueDate(lastContact ?? registeredOn, interval);
  const left = daysBetween(asOf, dueDate);
  if (left < 0) return { status: 'overdue', dueDate, daysOverdue: -left };
  return { status: left <= soonDays ? 'due_soon' : 'ok', dueDate, daysOverdue: 0 };
}

/**
 * Coverage of a population on `asOf`: residents with a contact inside the window their care
 * level requires, over all registered residents (rate 0..1; 0 when nobody is registered).
 */
export function coverageSummary(
  residents: { careLevel: CareLevel; lastContact: string | null }[],
  asOf: string,
  intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS,
): { registered: number; covered: number; rate: number } {
  const covered = residents.filter((r) => isCovered(r.lastContact, asOf, intervals[r.careLevel])).length;
  return { registered: residents.length, covered, rate: residents.length ? covered / residents.length : 0 };
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8 all year, no daylight saving

/** The business date (Asia/Shanghai) of an instant. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as Asia/Shanghai wall time to the minute, "YYYY-MM-DD HH:mm" (messages, exports). */
export function formatShanghai(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The earliest base date (last contact, else registration) whose due date falls on or after
 * `asOf`: a resident whose base is before it is overdue on `asOf` (dueStatus 'overdue'); one due
 * today, or registered within the interval and not yet due, is not. Months clamp as nextDueDate does.
 */
export function overdueCutoff(asOf: string, interval: VisitInterval): string {
  let base = addDays(addInterval(asOf, interval, -1), -3);
  while (nextDueDate(base, interval) < asOf) base = addDays(base, 1);
  return base;
}

/** Per care level: the window starts and overdue cutoffs on `asOf`, and the earliest of them all. */
export function standingBounds(asOf: string, intervals: VisitIntervals) {
  const levels = [1, 2, 3, 4] as const;
  const starts = levels.map((l) => windowStart(asOf, intervals[l]));
  const cutoffs = levels.map((l) => overdueCutoff(asOf, intervals[l]));
  const since = [...starts, ...cutoffs].reduce((a, b) => (a < b ? a : b));
  return { starts, cutoffs, since };
}
