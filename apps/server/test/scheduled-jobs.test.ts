// The scheduled jobs on the queue, each called directly as the schedule would: session
// clean-up and overdue follow-up notices (once per task, to its assignee and the station
// heads the urgent alert went to).
import { PHQ9, shanghaiToday } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeIdleSessions } from '../src/modules/auth/sessions.jobs.ts';
import { notifyOverdueFollowUps } from '../src/modules/followups/followups.jobs.ts';
import { createResident } from './factories.ts';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { residents: 0 });
});
afterAll(() => t?.close());

const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

describe('session clean-up', () => {
  it('deletes sessions idle beyond the timeout and keeps the others', async () => {
    const [stale, fresh] = [await t.login('jiangtou.sw'), await t.login('jiangtou.head')];
    const idle = t.services.config.idleMinutes;
    await owner(sql`UPDATE sessions SET last_seen_at = now() - make_interval(mins => ${idle + 1})
      WHERE user_id = ${stale.actor.id}`);
    const before = await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions`);
    expect(await removeIdleSessions(t.database, idle)).toBe(1);
    const after = await owner<{ user_id: string }>(sql`SELECT user_id FROM sessions`);
    expect(after).toHaveLength(before[0]!.n - 1);
    expect(after.map((s) => s.user_id)).not.toContain(stale.actor.id);
    expect(after.map((s) => s.user_id)).toContain(fresh.actor.id);
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await fresh.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await removeIdleSessions(t.database, idle)).toBe(0);
  });
});

describe('overdue follow-up notices', () => {
  it('notifies the assignee and the alerted station heads once, and never for a completed task', async () => {
    const sw = await t.login('jiangtou.sw');
    const r = await createResident(t, { name: '王桂兰' });
    const answers: Record<string, string> = {};
    for (const item of PHQ9.items)
      if (item.type === 'single') answers[item.code] = [...item.options].sort((a, b) => a.score - b.score)[0]!.value;
    answers.phq9_9 = '1';
    const res = await sw.post(`/api/v1/residents/${r.id}/assessments`, {
      instrumentCode: 'phq9',
      answers,
      assessedOn: shanghaiToday(new Date()),
      confirmedCareLevel: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const alerted = await owner<{ user_id: string }>(
      sql`SELECT user_id FROM notifications WHERE kind = 'assessment.urgent' AND link = ${`/residents/${r.id}`} ORDER BY user_id`,
    );
    expect(alerted.length).toBeGreaterThan(0);
    const [task] = await owner<{ id: string; due_at: Date }>(sql`SELECT id, due_at FROM follow_ups WHERE resident_id = ${r.id}`);
    // A completed task past its due time, in the same area: never noticed.
    const done = uuidv7();
    await owner(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at, assigned_to, done_at)
      VALUES (${done}, ${r.id}, ${r.areaCode}, '已完成', now() - interval '1 day', ${sw.actor.id}, now())`);

    const overdue = async () =>
      owner<{ user_id: string; title: string; body: string; link: string }>(
        sql`SELECT user_id, title, body, link FROM notifications WHERE kind = 'followUp.overdue' ORDER BY user_id`,
      );
    // Before the due time nothing goes out.
    expect(await notifyOverdueFollowUps(t.database, new Date(new Date(task!.due_at).getTime() - 60_000))).toBe(0);
    expect(await overdue()).toEqual([]);

    const later = new Date(new Date(task!.due_at).getTime() + 60_000);
    expect(await notifyOverdueFollowUps(t.database, later)).toBe(1);
    const sent = await overdue();
    const expected = [...new Set([sw.actor.id, ...alerted.map((a) => a.user_id)])].sort();
    expect(sent.map((n) => n.user_id)).toEqual(expected);
    expect(sent[0]).toMatchObject({ title: '跟进逾期：王桂兰', link: `/residents/${r.id}` });
    expect(sent[0]!.body).toContain('PHQ-9');
    const [marked] = await owner<{ overdue_notified_at: Date | null }>(
      sql`SELECT overdue_notified_at FROM follow_ups WHERE id = ${task!.id}`,
    );
    expect(marked!.overdue_notified_at).not.toBeNull();
    const [untouched] = await owner<{ overdue_notified_at: Date | null }>(
      sql`SELECT overdue_notified_at FROM follow_ups WHERE id = ${done}`,
    );
    expect(untouched!.overdue_notified_at).toBeNull();

    // Once: the next run (here or on another instance) sends nothing more.
    expect(await notifyOverdueFollowUps(t.database, new Date(later.getTime() + 3_600_000))).toBe(0);
    expect(await overdue()).toHaveLength(expected.length);
    // The assignee sees it in their notifications.
    const mine = await sw.get('/api/v1/notifications');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(JSON.stringify(mine.json())).toContain('跟进逾期：王桂兰');
  });
});
