// Service outputs (服务成效): what casework, groups and activities produced in an area (by child
// area, for drill-down) or by its workers, over a period of Asia/Shanghai days, with a month-by-
// month series. Definitions in packages/core/src/schemas/outputs.ts; person-time arithmetic as
// core personTimes/distinctPeople (outputs.test.ts checks the SQL against them).
import {
  addDays,
  areaAncestors,
  areaPrefix,
  childPrefixLength,
  shanghaiToday,
  type OutputFigures,
  type OutputsQuery,
  type OutputsResponse,
} from '@wushe/core';
import type { Db } from '@wushe/db';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { areaNamed, childAreas, jitOff } from '../coverage/coverage.repo.ts';
import {
  activityCounts,
  areaNames,
  caseCounts,
  moreWorkMem,
  peopleCounts,
  personTimeCounts,
  satisfactionSums,
  sessionCounts,
  workerNames,
  type Period,
} from './outputs.repo.ts';
import { dailyActivityCounts, dailyCaseCounts, dailyPersonTimeCounts, dailySatisfactionSums } from './outputs-daily.repo.ts';
import { recentPeopleCounts, ROLLUP_LEVELS, rolledPeopleCounts } from './outputs-people.repo.ts';

const zero = (): OutputFigures => ({
  casesOpened: 0,
  casesActive: 0,
  casesClosed: 0,
  groups: 0,
  groupSessions: 0,
  activities: 0,
  personTimes: 0,
  people: 0,
  satisfaction: null,
  satisfactionAnswers: 0,
});

/** Midnight at the start of a Shanghai day, as an instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

/** The months from `from` to `to`, YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export function period(ctx: Pick<Ctx, 'now'>, q: Pick<OutputsQuery, 'from' | 'to'>) {
  const today = shanghaiToday(ctx.now);
  const to = q.to ?? today;
  if (to > today) throw fieldError('to', 'outputs.future');
  // Default: the twelve months up to and including `to`'s month.
  const from = q.from ?? `${addDays(`${to.slice(0, 7)}-01`, -334).slice(0, 7)}-01`;
  if (from > to) throw fieldError('from', 'outputs.period');
  if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) throw fieldError('from', 'outputs.tooLong');
  return { from, to };
}

export async function outputs(ctx: Ctx, q: OutputsQuery): Promise<OutputsResponse> {
  const { from, to } = period(ctx, q);
  const areaCode = q.area ?? ctx.actor.area.code;
  const prefix = areaPrefix(areaCode);
  if (!prefix.startsWith(ctx.scope)) throw notFound();
  const childLen = childPrefixLength(areaCode);
  const byWorker = q.by === 'worker' || childLen === null;
  const p: Period = {
    prefix,
    len: byWorker ? null : childLen,
    fromDate: from,
    toDate: to,
    fromTs: dayStart(from),
    untilTs: dayStart(addDays(to, 1)),
  };
  return ctx.db.tx(async (db) => {
    await jitOff(db);
    // The distinct people hash (key, person) pairs in memory rather than sorting them on disk.
    await moreWorkMem(db);
    const area = await areaNamed(db, areaCode);
    if (!area) throw notFound();
    // A province or a city: the additive figures from the daily rows, people from their rollup.
    const daily = rolledUp(p) ? { ...p, len: p.len! } : null;
    const [cases, sessions, acts, times, people, sat] = [
      await (daily ? dailyCaseCounts(db, daily) : caseCounts(db, p)),
      await sessionCounts(db, p),
      await (daily ? dailyActivityCounts(db, daily) : activityCounts(db, p)),
      await (daily ? dailyPersonTimeCounts(db, daily) : personTimeCounts(db, p)),
      await peopleServed(db, p, addDays(shanghaiToday(ctx.now), -RECENT_DAYS) <= to),
      await (daily ? dailySatisfactionSums(db, daily) : satisfactionSums(db, p)),
    ];
    const figures = new Map<string, OutputFigures>();
    const totals = zero();
    const at = (k: string | null, gk: number) => (gk ? totals : (figures.get(k ?? '') ?? figures.set(k ?? '', zero()).get(k ?? '')!));
    const months = new Map(
      monthsBetween(from, to).map((m) => [m, { month: m, casesOpened: 0, groupSessions: 0, activities: 0, personTimes: 0 }]),
    );
    /** The month's entry for a by-month row (gk = 1, gm = 0), or null for a keyed or total row. */
    const monthOf = (r: { m: string | null; gk: number; gm: number }) =>
      r.gk && !r.gm ? (months.get(r.m ?? '') ?? { month: '', casesOpened: 0, groupSessions: 0, activities: 0, personTimes: 0 }) : null;
    for (const r of cases) {
      const m = monthOf(r);
      if (m) m.casesOpened = r.opened;
      else Object.assign(at(r.k, r.gk), { casesOpened: r.opened, casesActive: r.active, casesClosed: r.closed });
    }
    for (const r of sessions) {
      const m = monthOf(r);
      if (m) m.groupSessions = r.sessions;
      else Object.assign(at(r.k, r.gk), { groups: r.groups, groupSessions: r.sessions });
    }
    for (const r of acts) {
      const m = monthOf(r);
      if (m) m.activities = r.activities;
      else at(r.k, r.gk).activities = r.activities;
    }
    for (const r of times) {
      const m = monthOf(r);
      if (m) m.personTimes = r.personTimes;
      else at(r.k, r.gk).personTimes = r.personTimes;
    }
    for (const r of people) at(r.k, r.gk).people += r.people; // the rollup's and the live rows add up
    for (const r of sat) {
      const f = at(r.k, r.gk);
      f.satisfactionAnswers = r.answers;
      f.satisfaction = r.answers ? Math.round((r.total / r.answers) * 10) / 10 : null;
    }
    const rows = byWorker
      ? await workerRows(db, ctx.scope, figures)
      : (await childAreas(db, areaCode)).map((ch) => ({
          key: ch.code,
          name: ch.name,
          drill: true, // a community opens on its workers
          figures: figures.get(ch.code.slice(0, childLen!)) ?? zero(),
        }));
    return {
      area: { code: area.code, name: area.name },
      path: await pathUp(db, ctx.scope, area.code),
      from,
      to,
      by: byWorker ? 'worker' : 'area',
      totals,
      rows,
      months: [...months.values()],
    };
  });
}

