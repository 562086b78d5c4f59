// Micro-wishes (微心愿, migration 0043): wishes for residents, the claims that hold them (one at a
// time), and each wish's history. All area-owned; values in fen. The public board reads the
// wish_board view (public columns of public states), declared in the migration.
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaC } from './columns.ts';
import { users } from './index.ts';
import { publicAccounts } from './public-accounts.ts';
import { residents } from './residents.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const wishes = pgTable(
  'wishes',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    batchId: uuid('batch_id'),
    title: text('title').notNull(),
    need: text('need').notNull(),
    reason: text('reason'),
    category: text('category').notNull(), // code list wish_category
    valueFen: integer('value_fen').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'), // WISH_STATUSES
    publicLabel: text('public_label'),
    photoIds: uuid('photo_ids').array().notNull().default([]),
    reviewNote: text('review_note'),
    confirmNote: text('confirm_note'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: tstz('published_at'),
    firstClaimedAt: tstz('first_claimed_at'),
    fulfilledAt: tstz('fulfilled_at'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('wishes_area_idx').using('btree', areaC(t.areaCode), t.id), index('wishes_resident_idx').on(t.residentId)],
);

export const wishClaims = pgTable(
  'wish_claims',
  {
    id: uuid('id').primaryKey(),
    wishId: uuid('wish_id')
      .notNull()
      .references(() => wishes.id),
    areaCode: text('area_code').notNull(),
    kind: text('kind').notNull(), // CLAIMANT_KINDS
    publicAccountId: uuid('public_account_id').references(() => publicAccounts.id),
    name: text('name').notNull(),
    mobileCipher: text('mobile_cipher'),
    mobileMasked: text('mobile_masked'),
    status: text('status').notNull().default('active'), // CLAIM_STATUSES
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    claimedAt: tstz('claimed_at').notNull().defaultNow(),
    deliveryNote: text('delivery_note'),
    deliveryPhotoIds: uuid('delivery_photo_ids').array().notNull().default([]),
    deliveredAt: tstz('delivered_at'),
    endedAt: tstz('ended_at'),
    endReason: text('end_reason'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('wish_claims_area_idx').using('btree', areaC(t.areaCode), t.id), index('wish_claims_wish_idx').on(t.wishId, t.claimedAt)],
);

export const wishEvents = pgTable(
  'wish_events',
  {
    id: uuid('id').primaryKey(),
    wishId: uuid('wish_id')
      .notNull()
      .references(() => wishes.id),
    areaCode: text('area_code').notNull(),
    action: text('action').notNull(),
    actorName: text('actor_name'),
    note: text('note'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('wish_events_area_idx').using('btree', areaC(t.areaCode), t.id), index('wish_events_wish_idx').on(t.wishId, t.at)],
);
