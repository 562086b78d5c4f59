// API contract for transfers (调入/调出): a resident who moves to another street. The receiving
// station asks by exact ID number; the holding station approves (the record and everything
// about it move) or declines with a reason. Until approval the receiver sees only masks.
import { z } from 'zod';
import { documentType } from '../residents/documents.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

export const TRANSFER_STATUSES = ['pending', 'approved', 'declined'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const transfer = z.object({
  id: uuid,
  residentId: uuid,
  /** Masked (张*): the receiving station reads nothing more of the record before approval. */
  residentNameMasked: z.string(),
  idMasked: z.string(),
  fromAreaCode: z.string(),
  fromAreaName: z.string(),
  /** The holding street (station) by name. */
  fromStreetName: z.string(),
  toAreaCode: z.string(),
  toAreaName: z.string(),
  toStreetName: z.string(),
  toWorkerId: uuid.nullable(),
  toWorkerName: z.string().nullable(),
  status: z.enum(TRANSFER_STATUSES),
  note: z.string().nullable(),
  requestedBy: uuid,
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: uuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** Seen from the caller: `in` to their area, `out` from it, `within` both (a district). */
  direction: z.enum(['in', 'out', 'within']),
});
export type Transfer = z.infer<typeof transfer>;

export const transferRequest = z.object({
  documentType: documentType.default('resident_id'),
  idNumber: z.string().trim().min(1, { error: 'field.required' }).max(40),
  /** The receiving community (or grid), in the requester's scope. */
  toAreaCode: areaCode,
  /** The responsible worker after the move (default: the requester). */
  toWorkerId: uuid.nullable().optional(),
  note: optionalText(500),
});
export type TransferRequest = z.infer<typeof transferRequest>;

export const transferListQuery = pageQuery.extend({
  direction: z.enum(['in', 'out', 'all']).default('all'),
  status: z.enum([...TRANSFER_STATUSES, 'all']).default('all'),
});

export const transferDecision = z
  .object({
    decision: z.enum(['approve', 'decline']),
    reason: optionalText(500),
  })
  .refine((d) => d.decision === 'approve' || Boolean(d.reason), { path: ['reason'], error: 'transfer.reasonRequired' });
export type TransferDecision = z.infer<typeof transferDecision>;
