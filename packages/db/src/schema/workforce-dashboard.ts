// The workforce rollups kept by triggers: continuing-education credits per worker and session
// attended (migration 0041, owner only); per worker, the facts of every day and the CE standing
// as of a day (`worker_rollup`), and attended person-times per training session (0042).
import { date, index, integer, numeric, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
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

export const workerRollup = pgTable(
  'worker_rollup',
  {
    workerId: uuid('worker_id')
      .primaryKey()
      .references(() => workers.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(), // COLLATE "C" in the migration
    orgId: uuid('org_id'),
    startedOn: date('started_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    assistantOn: date('assistant_on', { mode: 'string' }),
    intermediateOn: date('intermediate_on', { mode: 'string' }),
    seniorOn: date('senior_on', { mode: 'string' }),
    ceOn: date('ce_on', { mode: 'string' }).notNull(),
    ceUntil: date('ce_until', { mode: 'string' }).notNull(),
    ceRank: smallint('ce_rank'),
    ceN: integer('ce_n'),
    ceStart: date('ce_start', { mode: 'string' }),
    ceEnd: date('ce_end', { mode: 'string' }),
    ceHours: numeric('ce_hours').notNull().default('0'),
    ceHoursNow: numeric('ce_hours_now').notNull().default('0'),
  },
  (t) => [index('worker_rollup_area_idx').on(t.areaCode, t.workerId), index('worker_rollup_until_idx').on(t.ceUntil)],
);

export const trainingSessionAttended = pgTable('training_session_attended', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => trainingSessions.id, { onDelete: 'cascade' }),
  attended: integer('attended').notNull().default(0),
});
