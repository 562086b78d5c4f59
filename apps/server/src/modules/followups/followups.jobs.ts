// Scheduled overdue notices: once per follow-up that passed its due time while open, a
// notification to its assignee and to the station heads who got the urgent alert. The task's
// overdue_notified_at makes it once, whichever instance runs the schedule.
import { translate } from '@wushe/core';
import { uuidv7, type Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { insertNotification, takeOverdue } from './followups.repo.ts';

const BATCH = 500;

/** Sends the overdue notices due at `now` (system scope: every area); returns how many tasks were noticed. */
export async function notifyOverdueFollowUps(database: Database, now = new Date()): Promise<number> {
  let noticed = 0;
  for (;;) {
    const n = await database.tx('', async (db) => {
      const due = await takeOverdue(db, '', now, BATCH);
      for (const f of due) {
        const dueText = new Date(f.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        for (const userId of f.recipients) {
          await insertNotification(db, {
            id: uuidv7(),
            userId,
            areaCode: f.areaCode,
            kind: 'followUp.overdue',
            title: translate('zh-CN', 'followUp.overdueTitle', { name: f.residentName }),
            body: translate('zh-CN', 'followUp.overdueBody', { reason: f.reason, due: dueText }),
            link: `/residents/${f.residentId}`,
          });
        }
      }
      return due.length;
    });
    noticed += n;
    if (n < BATCH) return noticed;
  }
}

export const FOLLOW_UP_OVERDUE = 'follow-up-overdue';

export function followUpJobs(database: Database): JobDefinition[] {
  return [
    {
      name: FOLLOW_UP_OVERDUE,
      cron: '*/5 * * * *',
      queue: { policy: 'short', retryLimit: 1, expireInSeconds: 600 },
      pollingSeconds: 10,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const n = await notifyOverdueFollowUps(database);
        if (n) log.info({ followUps: n }, 'overdue follow-up notices sent');
      },
    },
  ];
}
