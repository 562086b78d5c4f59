// One file row → a checked residentInput, or the problems found, each tied to a column.
// Everything here is in memory (code lists and the areas in scope are preloaded), so a
// 100,000-row file is checked without a database round trip per row.
import { inLang, parseAreaCode, residentInput, translate, type Lang, type ResidentInput } from '@wushe/core';
import { z } from 'zod';
import { isBadText } from '../../../http/input.ts';
import type { SheetRow } from './import.parse.ts';
import { columnOfPath, columnTitle, documentTypeLookup, IMPORT_COLUMNS, normalizeDate, type ColumnKey } from './import.columns.ts';

/** A problem with one cell, kept as a message key so the report speaks the reader's language. */
export interface RowError {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface Lookups {
  index: Partial<Record<ColumnKey, number>>;
  category: (v: string) => string | undefined;
  assistance: (v: string) => string | undefined;
  /** Area code → level, for the areas in the caller's scope. */
  areas: Map<string, string>;
  lang: Lang;
  /** Responsible workers named in the file: lower-case username → id and the station prefix they serve. */
  workers?: Map<string, { id: string; station: string }>;
  /** The uploader's id when they may not assign others (no resident.assign): the worker column may name only them. */
  onlyWorker?: string;
}

export const rowError = (path: string, key: string, params?: Record<string, string | number>): RowError => ({
  path,
  key,
  ...(params ? { params } : {}),
});

/** A report error as `{ column, message }`: the file's column title and the message, in `lang`. */
export function renderError(lang: Lang, e: RowError): { column: string; message: string } {
  const c = columnOfPath(e.path);
  return { column: c ? columnTitle(c, lang) : e.path, message: translate(lang, e.key, e.params) };
}

/** 、 , ; / separate entries; spaces too, unless the spaced text is itself a label ("Living alone"). */
function splitList(s: string, known: (v: string) => string | undefined): string[] {
  return s
    .split(/[、,，;；/]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .flatMap((x) => (known(x) || !/\s/.test(x) ? [x] : x.split(/\s+/)));
}

/** The text of one column in a row ('' when the file has no such column). */
export function cell(row: SheetRow, l: Pick<Lookups, 'index'>, key: ColumnKey): string {
  const i = l.index[key];
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
}

/** The template's grey notes row (right below the header), left in by people who fill the template in. */
export const isNotesRow = (row: SheetRow, l: Pick<Lookups, 'index'>) => {
  const id = cell(row, l, 'idNumber');
  const note = IMPORT_COLUMNS.find((c) => c.key === 'idNumber')!.note;
  return row.followsHeader === true && (id === note.zh || id === note.en);
};

// Built once: zod makes a new locale object on every call.
const LOCALE_EN = z.locales.en();
const LOCALE_ZH = z.locales.zhCN();

export type RowResult = { kind: 'ok'; input: ResidentInput } | { kind: 'bad'; errors: RowError[] };

/** Maps and validates one row; the rules that need keys or the database come later. */
export function checkRow(row: SheetRow, l: Lookups): RowResult {
  const errors: RowError[] = [];
  // A NUL or a lone surrogate (text PostgreSQL cannot store) rejects this row only, by column.
  for (const [key, i] of Object.entries(l.index))
    if (i !== undefined && isBadText(row.cells[i] ?? '')) errors.push(rowError(key, 'error.badText'));
  if (errors.length) return { kind: 'bad', errors };
  const get = (k: ColumnKey) => cell(row, l, k);
  const idIndex = l.index.idNumber;
  if (idIndex !== undefined && row.numeric?.includes(idIndex)) errors.push(rowError('idNumber', 'idNumber.excelMangled'));

  const docRaw = get('documentType');
  const documentType = docRaw ? documentTypeLookup(docRaw) : 'resident_id';
  if (!documentType) errors.push(rowError('documentType', 'resident.unknownCode', { code: docRaw }));

  const categories: string[] = [];
  for (const c of splitList(get('categories'), l.category)) {
    const code = l.category(c);
    if (code) categories.push(code);
    else errors.push(rowError('categories', 'resident.unknownCode', { code: c }));
  }
  const statusRaw = get('assistanceStatus');
  const assistanceStatus = statusRaw ? l.assistance(statusRaw) : null;
  if (statusRaw && !assistanceStatus) errors.push(rowError('assistanceStatus', 'resident.unknownCode', { code: statusRaw }));

  // A code as people type it (`350206004` for a street) is read as its 12-digit form.
  const areaCode = parseAreaCode(get('areaCode')) ?? get('areaCode');
  const level = l.areas.get(areaCode);
  if (areaCode && !level) errors.push(rowError('areaCode', 'area.unknown'));
  else if (level && level !== 'community' && level !== 'grid') errors.push(rowError('areaCode', 'resident.areaLevel'));

  // The responsible worker by username: unknown, inactive or of another station rejects the row.
  const workerName = get('worker');
  const worker = workerName ? l.workers?.get(workerName.toLowerCase()) : undefined;
  if (workerName && (!worker || !areaCode.startsWith(worker.station)))
    errors.push(rowError('worker', 'import.workerUnknown', { username: workerName }));
  else if (worker && l.onlyWorker && worker.id !== l.onlyWorker)
    errors.push(rowError('worker', 'import.workerNotYours', { username: workerName! }));

  const levelRaw = get('careLevel').replace(/[级級]$/, '');
  const guardianName = get('guardianName');
  const guardianGiven = guardianName || get('guardianRelation') || get('guardianPhone');
  const contactGiven = get('contactName') || get('contactRelation') || get('contactPhone');
  const givenBy = get('consentBy');
  const candidate = {
    name: get('name'),
    documentType: documentType ?? 'resident_id',
    idNumber: get('idNumber'),
    phone: get('phone') || null,
    address: get('address') || null,
    areaCode,
    categories,
    assistanceStatus,
    careLevel: levelRaw === '' ? undefined : Number(levelRaw),
    guardian: guardianGiven ? { name: guardianName, relation: get('guardianRelation'), phone: get('guardianPhone') } : null,
    emergencyContacts: contactGiven ? [{ name: get('contactName'), relation: get('contactRelation'), phone: get('contactPhone') }] : [],
    healthNotes: get('healthNotes') || null,
    ...(worker ? { assignedWorkerId: worker.id } : {}),
    notes: get('notes') || null,
    consent: {
      purpose: get('consentPurpose'),
      date: normalizeDate(get('consentDate')),
      givenBy,
      byGuardian: Boolean(guardianName) && givenBy === guardianName,
    },
  };
  const parsed = residentInput.safeParse(candidate, { error: inLang(l.lang, { zh: LOCALE_ZH, en: LOCALE_EN }).localeError as never });
  if (!parsed.success) {
    const columnOf = (e: RowError) => columnOfPath(e.path)?.key ?? e.path;
    const seen = new Set(errors.map(columnOf));
    for (const issue of parsed.error.issues) {
      const e = rowError(issue.path.join('.'), issue.message);
      if (!seen.has(columnOf(e))) errors.push(e); // one message per column is enough to fix it
      seen.add(columnOf(e));
    }
  }
  if (errors.length || !parsed.success) return { kind: 'bad', errors };
  return { kind: 'ok', input: parsed.data };
}
