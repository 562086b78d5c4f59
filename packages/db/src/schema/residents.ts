// Residents in need (服务对象), their assessments and contacts (走访与服务记录).
// Sensitive fields are sealed by the server (AES-256-GCM, key outside the database) and only
// their masked form and an HMAC blind index (exact lookup, duplicate checks) are searchable.
import { sql } from 'drizzle-orm';
import { areaC } from './columns.ts';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './index.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** Editable code lists: resident categories (人员类别), assistance statuses, 5+N service types. */
export const codeLists = pgTable(
  'code_lists',
  {
    list: text('list').notNull(), // resident_category | assistance_status | service_type
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('code_lists_pk').on(t.list, t.code)],
);

/** Installation settings as JSON by key (e.g. visit_intervals per care level). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey(),
    areaCode: text('area_code').notNull(), // community (or grid) code
    name: text('name').notNull(),
    nameInitials: text('name_initials').notNull(), // 张建国 -> zjg
    nameGrams: text('name_grams').array().notNull(), // every 1–3 character run of the name, for 2-character search
    namePinyin: text('name_pinyin'), // 司马光 -> simaguang, for prefix search by full pinyin
    documentType: text('document_type').notNull().default('resident_id'),
    idCipher: text('id_cipher').notNull(), // sealed document number
    idHash: text('id_hash').notNull(), // blind index of the normalised number
    idMasked: text('id_masked').notNull(),
    // Keyed blind indexes of the last 4 and 6 characters (search by "尾号"); exact match only.
    idTail4Hash: text('id_tail4_hash'),
    idTail6Hash: text('id_tail6_hash'),
    sex: text('sex'), // male | female, derived from a mainland ID
    birthDate: day('birth_date'),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    address: text('address'),
    /** Sealed JSON: household members, emergency contacts, guardian (names and phones). */
    familyCipher: text('family_cipher'),
    householdId: uuid('household_id'), // registered residents of one household share it
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    assistanceStatus: text('assistance_status'),
    careLevel: smallint('care_level').notNull(), // 关爱等级 1..4
    healthCipher: text('health_cipher'), // sealed health notes
    notes: text('notes'),
    consent: jsonb('consent'), // { purpose, date, givenBy, guardian? }
    assignedWorkerId: uuid('assigned_worker_id').references(() => users.id),
    status: text('status').notNull().default('active'), // active | moved | deceased | merged
    mergedInto: uuid('merged_into'),
    registeredOn: day('registered_on').notNull(),
    lastContactOn: day('last_contact_on'), // latest qualifying contact, kept with each contact
    nextDueOn: day('next_due_on').notNull(), // when the next visit is due at this care level
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('residents_id_hash_idx')
      .on(t.idHash)
      .where(sql`status <> 'merged'`),
    index('residents_area_idx').using('btree', areaC(t.areaCode), t.id),
    index('residents_grams_idx').using('gin', t.nameGrams),
    index('residents_initials_idx').on(t.nameInitials, t.areaCode),
    index('residents_phone_idx').on(t.phoneHash),
    index('residents_id_tail4_idx').on(t.idTail4Hash),
    index('residents_id_tail6_idx').on(t.idTail6Hash),
    index('residents_pinyin_idx').using('btree', sql`${t.namePinyin} COLLATE "C"`),
    index('residents_due_idx').on(t.nextDueOn),
    index('residents_dup_idx').on(t.areaCode, t.name, t.birthDate),
    index('residents_household_idx').on(t.householdId),
    index('residents_worker_idx').on(t.assignedWorkerId, t.nextDueOn),
  ],
);

/** Care level changes (关爱等级历史), with who, why and from which assessment. */
export const careLevelChanges = pgTable(
  'care_level_changes',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    areaCode: text('area_code').notNull(),
    fromLevel: smallint('from_level'),
    toLevel: smallint('to_level').notNull(),
    reason: text('reason'),
    assessmentId: uuid('assessment_id'),
    changedBy: uuid('changed_by'),
    changedAt: tstz('changed_at').notNull().defaultNow(),
  },
  (t) => [index('care_level_changes_resident_idx').on(t.residentId, t.changedAt)],
);

/**
 * Status and community changes (状态与社区变更), kept as care levels are: the state before each
 * change, so a past date reads the state in force then (migration 0015). Never moved or edited;
 * area_code is the community the change led to.
 */
export const residentStatusChanges = pgTable(
  'resident_status_changes',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    areaCode: text('area_code').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    fromArea: text('from_area').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedAt: tstz('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('resident_status_changes_resident_idx').on(t.residentId, t.changedAt),
    index('resident_status_changes_at_idx').on(t.changedAt),
  ],
);

/** Assessment instruments as versioned data (items, options, scores, bands, rules). */
export const instruments = pgTable(
  'instruments',
  {
    code: text('code').notNull(),
    version: text('version').notNull(),
    definition: jsonb('definition').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('instruments_pk').on(t.code, t.version)],
);

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    areaCode: text('area_code').notNull(),
    instrumentCode: text('instrument_code').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    reason: text('reason'), // first | routine | immediate | dispute | other
    answersCipher: text('answers_cipher').notNull(), // sealed JSON answers and extras
    total: integer('total').notNull(),
    level: text('level'),
    band: text('band'),
    flags: text('flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    suggestedCareLevel: smallint('suggested_care_level'),
    confirmedCareLevel: smallint('confirmed_care_level'),
    overrideReason: text('override_reason'),
    assessedBy: uuid('assessed_by'),
    assessedOn: day('assessed_on').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('assessments_resident_idx').on(t.residentId, t.assessedOn),
    index('assessments_area_idx').using('btree', areaC(t.areaCode)),
  ],
);

