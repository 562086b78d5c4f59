// API contract for residents in need (服务对象档案). Sensitive values leave the server only
// masked; `POST /residents/{id}/reveal` returns one value, with a reason, audited.
import { z } from 'zod';
import { documentType } from '../residents/documents.ts';
import { areaCode, optionalText, pageQuery, problem, uuid } from './common.ts';

export const careLevel = z.number().int().min(1).max(4); // 关爱等级
const text = (max: number) => z.string().trim().max(max);
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { error: 'phone.format' });
const optionalPhone = mobilePhone
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));
const isoDate = z.iso.date();

export const householdMember = z.object({
  name: text(30).min(1, { error: 'field.required' }),
  relation: text(20).min(1, { error: 'field.required' }), // 配偶, 子女, 父母, 孙子女 …
  phone: optionalPhone,
  note: optionalText(100),
});
export const emergencyContact = z.object({
  name: text(30).min(1, { error: 'field.required' }),
  relation: text(20).min(1, { error: 'field.required' }),
  phone: mobilePhone,
});
export const guardian = emergencyContact.extend({ idNumber: optionalText(30) });
export const consent = z.object({
  purpose: text(200).min(1, { error: 'field.required' }),
  date: isoDate,
  givenBy: text(30).min(1, { error: 'field.required' }), // the resident or the guardian's name
  byGuardian: z.boolean().default(false),
});

/** What a worker fills in to register a resident; the server checks the ID against today. */
export const residentInput = z.object({
  name: text(30).min(2, { error: 'field.required' }),
  documentType: documentType.default('resident_id'),
  idNumber: z.string().trim().min(1, { error: 'field.required' }).max(40),
  phone: optionalPhone,
  address: optionalText(200),
  areaCode, // community or grid
  householdMembers: z.array(householdMember).max(20).default([]),
  emergencyContacts: z.array(emergencyContact).max(5).default([]),
  guardian: guardian.nullable().optional(), // required under 14
  householdId: uuid.nullable().optional(), // share a household with registered residents
  categories: z.array(z.string().max(40)).max(20).default([]),
  assistanceStatus: z.string().max(40).nullable().optional(),
  careLevel,
  healthNotes: optionalText(2000),
  notes: optionalText(2000),
  consent,
  assignedWorkerId: uuid.nullable().optional(),
  /** Register even though a possible duplicate (same name, birth date, community) exists. */
  allowPossibleDuplicate: z.boolean().default(false),
});
export type ResidentInput = z.infer<typeof residentInput>;

// On an update a family member's phone (and a guardian's ID number) may be left blank: the
// stored one is kept for the same name and relation (the form only ever sees them masked).
const keptPhone = z.union([mobilePhone, z.literal('').transform(() => undefined)]).optional();
export const emergencyContactUpdate = emergencyContact.extend({ phone: keptPhone });

export const residentUpdate = residentInput
  .omit({ allowPossibleDuplicate: true })
  .partial()
  .extend({
    emergencyContacts: z.array(emergencyContactUpdate).max(5).optional(),
    guardian: emergencyContactUpdate
      .extend({ idNumber: optionalText(30) })
      .nullable()
      .optional(),
    status: z.enum(['active', 'moved', 'deceased']).optional(),
    careLevelReason: optionalText(200), // why the level changed by hand
    version: z.number().int().min(1),
  });

export const RESIDENT_STATUSES = ['active', 'moved', 'deceased', 'merged'] as const;
export const dueState = z.enum(['ok', 'due_soon', 'overdue']);

export const residentSummary = z.object({
  id: uuid,
  name: z.string(),
  documentType: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  areaCode: z.string(),
  areaName: z.string(),
  categories: z.array(z.string()),
  assistanceStatus: z.string().nullable(),
  careLevel,
  status: z.enum(RESIDENT_STATUSES),
  lastContactOn: z.string().nullable(),
  nextDueOn: z.string(),
  due: dueState,
  assignedWorkerId: uuid.nullable(),
  assignedWorkerName: z.string().nullable(),
  registeredOn: z.string(),
  version: z.number().int(),
});
export type ResidentSummary = z.infer<typeof residentSummary>;

