// Scheduled: check-ins left open past their activity's end are closed at the end and flagged.
import type { Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { closeMissedCheckouts } from './hours.service.ts';

export const CLOSE_MISSED_CHECKOUTS = 'volunteer-close-missed-checkouts';

export function volunteerJobs(database: Database): JobDefinition[] {
  return [
    {
      name: CLOSE_MISSED_CHECKOUTS,
      cron: '*/10 * * * *',
      queue: { policy: 'short', retryLimit: 1, expireInSeconds: 600 },
      pollingSeconds: 30,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const n = await closeMissedCheckouts(database);
        if (n) log.info({ records: n }, 'missing volunteer check-outs closed at the activity end');
      },
    },
  ];
}
