// Reading an uploaded resident file into rows of displayed text: .xlsx through exceljs, .csv
// (UTF-8 with or without BOM, else GB18030 as saved by Chinese Excel) through a small RFC 4180
// parser. Cells Excel stored as numbers are flagged, because an ID
// number that became a number has already lost digits. The header is the row among the first
// few that names the most known columns: a 台账 as offices keep it opens with a title row or two
// (often merged across the sheet), and blank rows and columns are common.
import { backgroundTurn } from '@wushe/db';
import ExcelJS from 'exceljs';
import { headerScore } from './import.columns.ts';

export interface SheetRow {
  /** The spreadsheet row number (1-based, as the person sees it). */
  row: number;
  cells: string[];
  /** Column indexes whose cell was a number in the workbook. */
  numeric?: number[];
  /** The row right below the header (where the template's notes row sits). */
  followsHeader?: true;
}

export interface Sheet {
  headers: string[];
  /** The header's spreadsheet row number. */
  headerRow: number;
  rows: SheetRow[];
}

/** How many known column names a row holds. */
export type HeaderScore = (cells: string[]) => number;

/** Titles above the header: a few rows at most (the search stops there). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Splits the non-blank rows into the header and the data below it. The header is the first row
 * among the first few naming the most known columns; without any, the first row (so the missing
 * columns are reported against it).
 */
export function splitHeader(nonBlank: SheetRow[], score: HeaderScore = headerScore): Sheet {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(nonBlank.length, HEADER_SEARCH_ROWS); i++) {
    const n = score(nonBlank[i]!.cells);
    if (n > bestScore) [best, bestScore] = [i, n];
  }
  const header = nonBlank[best];
  if (!header) return { headers: [], headerRow: 1, rows: [] };
  const rows = nonBlank.slice(best + 1);
  if (rows[0] && rows[0].row === header.row + 1) rows[0].followsHeader = true;
  return { headers: header.cells.map((h) => h.trim()), headerRow: header.row, rows };
}

export type FileKind = 'xlsx' | 'csv';

/** Decides the format from the file's first bytes (a zip is an .xlsx), then its name. */
export function detectKind(filename: string, body: Buffer): FileKind | null {
  const zip = body.length > 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return zip ? 'xlsx' : null;
  if (ext === 'csv') return zip ? null : 'csv';
  return null;
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else GB18030. */
export function decodeText(body: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

/**
 * RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes; CRLF or LF.
 * At most `limit` records; between records it takes background turns, so a 100,000-row file
 * does not hold the event loop.
 */
export async function parseCsv(text: string, limit = Infinity): Promise<string[][]> {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && field === '') {
      // A quoted field: read up to the closing quote.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    if (c === 44 /* , */) {
      record.push(field);
      field = '';
      i++;
    } else if (c === 10 || c === 13) {
      record.push(field);
      out.push(record);
      record = [];
      field = '';
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (out.length >= limit) return out;
      if (out.length % 64 === 0) await backgroundTurn();
    } else {
      // Plain run up to the next delimiter.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || record.length) {
    record.push(field);
    out.push(record);
  }
  return out;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Non-blank records, numbered as a spreadsheet would. */
function nonBlankRows(records: string[][]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let r = 0; r < records.length; r++) {
    const cells = records[r]!;
    if (!isBlank(cells)) rows.push({ row: r + 1, cells });
  }
  return rows;
}

/** A CSV's header row alone, found among its first records (a large file's columns are checked while the person waits). */
export async function csvHeaders(body: Buffer): Promise<string[]> {
  // Cut at a line break: no byte of a UTF-8 or GB18030 character is a newline.
  const head = body.subarray(0, 64 * 1024);
  const end = head.length < body.length ? head.lastIndexOf(10) + 1 : head.length;
  return splitHeader(nonBlankRows(await parseCsv(decodeText(head.subarray(0, end || head.length)), 2 * HEADER_SEARCH_ROWS))).headers;
}

export async function sheetFromCsv(body: Buffer, score?: HeaderScore): Promise<Sheet> {
  return splitHeader(nonBlankRows(await parseCsv(decodeText(body))), score);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the person saw it: dates as YYYY-MM-DD, rich text joined, formulas by result. */
function cellText(v: unknown): { text: string; numeric: boolean } {
  if (v === null || v === undefined) return { text: '', numeric: false };
  if (typeof v === 'string') return { text: v, numeric: false };
  if (typeof v === 'number') return { text: String(v), numeric: true };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', numeric: false };
  if (v instanceof Date) {
    // exceljs reads Excel dates as UTC midnight.
    return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`, numeric: false };
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return { text: o.richText.map((t) => t.text).join(''), numeric: false };
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return { text: o.error, numeric: false };
  }
  return { text: String(v), numeric: false };
}

/**
 * The first worksheet: its non-blank rows, split at the header. The whole workbook is
 * loaded: exceljs' streaming reader decodes each inflated chunk on its own and garbles a
 * Chinese character split across chunks, while loading costs about the same time.
 */
export async function sheetFromXlsx(body: Buffer, score?: HeaderScore): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]; // the template's other sheets are reference lists
  const rows: SheetRow[] = [];
  for (let n = 1; ws && n <= ws.rowCount; n++) {
    await backgroundTurn();
    const row = ws.findRow(n);
    if (!row) continue;
    const values = row.values as unknown[];
    const cells: string[] = [];
    let numeric: number[] | undefined;
    for (let c = 1; c < values.length; c++) {
      const t = cellText(values[c]);
      cells.push(t.text);
      if (t.numeric) (numeric ??= []).push(c - 1);
    }
    if (!isBlank(cells)) rows.push({ row: row.number, cells, ...(numeric ? { numeric } : {}) });
  }
  return splitHeader(rows, score);
}

/** Reads a file's first sheet; `score` finds the header for a file other than the residents'. */
export function readSheet(kind: FileKind, body: Buffer, score?: HeaderScore): Promise<Sheet> {
  return kind === 'xlsx' ? sheetFromXlsx(body, score) : sheetFromCsv(body, score);
}
