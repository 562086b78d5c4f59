// Talent-base alliances (人才基地联盟) and pairing agreements (一校两社, 结对共建), issue 10
// item 10: the parties each kind needs, the agreement's legal status moves, and a deliverable's
// progress. Pure rules, shared by the server and the forms.

export const PARTNERSHIP_KINDS = ['school_org_community', 'agency_community'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** The sides of an agreement: a university/college, a social-work agency, a community. */
export const PARTY_ROLES = ['school', 'agency', 'community'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** 一校两社 pairs a school with an agency and a community; 结对共建 an agency (or department) with a community. */
export const ROLES_OF_KIND: Record<PartnershipKind, readonly PartyRole[]> = {
  school_org_community: ['school', 'agency', 'community'],
  agency_community: ['agency', 'community'],
};

export const PARTNERSHIP_STATUSES = ['draft', 'active', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** The only moves: a signed draft comes into force, an agreement in force ends. Nothing goes back. */
const MOVES: Record<PartnershipStatus, readonly PartnershipStatus[]> = { draft: ['active'], active: ['ended'], ended: [] };

export const canMove = (from: PartnershipStatus, to: PartnershipStatus) => MOVES[from].includes(to);

/** Which required sides a list of parties lacks (each required role at least once). */
export function missingRoles(kind: PartnershipKind, roles: readonly PartyRole[]): PartyRole[] {
  return ROLES_OF_KIND[kind].filter((r) => !roles.includes(r));
}

/** Share done of a deliverable, in whole percent (0 when nothing is promised), capped at 100. */
export function progressPercent(done: number, quantity: number): number {
  if (quantity <= 0) return 0;
  return Math.min(100, Math.floor((done * 100) / quantity));
}

/** Overall progress of an agreement: promised units done over units promised, whole percent. */
export function agreementProgress(items: readonly { done: number; quantity: number }[]): number {
  const promised = items.reduce((s, i) => s + i.quantity, 0);
  const done = items.reduce((s, i) => s + Math.min(i.done, i.quantity), 0);
  return progressPercent(done, promised);
}

/** A deliverable is late when its date has passed (Shanghai day, ISO string) and it is not done. */
export const isLate = (d: { done: number; quantity: number; dueOn: string | null }, today: string) =>
  d.dueOn !== null && d.dueOn < today && d.done < d.quantity;

export const PARTNERSHIP_KIND_LABELS: Record<PartnershipKind, { zh: string; en: string }> = {
  school_org_community: { zh: '一校两社', en: 'School–agency–community' },
  agency_community: { zh: '结对共建', en: 'Agency–community pairing' },
};
export const PARTY_ROLE_LABELS: Record<PartyRole, { zh: string; en: string }> = {
  school: { zh: '高校', en: 'University/college' },
  agency: { zh: '社工机构/单位', en: 'Agency/department' },
  community: { zh: '社区', en: 'Community' },
};
export const PARTNERSHIP_STATUS_LABELS: Record<PartnershipStatus, { zh: string; en: string }> = {
  draft: { zh: '草拟', en: 'Draft' },
  active: { zh: '履行中', en: 'In force' },
  ended: { zh: '已终止', en: 'Ended' },
};
