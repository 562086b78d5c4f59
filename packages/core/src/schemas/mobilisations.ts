// API contract for 一呼百应 mobilisations (issue 11 item 9): a worker describes one or more needs
// (skills, place, time window, people), Wushe proposes the best-fitting volunteers (an exact
// assignment, each with why), the worker sends the calls, volunteers accept or decline on their
// phone, a decline is refilled from the next best, and each need shows how full it is.
import { z } from 'zod';
import { areaCode, pageQuery, uuid } from './common.ts';

const instant = z.iso.datetime({ offset: true, error: 'field.datetime' });

export const mobilisationNeedBody = z
  .object({
    title: z.string().trim().min(2, { error: 'field.required' }).max(40),
    skills: z.array(z.string().trim().min(1).max(30)).max(6).default([]),
    /** The community where it happens (12 digits). */
    areaCode,
    place: z.string().trim().min(2, { error: 'field.required' }).max(100),
    startsAt: instant,
    endsAt: instant,
    slots: z.number().int().min(1).max(200),
  })
  .refine((n) => Date.parse(n.endsAt) > Date.parse(n.startsAt), { path: ['endsAt'], error: 'mobilisation.time' });

export const mobilisationBody = z.object({
  title: z.string().trim().min(2, { error: 'field.required' }).max(60),
  needs: z.array(mobilisationNeedBody).min(1, { error: 'mobilisation.needs' }).max(20),
});
export const mobilisationListQuery = pageQuery.extend({
  /** In the title of the call-out or of one of its needs. */
  q: z.string().trim().max(40).optional(),
  area: areaCode.optional(),
  status: z.enum(['draft', 'sent', 'closed']).optional(),
  format: z.enum(['xlsx']).optional(),
});
/** Closing ends the call-out: calls still waiting expire (a stale version answers 409). */
export const mobilisationCloseBody = z.object({ version: z.number().int() });

export const matchReason = z.union([
  z.object({ key: z.literal('skill'), skills: z.array(z.string()) }),
  z.object({ key: z.literal('near'), level: z.enum(['community', 'street', 'district', 'city']) }),
  z.object({ key: z.literal('available'), anyTime: z.boolean() }),
  z.object({ key: z.literal('load'), recentCalls: z.number().int() }),
]);

export const mobilisationCall = z.object({
  id: uuid,
  needId: uuid,
  volunteerId: uuid,
  volunteerNo: z.string(),
  name: z.string(),
  status: z.enum(['sent', 'accepted', 'declined', 'expired']),
  cost: z.number().int(),
  reasons: z.array(matchReason),
  sentAt: z.string(),
  respondedAt: z.string().nullable(),
});
export const mobilisationNeed = z.object({
  id: uuid,
  title: z.string(),
  skills: z.array(z.string()),
  areaCode: z.string(),
  areaName: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  slots: z.number().int(),
  accepted: z.number().int(),
  waiting: z.number().int(),
  calls: z.array(mobilisationCall),
});
export const mobilisation = z.object({
  id: uuid,
  areaCode: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'sent', 'closed']),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  slots: z.number().int(),
  accepted: z.number().int(),
  needs: z.array(mobilisationNeed),
  version: z.number().int(),
});
export type Mobilisation = z.infer<typeof mobilisation>;
export const mobilisationSummary = mobilisation.omit({ needs: true });

/** A proposal: per need, the volunteers the exact matcher chose, each with why. */
export const proposal = z.object({
  needs: z.array(
    z.object({
      needId: uuid,
      unfilled: z.number().int(),
      chosen: z.array(
        z.object({
          volunteerId: uuid,
          volunteerNo: z.string(),
          name: z.string(),
          areaName: z.string(),
          cost: z.number().int(),
          reasons: z.array(matchReason),
        }),
      ),
    }),
  ),
  filled: z.number().int(),
  totalCost: z.number().int(),
  candidates: z.number().int(),
});
export type Proposal = z.infer<typeof proposal>;
export const sendCallsBody = z.object({
  calls: z
    .array(z.object({ needId: uuid, volunteerId: uuid }))
    .min(1, { error: 'field.required' })
    .max(2000),
});

export const myCall = z.object({
  id: uuid,
  title: z.string(),
  mobilisationTitle: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['sent', 'accepted', 'declined', 'expired']),
  reasons: z.array(matchReason),
});
export const callAnswerBody = z.object({ answer: z.enum(['accept', 'decline']) });
