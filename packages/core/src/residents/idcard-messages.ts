// zh/en messages for ID-number and document-number checks, same `{ zh, en }` shape and
// `{param}` placeholders as messages.ts (kept here so this module owns its catalog).
import type { Lang } from '../messages.ts';

export const ID_NUMBER_MESSAGES = {
  'idNumber.empty': { zh: '请填写证件号码', en: 'Enter the document number' },
  'idNumber.fifteenDigit': {
    zh: '15 位旧身份证号请换为 18 位',
    en: 'This is an old 15-digit ID number; please use the 18-digit number instead',
  },
  'idNumber.wrongLength': {
    zh: '身份证号应为 18 位，当前为 {length} 位',
    en: 'A resident ID number has 18 characters; this one has {length}',
  },
  'idNumber.badCharacters': {
    zh: '身份证号前 17 位须为数字，最后一位为数字或 X',
    en: 'The first 17 characters must be digits and the last a digit or X',
  },
  'idNumber.impossibleDate': {
    zh: '身份证号中的出生日期 {date} 不存在，请核对',
    en: 'The birth date in the ID number ({date}) does not exist; please check it',
  },
  'idNumber.futureDate': {
    zh: '身份证号中的出生日期 {date} 晚于今天，请核对',
    en: 'The birth date in the ID number ({date}) is in the future; please check it',
  },
  'idNumber.checkFailed': {
    zh: '身份证号校验未通过，请逐位核对',
    en: 'The ID number fails its check; please re-check every character',
  },
  'idNumber.excelMangled': {
    zh: '该号码疑似被 Excel 转成了数字，末尾数字已丢失且无法恢复；请将该列设为“文本”格式后重新填写',
    en: 'This looks converted to a number by Excel; digits are lost and cannot be recovered. Format the column as text and enter the number again',
  },
  'document.format': {
    zh: '证件号码应为 5–30 位字母、数字或短横线',
    en: 'A document number is 5–30 letters, digits or hyphens',
  },
} as const;

export type IdNumberMessageKey = keyof typeof ID_NUMBER_MESSAGES;

/** Renders an ID-number message in one language, filling `{param}` placeholders. */
export function idNumberMessage(lang: Lang, key: IdNumberMessageKey, params: Record<string, string | number> = {}): string {
  const entry = ID_NUMBER_MESSAGES[key];
  const text: string = lang === 'en' ? entry.en : entry.zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
