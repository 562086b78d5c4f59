// The import files of the residents benchmark (.xlsx and .csv in the template's columns, new
// people distinct from the loaded ones) and the raw COPY they are compared with.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import pg from 'pg';
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

/**
 * A raw COPY of the CSV into a scratch table with the same column count, through psql's
 * \copy (COPY … FROM STDIN over the client connection, like an application would). Seconds.
 */
export async function rawCopySeconds(url: string, csvPath: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP TABLE IF EXISTS bench_copy_scratch`);
    await c.query(`CREATE TABLE bench_copy_scratch (${HEADERS.map((_, i) => `c${i} text`).join(', ')})`);
  } finally {
    await c.end();
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    'psql',
    [url, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy bench_copy_scratch FROM '${csvPath}' WITH (FORMAT csv, HEADER)`],
    { encoding: 'utf8' },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const n = Number((await check.query<{ n: string }>('SELECT count(*) AS n FROM bench_copy_scratch')).rows[0]!.n);
    if (n !== IMPORT_ROWS) throw new Error(`the raw COPY loaded ${n} rows, not ${IMPORT_ROWS}`);
    await check.query('DROP TABLE bench_copy_scratch');
  } finally {
    await check.end();
  }
  return seconds;
}

export function writeTemp(file: string, body: Buffer): string {
  fs.writeFileSync(file, body);
  return file;
}
