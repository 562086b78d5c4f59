// The import's pure parts: RFC 4180 CSV, encodings, header mapping, dates.
import { describe, expect, it } from 'vitest';
import { mapHeaders, normalizeDate } from '../src/modules/residents/import/import.columns.ts';
import { csvHeaders, decodeText, detectKind, parseCsv, sheetFromCsv } from '../src/modules/residents/import/import.parse.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF', async () => {
    expect(await parseCsv('a,"b,c","d ""e"""\r\n"x\r\ny",,z\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['x\r\ny', '', 'z'],
    ]);
  });

  it('keeps a last record without a line break and an empty last field', async () => {
    expect(await parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });

  it('numbers rows as a spreadsheet would and skips blank lines', async () => {
    const sheet = await sheetFromCsv(Buffer.from('姓名,证件号码\n张三,1\n\n,\n李四,2\n'));
    expect(sheet.headers).toEqual(['姓名', '证件号码']);
    expect(sheet.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, '张三'],
      [5, '李四'],
    ]);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 BOM and falls back to GB18030', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeText(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]))).toBe('张三'); // GBK bytes of 张三
  });
});

describe('detectKind', () => {
  it('trusts the bytes as well as the name', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]);
    expect(detectKind('a.xlsx', zip)).toBe('xlsx');
    expect(detectKind('a.XLSX', Buffer.from('text'))).toBeNull();
    expect(detectKind('a.csv', Buffer.from('a,b'))).toBe('csv');
    expect(detectKind('a.txt', Buffer.from('a,b'))).toBeNull();
    expect(detectKind('a.xls', zip)).toBeNull();
  });
});

describe('mapHeaders and normalizeDate', () => {
  it('accepts Chinese or English headers, spaces and asterisks, and names what is missing', () => {
    const { index, missing } = mapHeaders(['*姓名', 'Document number', ' 关爱等级 ']);
    expect(index).toMatchObject({ name: 0, idNumber: 1, careLevel: 2 });
    expect(missing).toEqual(['所在社区代码', '同意用途', '同意日期', '同意人']);
  });

  it('normalises the usual date spellings and Excel serials', () => {
    expect(['2026-1-5', '2026/01/05', '2026.1.5', '2026年1月5日', '20260105', '46027'].map(normalizeDate)).toEqual(
      Array(6).fill('2026-01-05'),
    );
    expect(normalizeDate('yesterday')).toBe('yesterday');
  });
});

describe('csvHeaders', () => {
  it('reads the header row of a large UTF-8 file alone, though its first 64 KiB end inside a character', async () => {
    // 20 header bytes, then 3-byte characters: byte 65,536 falls inside one (65,516 = 3 × 21,838 + 2).
    const body = Buffer.from('姓名,证件号码\n' + '张'.repeat(30_000) + ',x\n', 'utf8');
    expect(Buffer.from('姓名,证件号码\n').length).toBe(20);
    expect(decodeText(body.subarray(0, 64 * 1024))).not.toContain('姓名'); // the naive cut falls back to GB18030
    expect(await csvHeaders(body)).toEqual(['姓名', '证件号码']);
  });

  it('stops at the records asked for', async () => {
    expect(await parseCsv('a,b\nc,d\ne,f\n', 2)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