/** Visits and services (走访与服务记录). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    areaCode: text('area_code').notNull(),
    groupId: uuid('group_id'), // one household contact recorded for several residents
    kind: text('kind').notNull(), // home_visit | phone | office | online | service
    serviceType: text('service_type'), // 5+N code list
    occurredAt: tstz('occurred_at').notNull(),
    occurredOn: day('occurred_on').notNull(), // business date (Asia/Shanghai) of occurredAt
    durationMinutes: integer('duration_minutes'),
    workerId: uuid('worker_id'),
    notes: text('notes'),
    // [{ item, flagged, note, followUpId }]: the visit checklist (visit_checklist code list)
    checklist: jsonb('checklist')
      .notNull()
      .default(sql`'[]'::jsonb`),
    clientKey: text('client_key'), // idempotency key from the device that recorded it
    // The case the contact was part of (migration 0023; cases.ts references back, so no FK here).
    caseId: uuid('case_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('contacts_resident_idx').on(t.residentId, t.occurredOn),
    // Covers coverage for a past date: an index-only scan under RLS (area_code is in it).
    index('contacts_on_idx').using('btree', t.occurredOn, areaC(t.areaCode), t.residentId),
    index('contacts_area_idx').using('btree', areaC(t.areaCode), t.occurredOn),
    uniqueIndex('contacts_client_key_idx').on(t.clientKey),
  ],
);

/** Photos and files attached to a contact, kept in the database so both drivers back them up. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    contactId: uuid('contact_id').references(() => contacts.id),
    areaCode: text('area_code').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: text('content').notNull(), // base64
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_contact_idx').on(t.contactId)],
);

/** Follow-up tasks with a due time (e.g. within 48 hours of an urgent screening flag). */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    areaCode: text('area_code').notNull(),
    reason: text('reason').notNull(),
    assessmentId: uuid('assessment_id'),
    dueAt: tstz('due_at').notNull(),
    assignedTo: uuid('assigned_to'),
    doneAt: tstz('done_at'),
    doneBy: uuid('done_by').references(() => users.id), // who completed it
    outcome: text('outcome'), // what was done (required when completing)
    contactId: uuid('contact_id').references(() => contacts.id), // the contact recorded for it, if any
    createdAt: tstz('created_at').notNull().defaultNow(),
    overdueNotifiedAt: tstz('overdue_notified_at'), // the overdue notice went out (once per task)
  },
  (t) => [
    index('follow_ups_area_idx').using('btree', areaC(t.areaCode), t.dueAt),
    index('follow_ups_resident_idx').on(t.residentId, t.dueAt),
  ],
);

/** In-app notifications (e.g. an urgent flag to the station head). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: tstz('read_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Resident imports: progress and the per-row report, so a person can leave and come back. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  areaCode: text('area_code').notNull(), // the importer's scope root
  createdBy: uuid('created_by').notNull(),
  filename: text('filename').notNull(),
  fileHash: text('file_hash').notNull(),
  mode: text('mode').notNull(), // all_or_nothing | valid_rows
  status: text('status').notNull(), // queued | validating | importing | done | failed
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  report: jsonb('report'), // [{ row, status, idMasked?, errors: [{ column, message }] }]
  error: text('error'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  finishedAt: tstz('finished_at'),
  // Who may write: the running attempt's lease; a slice's write checks it in its own transaction.
  leaseToken: uuid('lease_token'),
  heartbeatAt: tstz('heartbeat_at'),
  worker: text('worker'), // the instance running it (host:pid), for operators and the kill test
  attempts: integer('attempts').notNull().default(0),
  queueJobId: uuid('queue_job_id'), // the queue's job for the running attempt
  context: jsonb('context'), // the uploader's scope, language, address and username: the job runs as them
});

/** An import's uploaded file, kept until the job ends so whichever instance runs it can read it. */
export const importFiles = pgTable('import_files', {
  jobId: uuid('job_id')
    .primaryKey()
    .references(() => importJobs.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull(),
  content: bytea('content').notNull(),
});

/**
 * Transfers (调入/调出): the receiving station asks for a resident held by another station;
 * the holding station approves (the record and everything about it move) or declines. Seen by
 * both stations: RLS admits a caller when either area is in scope (migration 0019).
 */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    fromAreaCode: text('from_area_code').notNull(), // the holding community when asked
    toAreaCode: text('to_area_code').notNull(), // the community the receiver chose
    toWorkerId: uuid('to_worker_id').references(() => users.id),
    // Names as they were: each station cannot read the other's accounts under RLS.
    toWorkerName: text('to_worker_name'),
    status: text('status').notNull().default('pending'), // pending | approved | declined
    note: text('note'),
    residentNameMasked: text('resident_name_masked').notNull(), // all the receiver sees before approval
    idMasked: text('id_masked').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: tstz('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: tstz('decided_at'),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    uniqueIndex('transfers_pending_idx')
      .on(t.residentId)
      .where(sql`status = 'pending'`),
    index('transfers_from_idx').using('btree', areaC(t.fromAreaCode), t.requestedAt),
    index('transfers_to_idx').using('btree', areaC(t.toAreaCode), t.requestedAt),
  ],
);
