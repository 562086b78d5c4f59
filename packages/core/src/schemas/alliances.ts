// API contract of talent-base alliances (人才基地联盟) and pairing agreements (一校两社 /
// 结对共建), issue 10 item 10: the records, the bodies and the list queries.
import { z } from 'zod';
import { PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, PARTY_ROLES } from '../workforce/alliances.ts';
import { attachmentUpload } from './care.ts';
import { areaCode, optionalText, pageQuery, uuid } from './common.ts';

const isoDate = z.iso.date({ error: 'field.date' });
const name = z.string().trim().min(2, { error: 'field.required' }).max(100);
const format = z.enum(['json', 'xlsx']).default('json').optional();
export const partnershipKind = z.enum(PARTNERSHIP_KINDS);
export const partnershipStatus = z.enum(PARTNERSHIP_STATUSES);
export const partyRole = z.enum(PARTY_ROLES);

// ---- alliances ----
export const allianceBody = z.object({
  name,
  areaCode,
  leadOrgId: z.uuid({ error: 'alliance.lead' }),
  signedOn: isoDate,
  charter: optionalText(5000),
});
export const allianceUpdateBody = allianceBody.partial().extend({ version: z.number().int().min(1) });

/** A base: an organisation on the platform (its area follows), or one typed with its area. */
export const allianceMemberBody = z.object({
  orgId: uuid.nullable().optional(),
  name: optionalText(100),
  areaCode: areaCode.optional(),
  /** The place's name, for an area outside the installation (晋江市). */
  areaName: optionalText(50),
  joinedOn: isoDate,
  note: optionalText(200),
});
export const allianceMemberUpdateBody = z.object({
  leftOn: isoDate.nullable(),
  note: optionalText(200),
  version: z.number().int().min(1),
});
export const allianceEventBody = z.object({
  title: name,
  heldOn: isoDate,
  place: z.string().trim().min(2, { error: 'field.required' }).max(100),
  hostMemberId: uuid.nullable().optional(),
  participants: z.number().int().min(0, { error: 'alliance.participants' }).max(100_000, { error: 'alliance.participants' }),
  notes: optionalText(1000),
});
/** A shared training: one of Wushe's (by id) or an outside one by its title. */
export const allianceTrainingBody = z.object({
  trainingId: uuid.nullable().optional(),
  title: optionalText(100),
  heldOn: isoDate.nullable().optional(),
  hostMemberId: uuid.nullable().optional(),
  note: optionalText(200),
});

export const allianceMember = z.object({
  id: uuid,
  orgId: uuid.nullable(),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const allianceEvent = z.object({
  id: uuid,
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  hostMemberId: uuid.nullable(),
  hostName: z.string().nullable(),
  participants: z.number().int(),
  notes: z.string().nullable(),
});
export const allianceTraining = z.object({
  id: uuid,
  trainingId: uuid.nullable(),
  title: z.string(),
  heldOn: z.string().nullable(),
  hostMemberId: uuid.nullable(),
  hostName: z.string().nullable(),
  note: z.string().nullable(),
});
export const allianceSummary = z.object({
  id: uuid,
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  leadOrgId: uuid,
  leadName: z.string(),
  signedOn: z.string(),
  members: z.number().int(),
  events: z.number().int(),
  trainings: z.number().int(),
  /** The caller's scope owns it (may edit); otherwise it sees it through a member base. */
  own: z.boolean(),
  version: z.number().int(),
});
export type AllianceSummary = z.infer<typeof allianceSummary>;
export const alliance = allianceSummary.extend({
  charter: z.string().nullable(),
  memberList: z.array(allianceMember),
  eventList: z.array(allianceEvent),
  trainingList: z.array(allianceTraining),
});
export type Alliance = z.infer<typeof alliance>;
export const allianceListQuery = pageQuery.extend({ q: z.string().trim().max(50).optional(), format });

// ---- partnerships ----
export const partyBody = z.object({ role: partyRole, orgId: uuid.nullable().optional(), name: optionalText(100) });
export const deliverableBody = z.object({
  /** The side that delivers: the index of its party in `parties` when creating, or a party id after. */
  party: z.union([z.number().int().min(0).max(9), uuid]),
  what: z.string().trim().min(2, { error: 'field.required' }).max(200),
  quantity: z.number().int().min(1, { error: 'partnership.quantity' }).max(10_000, { error: 'partnership.quantity' }),
  dueOn: isoDate.nullable().optional(),
});
export const partnershipBody = z.object({
  kind: partnershipKind,
  title: name,
  areaCode,
  startOn: isoDate,
  endOn: isoDate.nullable().optional(),
  terms: optionalText(5000),
  parties: z.array(partyBody).min(2, { error: 'field.required' }).max(6),
  deliverables: z.array(deliverableBody).max(50).default([]),
});
export const partnershipUpdateBody = z.object({
  title: name.optional(),
  startOn: isoDate.optional(),
  endOn: isoDate.nullable().optional(),
  terms: optionalText(5000),
  /** The signed agreement (an id from POST /attachments). */
  attachmentId: uuid.nullable().optional(),
  version: z.number().int().min(1),
});
export const partnershipStatusBody = z.object({ to: partnershipStatus, version: z.number().int().min(1) });
export const deliverableDoneBody = z.object({
  done: z.number().int().min(0, { error: 'partnership.done' }),
  version: z.number().int().min(1),
});

export const partnershipParty = z.object({ id: uuid, role: partyRole, orgId: uuid.nullable(), name: z.string(), outside: z.boolean() });
export const partnershipDeliverable = z.object({
  id: uuid,
  partyId: uuid,
  partyName: z.string(),
  role: partyRole,
  what: z.string(),
  quantity: z.number().int(),
  dueOn: z.string().nullable(),
  done: z.number().int(),
  percent: z.number().int(),
  late: z.boolean(),
  version: z.number().int(),
});
export const partnershipSummary = z.object({
  id: uuid,
  kind: partnershipKind,
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  status: partnershipStatus,
  parties: z.array(partnershipParty),
  progress: z.number().int(),
  version: z.number().int(),
});
export type PartnershipSummary = z.infer<typeof partnershipSummary>;
export const partnership = partnershipSummary.extend({
  terms: z.string().nullable(),
  attachment: z.object({ id: uuid, filename: z.string() }).nullable(),
  deliverables: z.array(partnershipDeliverable),
});
export type Partnership = z.infer<typeof partnership>;
export const partnershipListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: partnershipKind.optional(),
  status: partnershipStatus.optional(),
  format,
});
/** The signed agreement uploaded with the version of the agreement it goes on. */
export const agreementUpload = attachmentUpload.extend({ version: z.number().int().min(1) });
export const allianceItemParams = z.object({ id: uuid, itemId: uuid });
