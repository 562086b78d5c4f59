// The import files of the residents benchmark (.xlsx and .csv in the template's columns, new
// people distinct from the loaded ones); residents-floor.ts has the COPY they are compared with.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../apps/server/src/modules/residents/import/import.columns.ts';
import { person, rng } from './residents-data.ts';

export const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

/**
 * `rows` people for file `fileNo` (1 or 2): sequence digits 996 + fileNo never occur in the load
 * (0–995), and a distinct birth date per row within each of the given communities' counties.
 */
export function importRows(fileNo: number, communities: string[], rows = IMPORT_ROWS): string[][] {
  const random = rng(100 + fileNo);
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const community = communities[Math.floor(i / 29_000) % communities.length]!;
    const p = person(i % 29_000, community, random, 996 + fileNo);
    const cells: Record<string, string> = {
      name: p.name,
      documentType: '居民身份证',
      idNumber: p.id,
      phone: p.phone,
      areaCode: community,
      address: `${p.name}家`,
      categories: i % 3 ? '独居、空巢' : '低保',
      assistanceStatus: i % 4 ? '' : '低保',
      careLevel: String(1 + (i % 4)),
      guardianName: '',
      guardianRelation: '',
      guardianPhone: '',
      contactName: `${p.name.slice(0, 1)}联系人`,
      contactRelation: '子女',
      contactPhone: `139${String(i).padStart(8, '0')}`,
      healthNotes: i % 10 ? '' : '高血压',
      notes: '',
      consentPurpose: '社区关爱服务',
      consentDate: '2026-01-15',
      consentBy: p.name,
    };
    out.push(IMPORT_COLUMNS.map((c) => cells[c.key] ?? ''));
  }
  return out;
}

export const HEADERS = IMPORT_COLUMNS.map((c) => c.zh);

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(rows: string[][]): Buffer {
  return Buffer.from([HEADERS, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n', 'utf8');
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务对象');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
