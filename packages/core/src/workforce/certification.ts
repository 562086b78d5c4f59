// Certification arithmetic (持证率, domain brief §11): who counts on a day, their highest
// social-work level, the rate, and the three-year registration cycle. The stats SQL
// (workforce.stats.repo.ts) counts the same way; its tests check it against these functions.
import { SW_LEVELS, type SwLevel } from './codes.ts';

/** Whole years from a start date to a day (both YYYY-MM-DD); 0 before the start. */
export function yearsSince(start: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(start.slice(0, 4)) - (day.slice(5) < start.slice(5) ? 1 : 0);
  return Math.max(years, 0);
}

/** Is a worker on the register on a day: started in the field by then and not left before it. */
export function onRegister(w: { startedOn?: string | null; leftOn?: string | null }, day: string): boolean {
  if (w.startedOn && w.startedOn > day) return false;
  return !w.leftOn || w.leftOn >= day; // the day someone leaves is still their day
}

/** The highest social-work level held on a day (certificates obtained after it do not count). */
export function highestLevel(certs: readonly { kind: string; obtainedOn: string }[], day: string): SwLevel | null {
  let best = -1;
  for (const c of certs) {
    const rank = SW_LEVELS.indexOf(c.kind as SwLevel);
    if (rank > best && c.obtainedOn <= day) best = rank;
  }
  return best < 0 ? null : SW_LEVELS[best]!;
}

export interface LevelCounts {
  /** Workers on the register on the day. */
  workers: number;
  /** Of them, holding at least one social-work level. */
  certified: number;
  assistant: number;
  intermediate: number;
  senior: number;
}

export const emptyCounts = (): LevelCounts => ({ workers: 0, certified: 0, assistant: 0, intermediate: 0, senior: 0 });

/** Headcount by highest level for a day, from the workers and their certificates. */
export function countLevels(
  workers: readonly { startedOn?: string | null; leftOn?: string | null; certificates: readonly { kind: string; obtainedOn: string }[] }[],
  day: string,
): LevelCounts {
  const c = emptyCounts();
  for (const w of workers) {
    if (!onRegister(w, day)) continue;
    c.workers++;
    const level = highestLevel(w.certificates, day);
    if (level) {
      c.certified++;
      c[level]++;
    }
  }
  return c;
}

/** 持证率 = certified / workers, as a fraction rounded to 4 places; null with nobody to count. */
export function certificationRate(c: Pick<LevelCounts, 'workers' | 'certified'>): number | null {
  return c.workers ? Math.round((c.certified / c.workers) * 10_000) / 10_000 : null;
}

/** Years added to a date, clamping 29 February to the 28th in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export interface RegistrationCycle {
  /** 1 for the cycle starting on the registration date. */
  n: number;
  start: string;
  end: string;
}

/**
 * The three-year registration cycle (登记有效期) containing a day: cycles run from the
 * registration date in steps of three years, each ending the day before the next starts.
 * Null before registration.
 */
export function registrationCycle(registeredOn: string, day: string): RegistrationCycle | null {
  if (day < registeredOn) return null;
  let n = Math.max(Math.floor((Number(day.slice(0, 4)) - Number(registeredOn.slice(0, 4))) / 3), 0);
  // The year arithmetic can overshoot by one cycle when the anniversary is still ahead.
  while (n > 0 && addYears(registeredOn, 3 * n) > day) n--;
  while (addYears(registeredOn, 3 * (n + 1)) <= day) n++;
  return { n: n + 1, start: addYears(registeredOn, 3 * n), end: dayBefore(addYears(registeredOn, 3 * (n + 1))) };
}
