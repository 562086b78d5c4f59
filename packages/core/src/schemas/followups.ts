// API contract for follow-up tasks (跟进任务), e.g. within 48 hours of an urgent screening flag.
import { z } from 'zod';
import { areaCode, pageQuery, uuid } from './common.ts';

export const FOLLOW_UP_STATUSES = ['open', 'overdue', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const followUp = z.object({
  id: uuid,
  residentId: uuid,
  residentName: z.string(),
  areaCode: z.string(),
  /** The area's name (its code when the division is unknown). */
  areaName: z.string(),
  reason: z.string(),
  assessmentId: uuid.nullable(),
  dueAt: z.string(),
  assignedTo: uuid.nullable(),
  assignedToName: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: uuid.nullable(),
  doneByName: z.string().nullable(),
  outcome: z.string().nullable(),
  contactId: uuid.nullable(),
  /** The case this is a task of (个案任务), if any. */
  caseId: uuid.nullable(),
  createdAt: z.string(),
  /** `overdue`: open past its due time. */
  status: z.enum(FOLLOW_UP_STATUSES),
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpListQuery = pageQuery.extend({
  /** `open` includes overdue ones. */
  status: z.enum(['open', 'overdue', 'done', 'all']).default('open'),
  /** Only those assigned to the caller. */
  mine: z.enum(['true', 'false']).default('false'),
  area: areaCode.optional(),
  residentId: uuid.optional(),
  /** A case's tasks. */
  caseId: uuid.optional(),
});

/** The export takes the list filters; paging is ignored. */
export const followUpExportQuery = followUpListQuery.omit({ page: true, pageSize: true });

export const followUpComplete = z.object({
  outcome: z.string({ error: 'followUp.outcome' }).trim().min(1, { error: 'followUp.outcome' }).max(500, { error: 'followUp.outcomeLong' }),
  contactId: uuid.nullable().optional(),
});

// Follow-ups made by hand (issue 8, item 9): for any resident, due by a time, to a worker.
export const followUpCreate = z.object({
  residentId: uuid,
  reason: z.string({ error: 'followUp.reason' }).trim().min(2, { error: 'followUp.reason' }).max(500),
  dueAt: z.iso.datetime({ offset: true }),
  /** Default: the caller. Another worker needs resident.assign. */
  assignedTo: uuid.nullable().optional(),
  /** A task of the resident's case (not closed): on the case's timeline too. */
  caseId: uuid.optional(),
});
export const followUpReassign = z.object({ assignedTo: uuid });

/** The urgent follow-up's deadline: the end of the flag's day plus this many days (0 = same day). */
export const urgentFollowUpSetting = z.object({ days: z.number().int().min(0).max(7) });
export const URGENT_FOLLOW_UP_DEFAULT_DAYS = 0;
