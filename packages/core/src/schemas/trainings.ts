// API contract for trainings (培训), their sessions, registrations with a waiting list,
// attendance (QR, join code, list), evaluations and certificates of completion; the teacher
// pool (师资库); continuing-education hours (继续教育学时). Issue 10 items 4–5.
import { z } from 'zod';
import { SW_LEVELS } from '../workforce/codes.ts';
import { SESSION_MODES, TRAINING_LEVELS } from '../workforce/training.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });
const instant = z.iso.datetime({ offset: true, error: 'field.date' });
const text = (min: number, max: number) => z.string().trim().min(min, { error: 'field.required' }).max(max);
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: 'workforce.mobile' });
const version = z.number().int().min(1);

export const trainingLevel = z.enum(TRAINING_LEVELS);
export const sessionMode = z.enum(SESSION_MODES);
export const trainingStatus = z.enum(['open', 'closed', 'cancelled']);

export const trainingCreateBody = z.object({
  requestId: uuid.optional(),
  title: text(2, 100),
  level: trainingLevel,
  areaCode,
  orgId: uuid.nullable().optional(),
  description: optionalText(2000),
  /** Places; null is unlimited. */
  capacity: z.number().int().min(1).max(5000).nullable().optional(),
  /** Share of the course's hours to attend for a certificate of completion. */
  requiredShare: z.number().min(0.1).max(1).default(0.8),
});
export const trainingUpdateBody = trainingCreateBody
  .omit({ requestId: true, areaCode: true })
  .partial()
  .extend({ status: trainingStatus.optional(), version });

export const training = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  orgId: uuid.nullable(),
  orgName: z.string().nullable(),
  title: z.string(),
  level: trainingLevel,
  description: z.string().nullable(),
  capacity: z.number().int().nullable(),
  requiredShare: z.number(),
  status: trainingStatus,
  sessions: z.number().int(),
  hours: z.number(),
  firstStart: z.string().nullable(),
  lastEnd: z.string().nullable(),
  registered: z.number().int(),
  waiting: z.number().int(),
  version: z.number().int(),
});
export type Training = z.infer<typeof training>;

export const trainingListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  area: areaCode.optional(),
  level: trainingLevel.optional(),
  status: trainingStatus.optional(),
  /** Trainings with at least one session of this mode. */
  mode: sessionMode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});

const sessionFields = z.object({
  title: text(2, 100),
  startsAt: instant,
  endsAt: instant,
  mode: sessionMode,
  place: optionalText(200),
  streamUrl: z
    .url({ protocol: /^https?$/, error: 'training.streamUrl' })
    .max(500)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  hours: z.number().min(0.5).max(12),
  teacherId: uuid.nullable().optional(),
});
export const trainingSessionBody = sessionFields;
export const trainingSessionUpdate = sessionFields.partial().extend({ cancelled: z.boolean().optional(), version });

export const trainingSession = z.object({
  id: uuid,
  trainingId: uuid,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: sessionMode,
  place: z.string().nullable(),
  streamUrl: z.string().nullable(),
  hours: z.number(),
  teacherId: uuid.nullable(),
  teacherName: z.string().nullable(),
  /** The code the class enters online (staff only). */
  joinCode: z.string(),
  cancelled: z.boolean(),
  present: z.number().int(),
  version: z.number().int(),
});
export type TrainingSession = z.infer<typeof trainingSession>;

export const trainingDetail = training.extend({ sessionList: z.array(trainingSession) });
export type TrainingDetail = z.infer<typeof trainingDetail>;

export const registrationBody = z.union([z.object({ workerId: uuid }), z.object({ name: text(2, 30), mobile, orgName: text(2, 100) })]);
export const registrationStatus = z.enum(['registered', 'waiting', 'cancelled']);
export const registration = z.object({
  id: uuid,
  workerId: uuid.nullable(),
  personName: z.string(),
  mobileMasked: z.string().nullable(),
  orgName: z.string().nullable(),
  status: registrationStatus,
  /** Place on the waiting list (1 first), null when not waiting. */
  position: z.number().int().nullable(),
  registeredAt: z.string(),
  attendedHours: z.number(),
  presentSessionIds: z.array(uuid),
  completed: z.boolean(),
  certificateCode: z.string().nullable(),
});
export type Registration = z.infer<typeof registration>;

export const trainingParams = z.object({ id: uuid });
export const trainingSessionParams = z.object({ id: uuid, sessionId: uuid });
export const registrationParams = z.object({ id: uuid, registrationId: uuid });
export const sessionAttendanceBody = z.object({ registrationIds: z.array(uuid).min(1).max(500), present: z.boolean() });

export const evaluationBody = z.object({
  registrationId: uuid,
  /** Answers to the course questions (content, teaching, organisation, usefulness), 1–5 each. */
  answers: z.array(z.number().int().min(1).max(5)).length(4),
  comment: optionalText(500),
});
export const evaluationSummary = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  /** Mean per question. */
  byQuestion: z.array(z.number().nullable()),
  comments: z.array(z.string()),
});

export const certificateIssue = z.object({ issued: z.number().int(), registrations: z.array(registration) });
export const certificatePrint = z.object({
  code: z.string(),
  personName: z.string(),
  title: z.string(),
  level: trainingLevel,
  hours: z.number(),
  issuedOn: z.string(),
  orgName: z.string().nullable(),
  verifyUrl: z.string(),
});

