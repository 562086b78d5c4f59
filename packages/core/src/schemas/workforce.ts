// API contract for the workforce register (社工人才库, issue 10 items 1–2): workers with their
// certificates and titles, certification-required posts (持证上岗) and the certification
// statistics (持证率) by area and organisation.
import { z } from 'zod';
import { CERT_KINDS, EDUCATION_LEVELS, PRACTICE_FIELDS, SW_LEVELS, TITLE_KINDS, WORKER_POSTS } from '../workforce/codes.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });
const optionalDate = isoDate
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));
const mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, { error: 'workforce.mobile' })
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

export const workerPost = z.enum(WORKER_POSTS);
export const certKind = z.enum(CERT_KINDS);
export const titleKind = z.enum(TITLE_KINDS);
export const swLevel = z.enum(SW_LEVELS);

export const workerCertificateBody = z.object({
  kind: certKind,
  number: optionalText(40),
  obtainedOn: isoDate,
  registeredOn: optionalDate,
});
export const workerCertificateUpdate = workerCertificateBody.partial().extend({ version: z.number().int().min(1) });

export const workerCertificate = z.object({
  id: uuid,
  workerId: uuid,
  kind: certKind,
  number: z.string().nullable(),
  obtainedOn: z.string(),
  registeredOn: z.string().nullable(),
  /** The registration cycle containing today (null before or without registration). */
  cycle: z.object({ n: z.number().int(), start: z.string(), end: z.string() }).nullable(),
  version: z.number().int(),
});
export type WorkerCertificate = z.infer<typeof workerCertificate>;

export const workerTitleBody = z.object({
  title: titleKind,
  year: z.number().int().min(1990).max(2100),
  grantedBy: z.string().trim().min(2, { error: 'field.required' }).max(100),
});
export const workerTitle = workerTitleBody.extend({ id: uuid, workerId: uuid });
export type WorkerTitle = z.infer<typeof workerTitle>;

export const workerCreateBody = z.object({
  /** A client-made id: a repeated submit returns the entry made by the first. */
  requestId: uuid.optional(),
  name: z.string().trim().min(2, { error: 'field.required' }).max(40),
  gender: z.enum(['male', 'female']).nullable().optional(),
  birthDate: optionalDate,
  idNumber: z
    .string()
    .trim()
    .max(18)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  mobile,
  areaCode,
  orgId: uuid.nullable().optional(),
  post: workerPost,
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  major: optionalText(60),
  startedInFieldOn: optionalDate,
  fields: z.array(z.enum(PRACTICE_FIELDS)).max(12).default([]),
  languages: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
});
export type WorkerCreateBody = z.output<typeof workerCreateBody>;

export const workerUpdateBody = workerCreateBody
  .omit({ requestId: true, fields: true, languages: true })
  .partial()
  .extend({
    fields: z.array(z.enum(PRACTICE_FIELDS)).max(12).optional(),
    languages: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
    version: z.number().int().min(1),
  });

export const workerLeaveBody = z.object({ leftOn: isoDate, version: z.number().int().min(1) });
export const workerLinkBody = z.object({ userId: uuid.nullable(), version: z.number().int().min(1) });
export const workerClaimBody = z.object({ idNumber: z.string().trim().min(15, { error: 'field.required' }).max(18) });
export const workerRevealBody = z.object({
  field: z.enum(['idNumber', 'mobile']),
  reason: z.string().trim().min(2, { error: 'reveal.reason' }).max(200),
});
export const workerRevealResponse = z.object({ field: z.enum(['idNumber', 'mobile']), value: z.string().nullable() });

export const worker = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  orgId: uuid.nullable(),
  orgName: z.string().nullable(),
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  idMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  post: workerPost,
  education: z.enum(EDUCATION_LEVELS).nullable(),
  major: z.string().nullable(),
  startedInFieldOn: z.string().nullable(),
  yearsInField: z.number().int().nullable(),
  fields: z.array(z.string()),
  languages: z.array(z.string()),
  status: z.enum(['active', 'left']),
  leftOn: z.string().nullable(),
  /** Highest social-work level held today. */
  level: swLevel.nullable(),
  titles: z.array(titleKind),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Worker = z.infer<typeof worker>;

export const workerDetail = worker.extend({
  certificates: z.array(workerCertificate),
  titleRecords: z.array(workerTitle),
});
export type WorkerDetail = z.infer<typeof workerDetail>;

export const workerListQuery = pageQuery.extend({
  /** A name fragment, or the last 4 characters of the ID number. */
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  org: uuid.optional(),
  post: workerPost.optional(),
  level: z.enum([...SW_LEVELS, 'none']).optional(),
  certified: z.enum(['yes', 'no']).optional(),
  title: titleKind.optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
  sort: z.enum(['name', 'areaCode', '-startedInFieldOn']).default('areaCode'),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

export const certParams = z.object({ id: uuid, certId: uuid });
export const titleParams = z.object({ id: uuid, titleId: uuid });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const requirementBody = z.object({
  areaCode,
  orgId: uuid.nullable().optional(),
  post: workerPost,
  deadline: isoDate,
  note: optionalText(200),
});
export const requirement = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  orgId: uuid.nullable(),
  orgName: z.string().nullable(),
  post: workerPost,
  deadline: z.string(),
  note: z.string().nullable(),
  /** People in the post (active, in the area and organisation). */
  inPost: z.number().int(),
  uncertified: z.array(z.object({ id: uuid, name: z.string(), orgName: z.string().nullable(), areaName: z.string() })),
});
export type Requirement = z.infer<typeof requirement>;

export const workforceStatsQuery = z.object({ area: areaCode.optional(), date: isoDate.optional() });

const levelCounts = z.object({
  workers: z.number().int(),
  certified: z.number().int(),
  assistant: z.number().int(),
  intermediate: z.number().int(),
  senior: z.number().int(),
  rate: z.number().nullable(),
});
export const workforceStats = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  date: z.string(),
  total: levelCounts,
  /** By child area (province → street), or by organisation within a street. */
  groupBy: z.enum(['area', 'org']),
  rows: z.array(levelCounts.extend({ key: z.string(), name: z.string(), drill: z.string().nullable() })),
  requirements: z.array(requirement),
});
export type WorkforceStats = z.infer<typeof workforceStats>;