/** The way back up from an area, as far as the caller's own area (for the breadcrumb). */
export async function pathUp(db: Db, scope: string, areaCode: string) {
  const path = areaAncestors(areaCode).filter((c) => areaPrefix(c).startsWith(scope));
  const names = new Map((await areaNames(db, path)).map((a) => [a.code, a.name]));
  return path.filter((c) => c !== areaCode && names.has(c)).map((c) => ({ code: c, name: names.get(c)! }));
}

/** A period ending within this many days of today is counted from the last-day histogram. */
const RECENT_DAYS = 31;

/**
 * People served: for a province or a city by child area from the rollup (a live distinct over
 * their attendance takes seconds), from its last-day histogram when the period ends lately (the
 * default, the last twelve months); else live. All exact (outputs-people.repo.ts).
 */
/** A province or a city by child area: the figures kept by district are read from their rollups. */
const rolledUp = (p: Period) => p.len !== null && (ROLLUP_LEVELS as readonly number[]).includes(p.len) && p.prefix.length <= 4;

function peopleServed(db: Db, p: Period, recent: boolean) {
  if (!rolledUp(p)) return peopleCounts(db, p);
  const rolled = { ...p, len: p.len! };
  return recent ? recentPeopleCounts(db, rolled) : rolledPeopleCounts(db, rolled);
}

/** A row per worker with figures, busiest first. */
async function workerRows(db: Db, scope: string, byKey: Map<string, OutputFigures>) {
  const names = new Map((await workerNames(db, scope, [...byKey.keys()].filter(Boolean))).map((w) => [w.id, w.name]));
  return [...byKey.entries()]
    .map(([k, f]) => ({ key: k, name: names.get(k) ?? '—', drill: false, figures: f }))
    .sort((a, b) => b.figures.personTimes + b.figures.casesActive - (a.figures.personTimes + a.figures.casesActive));
}
