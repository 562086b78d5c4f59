// API contract for community activities (社区活动): the activity (time, place, capacity,
// organiser, partners, target group), its attendance (sign-up by a worker, ticked from the
// list, scanned by QR, recorded afterwards), photos and summary afterwards, and satisfaction
// (满意度 1–5 with a comment). The public check-in shapes (any occasion kind) are here too.
import { z } from 'zod';
import { mobilePhone } from './residents.ts';
import { areaCode, optionalText, pageQuery, uuid, versioned } from './common.ts';

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const MARK_METHODS = ['list', 'qr', 'after', 'code'] as const;

const requiredText = (max: number) => z.string().trim().min(1, { error: 'field.required' }).max(max);
const isoDate = z.iso.date({ error: 'field.date' });
/** An instant as ISO 8601 with an offset (`2026-05-01T09:00:00+08:00` or `…Z`). */
const instant = z.iso.datetime({ offset: true, error: 'field.datetime' });

export const activitySummary = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int().nullable(),
  organiserId: uuid,
  organiserName: z.string(),
  targetGroup: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  signedUp: z.number().int(),
  present: z.number().int(),
});
export type ActivitySummary = z.infer<typeof activitySummary>;

export const activityDetail = activitySummary.extend({
  description: z.string().nullable(),
  partners: z.array(z.string()),
  orgName: z.string().nullable(),
  summary: z.string().nullable(),
  photoIds: z.array(uuid),
  satisfactionMean: z.number().nullable(),
  satisfactionCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

export const activityListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  /** Activities starting on or after / on or before these days (Asia/Shanghai). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only the caller's own (organiser). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  area: areaCode.optional(),
  sort: z.enum(['-startsAt', 'startsAt', 'title']).default('-startsAt'),
});
export type ActivityListQuery = z.output<typeof activityListQuery>;
export const activityExportQuery = activityListQuery.omit({ page: true, pageSize: true });

const activityFields = z.object({
  title: requiredText(100),
  description: optionalText(2000),
  targetGroup: optionalText(100),
  place: requiredText(100),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(1).max(10000).nullable().optional(),
  /** The worker in charge (default: the caller), a worker of the activity's area. */
  organiserId: uuid.optional(),
  partners: z.array(requiredText(60)).max(10).default([]),
});

const endsAfterStart = (a: { startsAt?: string; endsAt?: string }) =>
  !a.startsAt || !a.endsAt || Date.parse(a.endsAt) > Date.parse(a.startsAt);

export const activityCreate = activityFields
  .extend({ areaCode: areaCode.optional() })
  .refine(endsAfterStart, { path: ['endsAt'], error: 'activity.endsBeforeStart' });
export type ActivityCreate = z.input<typeof activityCreate>;

export const activityUpdate = versioned
  .extend({
    ...activityFields.partial().shape,
    partners: z.array(requiredText(60)).max(10).optional(),
    /** Afterwards: what happened, and the photos (ids from POST /attachments). */
    summary: optionalText(4000),
    photoIds: z.array(uuid).max(30).optional(),
  })
  .refine(endsAfterStart, { path: ['endsAt'], error: 'activity.endsBeforeStart' });
export type ActivityUpdate = z.input<typeof activityUpdate>;

export const activityStatusChange = versioned.extend({ to: z.enum(['held', 'cancelled']) });

export const otherPerson = z.object({
  name: requiredText(30),
  mobile: mobilePhone.optional().or(z.literal('').transform(() => undefined)),
});

export const attendanceRow = z.object({
  id: uuid,
  residentId: uuid.nullable(),
  personName: z.string(),
  signedUpAt: z.string().nullable(),
  attendedAt: z.string().nullable(),
  method: z.enum(MARK_METHODS).nullable(),
});
export type AttendanceRowView = z.infer<typeof attendanceRow>;

export const attendanceList = z.object({
  items: z.array(attendanceRow),
  signedUp: z.number().int(),
  present: z.number().int(),
  capacity: z.number().int().nullable(),
});
export type AttendanceList = z.infer<typeof attendanceList>;

/** One body for the attendance writes: sign people up, mark them present (from the list or afterwards), or un-tick. */
export const attendanceAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('signUp'),
    residentIds: z.array(uuid).max(200).default([]),
    others: z.array(otherPerson).max(200).default([]),
  }),
  z.object({
    action: z.literal('present'),
    residentIds: z.array(uuid).max(200).default([]),
    others: z.array(otherPerson).max(200).default([]),
  }),
  z.object({ action: z.literal('mark'), attendanceId: uuid, present: z.boolean() }),
]);
export type AttendanceAction = z.input<typeof attendanceAction>;

export const satisfactionAnswer = z.object({
  id: uuid,
  personName: z.string(),
  residentId: uuid.nullable(),
  score: z.number().int(),
  comment: z.string().nullable(),
  at: z.string(),
  byParticipant: z.boolean(),
});
export const satisfactionList = z.object({
  items: z.array(satisfactionAnswer),
  mean: z.number().nullable(),
  count: z.number().int(),
});
export type SatisfactionList = z.infer<typeof satisfactionList>;

const score = z.number().int().min(1, { error: 'satisfaction.score' }).max(5, { error: 'satisfaction.score' });

/** A worker records the answer of someone on the attendance list. */
export const satisfactionRecord = z.object({ attendanceId: uuid, score, comment: optionalText(500) });

// ---- check-in by rotating QR code (any occasion kind) ----

export const checkinParams = z.object({ kind: z.string().regex(/^[a-z_]{1,30}$/, { error: 'checkin.kind' }), id: uuid });

export const checkinCode = z.object({
  /** The check-in page's path with the current token (`/c/<kind>/<id>?t=…`); the screen adds its origin. */
  url: z.string(),
  token: z.string(),
  /** When the screen should show the next code (the token stays valid one more minute). */
  expiresAt: z.string(),
  present: z.number().int(),
  signedUp: z.number().int(),
});

export const publicCheckinQuery = z.object({ t: z.string().max(40).optional() });

/** What a phone sees without a session: the occasion only, never a participant. */
export const publicOccasion = z.object({
  kind: z.string(),
  title: z.string(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  orgName: z.string().nullable(),
  /** early: more than 30 min before the start; open; closed: ended or cancelled. */
  window: z.enum(['early', 'open', 'closed']),
  tokenValid: z.boolean(),
});
export type PublicOccasion = z.infer<typeof publicOccasion>;

export const publicCheckinBody = z.object({
  t: z.string().min(1, { error: 'field.required' }).max(40),
  name: requiredText(30),
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, { error: 'checkin.mobile' }),
});

export const publicCheckinResult = z.object({
  status: z.enum(['present', 'already']),
  name: z.string(),
  /** Attendance id + HMAC: lets this phone answer the satisfaction question later. */
  receipt: z.string(),
});
export type PublicCheckinResult = z.infer<typeof publicCheckinResult>;

export const publicSatisfactionBody = z.object({
  receipt: z.string().min(1, { error: 'field.required' }).max(120),
  score,
  comment: optionalText(500),
});
