// The continuing-education credits rollup (migration 0041): per worker and training session
// attended, its Asia/Shanghai day and hours, kept by triggers; owner only.
import { date, index, numeric, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { trainingSessions } from './trainings.ts';
import { workers } from './workforce.ts';

export const ceCredits = pgTable(
  'ce_credits',
  {
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 4, scale: 1 }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'ce_credits_pkey', columns: [t.workerId, t.sessionId] }),
    index('ce_credits_worker_day_idx').on(t.workerId, t.day),
    index('ce_credits_session_idx').on(t.sessionId),
  ],
);
