// Talent-base alliances and pairing agreements (migration 0040). Every row carries the area that
// owns the alliance or agreement (the scope that writes it); a member base keeps its own area in
// member_area_code, which lets that area's officials read the alliance (see alliances.repo.ts).
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { orgs, users } from './index.ts';
import { attachments } from './residents.ts';
import { trainings } from './trainings.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const alliances = pgTable(
  'alliances',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    name: text('name').notNull(),
    leadOrgId: uuid('lead_org_id')
      .notNull()
      .references(() => orgs.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    charter: text('charter'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('alliances_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const allianceMembers = pgTable(
  'alliance_members',
  {
    id: uuid('id').primaryKey(),
    allianceId: uuid('alliance_id')
      .notNull()
      .references(() => alliances.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    name: text('name').notNull(),
    memberAreaCode: text('member_area_code').notNull(),
    /** The place as typed for an area outside the installation's tree (晋江市). */
    memberAreaName: text('member_area_name'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('alliance_members_area_idx').using('btree', areaC(t.areaCode), t.allianceId),
    index('alliance_members_member_area_idx').using('btree', areaC(t.memberAreaCode), t.allianceId),
  ],
);

export const allianceEvents = pgTable(
  'alliance_events',
  {
    id: uuid('id').primaryKey(),
    allianceId: uuid('alliance_id')
      .notNull()
      .references(() => alliances.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    hostMemberId: uuid('host_member_id').references(() => allianceMembers.id, { onDelete: 'set null' }),
    participants: integer('participants').notNull().default(0),
    notes: text('notes'),
  },
  (t) => [index('alliance_events_area_idx').using('btree', areaC(t.areaCode), t.allianceId)],
);

export const allianceTrainings = pgTable(
  'alliance_trainings',
  {
    id: uuid('id').primaryKey(),
    allianceId: uuid('alliance_id')
      .notNull()
      .references(() => alliances.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    trainingId: uuid('training_id').references(() => trainings.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    hostMemberId: uuid('host_member_id').references(() => allianceMembers.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [index('alliance_trainings_area_idx').using('btree', areaC(t.areaCode), t.allianceId)],
);

export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    terms: text('terms'),
    status: text('status').notNull().default('draft'),
    attachmentId: uuid('attachment_id').references(() => attachments.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('partnerships_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

export const partnershipParties = pgTable(
  'partnership_parties',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    role: text('role').notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('partnership_parties_area_idx').using('btree', areaC(t.areaCode), t.partnershipId)],
);

export const partnershipDeliverables = pgTable(
  'partnership_deliverables',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => partnershipParties.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    quantity: integer('quantity').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    done: integer('done').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('partnership_deliverables_area_idx').using('btree', areaC(t.areaCode), t.partnershipId)],
);
