// The workforce register (社工人才库, migration 0032): workers with sealed ID numbers and
// mobiles, their certificates and titles, and posts that require a certificate (持证上岗).
// All area-owned; certificates and titles carry their worker's area.
import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { areaC } from './columns.ts';
import { orgs, users } from './index.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(), // where they work
    orgId: uuid('org_id').references(() => orgs.id), // employer
    userId: uuid('user_id').references(() => users.id), // their staff account
    name: text('name').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    idCipher: text('id_cipher'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    idTail4Hash: text('id_tail4_hash'),
    mobileCipher: text('mobile_cipher'),
    mobileHash: text('mobile_hash'),
    mobileMasked: text('mobile_masked'),
    post: text('post').notNull(),
    education: text('education'),
    major: text('major'),
    startedInFieldOn: date('started_in_field_on', { mode: 'string' }),
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'`),
    status: text('status').notNull().default('active'),
    leftOn: date('left_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('workers_area_idx').using('btree', areaC(t.areaCode), t.id),
    index('workers_org_idx').on(t.orgId),
    uniqueIndex('workers_user_idx').on(t.userId),
    uniqueIndex('workers_id_hash_idx').on(t.idHash),
    index('workers_id_tail4_idx').on(t.idTail4Hash),
  ],
);

export const workerCertificates = pgTable(
  'worker_certificates',
  {
    id: uuid('id').primaryKey(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    kind: text('kind').notNull(),
    number: text('number'),
    obtainedOn: date('obtained_on', { mode: 'string' }).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('worker_certificates_kind_idx').on(t.workerId, t.kind),
    uniqueIndex('worker_certificates_number_idx').on(t.kind, t.number),
    index('worker_certificates_area_idx').using('btree', areaC(t.areaCode), t.id),
  ],
);

export const workerTitles = pgTable(
  'worker_titles',
  {
    id: uuid('id').primaryKey(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    year: smallint('year').notNull(),
    grantedBy: text('granted_by').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('worker_titles_once_idx').on(t.workerId, t.title, t.year),
    index('worker_titles_area_idx').using('btree', areaC(t.areaCode), t.id),
  ],
);

/** 持证上岗: in an area (and optionally one organisation), a post that requires a certificate by a deadline. */
export const certificationRequirements = pgTable(
  'certification_requirements',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    post: text('post').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('certification_requirements_area_idx').using('btree', areaC(t.areaCode), t.id)],
);
