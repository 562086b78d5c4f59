// The workforce dashboard's arithmetic (人才看板, issue 10 item 11): the days the certification
// trend is read on, where a worker's continuing education stands on a day, and the shares
// officials read. The dashboard SQL counts the same way; its tests check it against these.
import { certificationRate, countLevels, type LevelCounts } from './certification.ts';
import { ceCycle, type CeCertificate, type HoursEntry, type RequiredHours } from './training.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (month 1–12). */
export function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/**
 * The days a trend of `months` points is read on: the ends of the months before `asOf`'s month,
 * oldest first, then `asOf` itself (the current month as far as it has gone).
 */
export function trendDays(asOf: string, months = 12): string[] {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const days: string[] = [];
  for (let back = months - 1; back >= 1; back--) {
    const idx = y * 12 + (m - 1) - back;
    days.push(monthEnd(Math.floor(idx / 12), (idx % 12) + 1));
  }
  days.push(asOf);
  return days;
}

export interface TrendPoint extends Pick<LevelCounts, 'workers' | 'certified'> {
  day: string;
  rate: number | null;
}

/** Headcount, certified and 持证率 on each day, from the workers and their certificates (the trend's reference). */
export function certificationTrend(workers: Parameters<typeof countLevels>[0], days: readonly string[]): TrendPoint[] {
  return days.map((day) => {
    const { workers: n, certified } = countLevels(workers, day);
    return { day, workers: n, certified, rate: certificationRate({ workers: n, certified }) };
  });
}

/** Where a worker's current cycle stands: hours done, ahead of the time gone by, or behind it. */
export type CeStanding = 'complete' | 'onPace' | 'behind';

const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/**
 * On pace: hours credited by `day` at least the required hours times the share of the cycle
 * gone by (its first day counted as gone). Complete: the required hours reached.
 */
export function ceStanding(c: { start: string; end: string; required: number; hours: number }, day: string): CeStanding {
  if (c.hours + 1e-9 >= c.required) return 'complete';
  const share = Math.min(Math.max((dayNo(day) - dayNo(c.start) + 1) / (dayNo(c.end) - dayNo(c.start) + 1), 0), 1);
  return c.hours + 1e-9 >= c.required * share ? 'onPace' : 'behind';
}

/** A worker's standing on a day: only hours credited by then count; null without a registered cycle. */
export function ceStandingOn(
  certs: readonly CeCertificate[],
  entries: readonly HoursEntry[],
  day: string,
  required: RequiredHours,
): CeStanding | null {
  // as things stood on the day: later certificates, registrations and hours did not exist yet
  const held = certs
    .filter((c) => c.obtainedOn <= day)
    .map((c) => ({ ...c, registeredOn: c.registeredOn && c.registeredOn <= day ? c.registeredOn : null }));
  const cycle = ceCycle(
    held,
    entries.filter((e) => e.day <= day),
    day,
    required,
  );
  return cycle && ceStanding(cycle, day);
}

export interface CeCompliance {
  /** Workers with a registered cycle on the day. */
  counted: number;
  complete: number;
  onPace: number;
  behind: number;
}

export const emptyCompliance = (): CeCompliance => ({ counted: 0, complete: 0, onPace: 0, behind: 0 });

/** Counts of standings (nulls are not counted). */
export function countStandings(standings: readonly (CeStanding | null)[]): CeCompliance {
  const c = emptyCompliance();
  for (const s of standings)
    if (s) {
      c.counted++;
      c[s]++;
    }
  return c;
}

/** 继续教育达标率: complete or on pace over those counted, 4 places; null with nobody counted. */
export const complianceRate = (c: CeCompliance): number | null =>
  c.counted ? Math.round(((c.complete + c.onPace) / c.counted) * 10_000) / 10_000 : null;

/** Hours to one decimal, as sessions store them. */
export const roundHours = (n: number) => Math.round(n * 10) / 10;
