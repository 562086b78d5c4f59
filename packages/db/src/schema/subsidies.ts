// Rewards and subsidies (奖补, migration 0038): policies with a budget in fen and structured
// rules, applications with their stored auto-check and stage, the events of every transition
// (who and why), and numbered payment batches. All area-owned.
import { bigint, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { users } from './index.ts';
import { publicAccounts } from './public-accounts.ts';
import { workers } from './workforce.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const subsidyPolicies = pgTable(
  'subsidy_policies',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    kind: text('kind').notNull(), // reward | subsidy
    title: text('title').notNull(),
    description: text('description'),
    year: smallint('year').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    rules: jsonb('rules').notNull().default({}),
    amount: jsonb('amount').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('subsidy_policies_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const subsidyBatches = pgTable(
  'subsidy_batches',
  {
    id: uuid('id').primaryKey(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => subsidyPolicies.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    no: integer('no').notNull(),
    note: text('note'),
    count: integer('count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('subsidy_batches_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const subsidyApplications = pgTable(
  'subsidy_applications',
  {
    id: uuid('id').primaryKey(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => subsidyPolicies.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(), // the applicant's area
    workerId: uuid('worker_id').references(() => workers.id),
    userId: uuid('user_id').references(() => users.id),
    publicAccountId: uuid('public_account_id').references(() => publicAccounts.id),
    name: text('name').notNull(),
    orgName: text('org_name'),
    route: text('route').notNull(), // self | org | public
    appliedBy: uuid('applied_by').references(() => users.id),
    statement: text('statement'),
    arrivedOn: date('arrived_on', { mode: 'string' }),
    attachmentIds: uuid('attachment_ids').array().notNull().default([]),
    checks: jsonb('checks').notNull().default([]),
    checkResult: text('check_result').notNull(),
    level: text('level'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    stage: text('stage').notNull().default('submitted'),
    reason: text('reason'),
    batchId: uuid('batch_id').references(() => subsidyBatches.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('subsidy_applications_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const subsidyEvents = pgTable(
  'subsidy_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => subsidyApplications.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    action: text('action').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason'),
    byUser: uuid('by_user').references(() => users.id),
    byName: text('by_name').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('subsidy_events_area_idx').using('btree', areaC(t.areaCode), t.id)],
);
