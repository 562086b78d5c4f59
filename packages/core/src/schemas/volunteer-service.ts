// API contract for volunteer service (issue 11 items 6–8): posts that recruit volunteers for a
// community activity and the sign-ups to them, check-in and check-out with the hours they give
// and the organiser's decisions, the public list of open posts, and service-record certificates.
import { z } from 'zod';
import { HOURS_STATUSES, SIGNUP_STATUSES } from '../volunteers/codes.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';
import { myVolunteer } from './volunteers.ts';

const version = z.number().int().min(1);
const isoDate = z.iso.date({ error: 'field.date' });

export const signupStatus = z.enum(SIGNUP_STATUSES);
export const hoursStatus = z.enum(HOURS_STATUSES);

export const postBody = z.object({
  title: z.string().trim().min(2, { error: 'post.title' }).max(40, { error: 'post.title' }),
  duty: optionalText(300),
  skills: z.array(z.string().trim().min(1).max(30)).max(6).default([]),
  slots: z.number().int().min(1, { error: 'post.slots' }).max(500, { error: 'post.slots' }),
});
export const postUpdateBody = postBody.partial().extend({ status: z.enum(['open', 'closed']).optional(), version });
export const postParams = z.object({ id: uuid, postId: uuid });
export const signupParams = z.object({ id: uuid, signupId: uuid });
export const hoursParams = z.object({ id: uuid, hoursId: uuid });

export const volunteerPost = z.object({
  id: uuid,
  activityId: uuid,
  title: z.string(),
  duty: z.string().nullable(),
  skills: z.array(z.string()),
  slots: z.number().int(),
  accepted: z.number().int(),
  applied: z.number().int(),
  status: z.enum(['open', 'closed']),
  version: z.number().int(),
});
export type VolunteerPost = z.infer<typeof volunteerPost>;

export const volunteerSignup = z.object({
  id: uuid,
  postId: uuid,
  volunteerId: uuid,
  volunteerNo: z.string(),
  name: z.string(),
  /** The volunteer's skills, read when the organiser may read the register (else empty). */
  skills: z.array(z.string()),
  status: signupStatus,
  source: z.enum(['self', 'station', 'mobilisation']),
  createdAt: z.string(),
  version: z.number().int(),
});
export type VolunteerSignup = z.infer<typeof volunteerSignup>;

export const serviceHoursRecord = z.object({
  id: uuid,
  activityId: uuid,
  volunteerId: uuid,
  volunteerNo: z.string(),
  name: z.string(),
  checkinAt: z.string(),
  checkoutAt: z.string().nullable(),
  checkinMethod: z.enum(['qr', 'list']),
  checkoutMethod: z.enum(['qr', 'list', 'auto']).nullable(),
  minutes: z.number().int().nullable(),
  creditedMinutes: z.number().int().nullable(),
  missingCheckout: z.boolean(),
  status: hoursStatus,
  correctionReason: z.string().nullable(),
  version: z.number().int(),
});
export type ServiceHoursRecord = z.infer<typeof serviceHoursRecord>;

/** An activity's volunteers: its posts, the sign-ups and the hours records. */
export const activityVolunteers = z.object({
  activityId: uuid,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  posts: z.array(volunteerPost),
  signups: z.array(volunteerSignup),
  hours: z.array(serviceHoursRecord),
});
export type ActivityVolunteers = z.infer<typeof activityVolunteers>;

export const signupDecisionBody = z.object({ decision: z.enum(['accept', 'decline']), version });
/** The organiser adds a volunteer of the register to a post (accepted at once). */
export const stationSignupBody = z.object({ postId: uuid, volunteerId: uuid });

