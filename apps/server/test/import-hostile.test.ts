// Hostile text in an import file: a cell with a NUL (or a lone surrogate) rejects its own row
// only, named by column; valid-rows mode imports the rest, all-or-nothing reports it.
import { translate } from '@wushe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRow, type Lookups } from '../src/modules/residents/import/import.rows.ts';
import { csvOf, importFile, person, reportOf, residentCount, upload, waitForJob } from './import-fixtures.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('import with hostile cells', () => {
  let t: TestApp;
  let sw: Session;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    sw = await t.login('jiangtou.sw');
  });
  afterAll(() => t.close());

  const file = () => Buffer.from(csvOf([person(900), person(901, { 地址: '江头街道\u0000 1 号' }), person(902)]));

  it('rejects only the row with a NUL in valid-rows mode', async () => {
    const before = await residentCount(t);
    const job = await importFile(t, sw, file(), 'nul.csv', 'valid_rows');
    expect(job).toMatchObject({ status: 'done', accepted: 2, rejected: 1, error: null });
    expect(await residentCount(t)).toBe(before + 2);
    const report = await reportOf(sw, job.id);
    expect(report.find((r) => r.row === 3)).toMatchObject({
      status: 'rejected',
      errors: [{ column: '地址', message: translate('zh-CN', 'error.badText') }],
    });
  });

  it('reports it and imports nothing in all-or-nothing mode', async () => {
    const before = await residentCount(t);
    const res = await upload(t, sw, Buffer.from(csvOf([person(910), person(911, { 姓名: '王\u0000五' })])), 'nul2.csv');
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(sw, res.json().id, 50_000);
    expect(job).toMatchObject({ status: 'done', rejected: 1, error: translate('zh-CN', 'import.nothingImported') });
    expect(await residentCount(t)).toBe(before);
    const report = await reportOf(sw, job.id, 'en');
    expect(report.find((r) => r.row === 3)?.errors).toEqual([{ column: 'Name', message: translate('en', 'error.badText') }]);
  }, 60_000);

  it('finds a lone surrogate in a cell too', () => {
    const l = { index: { name: 0, address: 1 }, lang: 'zh-CN' } as unknown as Lookups;
    const res = checkRow({ row: 2, cells: ['张三', '\ud800'] } as never, l);
    expect(res).toEqual({ kind: 'bad', errors: [{ path: 'address', key: 'error.badText' }] });
  });
});
