// In-app notifications (e.g. an urgent screening flag to the station head): the caller's own.
import type { NotificationListQuery } from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { countNotifications, markAllRead, markRead, pageOfNotifications } from './notifications.repo.ts';

export async function myNotifications(ctx: Ctx, q: NotificationListQuery) {
  const onlyUnread = q.unread === 'true';
  return ctx.db.run(async (db) => {
    const found = await pageOfNotifications(db, ctx.scope, ctx.actor.id, {
      onlyUnread,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    let { total, unread } = { total: Number(found[0]?.total ?? 0), unread: Number(found[0]?.unread ?? 0) };
    if (!found.length || !onlyUnread) {
      // Past the last page, or when the page shows read ones too: count separately.
      const c = await countNotifications(db, ctx.scope, ctx.actor.id);
      unread = c.unread;
      if (!found.length) total = onlyUnread ? unread : c.total;
    }
    const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());
    return {
      items: found.map(({ total: _t, unread: _u, ...n }) => ({ ...n, readAt: iso(n.readAt), createdAt: iso(n.createdAt)! })),
      total,
      unread,
    };
  });
}

export async function readNotification(ctx: Ctx, id: string) {
  if (!(await ctx.db.run((db) => markRead(db, ctx.scope, ctx.actor.id, id)))) throw notFound();
  return { ok: true as const };
}

export async function readAllNotifications(ctx: Ctx) {
  await ctx.db.run((db) => markAllRead(db, ctx.scope, ctx.actor.id));
  return { ok: true as const };
}
