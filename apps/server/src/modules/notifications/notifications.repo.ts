import type { notification } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';

export type NotificationRow = z.infer<typeof notification> & { total: string; unread: string };

/** One person's notifications, newest first, each row carrying the window's total and unread counts. */
export function pageOfNotifications(db: Db, scope: string, userId: string, f: { onlyUnread: boolean; limit: number; offset: number }) {
  return rows<NotificationRow>(
    db,
    sql`SELECT id, kind, title, body, link, read_at AS "readAt", created_at AS "createdAt",
        count(*) OVER () AS total, count(*) FILTER (WHERE read_at IS NULL) OVER () AS unread
      FROM notifications WHERE user_id = ${userId} AND ${inArea(sql`area_code`, scope)} ${f.onlyUnread ? sql`AND read_at IS NULL` : sql``}
      ORDER BY created_at DESC, id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
}

export async function countNotifications(db: Db, scope: string, userId: string): Promise<{ total: number; unread: number }> {
  const [c] = await rows<{ total: string; unread: string }>(
    db,
    sql`SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread FROM notifications
      WHERE user_id = ${userId} AND ${inArea(sql`area_code`, scope)}`,
  );
  return { total: Number(c?.total ?? 0), unread: Number(c?.unread ?? 0) };
}

/** Marks one read (keeping the first reading time); false when it is not the person's. */
export async function markRead(db: Db, scope: string, userId: string, id: string): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE notifications SET read_at = coalesce(read_at, now())
      WHERE id = ${id} AND user_id = ${userId} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return done.length > 0;
}

export async function markAllRead(db: Db, scope: string, userId: string): Promise<void> {
  await db.execute(
    sql`UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL AND ${inArea(sql`area_code`, scope)}`,
  );
}
