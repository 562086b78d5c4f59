// Trainings, sessions, registrations, evaluations, the teacher pool and continuing-education
// entries and reminders (migration 0035). All area-owned; rows hanging off a training carry its area.
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { areaC } from './columns.ts';
import { orgs, users } from './index.ts';
import { workers } from './workforce.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => tstz('created_at').notNull().defaultNow();

export const teachers = pgTable(
  'teachers',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    workerId: uuid('worker_id').references(() => workers.id),
    name: text('name').notNull(),
    affiliation: text('affiliation'),
    subjects: text('subjects')
      .array()
      .notNull()
      .default(sql`'{}'`),
    bio: text('bio'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('teachers_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const trainings = pgTable(
  'trainings',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    title: text('title').notNull(),
    level: text('level').notNull(),
    description: text('description'),
    capacity: integer('capacity'),
    requiredShare: numeric('required_share', { precision: 3, scale: 2 }).notNull().default('0.8'),
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: created(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('trainings_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    mode: text('mode').notNull(),
    place: text('place'),
    streamUrl: text('stream_url'),
    hours: numeric('hours', { precision: 4, scale: 1 }).notNull(),
    teacherId: uuid('teacher_id').references(() => teachers.id),
    joinCode: text('join_code').notNull(),
    cancelled: boolean('cancelled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_training_idx').on(t.trainingId, t.startsAt),
    index('training_sessions_area_idx').using('btree', areaC(t.areaCode), t.id),
  ],
);

export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    id: uuid('id').primaryKey(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    areaCode: text('area_code').notNull(),
    workerId: uuid('worker_id').references(() => workers.id),
    personName: text('person_name').notNull(),
    mobileCipher: text('mobile_cipher'),
    mobileHash: text('mobile_hash'),
    mobileMasked: text('mobile_masked'),
    orgName: text('org_name'),
    personKey: text('person_key').generatedAlwaysAs(
      sql`CASE WHEN mobile_hash IS NOT NULL THEN 'm:' || mobile_hash ELSE 'n:' || regexp_replace(person_name, '\\s+', '', 'g') END`,
    ),
    status: text('status').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    registeredAt: tstz('registered_at').notNull().defaultNow(),
    cancelledAt: tstz('cancelled_at'),
    certificateCode: text('certificate_code').unique(),
    certificateHours: numeric('certificate_hours', { precision: 5, scale: 1 }),
    certificateIssuedOn: date('certificate_issued_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.trainingId, t.personKey),
    index('training_registrations_training_idx').on(t.trainingId, t.status, t.seq),
    index('training_registrations_area_idx').using('btree', areaC(t.areaCode), t.id),
  ],
);

export const trainingEvaluations = pgTable('training_evaluations', {
  id: uuid('id').primaryKey(),
  trainingId: uuid('training_id')
    .notNull()
    .references(() => trainings.id),
  areaCode: text('area_code').notNull(),
  registrationId: uuid('registration_id')
    .notNull()
    .unique()
    .references(() => trainingRegistrations.id),
  answers: smallint('answers').array().notNull(),
  comment: text('comment'),
  at: tstz('at').notNull().defaultNow(),
});

export const ceEntries = pgTable('ce_entries', {
  id: uuid('id').primaryKey(),
  workerId: uuid('worker_id')
    .notNull()
    .references(() => workers.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull(),
  title: text('title').notNull(),
  provider: text('provider').notNull(),
  onDate: date('on_date', { mode: 'string' }).notNull(),
  hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
  attachmentId: uuid('attachment_id').notNull(),
  status: text('status').notNull().default('pending'),
  reviewNote: text('review_note'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: tstz('reviewed_at'),
  createdBy: uuid('created_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: created(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const ceReminders = pgTable(
  'ce_reminders',
  {
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    cycleEnd: date('cycle_end', { mode: 'string' }).notNull(),
    days: smallint('days').notNull(),
    sentAt: tstz('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.cycleEnd, t.days] })],
);
