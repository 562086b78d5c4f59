// A large register stored before the last-digits and full-pinyin indexes (migration 0019) is
// filled on the job queue once an instance has started (prepareDatabase fills a small one
// before serving). One run at a time across instances; it takes background turns, so the
// instance answers requests meanwhile, and a run cut short goes on at the next start.
import { backfillResidentSearch, type Database, type Keys } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';

export const RESIDENT_SEARCH_BACKFILL = 'resident-search-backfill';

export function searchBackfillJobs(database: Database, keys: Keys): JobDefinition[] {
  return [
    {
      name: RESIDENT_SEARCH_BACKFILL,
      sendOnStart: true,
      queue: { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 6 * 3600 },
      pollingSeconds: 30,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const filled = await backfillResidentSearch(database, keys);
        if (filled) log.info({ residents: filled }, 'resident search indexes filled');
      },
    },
  ];
}
