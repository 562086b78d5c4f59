// The professional level exam (migration 0034): sittings per year, registrations (a worker or
// a person by name with a sealed ID number) and results per subject. All area-owned.
import {
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { orgs } from './index.ts';
import { workerCertificates, workers } from './workforce.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const examSittings = pgTable(
  'exam_sittings',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    year: smallint('year').notNull(),
    examDate: date('exam_date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exam_sittings_year_idx').on(t.areaCode, t.year),
    index('exam_sittings_area_idx').using('btree', areaC(t.areaCode), t.id),
  ],
);

export const examRegistrations = pgTable(
  'exam_registrations',
  {
    id: uuid('id').primaryKey(),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => examSittings.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    year: smallint('year').notNull(),
    workerId: uuid('worker_id').references(() => workers.id),
    orgId: uuid('org_id').references(() => orgs.id),
    name: text('name').notNull(),
    idCipher: text('id_cipher'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    level: text('level').notNull(),
    subjects: text('subjects').array().notNull(),
    levelPassed: boolean('level_passed').notNull().default(false),
    certificateId: uuid('certificate_id').references(() => workerCertificates.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exam_registrations_person_idx').on(t.sittingId, t.idHash),
    index('exam_registrations_history_idx').on(t.idHash, t.year),
    index('exam_registrations_worker_idx').on(t.workerId),
    index('exam_registrations_area_idx').using('btree', areaC(t.areaCode), t.year, t.level),
  ],
);

export const examResults = pgTable(
  'exam_results',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => examRegistrations.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    areaCode: text('area_code').notNull(),
    score: numeric('score', { precision: 5, scale: 1 }),
    passed: boolean('passed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.subject] }),
    index('exam_results_area_idx').using('btree', areaC(t.areaCode), t.registrationId),
  ],
);
