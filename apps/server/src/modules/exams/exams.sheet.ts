// Reading an office's own Excel list (台账): the header is found by its Chinese names, in any
// column order (with the usual variants, a trailing * or （必填）); rows are read as text. Used by
// the exam import and the workforce register's import; the per-row report is built here too.
import { translate, type Lang, type MessageKey } from '@wushe/core';
import { fieldError } from '../../http/errors.ts';
import { readSheet, type SheetRow } from '../residents/import/import.parse.ts';

export interface SheetColumn<K extends string> {
  key: K;
  /** The header's names as offices write them, the first being the template's. */
  names: string[];
  required?: boolean;
}

const normal = (h: string) =>
  h
    .replace(/[\s*＊:：]/g, '')
    .replace(/[（(]必填[)）]/g, '')
    .toLowerCase();

function columnOf<K extends string>(header: string, columns: readonly SheetColumn<K>[]): K | undefined {
  const h = normal(header);
  if (!h) return undefined;
  return (
    columns.find((c) => c.names.some((n) => normal(n) === h))?.key ?? columns.find((c) => c.names.some((n) => h.startsWith(normal(n))))?.key
  );
}

export interface ReadList<K extends string> {
  rows: SheetRow[];
  /** Where each column is (0-based), for those found. */
  at: Partial<Record<K, number>>;
  headers: string[];
  missing: string[];
}

/** The upload's first sheet with its columns located (an .xlsx by its zip signature, else CSV). */
export async function readList<K extends string>(body: unknown, columns: readonly SheetColumn<K>[]): Promise<ReadList<K>> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'import.file');
  const zip = body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
  const score = (cells: string[]) => cells.filter((c) => columnOf(c, columns)).length;
  const sheet = await readSheet(zip ? 'xlsx' : 'csv', body, score).catch(() => {
    throw fieldError('file', 'import.file');
  });
  const at: Partial<Record<K, number>> = {};
  sheet.headers.forEach((h, i) => {
    const k = columnOf(h, columns);
    if (k && at[k] === undefined) at[k] = i;
  });
  const missing = columns.filter((c) => c.required && at[c.key] === undefined).map((c) => c.names[0]!);
  return { rows: sheet.rows, at, headers: sheet.headers, missing };
}

/** A row's cell for a column, trimmed ('' when the column is absent). */
export const cellOf = <K extends string>(list: ReadList<K>, row: SheetRow, key: K) => {
  const i = list.at[key];
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
};

/** Collects a row's problems as the report shows them: the column's header and the message in the caller's language. */
export class RowReport<K extends string> {
  errors: { column: string; message: string }[] = [];
  constructor(
    private readonly list: ReadList<K>,
    private readonly columns: readonly SheetColumn<K>[],
    private readonly lang: Lang,
  ) {}
  add(key: K | 'row', message: MessageKey, params?: Record<string, string | number>) {
    const column =
      key === 'row' ? '' : (this.list.headers[this.list.at[key as K] ?? -1] ?? this.columns.find((c) => c.key === key)!.names[0]!);
    this.errors.push({ column, message: translate(this.lang, message, params) });
  }
}
