// API contract for assessments, contacts (走访与服务记录), due visits and coverage (覆盖率).
import { z } from 'zod';
import { assessmentAnswers, assessmentExtras } from '../assessments/schema.ts';
import { areaCode, pageQuery, uuid } from './common.ts';
import { careLevel } from './residents.ts';

export const assessmentCreate = z.object({
  instrumentCode: z.string().min(1).max(40),
  instrumentVersion: z.string().max(20).optional(), // default: the newest active version
  reason: z.enum(['first', 'routine', 'immediate', 'dispute', 'other']).default('routine'),
  answers: assessmentAnswers,
  extras: assessmentExtras.optional(),
  assessedOn: z.iso.date(),
  /** The care level the worker confirms; differing from the suggestion needs a reason. */
  confirmedCareLevel: careLevel.nullable().optional(),
  overrideReason: z.string().trim().max(200).nullable().optional(),
});

export const assessment = z.object({
  id: uuid,
  residentId: uuid,
  instrumentCode: z.string(),
  instrumentVersion: z.string(),
  instrumentName: z.string(),
  reason: z.string().nullable(),
  total: z.number(),
  level: z.string().nullable(),
  band: z.string().nullable(),
  bandLabel: z.string().nullable(),
  flags: z.array(z.string()),
  suggestedCareLevel: z.number().nullable(),
  confirmedCareLevel: z.number().nullable(),
  overrideReason: z.string().nullable(),
  assessedOn: z.string(),
  assessedByName: z.string().nullable(),
  /** On the answer to recording it: the urgent follow-up made, and who was alerted (issue 8). */
  urgentFollowUp: z.object({ id: uuid, dueAt: z.string(), alerted: z.array(z.string()) }).optional(),
});
export type Assessment = z.infer<typeof assessment>;

export const CONTACT_KINDS = ['home_visit', 'phone', 'office', 'online', 'service'] as const;
export const CONTACT_KIND_LABELS: Record<(typeof CONTACT_KINDS)[number], { zh: string; en: string }> = {
  home_visit: { zh: '入户走访', en: 'Home visit' },
  phone: { zh: '电话访谈', en: 'Phone call' },
  office: { zh: '来站来访', en: 'Office visit' },
  online: { zh: '线上联系', en: 'Online' },
  service: { zh: '上门服务', en: 'Service delivered' },
};

/** One line of the visit checklist: an item of the visit_checklist code list, marked when something was found. */
export const checklistEntry = z
  .object({
    item: z.string().min(1).max(40),
    /** Something was found (a hazard, a health problem, a need): the note says what. */
    flagged: z.boolean().default(false),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((e) => !e.flagged || !!e.note, { path: ['note'], error: 'contact.checklistNote' });

export const contactCreate = z.object({
  residentId: uuid,
  /** Record the same contact for every registered resident of the household. */
  wholeHousehold: z.boolean().default(false),
  kind: z.enum(CONTACT_KINDS),
  serviceType: z.string().max(40).nullable().optional(), // 5+N code list; required for `service`
  occurredAt: z.iso.datetime({ offset: true }),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .optional(),
  workerId: uuid.optional(), // default: the caller
  notes: z.string().trim().max(2000).nullable().optional(),
  attachmentIds: z.array(uuid).max(10).default([]),
  checklist: z.array(checklistEntry).max(20).default([]),
  /** Idempotency key from the device: a retried submission records nothing twice. */
  clientKey: z.string().min(8).max(64).optional(),
  /** The resident's open case the contact is part of (the first resident's, for a household visit). */
  caseId: uuid.optional(),
});

export const contact = z.object({
  id: uuid,
  residentId: uuid,
  residentName: z.string(),
  groupId: uuid.nullable(),
  caseId: uuid.nullable(),
  kind: z.enum(CONTACT_KINDS),
  serviceType: z.string().nullable(),
  occurredAt: z.string(),
  occurredOn: z.string(),
  durationMinutes: z.number().nullable(),
  workerId: uuid.nullable(),
  workerName: z.string().nullable(),
  notes: z.string().nullable(),
  attachments: z.array(z.object({ id: uuid, filename: z.string(), contentType: z.string(), size: z.number() })),
  /** The checklist in code-list order; followUpId once a flagged item became a follow-up task. */
  checklist: z.array(z.object({ item: z.string(), flagged: z.boolean(), note: z.string().nullable(), followUpId: uuid.nullable() })),
});
export type Contact = z.infer<typeof contact>;
export type ChecklistItem = Contact['checklist'][number];

/** Turn a flagged checklist item (e.g. a need found) into a follow-up task for the contact's resident. */
export const checklistFollowUpCreate = z.object({
  item: z.string().min(1).max(40),
  /** Business date the task is due (end of that day, Asia/Shanghai); default a week after the visit's record. */
  dueOn: z.iso.date().optional(),
  /** Default: the worker who made the visit, else the caller. */
  assignedTo: uuid.optional(),
});

export const contactListQuery = pageQuery.extend({
  residentId: uuid.optional(),
  area: areaCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  kind: z.enum(CONTACT_KINDS).optional(),
});

export const attachmentUpload = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  data: z.string().max(7_000_000), // base64, ≤ 5 MB decoded
});

export const dueQuery = z.object({
  /** `me`: my assigned residents (and unassigned ones in my area); `all`: everyone in scope, per worker. */
  scope: z.enum(['me', 'all']).default('me'),
  days: z.coerce.number().int().min(0).max(60).default(7),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const dueItem = z.object({
  residentId: uuid,
  name: z.string(),
  areaName: z.string(),
  careLevel,
  lastContactOn: z.string().nullable(),
  nextDueOn: z.string(),
  due: z.enum(['ok', 'due_soon', 'overdue']),
  daysOverdue: z.number().int(),
  assignedWorkerId: uuid.nullable(),
  assignedWorkerName: z.string().nullable(),
});
export const dueResponse = z.object({
  asOf: z.string(),
  items: z.array(dueItem),
  total: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  byWorker: z.array(
    z.object({ workerId: uuid.nullable(), workerName: z.string().nullable(), overdue: z.number().int(), dueSoon: z.number().int() }),
  ),
});

export const coverageQuery = z.object({
  area: areaCode.optional(), // default: the caller's area
  date: z.iso.date().optional(), // default: today (Asia/Shanghai)
  format: z.enum(['json', 'xlsx']).default('json'),
});
const coverageCell = z.object({
  code: z.string(),
  name: z.string(),
  registered: z.number().int(),
  covered: z.number().int(),
  overdue: z.number().int(),
  rate: z.number(),
});
export const coverageResponse = z.object({ date: z.string(), area: coverageCell, children: z.array(coverageCell) });

export const coverageBreakdownQuery = coverageQuery.pick({ area: true, date: true });
/** `key`: a care level (1..4, in force on the date) or a category code (a person counts under each of theirs). */
const breakdownRow = z.object({
  key: z.string(),
  registered: z.number().int(),
  covered: z.number().int(),
  overdue: z.number().int(),
  rate: z.number(),
});
export const coverageBreakdownResponse = z.object({
  date: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  byCareLevel: z.array(breakdownRow),
  byCategory: z.array(breakdownRow),
});

export const notification = z.object({
  id: uuid,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const notificationListQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type NotificationListQuery = z.output<typeof notificationListQuery>;
