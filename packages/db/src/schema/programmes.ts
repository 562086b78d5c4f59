// Talent programmes and awards (人才选拔、评优表彰, migration 0036): one staged selection, its
// applications, panel and scores, the decisions with who made them, 公示 objections (mobile
// sealed) and the appointees' training plans. All area-owned.
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { users } from './index.ts';
import { publicAccounts } from './public-accounts.ts';
import { workers } from './workforce.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    kind: text('kind').notNull(), // talent | award
    title: text('title').notNull(),
    description: text('description'),
    year: smallint('year').notNull(),
    places: integer('places').notNull(),
    stages: text('stages').array().notNull(),
    stage: text('stage').notNull(),
    criteria: jsonb('criteria').notNull().default({}),
    rubric: jsonb('rubric').notNull().default([]),
    titleKind: text('title_kind'),
    publicityDays: smallint('publicity_days').notNull().default(7),
    publicityStart: date('publicity_start', { mode: 'string' }),
    publicityEnd: date('publicity_end', { mode: 'string' }),
    panelClosed: boolean('panel_closed').notNull().default(false),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('programmes_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const programmeApplications = pgTable(
  'programme_applications',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(), // the applicant's area
    workerId: uuid('worker_id').references(() => workers.id),
    userId: uuid('user_id').references(() => users.id),
    publicAccountId: uuid('public_account_id').references(() => publicAccounts.id),
    name: text('name').notNull(),
    orgName: text('org_name'),
    route: text('route').notNull(), // self | nominated
    nominatedBy: uuid('nominated_by').references(() => users.id),
    statement: text('statement'),
    status: text('status').notNull().default('active'),
    stage: text('stage').notNull(),
    passedStage: text('passed_stage'),
    reason: text('reason'),
    writtenScore: numeric('written_score', { precision: 5, scale: 2 }),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('programme_applications_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const programmePanelists = pgTable(
  'programme_panelists',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaCode: text('area_code').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.userId] })],
);

export const programmeScores = pgTable(
  'programme_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => programmeApplications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaCode: text('area_code').notNull(),
    scores: jsonb('scores').notNull(),
    total: numeric('total', { precision: 6, scale: 2 }).notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.userId] })],
);

export const programmeDecisions = pgTable('programme_decisions', {
  id: uuid('id').primaryKey(),
  programmeId: uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  applicationId: uuid('application_id').references(() => programmeApplications.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull(),
  action: text('action').notNull(),
  fromStage: text('from_stage'),
  toStage: text('to_stage'),
  reason: text('reason'),
  byUser: uuid('by_user').references(() => users.id),
  byName: text('by_name').notNull(),
  at: tstz('at').notNull().defaultNow(),
});

export const programmeObjections = pgTable('programme_objections', {
  id: uuid('id').primaryKey(),
  programmeId: uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  applicationId: uuid('application_id').references(() => programmeApplications.id, { onDelete: 'set null' }),
  areaCode: text('area_code').notNull(),
  name: text('name').notNull(),
  mobileCipher: text('mobile_cipher'),
  mobileHash: text('mobile_hash'),
  mobileMasked: text('mobile_masked'),
  publicAccountId: uuid('public_account_id').references(() => publicAccounts.id),
  text: text('text').notNull(),
  answer: text('answer'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredByName: text('answered_by_name'),
  answeredAt: tstz('answered_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const programmePlanItems = pgTable('programme_plan_items', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => programmeApplications.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull(),
  course: text('course').notNull(),
  hours: numeric('hours', { precision: 6, scale: 1 }).notNull(),
  hoursDone: numeric('hours_done', { precision: 6, scale: 1 }).notNull().default('0'),
  dueOn: date('due_on', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull().defaultNow(),
});
