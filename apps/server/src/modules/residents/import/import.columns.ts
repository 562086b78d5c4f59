// The import columns (Chinese headers, as in the template), what each expects, and how a row
// of text becomes a residentInput. Code-list columns take the Chinese label, the English label
// or the code.
import { DOCUMENT_TYPES, inLang, type Lang } from '@wushe/core';

export interface ColumnDef {
  key: ColumnKey;
  zh: string;
  en: string;
  required?: boolean;
  /** Formatted as text in the template so Excel keeps every digit. */
  text?: boolean;
  width: number;
  note: { zh: string; en: string };
}

export type ColumnKey =
  | 'name'
  | 'documentType'
  | 'idNumber'
  | 'phone'
  | 'areaCode'
  | 'address'
  | 'categories'
  | 'assistanceStatus'
  | 'careLevel'
  | 'guardianName'
  | 'guardianRelation'
  | 'guardianPhone'
  | 'contactName'
  | 'contactRelation'
  | 'contactPhone'
  | 'healthNotes'
  | 'notes'
  | 'consentPurpose'
  | 'consentDate'
  | 'consentBy'
  | 'worker';

const col = (
  key: ColumnKey,
  zh: string,
  en: string,
  width: number,
  noteZh: string,
  noteEn: string,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  zh,
  en,
  width,
  note: { zh: noteZh, en: noteEn },
  ...extra,
});

export const IMPORT_COLUMNS: ColumnDef[] = [
  col('name', '姓名', 'Name', 10, '必填', 'Required', { required: true }),
  col('documentType', '证件类型', 'Document type', 16, '下拉选择，默认居民身份证', 'Pick from the list; default: resident ID'),
  col('idNumber', '证件号码', 'Document number', 22, '必填；请设为文本格式，18 位', 'Required; format as text, 18 characters', {
    required: true,
    text: true,
  }),
  col('phone', '手机号', 'Phone', 14, '11 位手机号或带区号固话', '11-digit mobile or landline with area code', { text: true }),
  col('areaCode', '所在社区代码', 'Community code', 16, '必填；见“社区代码”表', 'Required; see the community sheet', {
    required: true,
    text: true,
  }),
  col('address', '地址', 'Address', 28, '选填', 'Optional'),
  col('categories', '人员类别', 'Categories', 18, '可多选，用“、”或“,”分隔', 'Several allowed, separated by 、 or ,'),
  col('assistanceStatus', '救助状态', 'Assistance status', 14, '下拉选择', 'Pick from the list'),
  col('careLevel', '关爱等级', 'Care level', 10, '必填；1–4，1 级最需关注', 'Required; 1–4, 1 needs most care', { required: true }),
  col('guardianName', '监护人姓名', 'Guardian name', 12, '未满 14 周岁必填', 'Required under 14'),
  col('guardianRelation', '监护人关系', 'Guardian relation', 12, '如：父亲、母亲', 'e.g. father, mother'),
  col('guardianPhone', '监护人电话', 'Guardian phone', 14, '填写监护人时必填', 'Required with a guardian', { text: true }),
  col('contactName', '紧急联系人', 'Emergency contact', 12, '选填', 'Optional'),
  col('contactRelation', '紧急联系人关系', 'Contact relation', 14, '填写联系人时必填', 'Required with a contact'),
  col('contactPhone', '紧急联系人电话', 'Contact phone', 14, '填写联系人时必填', 'Required with a contact', { text: true }),
  col('healthNotes', '健康备注', 'Health notes', 20, '敏感信息，加密保存', 'Sensitive; stored encrypted'),
  col('notes', '备注', 'Notes', 20, '选填', 'Optional'),
  col('consentPurpose', '同意用途', 'Consent purpose', 20, '必填；如：社区关爱服务', 'Required; e.g. community care services', {
    required: true,
  }),
  col('consentDate', '同意日期', 'Consent date', 12, '必填；如 2026-01-31', 'Required; e.g. 2026-01-31', { required: true, text: true }),
  col('consentBy', '同意人', 'Consent given by', 10, '必填；未成年人填监护人姓名', 'Required; for a minor, the guardian', {
    required: true,
  }),
  // Issue 8: the responsible worker, by account name (an active social worker of the community's station).
  col('worker', '责任社工账号', 'Responsible worker (username)', 16, '选填；社工的登录账号', 'Optional; the worker’s username'),
];

export const columnTitle = (c: ColumnDef, lang: Lang) => inLang(lang, c);

/**
 * Header text as typed: full-width forms (ＩＤ，（）＊) read as their plain ones, and spaces, line
 * breaks, a required-marker asterisk, a trailing colon and a trailing remark in brackets
 * (姓名（必填）) do not matter.
 */
export const normalizeHeader = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/[\s*\u200b-\u200d]/g, '')
    .replace(/:$/, '')
    .replace(/(?<=.)[(\[][^()[\]]*[)\]]$/, '')
    .toLowerCase();

/** How many known columns a row names: the header is the row naming most. */
export const headerScore = (cells: string[]): number => Object.keys(mapHeaders(cells).index).length;

/** Column index per key, and the required headers that are missing. */
export function mapHeaders(headers: string[]): { index: Partial<Record<ColumnKey, number>>; missing: string[] } {
  const index: Partial<Record<ColumnKey, number>> = {};
  const normalized = headers.map(normalizeHeader);
  for (const c of IMPORT_COLUMNS) {
    const i = normalized.findIndex((h) => h === normalizeHeader(c.zh) || h === normalizeHeader(c.en));
    if (i >= 0) index[c.key] = i;
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.zh);
  return { index, missing };
}

/** Where a validation problem belongs, as a column of the file. */
export function columnOfPath(path: string): ColumnDef | undefined {
  const [head, second, third] = path.split('.');
  const key: ColumnKey | undefined =
    head === 'guardian'
      ? (({ name: 'guardianName', relation: 'guardianRelation', phone: 'guardianPhone' } as const)[second as 'name'] ?? 'guardianName')
      : head === 'emergencyContacts'
        ? (({ name: 'contactName', relation: 'contactRelation', phone: 'contactPhone' } as const)[third as 'name'] ?? 'contactName')
        : head === 'consent'
          ? (({ purpose: 'consentPurpose', date: 'consentDate', givenBy: 'consentBy', byGuardian: 'consentBy' } as const)[
              second as 'date'
            ] ?? 'consentBy')
          : (head as ColumnKey);
  return IMPORT_COLUMNS.find((c) => c.key === key);
}

export interface CodeEntry {
  code: string;
  labelZh: string;
  labelEn: string;
}

/** Looks up a code list entry by code or either label (case-insensitive for latin text). */
export function codeLookup(entries: CodeEntry[]): (value: string) => string | undefined {
  const map = new Map<string, string>();
  for (const e of entries) {
    for (const k of [e.code, e.labelZh, e.labelEn]) map.set(k.trim().toLowerCase(), e.code);
  }
  return (value) => map.get(value.trim().toLowerCase());
}

export const documentTypeLookup = codeLookup(DOCUMENT_TYPES.map((t) => ({ code: t.code, labelZh: t.zh, labelEn: t.en })));

/** 2026-1-5, 2026/01/05, 2026.1.5, 20260105 and Excel date serials → 2026-01-05; anything else unchanged. */
export function normalizeDate(raw: string): string {
  const s = raw.trim();
  // Excel stores a date as days since 1899-12-30 (25569 = 1970-01-01); 5 digits covers 1927–2173.
  if (/^\d{5}(\.\d+)?$/.test(s)) return new Date((Math.floor(Number(s)) - 25569) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
