// Public accounts, their SMS codes and sessions (migration 0031). Installation-wide: no area.
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const publicAccounts = pgTable(
  'public_accounts',
  {
    id: uuid('id').primaryKey(),
    displayName: text('display_name').notNull(),
    mobileCipher: text('mobile_cipher').notNull(),
    mobileHash: text('mobile_hash').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    status: text('status').notNull().default('active'), // active | disabled
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastLoginAt: tstz('last_login_at'),
  },
  (t) => [uniqueIndex('public_accounts_mobile_idx').on(t.mobileHash)],
);

/** One code sent by SMS: only a keyed hash of it is kept. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey(),
    mobileHash: text('mobile_hash').notNull(),
    purpose: text('purpose').notNull(), // signup | login | objection (0036)
    codeHash: text('code_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: tstz('used_at'),
    requesterIp: text('requester_ip').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [index('sms_codes_mobile_idx').on(t.mobileHash, t.createdAt), index('sms_codes_ip_idx').on(t.requesterIp, t.createdAt)],
);

/** Public sessions, apart from staff sessions: the staff resolver never reads this table. */
export const publicSessions = pgTable(
  'public_sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => publicAccounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('public_sessions_account_idx').on(t.accountId)],
);
