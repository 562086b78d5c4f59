// API contract for supervision (督导): sessions a head or supervisor holds with a worker or a
// team (cases discussed, advice, follow-up actions with due dates), and the caseload view a
// supervisor works from: per worker, active cases by stage, overdue actions and, per case,
// days since the last contact.
import { z } from 'zod';
import { CASE_STAGES } from '../casework/workflow.ts';
import { areaCode, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });

export const supervisionAction = z.object({
  text: z.string().trim().min(1, { error: 'field.required' }).max(300),
  dueOn: isoDate,
  /** The worker who does it (one of the session's workers). */
  workerId: uuid,
});

export const supervisionCreate = z.object({
  heldOn: isoDate,
  format: z.enum(['individual', 'group']),
  workerIds: z.array(uuid).min(1, { error: 'field.required' }).max(30),
  caseIds: z.array(uuid).max(30).default([]),
  /** Advice and discussion: sealed at rest (it names cases and people). */
  advice: z.string().trim().min(1, { error: 'field.required' }).max(4000),
  actions: z.array(supervisionAction).max(20).default([]),
});

export const supervisionSession = z.object({
  id: uuid,
  areaCode: z.string(),
  heldOn: z.string(),
  format: z.enum(['individual', 'group']),
  supervisorId: uuid,
  supervisorName: z.string(),
  workers: z.array(z.object({ id: uuid, name: z.string() })),
  cases: z.array(z.object({ id: uuid, caseNo: z.string() })),
  advice: z.string(),
  actions: z.array(supervisionAction.extend({ workerName: z.string(), doneOn: z.string().nullable(), overdue: z.boolean() })),
  version: z.number().int(),
  createdAt: z.string(),
});
export type SupervisionSession = z.infer<typeof supervisionSession>;

export const supervisionListQuery = pageQuery.extend({
  worker: uuid.optional(),
  area: areaCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const supervisionActionParams = z.object({ id: uuid, n: z.coerce.number().int().min(0).max(19) });

export const caseloadQuery = z.object({ area: areaCode.optional() });

export const caseloadRow = z.object({
  workerId: uuid,
  workerName: z.string(),
  active: z.number().int(),
  byStage: z.record(z.enum(CASE_STAGES), z.number().int()),
  awaitingApproval: z.number().int(),
  overdueActions: z.number().int(),
  /** Active cases, the longest without contact first: days since the last contact (or since opening). */
  cases: z.array(
    z.object({ id: uuid, caseNo: z.string(), residentName: z.string(), stage: z.enum(CASE_STAGES), daysSinceContact: z.number().int() }),
  ),
});
export type CaseloadRow = z.infer<typeof caseloadRow>;
