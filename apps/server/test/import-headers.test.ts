// Spreadsheets as offices keep them (台账): the header found below a title row or two (merged
// across the sheet), blank rows and columns ignored, header cells read through rich text, stray
// spaces and line breaks, full-width characters and remarks in brackets; .xlsx built by exceljs
// and CSV; and one such file imported end to end with the rows numbered as the person sees them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapHeaders, normalizeHeader } from '../src/modules/residents/import/import.columns.ts';
import { sheetFromCsv, sheetFromXlsx } from '../src/modules/residents/import/import.parse.ts';
import { HEADERS, importFile, person, reportOf, type Row } from './import-fixtures.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

/** Headers as a busy office types them: remarks, full-width forms, line breaks, spaces. */
const MESSY: Partial<Record<(typeof HEADERS)[number], string>> = {
  姓名: ' 姓 名（必填）',
  证件号码: '证件号码\n（18位）',
  所在社区代码: '所在社区代码＊',
  关爱等级: '关爱等级：',
  同意日期: '同意日期 ',
};

/**
 * A 台账: a merged title row, a subtitle, a blank row, then the header one column in (column A
 * left empty) with an empty column between two header cells; rich-text header cells.
 */
async function ledger(data: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  const width = HEADERS.length + 2;
  ws.getCell(1, 1).value = '江头街道困难群众关爱服务台账（2026年）';
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(2, 1).value = '填报单位：江头社工站    填报日期：2026-01-05';
  // Row 3 blank; the header on row 4 from column B, with column D left empty.
  const colOf = (i: number) => (i < 2 ? i + 2 : i + 3);
  HEADERS.forEach((h, i) => {
    const text = MESSY[h] ?? h;
    ws.getCell(4, colOf(i)).value =
      i % 3 === 0
        ? {
            richText: [
              { text: text.slice(0, 1), font: { bold: true } },
              { text: text.slice(1), font: { color: { argb: 'FFFF0000' } } },
            ],
          }
        : text;
  });
  data.forEach((r, k) => {
    HEADERS.forEach((h, i) => {
      ws.getCell(5 + k + (k >= 1 ? 1 : 0), colOf(i)).value = r[h] ?? null; // a blank row after the first person
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('header cells', () => {
  it('read through full-width forms, spaces, line breaks, asterisks, colons and trailing remarks', () => {
    expect(normalizeHeader(' 姓 名（必填）')).toBe('姓名');
    expect(normalizeHeader('证件号码\r\n(18位)')).toBe('证件号码');
    expect(normalizeHeader('Ｎａｍｅ＊')).toBe('name');
    expect(normalizeHeader('关爱等级：')).toBe('关爱等级');
    expect(normalizeHeader('\u200b手机号\u3000')).toBe('手机号');
    // A header that is only a remark is left alone (not emptied into a match for anything).
    expect(normalizeHeader('（备用）')).toBe('(备用)');
    const { index, missing } = mapHeaders(HEADERS.map((h) => MESSY[h] ?? h));
    expect(missing).toEqual([]);
    expect(index.idNumber).toBe(HEADERS.indexOf('证件号码'));
  });
});

describe('finding the header', () => {
  it('in an .xlsx 台账 below a merged title, past blank rows and columns, with rich-text headers', async () => {
    const sheet = await sheetFromXlsx(await ledger([person(1), person(2)]));
    expect(sheet.headerRow).toBe(4);
    const { index, missing } = mapHeaders(sheet.headers);
    expect(missing).toEqual([]);
    expect(sheet.headers[index.name!]).toBe('姓 名（必填）');
    expect(index.name).toBe(1); // column B
    expect(index.documentType).toBe(2);
    expect(index.idNumber).toBe(4); // column E: D is empty
    expect(sheet.rows.map((r) => [r.row, r.cells[index.name!]])).toEqual([
      [5, person(1).姓名],
      [7, person(2).姓名],
    ]);
    expect(sheet.rows[0]!.followsHeader).toBe(true);
    expect(sheet.rows[1]!.followsHeader).toBeUndefined();
  });

  it('in a CSV with a title row and a blank line above the header', async () => {
    const csv = `江头街道服务对象台账,,\r\n,,\r\n\r\n序号,姓名,证件号码\r\n1,张三,X\r\n\r\n2,李四,Y\r\n`;
    const sheet = await sheetFromCsv(Buffer.from(csv));
    expect(sheet.headerRow).toBe(4);
    expect(sheet.headers).toEqual(['序号', '姓名', '证件号码']);
    expect(sheet.rows.map((r) => [r.row, r.cells[1]])).toEqual([
      [5, '张三'],
      [7, '李四'],
    ]);
  });

  it('keeps row 1 as the header of a plain file, and the first row when no row names a column', async () => {
    expect((await sheetFromCsv(Buffer.from('姓名,证件号码\n张三,1\n'))).headerRow).toBe(1);
    const none = await sheetFromCsv(Buffer.from('\nfoo,bar\nbaz,qux\n'));
    expect(none).toMatchObject({ headerRow: 2, headers: ['foo', 'bar'] });
    expect(mapHeaders(none.headers).missing).toContain('姓名');
  });

  it('does not look for the header below the first ten rows', async () => {
    const titles = Array.from({ length: 10 }, (_, i) => `说明第${i + 1}行`).join('\n');
    const sheet = await sheetFromCsv(Buffer.from(`${titles}\n姓名,证件号码\n张三,1\n`));
    expect(sheet.headerRow).toBe(1);
  });
});

describe('importing a 台账', () => {
  let t: TestApp;
  let sw: Session;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    sw = await t.login('jiangtou.sw');
  });
  afterAll(() => t?.close());

  it('imports every person and reports rows by their spreadsheet numbers', async () => {
    const bad = person(3, { 关爱等级: 9 });
    const job = await importFile(t, sw, await ledger([person(1), person(2), bad]), '台账.xlsx', 'valid_rows');
    expect(job).toMatchObject({ status: 'done', accepted: 2, rejected: 1 });
    const report = await reportOf(sw, job.id);
    expect(report.find((r) => r.status !== 'created' && !r.imported)?.row).toBe(8);
  });
});