/** The organiser's list: check a volunteer in or out by hand. */
export const stationCheckinBody = z.object({ volunteerId: uuid, action: z.enum(['in', 'out']) });
export const hoursDecisionBody = z.object({
  ids: z.array(uuid).min(1, { error: 'field.required' }).max(500),
  decision: z.enum(['approve', 'decline']),
  reason: optionalText(200),
});
export const hoursCorrectionBody = z.object({
  minutes: z.number().int({ error: 'hours.minutes' }).min(0, { error: 'hours.minutes' }),
  reason: z.string().trim().min(2, { error: 'hours.reason' }).max(200, { error: 'hours.reason' }),
  version,
});
export const hoursDecisionResult = z.object({ changed: z.number().int(), skipped: z.number().int() });
export const hoursHistoryItem = z.object({
  action: z.enum(['checkin', 'checkout', 'auto_close', 'approve', 'correct', 'decline']),
  minutesBefore: z.number().int().nullable(),
  minutesAfter: z.number().int().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const hoursHistory = z.object({ items: z.array(hoursHistoryItem) });

/** The QR screen for volunteers: the rotating code and the counts. */
export const volunteerCheckinCode = z.object({
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  checkedIn: z.number().int(),
  accepted: z.number().int(),
});

// ---- Public: open posts, a volunteer's own sign-ups and check-ins

export const publicPostQuery = pageQuery.extend({
  area: areaCode.optional(),
  skill: z.string().trim().max(30).optional(),
  q: z.string().trim().max(40).optional(),
});
/** What the registration form offers: the installation's communities and the skills list. */
export const volunteerOptions = z.object({
  communities: z.array(z.object({ code: z.string(), name: z.string(), streetName: z.string() })),
  skills: z.array(z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string() })),
});
export const publicPost = z.object({
  id: uuid,
  title: z.string(),
  duty: z.string().nullable(),
  skills: z.array(z.string()),
  slots: z.number().int(),
  accepted: z.number().int(),
  activityId: uuid,
  activityTitle: z.string(),
  place: z.string(),
  areaName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type PublicPost = z.infer<typeof publicPost>;

export const mySignup = z.object({
  id: uuid,
  postId: uuid,
  postTitle: z.string(),
  activityId: uuid,
  activityTitle: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: signupStatus,
  hoursStatus: hoursStatus.nullable(),
  checkinAt: z.string().nullable(),
  checkoutAt: z.string().nullable(),
  creditedMinutes: z.number().int().nullable(),
});
export type MySignup = z.infer<typeof mySignup>;
export const publicSignupBody = z.object({ postId: uuid });
/** A scan of the activity's volunteer QR code (t: the code) checks in, or out with `out`. */
export const publicVolunteerCheckinBody = z.object({
  t: z.string().trim().min(6).max(40),
  action: z.enum(['in', 'out']),
});
export const publicVolunteerCheckinResult = z.object({
  status: z.enum(['in', 'out', 'already']),
  activityTitle: z.string(),
  checkinAt: z.string(),
  checkoutAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
});

// ---- Certificates (志愿服务记录证明)

export const certificateIssueBody = z.object({
  from: isoDate,
  to: isoDate,
  issuerContact: optionalText(60),
});
export const volunteerCertificate = z.object({
  id: uuid,
  code: z.string(),
  number: z.string(),
  name: z.string(),
  idKind: z.string(),
  idMasked: z.string().nullable(),
  volunteerNo: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  services: z.number().int(),
  content: z.string(),
  issuer: z.string(),
  issuerContact: z.string().nullable(),
  issuedOn: z.string(),
});
export type VolunteerCertificate = z.infer<typeof volunteerCertificate>;
export const volunteerCertificateList = z.object({ items: z.array(volunteerCertificate) });
export const serviceRecordQuery = z.object({ format: z.enum(['xlsx']).optional(), area: areaCode.optional() });
export const serviceRecord = z.object({
  activityTitle: z.string(),
  content: z.string().nullable(),
  place: z.string(),
  checkinAt: z.string(),
  checkoutAt: z.string().nullable(),
  creditedMinutes: z.number().int().nullable(),
  status: hoursStatus,
  orgName: z.string().nullable(),
  servedOn: z.string(),
});
export const serviceRecords = z.object({ items: z.array(serviceRecord), creditedMinutes: z.number().int() });

/** A volunteer's 工作台 (a staff account of the volunteer role linked to its record). */
export const volunteerHome = z.object({
  volunteer: myVolunteer,
  year: z.object({ minutes: z.number().int(), hours: z.number(), services: z.number().int() }).nullable(),
  signups: z.array(mySignup),
  claims: z.array(z.object({ wishId: uuid, title: z.string(), status: z.string(), claimedAt: z.string() })),
  certificates: z.array(
    z.object({
      code: z.string(),
      number: z.string(),
      periodFrom: z.string(),
      periodTo: z.string(),
      minutes: z.number().int(),
      hours: z.number(),
      issuedOn: z.string(),
      issuer: z.string(),
    }),
  ),
  posts: z.array(publicPost),
  wishes: z.array(z.object({ id: uuid, title: z.string(), label: z.string(), deadline: z.string() })),
});
export type VolunteerHome = z.infer<typeof volunteerHome>;
