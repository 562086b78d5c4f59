// Drizzle schema. Area-owned tables carry `area_code` (12-digit division code, longer for a
// grid); "this area and below" is a prefix match, indexed with text_pattern_ops, and RLS
// policies (migrations/0002_rls.sql) key on the same prefix.
import { sql } from 'drizzle-orm';
import { areaC } from './columns.ts';
import { bigint, boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The installation: the area it serves and how it was set up (single row). */
export const installation = pgTable('installation', {
  id: smallint('id').primaryKey().default(1),
  areaCode: text('area_code').notNull(),
  demo: boolean('demo').notNull().default(false),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** Administrative divisions (统计用区划) of the installation's subtree, plus local grids. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(), // province | city | county | street | community | grid
    parentCode: text('parent_code'),
    initials: text('initials').notNull(), // pinyin initials, e.g. 江头街道 -> jtjd
    path: text('path').notNull(), // 福建省 / 厦门市 / 湖里区
    isLocal: boolean('is_local').notNull().default(false), // a grid added by the installation
  },
  (t) => [
    index('areas_parent_idx').on(t.parentCode, t.code),
    index('areas_code_prefix_idx').using('btree', t.code.op('text_pattern_ops')),
    index('areas_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('areas_initials_idx').using('btree', t.initials.op('text_pattern_ops')),
  ],
);

export const roles = pgTable('roles', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  permissions: text('permissions').array().notNull(),
  builtin: boolean('builtin').notNull().default(false),
  requireTotp: boolean('require_totp').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    areaCode: text('area_code').notNull(),
    creditCode: text('credit_code'), // 统一社会信用代码
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('orgs_area_idx').using('btree', areaC(t.areaCode), t.id),
    index('orgs_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
    orgId: uuid('org_id').references(() => orgs.id),
    areaCode: text('area_code').notNull(),
    status: text('status').notNull().default('active'), // active | disabled (locks are time-based)
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    totpSecret: text('totp_secret'), // sealed with the installation key
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: integer('totp_last_step'), // the last accepted 30-second step: a code works once
    passwordChangedAt: tstz('password_changed_at'),
    lastLoginAt: tstz('last_login_at'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_idx').on(sql`lower(${t.username})`), index('users_area_idx').using('btree', areaC(t.areaCode), t.id)],
);

/** Login sessions; the cookie holds a random token, the row its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed logins under names that match no account, counted like an account's own, so a wrong
 * password answers the same whether the name exists or not. Not area data (no area_code).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    username: text('username').primaryKey(), // lower-cased
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  // Counts of unknown names are cleared by age: they never see a successful login.
  (t) => [index('login_failures_updated_idx').on(t.updatedAt)],
);

/** Append-only audit trail; each row's hash covers the previous row's hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    areaCode: text('area_code').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_area_idx').using('btree', areaC(t.areaCode), t.seq),
    index('audit_actor_idx').on(t.actorName, t.seq),
    index('audit_at_idx').on(t.at),
  ],
);
export * from './residents.ts';
export * from './snapshots.ts';
export * from './cases.ts';
export * from './occasions.ts';
export * from './outputs-people.ts';
export * from './workforce.ts';
export * from './public-accounts.ts';
export * from './exams.ts';
export * from './programmes.ts';
export * from './trainings.ts';
export * from './subsidies.ts';
export * from './alliances.ts';
export * from './jobs.ts';
export * from './workforce-dashboard.ts';
export * from './wishes.ts';
export * from './volunteers.ts';
