// API contract for groups (小组, domain brief §7): a group with a goal, a type from the
// group_type code list, a worker, members (registered residents, or others by name with an
// optional mobile number kept only as a blind index), planned sessions, each recorded once
// held with attendance, content and a short evaluation, and satisfaction (满意度 1–5) from its
// members. Outputs: sessions held of planned, person-times (人次) summed over sessions.
import { z } from 'zod';
import { mobilePhone } from './residents.ts';
import { areaCode, optionalText, pageQuery, uuid, versioned } from './common.ts';

export const GROUP_STATUSES = ['recruiting', 'running', 'ended', 'cancelled'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const requiredText = (max: number) => z.string().trim().min(1, { error: 'field.required' }).max(max);
const instant = z.iso.datetime({ offset: true, error: 'group.instant' });

export const groupSummary = z.object({
  id: uuid,
  name: z.string(),
  type: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  workerId: uuid,
  workerName: z.string(),
  status: z.enum(GROUP_STATUSES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  memberCount: z.number().int(),
  sessionsPlanned: z.number().int(),
  sessionsHeld: z.number().int(),
  /** 人次: members and guests present, summed over the held sessions. */
  personTimes: z.number().int(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const groupDetail = groupSummary.extend({
  goal: z.string(),
  targetGroup: z.string().nullable(),
  orgId: uuid.nullable(),
  /** The mean satisfaction to one decimal (null: nobody answered) and how many answered. */
  satisfaction: z.number().nullable(),
  satisfactionCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupDetail = z.infer<typeof groupDetail>;

export const groupListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  type: z.string().max(40).optional(),
  status: z.enum(GROUP_STATUSES).optional(),
  /** `me` (the caller's groups) or a worker's id. */
  worker: z.union([z.literal('me'), uuid]).optional(),
  /** Groups a resident is (or was) a member of. */
  resident: uuid.optional(),
  area: areaCode.optional(),
  sort: z.enum(['-startsOn', 'startsOn', 'name']).default('-startsOn'),
});
export type GroupListQuery = z.output<typeof groupListQuery>;
export const groupExportQuery = groupListQuery.omit({ page: true, pageSize: true });

/** Planned sessions: `count` from `firstAt`, every `intervalDays` (weekly by default), or explicit times. */
export const groupSchedule = z.object({
  count: z.number().int().min(1).max(100),
  firstAt: instant,
  intervalDays: z.number().int().min(1).max(60).default(7),
  durationMinutes: z.number().int().min(15).max(600).default(90),
});

export const sessionPlan = z
  .object({
    startsAt: instant,
    endsAt: instant,
    theme: optionalText(100),
    place: optionalText(100),
  })
  .refine((s) => s.endsAt > s.startsAt, { path: ['endsAt'], error: 'group.endsBeforeStart' });

export const groupCreate = z
  .object({
    name: requiredText(100),
    type: requiredText(40),
    goal: requiredText(1000),
    targetGroup: optionalText(200),
    /** The street or community it belongs to (default: the caller's area). */
    areaCode: areaCode.optional(),
    /** The worker who runs it (default: the caller). */
    workerId: uuid.optional(),
    place: optionalText(100),
    schedule: groupSchedule.optional(),
    sessions: z.array(sessionPlan).min(1).max(100).optional(),
  })
  .refine((g) => Boolean(g.schedule) !== Boolean(g.sessions), { path: ['schedule'], error: 'group.scheduleOne' });
export type GroupCreate = z.input<typeof groupCreate>;

export const groupUpdate = versioned.extend({
  name: requiredText(100).optional(),
  type: requiredText(40).optional(),
  goal: requiredText(1000).optional(),
  targetGroup: optionalText(200),
  workerId: uuid.optional(),
  /** ended (at least one session held) or cancelled (none held yet); running follows the first record. */
  status: z.enum(['ended', 'cancelled']).optional(),
});

export const groupMember = z.object({
  id: uuid,
  residentId: uuid.nullable(),
  personName: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  /** Held sessions this member was present at. */
  attended: z.number().int(),
});
export type GroupMember = z.infer<typeof groupMember>;

const otherPerson = z.object({
  name: requiredText(40),
  mobile: z.union([mobilePhone, z.literal('').transform(() => undefined)]).optional(),
});

export const memberAdd = z
  .object({
    residentIds: z.array(uuid).max(50).default([]),
    others: z.array(otherPerson).max(50).default([]),
  })
  .refine((m) => m.residentIds.length + m.others.length > 0, { path: ['residentIds'], error: 'group.membersNone' });

export const memberParams = z.object({ id: uuid, memberId: uuid });
export const sessionParams = z.object({ id: uuid, sid: uuid });

export const groupSession = z.object({
  id: uuid,
  seq: z.number().int(),
  theme: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  status: z.enum(SESSION_STATUSES),
  content: z.string().nullable(),
  evaluation: z.string().nullable(),
  /** Members ticked present, and guests (not members) present by name. */
  presentMemberIds: z.array(uuid),
  guests: z.array(z.string()),
  present: z.number().int(),
  version: z.number().int(),
});
export type GroupSession = z.infer<typeof groupSession>;

export const sessionChange = versioned.extend({
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  theme: requiredText(100).optional(),
  place: optionalText(100),
  status: z.enum(['planned', 'cancelled']).optional(),
});

export const sessionRecord = versioned.extend({
  presentMemberIds: z.array(uuid).max(200).default([]),
  guests: z.array(otherPerson).max(100).default([]),
  content: requiredText(2000),
  evaluation: requiredText(1000),
});

export const groupSatisfactionBody = z.object({
  memberId: uuid,
  score: z.number().int().min(1, { error: 'group.score' }).max(5, { error: 'group.score' }),
  comment: optionalText(500),
});

export const groupSatisfaction = z.object({
  items: z.array(
    z.object({
      id: uuid,
      personName: z.string(),
      residentId: uuid.nullable(),
      score: z.number().int(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
  mean: z.number().nullable(),
});
export type GroupSatisfaction = z.infer<typeof groupSatisfaction>;
