// The export thread (http/excel.threads.ts): pages written in order into one .xlsx, several
// workbooks open at once, and a thread that dies fails its exports with a clear error while the
// next export starts a new thread.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openThreadWorkbook, stopExportThread, type Cell } from '../src/http/excel.threads.ts';

const head = (sheet: string) => ({ sheet, stamp: `导出人：测试 ${sheet}`, widths: [10, 12, 8], headers: ['姓名', '证件号码', '年龄'] });

async function write(sheet: string, pages: Cell[][][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const wb = await openThreadWorkbook(head(sheet), (b) => chunks.push(b));
  for (const page of pages) await wb.rows(page);
  await wb.close();
  return Buffer.concat(chunks);
}

async function read(bytes: Buffer): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Cell[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as Cell[]).slice(1)));
  return out;
}

const page = (from: number, n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`居民${from + i}`, null, from + i]);

describe('export thread', () => {
  afterAll(() => stopExportThread());

  it('writes the stamp, the headers and every page in order, two workbooks at once', async () => {
    const [a, b] = await Promise.all([write('甲', [page(0, 500), page(500, 500), page(1000, 7)]), write('乙', [page(0, 3)])]);
    const rowsA = await read(a);
    expect(rowsA[0]).toEqual(['导出人：测试 甲']);
    expect(rowsA[1]).toEqual(['姓名', '证件号码', '年龄']);
    expect(rowsA).toHaveLength(2 + 1007);
    expect(rowsA[2]).toEqual(['居民0', undefined, 0]);
    expect(rowsA[1008]).toEqual(['居民1006', undefined, 1006]);
    expect(rowsA.slice(2).map((r) => r[2])).toEqual(Array.from({ length: 1007 }, (_, i) => i));
    expect(await read(b)).toHaveLength(2 + 3);
  });

  it('fails a running export when its thread dies, and the next export starts a new thread', async () => {
    const wb = await openThreadWorkbook(head('丙'), () => undefined);
    await wb.rows(page(0, 10));
    await stopExportThread();
    await expect(wb.rows(page(10, 10))).rejects.toThrow(/export thread exited/);
    const again = await read(await write('丁', [page(0, 2)]));
    expect(again).toHaveLength(4);
  });
});
