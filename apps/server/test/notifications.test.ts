// Notifications: my own only, newest first, unread counted, marked read one by one or all.
import { uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('notifications API', () => {
  let t: TestApp;
  let head: Session;
  let sw: Session;
  let volunteer: Session;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    [head, sw, volunteer] = await Promise.all(['jiangtou.head', 'jiangtou.sw', 'volunteer.demo'].map((u) => t.login(u)));
    // Empty inboxes to start from (the demo alerts the head to its urgent screens, the worker to referral answers).
    await t.database.owner((db) => db.execute(sql`DELETE FROM notifications WHERE user_id IN (${head.actor.id}, ${sw.actor.id})`));
    for (let i = 0; i < 3; i++) {
      const id = uuidv7();
      ids.push(id);
      await t.database.owner((db) =>
        db.execute(sql`INSERT INTO notifications (id, user_id, area_code, kind, title, link, created_at)
          VALUES (${id}, ${head.actor.id}, '350206004001', 'test', ${`通知 ${i}`}, '/residents', now() + ${`${i} seconds`}::interval)`),
      );
    }
  });
  afterAll(() => t?.close());

  it('lists my notifications newest first with the unread count and pages', async () => {
    const res = await head.get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, unread: 3 });
    expect(res.json().items.map((n: { title: string }) => n.title)).toEqual(['通知 2', '通知 1', '通知 0']);
    expect((await head.get('/api/v1/notifications?page=2&pageSize=2')).json()).toMatchObject({
      total: 3,
      unread: 3,
      items: [{ title: '通知 0' }],
    });
    expect((await head.get('/api/v1/notifications?page=5&pageSize=2')).json()).toEqual({ items: [], total: 3, unread: 3 });
    expect((await sw.get('/api/v1/notifications')).json()).toEqual({ items: [], total: 0, unread: 0 });
    // Any signed-in account may read its own (empty) inbox.
    expect((await volunteer.get('/api/v1/notifications')).statusCode).toBe(200);
  });

  it("marks one read, then all; someone else's is not found", async () => {
    expect((await sw.post(`/api/v1/notifications/${ids[0]}/read`)).statusCode).toBe(404);
    expect((await head.post(`/api/v1/notifications/${uuidv7()}/read`)).statusCode).toBe(404);
    expect((await head.post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await head.post(`/api/v1/notifications/${ids[0]}/read`)).json()).toEqual({ ok: true });
    const after = (await head.get('/api/v1/notifications')).json();
    expect(after.unread).toBe(2);
    expect(after.items.find((n: { id: string }) => n.id === ids[0]).readAt).toEqual(expect.any(String));
    expect((await head.get('/api/v1/notifications?unread=true')).json()).toMatchObject({ total: 2, unread: 2 });
    expect((await head.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect((await head.get('/api/v1/notifications')).json()).toMatchObject({ total: 3, unread: 0 });
    expect((await head.get('/api/v1/notifications?unread=true')).json()).toEqual({ items: [], total: 0, unread: 0 });
  });
});
