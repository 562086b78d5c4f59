// Hourly clean-up of public accounts' bookkeeping: SMS codes a day old (the limits read only the
// last hour) and public sessions idle beyond their 30 days (refused when used anyway).
import type { Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { deleteStale } from './public-accounts.repo.ts';
import { PUBLIC_SESSION_IDLE_DAYS } from './public-session.ts';

const DAY = 86_400_000;

export function removeStalePublicRows(database: Database, now = new Date()) {
  return database.run('none', (db) =>
    deleteStale(db, new Date(now.getTime() - DAY), new Date(now.getTime() - PUBLIC_SESSION_IDLE_DAYS * DAY)),
  );
}

export function publicAccountJobs(database: Database): JobDefinition[] {
  return [
    {
      name: 'public-account-cleanup',
      cron: '7 * * * *',
      queue: { policy: 'short', retryLimit: 1, expireInSeconds: 600 },
      pollingSeconds: 10,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const n = await removeStalePublicRows(database);
        log.info(n, 'stale SMS codes and public sessions removed');
      },
    },
  ];
}
