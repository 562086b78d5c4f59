// Resident import: template, idempotent re-import, both modes, Excel-damaged IDs, CSV
// encodings and quoting, duplicates, other streets' residents, permissions and bad files.
import { makeIdNumber } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';
import {
  csvOf,
  HEADERS,
  idFor,
  importFile,
  person,
  reportOf,
  residentCount,
  upload,
  waitForJob,
  xlsxOf,
  type Row,
} from './import-fixtures.ts';

let t: TestApp;
let sw: Session;

beforeAll(async () => {
  t = await startTestApp();
  sw = await t.login('jiangtou.sw');
}, 120_000);
afterAll(() => t.close());

const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

describe('template', () => {
  it('has the headers, a notes row, text-formatted ID column and dropdowns', async () => {
    const res = await sw.get('/api/v1/residents/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([...HEADERS, '责任社工账号']); // issue 8: the responsible worker by username
    const idCol = HEADERS.indexOf('证件号码') + 1;
    expect(String(ws.getRow(2).getCell(idCol).value)).toContain('请设为文本格式，18 位');
    expect(ws.getRow(2).getCell(1).font?.italic).toBe(true);
    expect(ws.getColumn(idCol).numFmt).toBe('@');
    expect(ws.getColumn(HEADERS.indexOf('手机号') + 1).numFmt).toBe('@');
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations
      .model;
    const letter = (h: (typeof HEADERS)[number]) => String.fromCharCode(65 + HEADERS.indexOf(h));
    for (const h of ['证件类型', '救助状态', '关爱等级', '人员类别'] as const) {
      expect(dv[`${letter(h)}3`]?.type, h).toBe('list');
    }
    const lists = wb.worksheets.find((w) => w.state === 'hidden')!;
    expect(lists).toBeDefined();
    const listValues = (col: number) => lists.getColumn(col).values.slice(2).map(String);
    const careCol = [1, 2, 3, 4].find((c) => String(lists.getCell(1, c).value) === '关爱等级')!;
    expect(listValues(careCol)).toEqual(['1', '2', '3', '4']);
    const catCol = [1, 2, 3, 4].find((c) => String(lists.getCell(1, c).value) === '人员类别')!;
    expect(listValues(catCol)).toContain('低保');
    expect(dv[`${letter('人员类别')}3`]!.formulae[0]).toContain(lists.name);
    const areas = wb.worksheets[1]!;
    expect(areas.state).not.toBe('hidden');
    const codes = areas.getColumn(1).values.slice(2).map(String);
    expect(codes).toContain('350206004001');
    expect(codes.every((c) => c.startsWith('350206004'))).toBe(true);
  });

  it('reads back when filled in, skipping the notes row', async () => {
    const res = await sw.get('/api/v1/residents/import/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = person(900, { 同意日期: new Date(Date.UTC(2026, 0, 5)) }); // a real date cell
    ws.getRow(3).values = HEADERS.map((h) => row[h] ?? null);
    const job = await importFile(t, sw, Buffer.from(await wb.xlsx.writeBuffer()), '模板.xlsx');
    expect(job).toMatchObject({ status: 'done', totalRows: 1, accepted: 1, rejected: 0 });
    const [r] = await t.database.owner((db) =>
      rows<{ consent: { date: string } }>(db, sql`SELECT consent FROM residents WHERE id_masked = ${mask(idFor(900))}`),
    );
    expect(r!.consent.date).toBe('2026-01-05');
  });

  it('comes in English and an English file imports too', async () => {
    const res = await sw.get('/api/v1/residents/import/template', { 'accept-language': 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 3)).toEqual(['Name', 'Document type', 'Document number']);
    const zh = person(910, {
      证件类型: 'Mainland resident ID card',
      人员类别: 'Living alone, Empty-nest elder',
      救助状态: 'Minimum living allowance',
    });
    ws.getRow(3).values = HEADERS.map((h) => zh[h] ?? null);
    const job = await importFile(t, sw, Buffer.from(await wb.xlsx.writeBuffer()), 'en.xlsx');
    expect(job).toMatchObject({ accepted: 1, rejected: 0 });
    const [r] = await t.database.owner((db) =>
      rows<{ categories: string[]; assistance_status: string }>(
        db,
        sql`SELECT categories, assistance_status FROM residents WHERE id_masked = ${mask(idFor(910))}`,
      ),
    );
    expect(r).toEqual({ categories: ['living_alone', 'empty_nest'], assistance_status: 'dibao' });
  });

  it('is refused without resident.write', async () => {
    for (const u of ['huli', 'volunteer.demo']) {
      const s = await t.login(u);
      expect((await s.get('/api/v1/residents/import/template')).statusCode).toBe(403);
    }
  });
});

describe('import', () => {
  const good = range(0, 20).map((i) => person(i));

  it('accepts a good file, and a re-import changes nothing', async () => {
    const before = await residentCount(t);
    const auditBefore = await auditCount();
    const job = await importFile(t, sw, await xlsxOf(good), '服务对象.xlsx');
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 20,
      processedRows: 20,
      accepted: 20,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
    });
    expect(job.finishedAt).not.toBeNull();
    expect(await residentCount(t)).toBe(before + 20);
    const report = await reportOf(sw, job.id);
    expect(report.map((r) => r.status)).toEqual(Array(20).fill('accepted'));
    expect(report[0]!.idMasked).toMatch(/^350\*+\w{4}$/);
    // One create record for the batch (each resident's masked view in it), one for the job.
    expect(await auditCount()).toBe(auditBefore + 2);
    const [batch] = await t.database.owner((db) =>
      rows<{ after: { residents: { id: string; row: number; name: string; idMasked: string }[] } }>(
        db,
        sql`SELECT after FROM audit_log WHERE action = 'resident.create' AND target_type = 'import_job' AND target_id = ${job.id}`,
      ),
    );
    expect(batch!.after.residents).toHaveLength(20);
    expect(batch!.after.residents[0]).toMatchObject({ row: 2, name: good[0]!.姓名, idMasked: expect.stringMatching(/^350\*+\w{4}$/) });
    expect(JSON.stringify(batch!.after)).not.toContain(String(good[0]!.证件号码));
    const [levels] = await t.database.owner((db) =>
      rows<{ n: string }>(
        db,
        sql`SELECT count(*) AS n FROM care_level_changes WHERE resident_id::text = ANY(string_to_array(${batch!.after.residents.map((r) => r.id).join(',')}, ','))`,
      ),
    );
    expect(Number(levels!.n)).toBe(20);

    const again = await importFile(t, sw, await xlsxOf(good), '服务对象.xlsx');
    expect(again).toMatchObject({ status: 'done', accepted: 0, updated: 0, unchanged: 20, rejected: 0 });
    expect(await residentCount(t)).toBe(before + 20);
    expect(await auditCount()).toBe(auditBefore + 3); // only the job's own record
  });

  it('updates a changed phone and keeps the rest', async () => {
    const changed = good.map((r, k) => (k === 3 ? { ...r, 手机号: '13912345678' } : r));
    const job = await importFile(t, sw, await xlsxOf(changed), '服务对象.xlsx', 'valid_rows');
    expect(job).toMatchObject({ status: 'done', accepted: 0, updated: 1, unchanged: 19 });
    const [r] = await t.database.owner((db) =>
      rows<{ phone_masked: string; version: number }>(
        db,
        sql`SELECT phone_masked, version FROM residents WHERE id_masked = ${mask(idFor(3))}`,
      ),
    );
    expect(r).toMatchObject({ phone_masked: '139****5678', version: 2 });
  });

  it('records a care-level change from a file with the import as the reason', async () => {
    const level = Number(good[5]!.关爱等级) === 1 ? 2 : 1;
    // Row 3 keeps the phone the previous test gave it.
    const changed = good.map((r, k) => (k === 5 ? { ...r, 关爱等级: level } : k === 3 ? { ...r, 手机号: '13912345678' } : r));
    const job = await importFile(t, sw, await xlsxOf(changed), '等级.xlsx');
    expect(job).toMatchObject({ status: 'done', updated: 1, unchanged: 19 });
    const [c] = await t.database.owner((db) =>
      rows<{ to_level: number; reason: string }>(
        db,
        sql`SELECT c.to_level, c.reason FROM care_level_changes c JOIN residents r ON r.id = c.resident_id
          WHERE r.id_masked = ${mask(idFor(5))} ORDER BY c.changed_at DESC LIMIT 1`,
      ),
    );
    expect(c).toEqual({ to_level: level, reason: '批量导入：等级.xlsx' });
  });

  it('all_or_nothing with one bad row imports nothing and says why', async () => {
    const before = await residentCount(t);
    const data = [...range(100, 4).map((i) => person(i)), person(104, { 手机号: '12345' })];
    const job = await importFile(t, sw, await xlsxOf(data), 'bad.xlsx', 'all_or_nothing');
    expect(job).toMatchObject({ status: 'done', accepted: 0, rejected: 1, error: '未导入：存在错误行' });
    expect(await residentCount(t)).toBe(before);
    const report = await reportOf(sw, job.id);
    expect(report.filter((r) => r.status === 'rejected').map((r) => r.row)).toEqual([6]);
    expect(report[4]!.errors).toEqual([{ column: '手机号', message: '请输入 11 位手机号或带区号的固话' }]);
    expect(report.slice(0, 4).every((r) => r.status === 'accepted' && !r.imported)).toBe(true);
    const en = await sw.get(`/api/v1/residents/import/${job.id}/report`, { 'accept-language': 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Row', 'Result', 'Name', 'Document number', 'Errors']);
    expect(ws.getRow(6).getCell(2).value).toBe('Rejected');
    expect(String(ws.getRow(6).getCell(5).value)).toContain('Phone');
    expect(ws.getRow(2).getCell(2).value).toBe('Not imported');

    const valid = await importFile(t, sw, await xlsxOf(data), 'bad.xlsx', 'valid_rows');
    expect(valid).toMatchObject({ status: 'done', accepted: 4, rejected: 1, error: null });
    expect(await residentCount(t)).toBe(before + 4);
  });

  it('rejects ID numbers Excel has damaged, as text or as a number cell', async () => {
    const id = idFor(200);
    const data: Row[] = [
      person(201, { 证件号码: '1.10105E+17' }),
      person(202, { 证件号码: Number(id) }), // a numeric cell, even if it happens to read back
      person(203, { 证件号码: id.slice(0, 15) + '000' }),
      person(204),
    ];
    const job = await importFile(t, sw, await xlsxOf(data), 'excel.xlsx', 'valid_rows');
    expect(job).toMatchObject({ accepted: 1, rejected: 3 });
    const report = await reportOf(sw, job.id);
    for (const r of report.slice(0, 3)) {
      expect(r.errors[0]).toMatchObject({ column: '证件号码' });
      expect(r.errors[0]!.message).toContain('Excel');
    }
    const en = await reportOf(sw, job.id, 'en');
    expect(en[0]!.errors[0]).toMatchObject({
      column: 'Document number',
      message: expect.stringContaining('converted to a number by Excel'),
    });
  });

  it('reads CSV with a BOM and quoted fields', async () => {
    const data = [person(300, { 地址: '江头街道 "金尚" 小区, 3 号楼\n2 单元', 人员类别: '独居,空巢' }), person(301)];
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(data), 'utf8')]);
    const job = await importFile(t, sw, body, 'residents.csv');
    expect(job).toMatchObject({ status: 'done', accepted: 2, rejected: 0 });
    const [r] = await t.database.owner((db) =>
      rows<{ address: string; categories: string[] }>(
        db,
        sql`SELECT address, categories FROM residents WHERE id_masked = ${mask(idFor(300))}`,
      ),
    );
    expect(r).toEqual({ address: '江头街道 "金尚" 小区, 3 号楼\n2 单元', categories: ['living_alone', 'empty_nest'] });
  });

  it('reads GB18030-encoded CSV', async () => {
    const body = encodeGb18030(csvOf([person(310, { 姓名: '欧阳娜娜', 同意人: '欧阳娜娜' })]));
    const job = await importFile(t, sw, body, 'gbk.csv');
    expect(job).toMatchObject({ accepted: 1, rejected: 0 });
    expect((await reportOf(sw, job.id))[0]!.name).toBe('欧阳娜娜');
  });

  it('rejects the second occurrence of an ID in the file', async () => {
    const job = await importFile(
      t,
      sw,
      await xlsxOf([person(400), person(401), person(402, { 证件号码: idFor(400) })]),
      'dup.xlsx',
      'valid_rows',
    );
    expect(job).toMatchObject({ accepted: 2, rejected: 1 });
    const report = await reportOf(sw, job.id);
    expect(report[2]!.errors).toEqual([{ column: '证件号码', message: '与文件第 2 行的证件号码重复' }]);
  });

  it('rejects an ID registered in another street without saying where', async () => {
    const jinshan = await t.login('jinshan.sw');
    const theirs = person(500, { 所在社区代码: '350206005013' });
    expect(await importFile(t, jinshan, await xlsxOf([theirs]), 'js.xlsx')).toMatchObject({ accepted: 1 });
    const job = await importFile(t, sw, await xlsxOf([person(500), person(501)]), 'mine.xlsx', 'valid_rows');
    expect(job).toMatchObject({ accepted: 1, rejected: 1 });
    const report = await reportOf(sw, job.id);
    expect(report[0]!.errors).toEqual([{ column: '证件号码', message: '该证件号码已登记，不能重复登记；如需调入请联系所在社工站' }]);
    // A community outside the caller's street is refused too.
    const outside = await importFile(t, sw, await xlsxOf([person(502, { 所在社区代码: '350206005013' })]), 'x.xlsx');
    expect((await reportOf(sw, outside.id))[0]!.errors[0]).toMatchObject({ column: '所在社区代码' });
    // Their jobs are not ours to see.
    expect((await jinshan.get(`/api/v1/residents/import/${job.id}`)).statusCode).toBe(404);
    expect((await jinshan.get(`/api/v1/residents/import/${job.id}/report`)).statusCode).toBe(404);
  });

  it('all_or_nothing: an ID held in another street, found only by the insert, rolls everything back', async () => {
    const jinshan = await t.login('jinshan.sw');
    expect(await importFile(t, jinshan, await xlsxOf([person(520, { 所在社区代码: '350206005013' })]), 'js2.xlsx')).toMatchObject({
      accepted: 1,
    });
    const before = await residentCount(t);
    const job = await importFile(t, sw, await xlsxOf([person(521), person(520), person(522)]), 'aon.xlsx', 'all_or_nothing');
    expect(job).toMatchObject({ status: 'done', accepted: 0, rejected: 1, error: '未导入：存在错误行' });
    expect(await residentCount(t)).toBe(before);
    const report = await reportOf(sw, job.id);
    expect(report.map((r) => [r.status, r.imported])).toEqual([
      ['accepted', false],
      ['rejected', false],
      ['accepted', false],
    ]);
    expect(report[1]!.errors[0]).toMatchObject({ column: '证件号码' });
  });

  it('two imports of the same new rows at once: each ID lands once', async () => {
    const rows = range(700, 60).map((i) => person(i));
    const before = await residentCount(t);
    const [a, b] = await Promise.all([
      upload(t, sw, await xlsxOf(rows), 'a.xlsx', 'valid_rows'),
      upload(t, sw, await xlsxOf(rows), 'b.xlsx', 'valid_rows'),
    ]);
    const jobs = await Promise.all([a, b].map((r) => waitForJob(sw, r.json().id)));
    expect(await residentCount(t)).toBe(before + 60);
    // Whichever came second found them stored (unchanged) or lost the race at the insert (rejected).
    expect(jobs[0]!.accepted + jobs[1]!.accepted).toBe(60);
    expect(jobs.every((j) => j.status === 'done' && j.accepted + j.unchanged + j.rejected === 60)).toBe(true);
  });

  it('checks rows: codes, a minor without a guardian, the consent', async () => {
    const child = makeChildId();
    const data = [person(600, { 人员类别: '低保、外星人', 关爱等级: 7 }), person(601, { 证件号码: child }), person(602, { 同意日期: '' })];
    const job = await importFile(t, sw, await xlsxOf(data), 'rules.xlsx', 'valid_rows');
    expect(job).toMatchObject({ accepted: 0, rejected: 3 });
    const [a, b, c] = await reportOf(sw, job.id);
    expect(a!.errors.map((e) => e.column).sort()).toEqual(['人员类别', '关爱等级'].sort());
    expect(a!.errors[0]!.message).toBe('代码不在代码表中：外星人');
    expect(b!.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['监护人姓名', '同意人']));
    expect(c!.errors.map((e) => e.column)).toEqual(['同意日期']);
  });
});

