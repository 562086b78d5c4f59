// The 工作台: the first page after login, its shape by who is asking. An account at district
// level or above sees its area by child area (official); a street's account that manages
// accounts (user.read: the station head) sees the station; anyone else its own caseload.
import { childPrefixLength, shanghaiToday, windowStart, type DashboardResponse } from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import { areaNamed, childAreas, coverageCounts, jitOff } from '../coverage/coverage.repo.ts';
import {
  areaBreakdown,
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
  return ctx.db.tx(async (db) => {
    await jitOff(db);
    const intervals = await loadVisitIntervals(db);
    const starts = ([1, 2, 3, 4] as const).map((l) => windowStart(today, intervals[l]));

    if (kind === 'worker') {
      const me = ctx.actor.id;
      const c = await caseloadCounts(db, prefix, me, today, starts);
      const visits = await visitsByWorker(db, prefix, monthStart, today, me);
      const followUps = await openFollowUps(db, prefix, ctx.now, me);
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
      };
    }

    const areaCode = ctx.actor.area.code;
    const area = (await areaNamed(db, areaCode)) ?? { code: areaCode, name: areaCode };
    if (kind === 'station') {
      // The station's coverage is the coverage page's own figure (today's path).
      const [cov] = await coverageCounts(db, prefix, prefix.length, today, starts, true);
      const workers = await workerCounts(db, prefix, today);
      const visits = await visitsByWorker(db, prefix, monthStart, today);
      const followUps = await openFollowUps(db, prefix, ctx.now);
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
        unreadAlerts: await unreadAlerts(db, prefix, ctx.actor.id),
      };
    }

    const len = childPrefixLength(areaCode) ?? prefix.length;
    const children = await childAreas(db, areaCode);
    const cells = await areaBreakdown(db, prefix, len, today, starts);
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
    const visits = await visitsByWorker(db, prefix, monthStart, today);
    return {
      kind,
      asOf: today,
      area: row(area.code, area.name, sum),
      children: children.map((ch) =>
        row(ch.code, ch.name, byChild.get(ch.code.slice(0, len)) ?? { registered: 0, covered: 0, overdue: 0 }),
      ),
      byCategory: [...byCategory]
        .map(([code, count]) => ({ code, count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      byCareLevel: [1, 2, 3, 4].map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
      assessmentsThisMonth: await countAssessments(db, prefix, monthStart, today),
      visitsThisMonth: [...visits.values()].reduce((a, b) => a + b, 0),
      urgentOverdue: (await openFollowUps(db, prefix, ctx.now)).overdue,
    };
  });
}
