// The nightly coverage snapshot: shortly after midnight (Asia/Shanghai) each area's coverage for
// the day that just ended is computed with the past-date coverage query (the same one
// /coverage?date= answers with) and stored once; it is never recomputed, so yesterday's figure
// does not move when today's visits, or late entries dated yesterday, arrive.
//
// Missing days are filled on the next run: the last 7 days, and the month-ends of the previous
// 12 months (a new installation's trend is filled at once). Those are computed after the fact
// from the records as they are then, and marked `backfilled`; only the night's own figure for
// yesterday is not.
import { addDays, shanghaiToday, standingBounds, type VisitIntervals } from '@wushe/core';
import type { Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import { coverageCounts, jitOff } from './coverage.repo.ts';
import { datesTaken, insertSnapshots, snapshotAreas, type SnapshotRow } from './snapshots.repo.ts';

const CATCH_UP_DAYS = 7;
const BACKFILL_MONTHS = 12;

/** Snapshots are kept down to streets: the trend is read by province, city, district and station. */
const STREET = 9;
const LEVEL_LENGTHS = [2, 4, 6, 9];

/** The last day of the month before `date`'s month. */
const endOfPreviousMonth = (date: string) => addDays(`${date.slice(0, 7)}-01`, -1);

/** The dates a run on `today` should hold: yesterday, the last week, and the last 12 month-ends. */
export function snapshotDates(today: string): string[] {
  const yesterday = addDays(today, -1);
  const dates = new Set<string>();
  for (let i = 0; i < CATCH_UP_DAYS; i++) dates.add(addDays(yesterday, -i));
  let monthEnd = endOfPreviousMonth(today);
  for (let i = 0; i < BACKFILL_MONTHS; i++) {
    dates.add(monthEnd);
    monthEnd = endOfPreviousMonth(monthEnd);
  }
  return [...dates].sort();
}

/** Every area's figure on one past date, summed up from one grouped scan by street. */
async function figuresOn(database: Database, prefix: string, date: string, backfilled: boolean): Promise<number> {
  return database.tx('', async (db) => {
    await jitOff(db);
    const areas = await snapshotAreas(db, prefix);
    const intervals: VisitIntervals = await loadVisitIntervals(db);
    const counts = await coverageCounts(db, prefix, Math.max(STREET, prefix.length), {
      date,
      today: false,
      ...standingBounds(date, intervals),
    });
    const sums = new Map<string, { registered: number; covered: number }>();
    for (const c of counts) {
      for (const len of new Set([...LEVEL_LENGTHS.filter((l) => l >= prefix.length), prefix.length])) {
        const key = c.code.slice(0, len);
        const s = sums.get(key) ?? { registered: 0, covered: 0 };
        s.registered += Number(c.registered);
        s.covered += Number(c.covered);
        sums.set(key, s);
      }
    }
    const list: SnapshotRow[] = areas.map((a) => {
      const key = a.code.slice(0, LEVEL_LENGTHS.find((l) => a.code.slice(l) === '0'.repeat(12 - l)) ?? STREET);
      const s = sums.get(key) ?? { registered: 0, covered: 0 };
      return { areaCode: a.code, onDate: date, registered: s.registered, covered: s.covered, backfilled };
    });
    return insertSnapshots(db, list);
  });
}

/**
 * Takes the snapshots a run at `now` owes (system scope; `prefix`: the installation's area).
 * Idempotent per (area, date): dates already taken are skipped, and a row is never replaced.
 */
export async function takeCoverageSnapshots(database: Database, prefix: string, now = new Date()) {
  const today = shanghaiToday(now);
  const yesterday = addDays(today, -1);
  const root = prefix.padEnd(12, '0');
  const wanted = snapshotDates(today);
  const taken = await database.tx('', (db) => datesTaken(db, root, wanted));
  const dates = wanted.filter((d) => !taken.has(d));
  let rowsAdded = 0;
  for (const date of dates) rowsAdded += await figuresOn(database, prefix, date, date !== yesterday);
  return { dates, rows: rowsAdded };
}

export const COVERAGE_SNAPSHOT = 'coverage-snapshot';

export function coverageSnapshotJobs(database: Database, prefix: string): JobDefinition[] {
  return [
    {
      name: COVERAGE_SNAPSHOT,
      cron: '10 16 * * *', // 00:10 Asia/Shanghai
      // One run at a time; the first run of a new installation backfills up to 19 dates.
      queue: { policy: 'stately', retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
      pollingSeconds: 30,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const done = await takeCoverageSnapshots(database, prefix);
        if (done.dates.length) log.info({ dates: done.dates.length, rows: done.rows }, 'coverage snapshots taken');
      },
    },
  ];
}
