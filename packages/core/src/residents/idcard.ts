// Mainland resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit area code, YYYYMMDD
// birth date, 3-digit sequence (odd = male, even = female) and a check character.
import { isCalendarDate } from '../coverage/window.ts';
import { ID_NUMBER_MESSAGES, type IdNumberMessageKey } from './idcard-messages.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Births before this year are treated as impossible (no living resident). */
export const ID_MIN_BIRTH_YEAR = 1900;

export type IdNumberError =
  | 'empty'
  | 'fifteenDigit'
  | 'wrongLength'
  | 'badCharacters'
  | 'impossibleDate'
  | 'futureDate'
  | 'checkFailed'
  | 'excelMangled';

export type Sex = 'male' | 'female';

export type DocumentNumberError = IdNumberError | 'documentFormat';

/** A failed check: a stable reason, its message key (idcard-messages.ts) and rendered text. */
export interface NumberFailure<R extends DocumentNumberError = IdNumberError> {
  ok: false;
  reason: R;
  messageKey: IdNumberMessageKey;
  params: Record<string, string | number>;
  message: { zh: string; en: string };
}

export type IdParseResult = { ok: true; id: string; sex: Sex; birthDate: string; areaCode6: string } | NumberFailure;

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function passesCheck(id: string): boolean {
  return checkCharacter(id.slice(0, 17)) === id[17];
}

export function idFailure<R extends DocumentNumberError>(reason: R, params: Record<string, string | number> = {}): NumberFailure<R> {
  const messageKey: IdNumberMessageKey = reason === 'documentFormat' ? 'document.format' : `idNumber.${reason as IdNumberError}`;
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  const entry = ID_NUMBER_MESSAGES[messageKey];
  return { ok: false, reason, messageKey, params, message: { zh: fill(entry.zh), en: fill(entry.en) } };
}

/**
 * Parses and checks an 18-character mainland ID number. `today` is the business date
 * (YYYY-MM-DD, Asia/Shanghai) for the future-birth-date check. Excel damage (scientific
 * notation, a decimal point, or digits past the 15th zeroed and failing the check) is
 * reported as `excelMangled` and never "repaired".
 */
export function parseIdNumber(raw: string, today: string): IdParseResult {
  const id = (raw ?? '').trim().toUpperCase();
  if (id === '') return idFailure('empty');
  if (/^\d+(\.\d*)?E\+?\d+$/.test(id) || /^\d*\.\d+$|^\d+\.$/.test(id)) return idFailure('excelMangled');
  if (/^\d{15}$/.test(id)) return idFailure('fifteenDigit');
  if (id.length !== 18) return idFailure('wrongLength', { length: [...id].length });
  if (!/^\d{17}[\dX]$/.test(id)) return idFailure('badCharacters');
  // Excel keeps 15 significant digits: the last three become zeros.
  if (id.endsWith('000') && !passesCheck(id)) return idFailure('excelMangled');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || Number(id.slice(6, 10)) < ID_MIN_BIRTH_YEAR) {
    return idFailure('impossibleDate', { date: birthDate });
  }
  if (birthDate > today) return idFailure('futureDate', { date: birthDate });
  if (!passesCheck(id)) return idFailure('checkFailed');
  const sex: Sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id, sex, birthDate, areaCode6: id.slice(0, 6) };
}

/** True for a well-formed, checked ID number; without `today` the future-date check is skipped. */
export function isValidIdNumber(raw: string, today = '9999-12-31'): boolean {
  return parseIdNumber(raw, today).ok;
}

/** Builds a valid ID number (demo data and tests): area 6 digits, birth YYYYMMDD, seq 0–999. */
export function makeIdNumber(area6: string, birth: string, seq: number): string {
  if (!/^\d{6}$/.test(area6)) throw new RangeError('area6 must be 6 digits');
  if (!/^\d{8}$/.test(birth) || !isCalendarDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`)) {
    throw new RangeError('birth must be a real YYYYMMDD date');
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError('seq must be 0–999');
  const first17 = area6 + birth + String(seq).padStart(3, '0');
  return first17 + checkCharacter(first17);
}
