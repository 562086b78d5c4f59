// Due and overdue visits: residents whose next visit falls on or before today + days, nearest
// first; per worker for a station head's view. next_due_on is kept current with every contact.
import { addDays, daysBetween, shanghaiToday } from '@wushe/core';
import type { dueQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { byWorker, dueList } from './coverage.repo.ts';

export type DueInput = z.output<typeof dueQuery>;

export async function dueVisits(ctx: Ctx, q: DueInput) {
  const today = shanghaiToday(ctx.now);
  const until = addDays(today, q.days);
  // `me`: my caseload and the unassigned residents of my area (my scope is my area).
  const me = q.scope === 'me' ? ctx.actor.id : null;
  const [list, workers] = await ctx.db.run(
    async (db) =>
      [
        await dueList(db, ctx.scope, until, today, me, q.limit),
        q.scope === 'all' ? await byWorker(db, ctx.scope, until, today) : [],
      ] as const,
  );
  const total = Number(list[0]?.total ?? 0);
  const overdue = Number(list[0]?.overdue ?? 0);
  return {
    asOf: today,
    items: list.map(({ total: _t, overdue: _o, ...r }) => {
      const late = daysBetween(r.nextDueOn, today);
      return {
        ...r,
        careLevel: Number(r.careLevel),
        due: late > 0 ? ('overdue' as const) : ('due_soon' as const),
        daysOverdue: Math.max(late, 0),
      };
    }),
    total,
    overdue,
    dueSoon: total - overdue,
    byWorker: workers,
  };
}
