// Jobs and job fairs (招聘、招聘会, migration 0039): posts by organisations, fairs with their
// participating organisations and posts, and applications by public accounts with a CV. All
// area-owned; salaries in fen per month.
import { date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { orgs, users } from './index.ts';
import { publicAccounts } from './public-accounts.ts';
import { workers } from './workforce.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    headcount: integer('headcount').notNull(),
    salaryMinFen: integer('salary_min_fen'),
    salaryMaxFen: integer('salary_max_fen'),
    certLevel: text('cert_level'),
    education: text('education'),
    experienceYears: smallint('experience_years').notNull().default(0),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull().default('draft'), // draft | open | closed
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('jobs_area_idx').using('btree', areaC(t.areaCode), t.id), index('jobs_open_idx').on(t.status, t.createdAt)],
);

export const jobFairs = pgTable(
  'job_fairs',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    place: text('place').notNull(),
    organiser: text('organiser').notNull(),
    status: text('status').notNull().default('draft'), // draft | published | ended
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('job_fairs_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const jobFairOrgs = pgTable(
  'job_fair_orgs',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => jobFairs.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    areaCode: text('area_code').notNull(), // the fair's
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.orgId] }), index('job_fair_orgs_area_idx').using('btree', areaC(t.areaCode), t.fairId)],
);

export const jobFairPosts = pgTable(
  'job_fair_posts',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => jobFairs.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(), // the fair's
  },
  (t) => [
    primaryKey({ columns: [t.fairId, t.jobId] }),
    index('job_fair_posts_area_idx').using('btree', areaC(t.areaCode), t.fairId),
    index('job_fair_posts_job_idx').on(t.jobId),
  ],
);

export const jobApplications = pgTable(
  'job_applications',
  {
    id: uuid('id').primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(), // the post's
    publicAccountId: uuid('public_account_id')
      .notNull()
      .references(() => publicAccounts.id),
    name: text('name').notNull(),
    mobileCipher: text('mobile_cipher').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    education: text('education'),
    certLevel: text('cert_level').notNull(),
    years: smallint('years').notNull(),
    note: text('note'),
    cvFilename: text('cv_filename').notNull(),
    cvContentType: text('cv_content_type').notNull(),
    cvSize: integer('cv_size').notNull(),
    cvContent: text('cv_content').notNull(), // base64, read by the audited download only
    stage: text('stage').notNull().default('applied'),
    reason: text('reason'),
    workerId: uuid('worker_id').references(() => workers.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('job_applications_area_idx').using('btree', areaC(t.areaCode), t.id),
    uniqueIndex('job_applications_account_idx').on(t.jobId, t.publicAccountId),
    index('job_applications_mine_idx').on(t.publicAccountId, t.createdAt),
  ],
);
