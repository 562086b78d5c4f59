// In-app notifications (e.g. an urgent screening flag to the station head): the caller's own.
import { idParams, notification, okResponse, pageQuery } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';

const tags = ['notifications'];

type Row = z.infer<typeof notification> & { total: string; unread: string };

export async function myNotifications(ctx: Ctx, q: { page: number; pageSize: number; unread?: 'true' | 'false' }) {
  const onlyUnread = q.unread === 'true';
  return ctx.db.run(async (db) => {
    const found = await rows<Row>(
      db,
      sql`SELECT id, kind, title, body, link, read_at AS "readAt", created_at AS "createdAt",
          count(*) OVER () AS total, count(*) FILTER (WHERE read_at IS NULL) OVER () AS unread
        FROM notifications WHERE user_id = ${ctx.actor.id} ${onlyUnread ? sql`AND read_at IS NULL` : sql``}
        ORDER BY created_at DESC, id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    );
    let { total, unread } = { total: Number(found[0]?.total ?? 0), unread: Number(found[0]?.unread ?? 0) };
    if (!found.length || !onlyUnread) {
      // Past the last page, or when the page shows read ones too: count separately.
      const [c] = await rows<{ total: string; unread: string }>(
        db,
        sql`SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread FROM notifications WHERE user_id = ${ctx.actor.id}`,
      );
      unread = Number(c?.unread ?? 0);
      if (!found.length) total = onlyUnread ? unread : Number(c?.total ?? 0);
    }
    const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());
    return {
      items: found.map(({ total: _t, unread: _u, ...n }) => ({ ...n, readAt: iso(n.readAt), createdAt: iso(n.createdAt)! })),
      total,
      unread,
    };
  });
}

export function notificationsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    access: 'authenticated',
    summary: 'My notifications, newest first, with the unread count',
    tags,
    query: pageQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
    response: z.object({ items: z.array(notification), total: z.number().int(), unread: z.number().int() }),
    handler: (ctx, { query }) => myNotifications(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    operationId: 'markNotificationRead',
    access: 'authenticated',
    summary: 'Mark one of my notifications read',
    tags,
    params: idParams,
    response: okResponse,
    handler: async (ctx, { params }) => {
      const done = await ctx.db.run((db) =>
        rows<{ id: string }>(
          db,
          sql`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = ${params.id} AND user_id = ${ctx.actor.id} RETURNING id`,
        ),
      );
      if (!done.length) throw notFound();
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    access: 'authenticated',
    summary: 'Mark all my notifications read',
    tags,
    response: okResponse,
    handler: async (ctx) => {
      await ctx.db.run((db) =>
        db.execute(sql`UPDATE notifications SET read_at = now() WHERE user_id = ${ctx.actor.id} AND read_at IS NULL`),
      );
      return { ok: true as const };
    },
  });
}
