// Where residents stand on a date (覆盖率 / 逾期): the one computation behind the coverage page's
// counts and the resident list's coverage filters, so a figure and the list it opens agree.
// Today reads the columns kept with every contact (last_contact_on, next_due_on); a past date
// reads resident_standing_on() (migration 0015): status, community and care level in force then.
import { standingBounds } from '@wushe/core';
import type { Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { loadVisitIntervals } from '../settings/settings.repo.ts';

/** registered: on the register; covered: a contact inside the window; uncovered: not; overdue: the due date has passed (a part of uncovered). */
export type Standing = 'registered' | 'covered' | 'uncovered' | 'overdue';

/** A date's window starts and overdue cutoffs per care level 1..4 (core standingBounds). */
export interface Bounds {
  date: string;
  today: boolean;
  starts: string[];
  cutoffs: string[];
  since: string;
}

const byLevel = (dates: string[], level: SQL) =>
  sql`(CASE ${level} WHEN 1 THEN ${dates[0]}::date WHEN 2 THEN ${dates[1]}::date WHEN 3 THEN ${dates[2]}::date ELSE ${dates[3]}::date END)`;

/** Overdue today on a residents row `r`: next_due_on (kept with every contact and level change) has passed. */
export const overdueToday = (today: string) => sql`r.next_due_on < ${today}::date`;

/** Today, on a residents row `r`: registered by the date and covered / overdue by the kept columns. */
export function standingToday(b: Bounds): { registered: SQL; covered: SQL; overdue: SQL } {
  return {
    registered: sql`r.status = 'active' AND r.registered_on <= ${b.date}::date`,
    covered: sql`(r.last_contact_on >= ${byLevel(b.starts, sql`r.care_level`)} AND r.last_contact_on <= ${b.date}::date)`,
    overdue: overdueToday(b.date),
  };
}

const dateArray = (d: string[]) => sql`${`{${d.join(',')}}`}::date[]`;

/** A past date: one row per resident on the register then, in `prefix` then (resident_id, area_code, care_level, categories, covered, overdue). */
export const standingOn = (prefix: string, b: Bounds) =>
  sql`resident_standing_on(${prefix}, ${b.date}::date, ${dateArray(b.starts)}, ${dateArray(b.cutoffs)}, ${b.since}::date)`;

/**
 * The resident list's condition for residents standing `kind` on the date within `prefix`.
 * Today: on the residents row (with the list's other filters). A past date: ids from the
 * function; the list then reads only rows still in the caller's scope (RLS).
 */
export function standingWhere(prefix: string, b: Bounds, kind: Standing, careLevel?: number): SQL {
  if (b.today) {
    const s = standingToday(b);
    const k = { registered: sql`true`, covered: s.covered, overdue: s.overdue, uncovered: sql`NOT coalesce(${s.covered}, false)` }[kind];
    return sql`${s.registered} AND ${k}`;
  }
  const k = { registered: sql`true`, covered: sql`s.covered`, overdue: sql`s.overdue`, uncovered: sql`NOT s.covered` }[kind];
  // A past date's care level is the one in force then.
  const level = careLevel ? sql`AND s.care_level = ${careLevel}` : sql``;
  return sql`r.id IN (SELECT s.resident_id FROM ${standingOn(prefix, b)} s WHERE ${k} ${level})`;
}

/** The bounds of `date` from the configured visit intervals (`today`: the business date now). */
export async function boundsOn(db: Db, date: string, today: string): Promise<Bounds> {
  const intervals = await loadVisitIntervals(db);
  return { date, today: date === today, ...standingBounds(date, intervals) };
}

/** The resident list's coverage filter: who, on which date, in which area then, seen from which scope. */
export interface StandingFilter {
  kind: Standing;
  asOf: string;
  scope: string;
  bounds?: Bounds;
}
