// Casework (个案, migration 0022): a case for a resident with its worker in charge, stage and
// approvals, and its timeline. The narrative (presenting problem, plan, closing summary, event
// texts) is sealed with the installation key, like residents' health notes.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { areaC } from './columns.ts';
import { orgs, users } from './index.ts';
import { followUps, residents } from './residents.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    caseNo: text('case_no').notNull().unique(), // 2026-000123, from case_no_seq
    areaCode: text('area_code').notNull(), // the resident's community when opened
    orgId: uuid('org_id').references(() => orgs.id), // the station working it
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => users.id),
    type: text('type').notNull(), // code list case_type
    riskLevel: text('risk_level').notNull(), // low | medium | high
    stage: text('stage').notNull().default('intake'),
    planStatus: text('plan_status').notNull().default('draft'),
    closureStatus: text('closure_status').notNull().default('none'),
    sensitive: boolean('sensitive').notNull(),
    problemCipher: text('problem_cipher').notNull(),
    planCipher: text('plan_cipher'), // { goals, services, note } as sealed JSON
    closingCipher: text('closing_cipher'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    reopenCount: integer('reopen_count').notNull().default(0),
    followUpId: uuid('follow_up_id').references(() => followUps.id),
    lastEventAt: tstz('last_event_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_area_idx').using('btree', areaC(t.areaCode), t.id),
    index('cases_area_recent_idx').using('btree', areaC(t.areaCode), t.lastEventAt),
    index('cases_worker_idx').on(t.workerId, t.stage),
    index('cases_resident_idx').on(t.residentId),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    areaCode: text('area_code').notNull(),
    at: tstz('at').notNull().defaultNow(),
    kind: text('kind').notNull(),
    stage: text('stage').notNull(), // the stage after the event
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    textCipher: text('text_cipher'), // a comment, reason, note or handover, sealed
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at), index('case_events_area_idx').using('btree', areaC(t.areaCode), t.at)],
);

/** Supervision sessions (督导记录, migration 0024): advice sealed, actions with due dates. */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(), // the supervisor's area
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    format: text('format').notNull(), // individual | group
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id),
    supervisorName: text('supervisor_name').notNull(),
    workerIds: uuid('worker_ids').array().notNull(),
    caseIds: uuid('case_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    adviceCipher: text('advice_cipher').notNull(),
    actions: jsonb('actions').notNull().default([]), // [{ text, dueOn, workerId, doneOn }]
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('supervision_sessions_area_idx').using('btree', areaC(t.areaCode), t.heldOn),
    index('supervision_sessions_workers_idx').using('gin', t.workerIds),
  ],
);
