// The 工作台: the first page after login, its shape by who is asking. An account at district
// level or above sees its area by child area (official); a street's account that manages
// accounts (user.read: the station head) sees the station; anyone else its own caseload.
import { childPrefixLength, shanghaiToday, standingBounds, type AreaDashboard, type DashboardResponse } from '@wushe/core';
import type { Db } from '@wushe/db';
import type { Ctx } from '../../context.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import type { Bounds } from '../coverage/standing.repo.ts';
import { areaFigures } from './dashboard.cache.ts';
import { areaNamed, childAreas, coverageCounts, jitOff } from '../coverage/coverage.repo.ts';
import {
  areaBreakdown,
  caseFigures,
  caseloadCounts,
  countAssessments,
  openFollowUps,
  unreadAlerts,
  visitsByWorker,
  workerCounts,
} from './dashboard.repo.ts';

export type DashboardKind = DashboardResponse['kind'];

export function dashboardKind(ctx: Pick<Ctx, 'scope' | 'actor'>): DashboardKind {
  if (ctx.scope.length <= 6) return 'area';
  return ctx.actor.permissions.includes('user.read') ? 'station' : 'worker';
}

const rate = (covered: number, registered: number) => (registered ? Math.round((covered / registered) * 10_000) / 10_000 : 0);

export async function dashboard(ctx: Ctx): Promise<DashboardResponse> {
  const today = shanghaiToday(ctx.now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const prefix = ctx.scope;
  const kind = dashboardKind(ctx);
  // The counts are independent reads: on PostgreSQL each takes its own pooled connection, so
  // the page costs its slowest count rather than their sum (PGlite runs them in turn).
  const read = <T>(fn: (db: Db) => Promise<T>) => ctx.db.run(fn);
  const intervals = await read(loadVisitIntervals);
  // Today's bounds, as the coverage page computes them (coverage/standing.repo.ts).
  const bounds = { date: today, today: true, ...standingBounds(today, intervals) };

  if (kind === 'worker') {
    const me = ctx.actor.id;
    const [c, visits, followUps, cases] = await Promise.all([
      read((db) => caseloadCounts(db, prefix, me, bounds)),
      read((db) => visitsByWorker(db, prefix, monthStart, today, me)),
      read((db) => openFollowUps(db, prefix, ctx.now, me)),
      read((db) => caseFigures(db, prefix, ctx.now, me)),
    ]);
    return {
      kind,
      asOf: today,
      caseload: c.caseload,
      dueThisWeek: c.dueThisWeek,
      overdue: c.overdue,
      visitsThisMonth: visits.get(me) ?? 0,
      coverage: { registered: c.caseload, covered: c.covered, rate: rate(c.covered, c.caseload) },
      urgentFollowUps: followUps.open,
      withoutAssessment: c.withoutAssessment,
      cases,
    };
  }

  const areaCode = ctx.actor.area.code;
  if (kind === 'station') {
    // The station's coverage is the coverage page's own figure (today's path).
    const [named, [cov], workers, visits, followUps, alerts, cases] = await Promise.all([
      read((db) => areaNamed(db, areaCode)),
      read((db) => coverageCounts(db, prefix, prefix.length, bounds)),
      read((db) => workerCounts(db, prefix, today)),
      read((db) => visitsByWorker(db, prefix, monthStart, today)),
      read((db) => openFollowUps(db, prefix, ctx.now)),
      read((db) => unreadAlerts(db, prefix, ctx.actor.id)),
      read((db) => caseFigures(db, prefix, ctx.now)),
    ]);
    const area = named ?? { code: areaCode, name: areaCode };
    const registered = Number(cov?.registered ?? 0);
    const covered = Number(cov?.covered ?? 0);
    return {
      kind,
      asOf: today,
      area: { code: area.code, name: area.name },
      coverage: { registered, covered, rate: rate(covered, registered) },
      overdue: workers.reduce((s, w) => s + Number(w.overdue), 0),
      workers: workers
        .filter((w) => w.workerId !== null)
        .map((w) => ({ ...w, caseload: Number(w.caseload), overdue: Number(w.overdue), visitsThisMonth: visits.get(w.workerId) ?? 0 })),
      unassigned: Number(workers.find((w) => w.workerId === null)?.caseload ?? 0),
      urgentOpen: followUps.open,
      urgentOverdue: followUps.overdue,
      unreadAlerts: alerts,
      cases,
    };
  }

  // Counted at most once per cache period for this scope, area and day (dashboard.cache.ts).
  const key = `${prefix}|${areaCode}|${today}|${bounds.starts.join()}`;
  return areaFigures(key, ctx.config.areaDashboardCacheMs, () => countArea(ctx, areaCode, prefix, today, monthStart, bounds));
}

async function countArea(
  ctx: Ctx,
  areaCode: string,
  prefix: string,
  today: string,
  monthStart: string,
  bounds: Bounds,
): Promise<AreaDashboard> {
  const computedAt = new Date().toISOString();
  const read = <T>(fn: (db: Db) => Promise<T>) => ctx.db.run(fn);
  const len = childPrefixLength(areaCode) ?? prefix.length;
  // Scans over a city or a province: without JIT, whose compiling costs more than these
  // counts (see jitOff in coverage.repo.ts).
  const scan = <T>(fn: (db: Db) => Promise<T>) =>
    ctx.db.tx(async (db) => {
      await jitOff(db);
      return fn(db);
    });
  const [named, children, cells, assessments, visits, followUps] = await Promise.all([
    read((db) => areaNamed(db, areaCode)),
    read((db) => childAreas(db, areaCode)),
    scan((db) => areaBreakdown(db, prefix, len, bounds)),
    scan((db) => countAssessments(db, prefix, monthStart, today)),
    scan((db) => visitsByWorker(db, prefix, monthStart, today)),
    scan((db) => openFollowUps(db, prefix, ctx.now)),
  ]);
  const area = named ?? { code: areaCode, name: areaCode };
  const sum = { registered: 0, covered: 0, overdue: 0 };
  const byChild = new Map<string, typeof sum>();
  const byLevel = new Map<number, number>();
  const byCategory = new Map<string, number>();
  for (const c of cells) {
    const [registered, covered, overdue] = [Number(c.registered), Number(c.covered), Number(c.overdue)];
    const s = byChild.get(c.code) ?? { registered: 0, covered: 0, overdue: 0 };
    for (const t of [s, sum]) {
      t.registered += registered;
      t.covered += covered;
      t.overdue += overdue;
    }
    byChild.set(c.code, s);
    byLevel.set(Number(c.level), (byLevel.get(Number(c.level)) ?? 0) + registered);
    for (const cat of c.categories) byCategory.set(cat, (byCategory.get(cat) ?? 0) + registered);
  }
  const row = (code: string, name: string, s: typeof sum) => ({ code, name, ...s, rate: rate(s.covered, s.registered) });
  return {
    kind: 'area',
    asOf: today,
    computedAt,
    area: row(area.code, area.name, sum),
    children: children.map((ch) => row(ch.code, ch.name, byChild.get(ch.code.slice(0, len)) ?? { registered: 0, covered: 0, overdue: 0 })),
    byCategory: [...byCategory].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byCareLevel: [1, 2, 3, 4].map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
    assessmentsThisMonth: assessments,
    visitsThisMonth: [...visits.values()].reduce((a, b) => a + b, 0),
    urgentOverdue: followUps.overdue,
  };
}
