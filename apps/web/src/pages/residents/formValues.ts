// Form values of the resident form, and how a stored record fills them.
import dayjs, { type Dayjs } from 'dayjs';
import type { DocumentType } from '@wushe/core';
import { type ResidentDetail } from '../../api/residents.ts';
import { businessToday } from '../../fmt.ts';
import type { Translate } from '../../i18n/index.tsx';

/** `phoneMasked`: the stored phone as shown; a blank phone keeps it (the server matches name and relation). */
export type Person = { name?: string; relation?: string; phone?: string; phoneMasked?: string | null; note?: string; idNumber?: string };
export interface Values {
  name: string;
  documentType: DocumentType;
  idNumber?: string;
  phone?: string;
  address?: string;
  areaCode?: string;
  householdMembers: Person[];
  emergencyContacts: Person[];
  guardian?: Person;
  categories: string[];
  assistanceStatus?: string | null;
  careLevel: number;
  careLevelReason?: string;
  /** 责任社工: shown to those who assign (a worker registering is the default, server-side). */
  assignedWorkerId?: string | null;
  healthNotes?: string;
  notes?: string;
  consent: { purpose: string; date: Dayjs; givenBy: string; byGuardian: boolean };
}

export const ALIAS: Record<string, (string | number)[]> = {
  guardian: ['guardian', 'name'],
  consent: ['consent', 'purpose'],
  'consent.date': ['consent', 'date'],
};
export const today = () => businessToday().format('YYYY-MM-DD');
export const filled = (p?: Person) =>
  !!p && Object.entries(p).some(([k, v]) => k !== 'phoneMasked' && typeof v === 'string' && v.trim() !== '');
const people = (list: ResidentDetail['householdMembers']): Person[] =>
  list.map((p) => ({ name: p.name, relation: p.relation, phoneMasked: p.phoneMasked, note: p.note ?? undefined }));

export function initialValues(r: ResidentDetail | null, t: Translate): Partial<Values> {
  if (!r) {
    return {
      documentType: 'resident_id',
      householdMembers: [],
      emergencyContacts: [],
      categories: [],
      careLevel: 3,
      consent: { purpose: t('res.consentPurposeDefault'), date: businessToday(), givenBy: '', byGuardian: false },
    };
  }
  return {
    name: r.name,
    documentType: r.documentType as DocumentType,
    address: r.address ?? undefined,
    areaCode: r.areaCode,
    householdMembers: people(r.householdMembers),
    emergencyContacts: people(r.emergencyContacts),
    guardian: r.guardian ? people([r.guardian])[0] : undefined,
    categories: r.categories,
    assistanceStatus: r.assistanceStatus,
    careLevel: r.careLevel,
    assignedWorkerId: r.assignedWorkerId,
    notes: r.notes ?? undefined,
    consent: r.consent
      ? { ...r.consent, date: dayjs(r.consent.date) }
      : { purpose: t('res.consentPurposeDefault'), date: businessToday(), givenBy: '', byGuardian: false },
  };
}
