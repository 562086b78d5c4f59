// Identity documents: the mainland resident ID is the default; residents of Hong Kong, Macao
// and Taiwan and foreigners use another document, checked only for a plausible format.
import { z } from 'zod';
import { idFailure, parseIdNumber, type DocumentNumberError, type NumberFailure } from './idcard.ts';

export const DOCUMENT_TYPES = [
  { code: 'resident_id', zh: '居民身份证', en: 'Mainland resident ID card' },
  { code: 'hk_macao_permit', zh: '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents' },
  { code: 'taiwan_permit', zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
  { code: 'passport', zh: '护照', en: 'Passport' },
  { code: 'foreign_permanent_id', zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID card' },
  { code: 'other', zh: '其他证件', en: 'Other document' },
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number]['code'];
export const DEFAULT_DOCUMENT_TYPE: DocumentType = 'resident_id';
export const documentType = z.enum(DOCUMENT_TYPES.map((t) => t.code) as [DocumentType, ...DocumentType[]]);

export type DocumentParseResult =
  | { ok: true; type: 'resident_id'; id: string; sex: 'male' | 'female'; birthDate: string; areaCode6: string }
  | { ok: true; type: Exclude<DocumentType, 'resident_id'>; id: string }
  | NumberFailure<DocumentNumberError>;

/**
 * Checks a document number. A mainland ID goes through the full check (`today` enables the
 * future-birth-date check); other documents get light format checks only: 5–30 characters of
 * letters, digits and hyphens, normalised to upper case, with no sex or birth derivation.
 */
export function parseDocumentNumber(type: DocumentType, raw: string, today = '9999-12-31'): DocumentParseResult {
  if (type === 'resident_id') {
    const r = parseIdNumber(raw, today);
    return r.ok ? { ...r, type } : r;
  }
  const id = (raw ?? '').trim().toUpperCase();
  if (id === '') return idFailure('empty');
  if (!/^[A-Z0-9-]{5,30}$/.test(id)) return idFailure('documentFormat');
  return { ok: true, type, id };
}
