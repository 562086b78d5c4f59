// The 12-month coverage trend of an area and its child areas, read from the daily snapshots
// (snapshots.jobs.ts): per month the latest snapshot in it (the month-end figure; for the current
// month the last night's). A month without a snapshot says so (date and rate null) rather than
// being computed on the fly: past figures come only from what was recorded then, or from the
// one-time backfill, which marks its rows.
import { addMonths, areaLevel, areaPrefix, shanghaiToday, type TrendResponse } from '@wushe/core';
import type { z } from 'zod';
import type { trendQuery } from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { areaNamed, childAreas } from './coverage.repo.ts';
import { monthlySnapshots } from './snapshots.repo.ts';

const SNAPSHOT_LEVELS = new Set(['province', 'city', 'county', 'street']);

export async function coverageTrend(ctx: Ctx, q: z.output<typeof trendQuery>): Promise<TrendResponse> {
  const areaCode = q.area ?? ctx.actor.area.code;
  const prefix = areaPrefix(areaCode);
  if (!prefix.startsWith(ctx.scope)) throw notFound();
  if (!SNAPSHOT_LEVELS.has(areaLevel(areaCode))) throw fieldError('area', 'coverage.trendLevel');
  const today = shanghaiToday(ctx.now);
  const first = `${addMonths(`${today.slice(0, 7)}-01`, -(q.months - 1))}`;
  const months = Array.from({ length: q.months }, (_, i) => addMonths(first, i).slice(0, 7));
  return ctx.db.run(async (db) => {
    const area = await areaNamed(db, areaCode);
    if (!area) throw notFound();
    const children = areaLevel(areaCode) === 'street' ? [] : await childAreas(db, areaCode);
    const found = await monthlySnapshots(db, prefix, [area.code, ...children.map((c) => c.code)], first, today);
    const byKey = new Map(found.map((s) => [`${s.areaCode}:${s.month}`, s]));
    const series = (a: { code: string; name: string }) => ({
      code: a.code,
      name: a.name,
      points: months.map((month) => {
        const s = byKey.get(`${a.code}:${month}`);
        if (!s) return { month, date: null, registered: null, covered: null, rate: null, backfilled: false };
        const [registered, covered] = [Number(s.registered), Number(s.covered)];
        return {
          month,
          date: s.onDate,
          registered,
          covered,
          rate: registered ? Math.round((covered / registered) * 10_000) / 10_000 : null,
          backfilled: s.backfilled,
        };
      }),
    });
    return { months, area: series(area), children: children.map(series) };
  });
}