// Public (no session): a training's page, sign-up, online attendance by join code, verification.
export const publicTraining = z.object({
  id: uuid,
  title: z.string(),
  level: trainingLevel,
  description: z.string().nullable(),
  orgName: z.string().nullable(),
  status: trainingStatus,
  capacity: z.number().int().nullable(),
  placesLeft: z.number().int().nullable(),
  sessions: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      mode: sessionMode,
      place: z.string().nullable(),
      hours: z.number(),
    }),
  ),
});
export const publicSignUpBody = z.object({ name: text(2, 30), mobile, orgName: text(2, 100) });
export const publicSignUpResult = z.object({
  status: z.enum(['registered', 'waiting']),
  position: z.number().int().nullable(),
  already: z.boolean(),
});
export const publicJoinBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'training.joinCode' }),
  name: text(2, 30),
  mobile,
});
export const publicJoinResult = z.object({ status: z.enum(['present', 'already']), session: z.string(), streamUrl: z.string().nullable() });
export const certificateCodeParams = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{10}$/),
});
export const publicCertificate = z.object({
  code: z.string(),
  maskedName: z.string(),
  title: z.string(),
  hours: z.number(),
  issuedOn: z.string(),
  /** A volunteer-service record certificate (志愿服务记录证明) says more: what was certified, by whom. */
  kind: z.enum(['training', 'volunteer']).optional(),
  volunteerNo: z.string().optional(),
  periodFrom: z.string().optional(),
  periodTo: z.string().optional(),
  services: z.number().int().optional(),
  content: z.string().optional(),
  issuer: z.string().optional(),
});

// Teachers (师资库)
export const teacherBody = z.object({
  name: text(2, 40),
  workerId: uuid.nullable().optional(),
  areaCode,
  affiliation: optionalText(100),
  subjects: z.array(z.string().trim().min(1).max(30)).min(1, { error: 'field.required' }).max(12),
  bio: optionalText(1000),
});
export const teacherUpdateBody = teacherBody.omit({ areaCode: true }).partial().extend({ active: z.boolean().optional(), version });
export const teacher = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  name: z.string(),
  workerId: uuid.nullable(),
  affiliation: z.string().nullable(),
  subjects: z.array(z.string()),
  bio: z.string().nullable(),
  active: z.boolean(),
  sessionsTaught: z.number().int(),
  rating: z.number().nullable(),
  ratings: z.number().int(),
  version: z.number().int(),
});
export type Teacher = z.infer<typeof teacher>;
export const teacherDetail = teacher.extend({
  sessions: z.array(
    z.object({ id: uuid, trainingId: uuid, trainingTitle: z.string(), title: z.string(), startsAt: z.string(), hours: z.number() }),
  ),
});
export const teacherListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  subject: z.string().trim().max(30).optional(),
  area: areaCode.optional(),
  active: z.enum(['yes', 'no', 'all']).default('yes'),
});

// Continuing-education hours
export const ceEntryBody = z.object({
  requestId: uuid.optional(),
  title: text(2, 100),
  provider: text(2, 100),
  onDate: isoDate,
  hours: z.number().min(0.5).max(200),
  /** The proof: an uploaded attachment (certificate, transcript). */
  attachmentId: uuid,
});
export const ceReviewBody = z.object({ decision: z.enum(['approved', 'rejected']), note: optionalText(200), version });
export const ceEntry = z.object({
  id: uuid,
  workerId: uuid,
  title: z.string(),
  provider: z.string(),
  onDate: z.string(),
  hours: z.number(),
  attachmentId: uuid,
  status: z.enum(['pending', 'approved', 'rejected']),
  reviewNote: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  version: z.number().int(),
});
export type CeEntry = z.infer<typeof ceEntry>;
export const ceCycleRecord = z.object({
  n: z.number().int(),
  start: z.string(),
  end: z.string(),
  level: z.enum(SW_LEVELS),
  required: z.number(),
  hours: z.number(),
  missing: z.number(),
  daysLeft: z.number().int(),
});
export const ceWorkerHours = z.object({
  workerId: uuid,
  cycles: z.array(ceCycleRecord),
  /** Sessions attended in Wushe trainings, credited automatically. */
  attended: z.array(
    z.object({ sessionId: uuid, trainingId: uuid, trainingTitle: z.string(), title: z.string(), day: z.string(), hours: z.number() }),
  ),
  entries: z.array(ceEntry),
});
export type CeWorkerHours = z.infer<typeof ceWorkerHours>;
export const ceBehindQuery = pageQuery.extend({
  area: areaCode.optional(),
  level: z.enum(SW_LEVELS).optional(),
  /** Only cycles ending within this many days. */
  withinDays: z.coerce.number().int().min(0).max(1100).optional(),
  format: z.enum(['json', 'xlsx']).default('json').optional(),
});
export const ceBehindRow = ceCycleRecord.extend({
  workerId: uuid,
  name: z.string(),
  orgName: z.string().nullable(),
  areaName: z.string(),
});
export const ceRequirements = z.object({
  assistant: z.number().int().min(0).max(500),
  intermediate: z.number().int().min(0).max(500),
  senior: z.number().int().min(0).max(500),
});

// The heads' review queue of outside hours, and a public account's own sign-up.
export const ceEntryListQuery = pageQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  area: areaCode.optional(),
});
export const ceQueueEntry = ceEntry.extend({ workerName: z.string(), orgName: z.string().nullable(), areaName: z.string() });
export const accountSignUpBody = z.object({ orgName: text(2, 100) });
export const accountRegistration = z.object({
  status: registrationStatus,
  position: z.number().int().nullable(),
  orgName: z.string().nullable(),
  attendedHours: z.number(),
  certificateCode: z.string().nullable(),
});
