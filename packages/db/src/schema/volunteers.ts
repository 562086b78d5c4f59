// Volunteers (志愿者, migration 0044): the register, teams, recruitment posts and sign-ups,
// service hours and their history, service-record certificates, and 一呼百应 mobilisations.
// All area-owned. Rows about an activity or a need carry the volunteer's name and number (the
// organiser may be in another street than the volunteer's home community).
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { users } from './index.ts';
import { activities } from './occasions.ts';
import { publicAccounts } from './public-accounts.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'`);

export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    volunteerNo: text('volunteer_no').notNull().unique(),
    publicAccountId: uuid('public_account_id')
      .unique()
      .references(() => publicAccounts.id),
    /** A staff account of the volunteer role (migration 0045). */
    userId: uuid('user_id')
      .unique()
      .references(() => users.id),
    name: text('name').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    idKind: text('id_kind').notNull().default('resident_id'),
    idCipher: text('id_cipher'),
    idHash: text('id_hash').unique(),
    idMasked: text('id_masked'),
    mobileCipher: text('mobile_cipher').notNull(),
    mobileHash: text('mobile_hash').notNull().unique(),
    mobileMasked: text('mobile_masked').notNull(),
    skills: textArray('skills'), // code list volunteer_skill
    availability: jsonb('availability'),
    status: text('status').notNull().default('pending'), // pending | active | suspended | left
    source: text('source').notNull(), // station | self
    note: text('note'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: tstz('confirmed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('volunteers_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

/** A volunteer's status moves (migration 0046), so the register can be counted at a past date. */
export const volunteerEvents = pgTable(
  'volunteer_events',
  {
    id: uuid('id').primaryKey(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    areaCode: text('area_code').notNull(),
    action: text('action').notNull(), // register | confirm | suspend | resume | leave
    status: text('status').notNull(), // the status it led to
    reason: text('reason'),
    actorName: text('actor_name'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_events_area_idx').using('btree', areaC(t.areaCode), t.id),
    index('volunteer_events_volunteer_idx').on(t.volunteerId, t.at),
  ],
);

export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.areaCode, t.name), index('volunteer_teams_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

/** Who is named on a row about a volunteer, kept on the row itself. */
const named = () => ({
  volunteerId: uuid('volunteer_id')
    .notNull()
    .references(() => volunteers.id),
  areaCode: text('area_code').notNull(),
  volunteerName: text('volunteer_name').notNull(),
  volunteerNo: text('volunteer_no').notNull(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeams.id),
    ...named(),
    role: text('role').notNull().default('member'), // leader | member
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  },
  (t) => [unique().on(t.teamId, t.volunteerId), index('team_members_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const volunteerPosts = pgTable(
  'volunteer_posts',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    duty: text('duty'),
    skills: textArray('skills'),
    slots: integer('slots').notNull(),
    status: text('status').notNull().default('open'), // open | closed
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('volunteer_posts_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => volunteerPosts.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    ...named(),
    status: text('status').notNull().default('applied'), // applied | accepted | declined | withdrawn
    source: text('source').notNull().default('self'), // self | station | mobilisation
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique().on(t.postId, t.volunteerId), index('volunteer_signups_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const serviceHours = pgTable(
  'service_hours',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    ...named(),
    checkinAt: tstz('checkin_at').notNull(),
    checkoutAt: tstz('checkout_at'),
    checkinMethod: text('checkin_method').notNull(), // qr | list
    checkoutMethod: text('checkout_method'), // qr | list | auto
    minutes: integer('minutes'),
    flag: text('flag'), // missing_checkout
    status: text('status').notNull().default('open'), // open | pending | approved | declined
    creditedMinutes: integer('credited_minutes'),
    correctionReason: text('correction_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique().on(t.activityId, t.volunteerId), index('service_hours_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const serviceHourEvents = pgTable(
  'service_hour_events',
  {
    id: uuid('id').primaryKey(),
    hoursId: uuid('hours_id')
      .notNull()
      .references(() => serviceHours.id),
    areaCode: text('area_code').notNull(),
    action: text('action').notNull(),
    minutesBefore: integer('minutes_before'),
    minutesAfter: integer('minutes_after'),
    reason: text('reason'),
    actorName: text('actor_name'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('service_hour_events_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const volunteerCertificates = pgTable(
  'volunteer_certificates',
  {
    id: uuid('id').primaryKey(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    areaCode: text('area_code').notNull(),
    code: text('code').notNull().unique(),
    number: text('number').notNull().unique(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    services: integer('services').notNull(),
    content: text('content').notNull(),
    issuer: text('issuer').notNull(),
    issuerContact: text('issuer_contact'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('volunteer_certificates_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const mobilisations = pgTable(
  'mobilisations',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'), // draft | sent | closed
    createdBy: uuid('created_by').references(() => users.id),
    sentAt: tstz('sent_at'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('mobilisations_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const mobilisationNeeds = pgTable(
  'mobilisation_needs',
  {
    id: uuid('id').primaryKey(),
    mobilisationId: uuid('mobilisation_id')
      .notNull()
      .references(() => mobilisations.id),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    skills: textArray('skills'),
    place: text('place').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    slots: integer('slots').notNull(),
  },
  (t) => [index('mobilisation_needs_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const mobilisationCalls = pgTable(
  'mobilisation_calls',
  {
    id: uuid('id').primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => mobilisationNeeds.id),
    ...named(),
    status: text('status').notNull().default('sent'), // sent | accepted | declined | expired
    cost: integer('cost').notNull(),
    reasons: jsonb('reasons').notNull().default([]),
    sentAt: tstz('sent_at').notNull().defaultNow(),
    respondedAt: tstz('responded_at'),
  },
  (t) => [unique().on(t.needId, t.volunteerId), index('mobilisation_calls_area_idx').using('btree', areaC(t.areaCode), t.id)],
);
