// The public wish board (no login): published wishes and those taken or fulfilled, by area and
// category, newest first, and the totals at its top for an area and period (this year by
// default). Reads the wish_board view as the owner, limited to the installation's area.
import { areaPrefix, narrowScope, shanghaiToday, type PublicWish, type publicStatsQuery, type publicWishListQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { keptAnswers } from '../../kept.ts';
import { areaName, boardTotals, listBoard } from './board.repo.ts';

const root = (ctx: Ctx) => areaPrefix(ctx.installation.areaCode);
const SHOW: Record<z.output<typeof publicWishListQuery>['show'], readonly string[]> = {
  open: ['published'],
  taken: ['claimed', 'delivered'],
  done: ['fulfilled'],
  all: ['published', 'claimed', 'delivered', 'fulfilled'],
};

/**
 * Board pages are the same for every phone that asks: kept for BOARD_KEPT_MS in this process and
 * forgotten at once when this process changes a wish (boardChanged); another instance's change
 * shows within that time.
 */
const BOARD_KEPT_MS = 10_000;
const boardPages = keptAnswers<{ items: PublicWish[]; total: number }>();
export const boardChanged = () => boardPages.clear();
/** A write's answer, the kept board pages forgotten once it is done. */
export const changingBoard = <T>(write: Promise<T>): Promise<T> =>
  write.then((r) => {
    boardChanged();
    return r;
  });

export function publicWishes(ctx: Ctx, q: z.output<typeof publicWishListQuery>) {
  const prefix = narrowScope(root(ctx), q.area);
  if (prefix === null) return Promise.resolve({ items: [], total: 0 });
  const key = JSON.stringify([prefix, q.q, q.category, q.show, q.page, q.pageSize]);
  return boardPages.get(key, BOARD_KEPT_MS, () => boardPage(ctx, prefix, q));
}

async function boardPage(ctx: Ctx, prefix: string, q: z.output<typeof publicWishListQuery>) {
  const page = await ctx.database.owner((db) =>
    listBoard(db, {
      prefix,
      q: q.q,
      category: q.category,
      statuses: SHOW[q.show],
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
  return { items: page.items.map((w) => ({ ...w, status: w.status as PublicWish['status'] })), total: page.total };
}

export async function publicWish(ctx: Ctx, id: string): Promise<PublicWish> {
  const page = await ctx.database.owner((db) => listBoard(db, { prefix: root(ctx), id, statuses: SHOW.all, limit: 1, offset: 0 }));
  const w = page.items[0];
  if (!w) throw notFound();
  return { ...w, status: w.status as PublicWish['status'] };
}

/** A Shanghai day's first instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

export async function publicStats(ctx: Ctx, q: z.output<typeof publicStatsQuery>) {
  const today = shanghaiToday(ctx.now);
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (from > to) throw badRequest([{ path: 'to', key: 'outputs.period' }]);
  const prefix = narrowScope(root(ctx), q.area);
  if (prefix === null) return { areaName: '', from, to, posted: 0, claimed: 0, fulfilled: 0, fulfilledValueFen: 0 };
  const code = q.area ?? ctx.installation.areaCode;
  const [totals, name] = await ctx.database.owner((db) =>
    Promise.all([boardTotals(db, prefix, dayStart(from), nextDay(to)), areaName(db, code)]),
  );
  return { areaName: name ?? ctx.installation.areaName, from, to, ...totals };
}