describe('refusals', () => {
  it('403 for accounts without resident.write', async () => {
    const body = await xlsxOf([person(700)]);
    const mine = await importFile(t, sw, body, 'a.xlsx');
    for (const u of ['huli', 'volunteer.demo']) {
      const s = await t.login(u);
      expect((await upload(t, s, body, 'a.xlsx')).statusCode).toBe(403);
      expect((await s.get(`/api/v1/residents/import/${mine.id}`)).statusCode).toBe(403);
    }
  });

  it('400 for a .txt, a non-spreadsheet, missing headers, an empty file', async () => {
    const txt = await upload(t, sw, Buffer.from('hello'), 'a.txt', 'all_or_nothing', { 'content-type': 'application/octet-stream' });
    expect(txt.statusCode).toBe(400);
    expect(txt.json()).toMatchObject({ code: 'import.format' });
    expect((await upload(t, sw, Buffer.from('not a zip'), 'a.xlsx')).json()).toMatchObject({ code: 'import.format' });
    const headers = await upload(t, sw, Buffer.from('名字,身份证\n张三,1\n'), 'a.csv');
    expect(headers.statusCode).toBe(400);
    expect(headers.json()).toMatchObject({ code: 'import.headers' });
    expect(headers.json().detail ?? headers.json().title).toContain('证件号码');
    const empty = await upload(t, sw, await xlsxOf([]), 'a.xlsx');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'import.empty' });
    expect((await sw.get('/api/v1/residents/import/018f0000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});

function mask(id: string) {
  return id.slice(0, 3) + '*'.repeat(11) + id.slice(-4);
}

async function auditCount(): Promise<number> {
  const [r] = await t.database.owner((db) => rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM audit_log`));
  return Number(r!.n);
}

/** A ten-year-old's ID number. */
function makeChildId(): string {
  return makeIdNumber('350206', `${new Date().getUTCFullYear() - 10}0315`, 123);
}

/** GB18030 bytes of a string, through a reverse table of TextDecoder (Node has no encoder). */
function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}
