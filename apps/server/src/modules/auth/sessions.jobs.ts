// Scheduled session clean-up: sessions expire lazily when used (session_resolve); rows of
// sessions nobody comes back to are removed here. Nothing is audited (the logout or expiry is
// not an event of its own); the count is logged.
import type { Database } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDefinition } from '../../jobs/queue.ts';
import { deleteIdleSessions } from './sessions.repo.ts';

export async function removeIdleSessions(database: Database, idleMinutes: number, now = new Date()): Promise<number> {
  return database.run('', (db) => deleteIdleSessions(db, idleMinutes, now));
}

export const SESSION_CLEANUP = 'session-cleanup';

export function sessionJobs(database: Database, idleMinutes: number): JobDefinition[] {
  return [
    {
      name: SESSION_CLEANUP,
      cron: '*/15 * * * *',
      queue: { policy: 'short', retryLimit: 1, expireInSeconds: 600 },
      pollingSeconds: 10,
      handler: async (_data, _job, log: FastifyBaseLogger) => {
        const n = await removeIdleSessions(database, idleMinutes);
        log.info({ sessions: n }, 'idle sessions removed');
      },
    },
  ];
}
