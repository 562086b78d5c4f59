// API contract for the volunteer register (issue 11 item 5): volunteers (real name, sealed ID
// number and mobile, skills, availability, home community, teams, the platform's own number),
// their confirmation and status moves, self-registration by a public account, and teams.
import { z } from 'zod';
import { TEAM_ROLES, VOLUNTEER_ACTIONS, VOLUNTEER_SOURCES, VOLUNTEER_STATUSES } from '../volunteers/codes.ts';
import { areaCode, optionalText, pageQuery, uuid, versioned } from './common.ts';

const version = z.number().int().min(1);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'volunteer.time' });

/** Weekdays (Monday = 1) and hours the volunteer can serve; null: any time. */
export const availability = z
  .object({
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, { error: 'volunteer.weekdays' })
      .max(7)
      .transform((d) => [...new Set(d)].sort()),
    from: hhmm,
    to: hhmm,
  })
  .refine((a) => a.from < a.to, { error: 'volunteer.time', path: ['to'] });
export type Availability = z.output<typeof availability>;

export const volunteerStatus = z.enum(VOLUNTEER_STATUSES);
export const volunteerAction = z.enum(VOLUNTEER_ACTIONS);
export const teamRole = z.enum(TEAM_ROLES);

const realName = z.string().trim().min(2, { error: 'volunteer.name' }).max(20, { error: 'volunteer.name' });
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: 'volunteer.mobile' });
const idNumber = z.string().trim().min(1, { error: 'field.required' }).max(18);
const skills = z.array(z.string().trim().min(1).max(30)).max(12).default([]);

const volunteerFields = z.object({
  name: realName,
  idNumber,
  mobile,
  /** The home community (12-digit code). */
  areaCode,
  skills,
  availability: availability.nullable().default(null),
  note: optionalText(300),
});

export const volunteerCreateBody = volunteerFields.extend({
  /** A client-made id: a repeated submit returns the volunteer the first one made. */
  requestId: uuid.optional(),
  teamIds: z.array(uuid).max(5).default([]),
});
export type VolunteerCreateBody = z.output<typeof volunteerCreateBody>;

// No defaults here: a field left out of an edit stays as it is.
export const volunteerUpdateBody = z.object({
  name: realName.optional(),
  idNumber: idNumber.optional(),
  mobile: mobile.optional(),
  areaCode: areaCode.optional(),
  skills: z.array(z.string().trim().min(1).max(30)).max(12).optional(),
  availability: availability.nullable().optional(),
  note: optionalText(300),
  version,
});

export const volunteerTransitionBody = z.object({
  action: volunteerAction,
  reason: optionalText(200),
  version,
});

export const volunteerRevealBody = z.object({
  field: z.enum(['idNumber', 'mobile']),
  reason: z.string().trim().min(2, { error: 'field.required' }).max(200),
});

export const volunteerListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  area: areaCode.optional(),
  status: volunteerStatus.optional(),
  skill: z.string().trim().max(30).optional(),
  teamId: uuid.optional(),
  source: z.enum(VOLUNTEER_SOURCES).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'name', 'hours', '-hours', 'volunteerNo']).default('-createdAt'),
  format: z.enum(['xlsx']).optional(),
});

export const volunteerTeamRef = z.object({ id: uuid, name: z.string(), role: teamRole });

export const volunteer = z.object({
  id: uuid,
  volunteerNo: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  idMasked: z.string().nullable(),
  mobileMasked: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  skills: z.array(z.string()),
  availability: z.object({ weekdays: z.array(z.number()), from: z.string(), to: z.string() }).nullable(),
  status: volunteerStatus,
  source: z.enum(VOLUNTEER_SOURCES),
  note: z.string().nullable(),
  teams: z.array(volunteerTeamRef),
  /** Approved service, all time (whole minutes). */
  creditedMinutes: z.number().int(),
  services: z.number().int(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Volunteer = z.infer<typeof volunteer>;

// ---- Self-registration on the public site (the account's name and verified mobile)

export const publicVolunteerBody = z.object({
  name: realName,
  idNumber,
  areaCode,
  skills,
  availability: availability.nullable().default(null),
});
/** The signed-in account's own volunteer record, or null before registering. */
export const myVolunteer = z
  .object({
    id: uuid,
    volunteerNo: z.string(),
    name: z.string(),
    idMasked: z.string().nullable(),
    areaCode: z.string(),
    areaName: z.string(),
    skills: z.array(z.string()),
    availability: z.object({ weekdays: z.array(z.number()), from: z.string(), to: z.string() }).nullable(),
    status: volunteerStatus,
    teams: z.array(z.object({ name: z.string(), role: teamRole })),
    creditedMinutes: z.number().int(),
    services: z.number().int(),
  })
  .nullable();
export type MyVolunteer = z.infer<typeof myVolunteer>;
export const myVolunteerAnswer = z.object({ volunteer: myVolunteer });

// ---- Teams (志愿服务队)

export const teamBody = z.object({
  name: z.string().trim().min(2, { error: 'team.name' }).max(40, { error: 'team.name' }),
  areaCode,
  description: optionalText(300),
});
export const teamUpdateBody = teamBody
  .omit({ areaCode: true })
  .partial()
  .extend({ status: z.enum(['active', 'disbanded']).optional(), version });
export const teamListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  status: z.enum(['active', 'disbanded']).optional(),
});
export const teamMemberBody = z.object({ volunteerId: uuid, role: teamRole.default('member') });
export const teamMemberParams = z.object({ id: uuid, volunteerId: uuid });
export const teamMember = z.object({
  volunteerId: uuid,
  volunteerNo: z.string(),
  name: z.string(),
  role: teamRole,
  joinedOn: z.string(),
});
export const team = z.object({
  id: uuid,
  areaCode: z.string(),
  areaName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['active', 'disbanded']),
  members: z.number().int(),
  leaders: z.array(z.string()),
  version: z.number().int(),
});
export type Team = z.infer<typeof team>;
export const teamDetail = team.extend({ memberList: z.array(teamMember) });
export type TeamDetail = z.infer<typeof teamDetail>;
export const versionOnly = versioned;
