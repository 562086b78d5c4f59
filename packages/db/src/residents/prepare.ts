// Turns what a worker entered into the stored form of a resident: identity checked (GB 11643
// for a mainland ID), sensitive values sealed with the installation key, masks and blind
// indexes for display and exact lookup, name search fields, and the first visit due date.
// Shared by registration, import, the demo and the benchmark so all store the same way.
import {
  DEFAULT_VISIT_INTERVALS,
  maskIdNumber,
  maskPhone,
  nextDueDate,
  parseDocumentNumber,
  type CareLevel,
  type DocumentType,
  type ResidentInput,
  type VisitIntervals,
} from '@wushe/core';
import { nameInitials, namePinyin } from '../areas/index.ts';
import type { Keys } from '../keys.ts';

export interface FieldProblem {
  path: string;
  key: string; // a message key of packages/core (messages.ts or the ID catalog)
  params?: Record<string, string | number>;
}

/** Every 1–3 character run of a name: `@>` on a GIN index finds two-character given names. */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const out = new Set<string>();
  for (let len = 1; len <= 3; len++) {
    for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(''));
  }
  return [...out];
}

export const nameSearchFields = (name: string) => ({
  nameInitials: nameInitials(name),
  nameGrams: nameGrams(name),
  namePinyin: namePinyin(name),
});

/** The blind index of a document number: exact lookup and duplicate checks without clear text. */
export const idBlindIndex = (keys: Keys, type: string, normalized: string) => keys.blindIndex(`id:${type}:${normalized}`);
/**
 * Blind indexes of the last 4 and 6 characters of a document number (the "尾号" people search
 * by). Keyed with the installation's index key, so the table alone cannot be matched against
 * the 10,000 possible tails; looked up by exact match only (see classifySearch).
 */
export const idTailBlindIndex = (keys: Keys, normalized: string, length: 4 | 6) =>
  keys.blindIndex(`idtail${length}:${normalized.slice(-length)}`);
export const idTailIndexes = (keys: Keys, normalized: string) => ({
  idTail4Hash: normalized.length >= 4 ? idTailBlindIndex(keys, normalized, 4) : null,
  idTail6Hash: normalized.length >= 6 ? idTailBlindIndex(keys, normalized, 6) : null,
});
export const phoneBlindIndex = (keys: Keys, phone: string) => keys.blindIndex(`phone:${phone.replace(/\D/g, '')}`);

export type Identity = {
  documentType: DocumentType;
  idCipher: string;
  idHash: string;
  idMasked: string;
  idTail4Hash: string | null;
  idTail6Hash: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
};

export function sealIdentity(
  keys: Keys,
  type: DocumentType,
  raw: string,
  today: string,
): { ok: true; value: Identity } | { ok: false; problem: FieldProblem } {
  const parsed = parseDocumentNumber(type, raw, today);
  if (!parsed.ok) return { ok: false, problem: { path: 'idNumber', key: parsed.messageKey, params: parsed.params } };
  const id = parsed.id;
  return {
    ok: true,
    value: {
      documentType: type,
      idCipher: keys.seal(id),
      idHash: idBlindIndex(keys, type, id),
      idMasked: maskIdNumber(id),
      ...idTailIndexes(keys, id),
      sex: 'sex' in parsed ? (parsed.sex ?? null) : null,
      birthDate: 'birthDate' in parsed ? (parsed.birthDate ?? null) : null,
    },
  };
}

export function sealPhone(keys: Keys, phone: string | null | undefined) {
  if (!phone) return { phoneCipher: null, phoneHash: null, phoneMasked: null };
  return { phoneCipher: keys.seal(phone), phoneHash: phoneBlindIndex(keys, phone), phoneMasked: maskPhone(phone) };
}

export interface Family {
  householdMembers: ResidentInput['householdMembers'];
  emergencyContacts: ResidentInput['emergencyContacts'];
  guardian: ResidentInput['guardian'] | null;
}

export const sealFamily = (keys: Keys, f: Family) =>
  f.householdMembers.length || f.emergencyContacts.length || f.guardian ? keys.seal(JSON.stringify(f)) : null;

export const openFamily = (keys: Keys, sealed: string | null): Family =>
  sealed ? (JSON.parse(keys.open(sealed)) as Family) : { householdMembers: [], emergencyContacts: [], guardian: null };

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  // MM-DD compares as text: the birthday not reached yet this year takes a year off.
  return Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0);
}

/** First due dates by day, intervals and level: an import asks the same few thousands of times. */
const firstDue = new Map<string, string>();
function firstDueDate(today: string, interval: VisitIntervals[CareLevel]): string {
  const key = `${today}|${JSON.stringify(interval)}`;
  let due = firstDue.get(key);
  if (due === undefined) {
    if (firstDue.size > 1000) firstDue.clear();
    firstDue.set(key, (due = nextDueDate(today, interval)));
  }
  return due;
}

/** Rules that need no database: identity, guardian for a child under 14, consent by guardian. */
export function prepareResident(
  keys: Keys,
  input: ResidentInput,
  today: string,
  intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS,
): { ok: true; values: Record<string, unknown> & Identity } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const identity = sealIdentity(keys, input.documentType, input.idNumber, today);
  if (!identity.ok) problems.push(identity.problem);
  const birth = identity.ok ? identity.value.birthDate : null;
  if (birth && ageOn(birth, today) < 14) {
    if (!input.guardian) problems.push({ path: 'guardian', key: 'resident.guardianRequired' });
    if (!input.consent.byGuardian) problems.push({ path: 'consent.byGuardian', key: 'resident.consentGuardian' });
  }
  if (!identity.ok || problems.length) return { ok: false, problems };
  const level = input.careLevel as CareLevel;
  return {
    ok: true,
    values: {
      ...identity.value,
      name: input.name,
      ...nameSearchFields(input.name),
      ...sealPhone(keys, input.phone),
      address: input.address ?? null,
      areaCode: input.areaCode,
      familyCipher: sealFamily(keys, {
        householdMembers: input.householdMembers,
        emergencyContacts: input.emergencyContacts,
        guardian: input.guardian ?? null,
      }),
      householdId: input.householdId ?? null,
      categories: [...new Set(input.categories)],
      assistanceStatus: input.assistanceStatus ?? null,
      careLevel: level,
      healthCipher: input.healthNotes ? keys.seal(input.healthNotes) : null,
      notes: input.notes ?? null,
      consent: input.consent,
      assignedWorkerId: input.assignedWorkerId ?? null,
      registeredOn: today,
      lastContactOn: null,
      nextDueOn: firstDueDate(today, intervals[level]),
    },
  };
}
