// The daily continuing-education reminder: a worker behind on hours whose cycle ends in 90 or
// 30 days (found by the behind list's SQL over the whole installation) is told once each (ce_reminders makes it once, whichever instance runs the schedule),
// through their linked account's notifications. Without a linked account nobody is told; the
// behind list shows them to their head.
import { CE_REMINDER_DAYS, reminderDue, shanghaiDay, translate } from '@wushe/core';
import { uuidv7, type Database, type Db } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { insertNotification } from '../followups/followups.repo.ts';
import { remindersSent, takeReminder } from './ce-hours.repo.ts';
import { behindPage, noJit, refreshStaleStandings } from './ce-cycles.repo.ts';
import { requiredHoursOf } from './ce-hours.ts';

export async function sendCeReminders(database: Database, now = new Date()): Promise<number> {
  const today = shanghaiDay(now);
  const required = await database.run('', (db) => requiredHoursOf(db));
  // who is behind with a cycle ending within the furthest reminder, as the behind list counts them
  const behind = await database.owner((o) =>
    o.transaction(async (tx) => {
      const owner = tx as unknown as Db;
      await noJit(owner);
      // everyone behind whose cycle ends within the furthest reminder: one read, no page limit that matters
      const within = Math.max(...CE_REMINDER_DAYS);
      return (await behindPage(owner, { prefix: '', day: today, today: true, required, withinDays: within, limit: 10_000_000, offset: 0 }))
        .items;
    }),
  );
  return database.tx('', async (db) => {
    const sent = await remindersSent(db);
    let n = 0;
    for (const c of behind) {
      if (!c.userId) continue;
      const days = reminderDue(
        c.daysLeft,
        sent.filter((s) => s.workerId === c.workerId && s.cycleEnd === c.end).map((s) => s.days),
      );
      if (days === null || !(await takeReminder(db, { workerId: c.workerId, areaCode: c.areaCode, cycleEnd: c.end, days }))) continue;
      const params = { name: c.name, end: c.end, days: c.daysLeft, missing: c.missing, hours: c.hours, required: c.required };
      await insertNotification(db, {
        id: uuidv7(),
        userId: c.userId,
        areaCode: c.areaCode,
        kind: 'ce.reminder',
        title: translate('zh-CN', 'ce.reminderTitle', params),
        body: translate('zh-CN', 'ce.reminderBody', params),
        link: `/workforce/workers/${c.workerId}`,
      });
      n++;
    }
    return n;
  });
}

/**
 * Brings worker_rollup's continuing-education standings forward to today (migration 0042), a
 * batch per transaction. Readers are exact without it (they compute stale rows live); it keeps
 * that live part small after cycles end at midnight. How many rows it recomputed.
 */
export async function refreshStandings(database: Database, now = new Date(), batch = 5000): Promise<number> {
  const today = shanghaiDay(now);
  let total = 0;
  for (;;) {
    const n = await database.owner((o) => o.transaction((tx) => refreshStaleStandings(tx as unknown as Db, today, batch)));
    total += n;
    if (n < batch) return total;
  }
}

export const CE_REMINDERS = 'ce-reminders';
export const WORKFORCE_ROLLUP = 'workforce-rollup';

export function ceHoursJobs(database: Database): JobDefinition[] {
  return [
    {
      name: CE_REMINDERS,
      cron: '0 1 * * *', // 09:00 in Asia/Shanghai
      queue: { policy: 'short', retryLimit: 1, expireInSeconds: 1800 },
      pollingSeconds: 60,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const n = await sendCeReminders(database);
        if (n) log.info({ reminders: n }, 'continuing-education reminders sent');
      },
    },
    {
      name: WORKFORCE_ROLLUP,
      cron: '5 16 * * *', // 00:05 in Asia/Shanghai, when cycles that ended yesterday roll over
      queue: { policy: 'short', retryLimit: 2, expireInSeconds: 1800 },
      pollingSeconds: 60,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const n = await refreshStandings(database);
        if (n) log.info({ standings: n }, 'continuing-education standings brought forward');
      },
    },
  ];
}