const maskedPerson = z.object({
  name: z.string(),
  relation: z.string(),
  phoneMasked: z.string().nullable(),
  note: z.string().nullable().optional(),
});

export const residentDetail = residentSummary.extend({
  address: z.string().nullable(),
  householdId: uuid.nullable(),
  householdMembers: z.array(maskedPerson),
  emergencyContacts: z.array(maskedPerson),
  guardian: maskedPerson.nullable(),
  hasHealthNotes: z.boolean(),
  notes: z.string().nullable(),
  consent: consent.nullable(),
  mergedInto: uuid.nullable(),
  careLevelHistory: z.array(
    z.object({
      fromLevel: z.number().nullable(),
      toLevel: z.number(),
      reason: z.string().nullable(),
      changedAt: z.string(),
      changedByName: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResidentDetail = z.infer<typeof residentDetail>;

export const residentListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(), // name fragment, pinyin initials, exact ID number or phone
  area: areaCode.optional(),
  category: z.string().max(40).optional(),
  careLevel: z.coerce.number().int().min(1).max(4).optional(),
  assistanceStatus: z.string().max(40).optional(),
  status: z.enum(RESIDENT_STATUSES).default('active'),
  overdue: z.enum(['true', 'false']).optional(),
  worker: uuid.optional(),
  // Responsible worker: `mine` = the caller's caseload, `unassigned` = nobody's yet.
  mine: z.enum(['true', 'false']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  // The 工作台's figures: due this week, no assessment in the past year.
  due: z.enum(['due_soon']).optional(),
  withoutAssessment: z.enum(['true']).optional(),
  /** Who stood on the register / covered / not covered / overdue on `asOf` (default today) in `area` then, at `careLevel` then: the coverage page's figures. */
  coverage: z.enum(['registered', 'covered', 'uncovered', 'overdue']).optional(),
  asOf: z.iso.date().optional(),
  sort: z.enum(['name', 'nextDueOn', '-nextDueOn', 'careLevel', '-registeredOn', 'areaCode']).default('nextDueOn'),
});

export const REVEAL_FIELDS = ['idNumber', 'phone', 'healthNotes', 'family'] as const;
export const revealBody = z.object({
  field: z.enum(REVEAL_FIELDS),
  reason: z.string().trim().min(2, { error: 'reveal.reason' }).max(200),
});
/** `family`: household members, emergency contacts and guardian with full phones. */
export const revealResponse = z.object({ field: z.enum(REVEAL_FIELDS), value: z.unknown() });

/** 409 `resident.possibleDuplicate` carries the candidates as an extension member. */
export const duplicateCandidate = z.object({
  id: uuid,
  name: z.string(),
  idMasked: z.string(),
  birthDate: z.string().nullable(),
  areaName: z.string(),
});
export const possibleDuplicateProblem = problem.extend({ candidates: z.array(duplicateCandidate) });

export const mergeBody = z.object({ intoId: uuid, version: z.number().int().min(1), reason: z.string().trim().min(2).max(200) });

export const IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const;
export const importQuery = z.object({
  filename: z.string().trim().min(1).max(200),
  mode: z.enum(IMPORT_MODES).default('all_or_nothing'),
});
export const importJob = z.object({
  id: uuid,
  filename: z.string(),
  mode: z.enum(IMPORT_MODES),
  status: z.enum(['queued', 'reading', 'validating', 'importing', 'done', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  accepted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
export const importReportRow = z.object({
  row: z.number().int(), // the spreadsheet row number
  status: z.enum(['accepted', 'updated', 'unchanged', 'rejected']),
  name: z.string().nullable(),
  idMasked: z.string().nullable(),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
});
/** A report row as the JSON report gives it: `imported` is false for good rows of an all-or-nothing import with errors. */
export const importReportEntry = importReportRow.extend({ imported: z.boolean() });

export const codeListEntry = z.object({
  code: z.string().min(1).max(40),
  labelZh: z.string().min(1).max(40),
  labelEn: z.string().min(1).max(60),
  sort: z.number().int(),
  active: z.boolean(),
});
export const CODE_LISTS = [
  'resident_category',
  'assistance_status',
  'service_type',
  'visit_checklist',
  'case_type',
  'group_type',
  'wish_category',
  'volunteer_skill',
] as const;
