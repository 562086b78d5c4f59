// Resident import files built in the test (no binary fixtures): rows keyed by the Chinese
// headers, written as .xlsx with exceljs or as CSV, uploaded raw, and the job polled.
import { makeIdNumber, type ImportJob } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Session, TestApp } from './harness.ts';

export const HEADERS = [
  '姓名',
  '证件类型',
  '证件号码',
  '手机号',
  '所在社区代码',
  '地址',
  '人员类别',
  '救助状态',
  '关爱等级',
  '监护人姓名',
  '监护人关系',
  '监护人电话',
  '紧急联系人',
  '紧急联系人关系',
  '紧急联系人电话',
  '健康备注',
  '备注',
  '同意用途',
  '同意日期',
  '同意人',
] as const;
export type Row = Partial<Record<(typeof HEADERS)[number], string | number | Date>>;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '建国秀英志强丽华明德桂兰海燕';

/** A valid adult's ID number, distinct for i in 0..49,999 (area 350206). */
export function idFor(i: number, area6 = '350206'): string {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 1000) * 86_400_000 * 7);
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  return makeIdNumber(area6, birth, i % 1000);
}

export function person(i: number, over: Row = {}): Row {
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]! + GIVEN[(i * 7 + 3) % GIVEN.length]!;
  return {
    姓名: name,
    证件类型: '居民身份证',
    证件号码: idFor(i),
    手机号: `139${String(10_000_000 + i).slice(-8)}`,
    所在社区代码: '350206004001',
    地址: `江头街道 ${i} 号`,
    人员类别: i % 3 === 0 ? '独居、空巢' : '低保',
    救助状态: i % 2 ? '低保' : '',
    关爱等级: (i % 4) + 1,
    紧急联系人: '王小明',
    紧急联系人关系: '子女',
    紧急联系人电话: '13800138000',
    同意用途: '社区关爱服务',
    同意日期: '2026-01-05',
    同意人: name,
    ...over,
  };
}

/** An .xlsx whose ID column holds text (or what `cell` returns, e.g. a number). */
export async function xlsxOf(data: Row[], headers: readonly string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务对象');
  ws.addRow([...headers]);
  for (const r of data) ws.addRow(headers.map((h) => r[h as keyof Row] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const quote = (v: string | number | Date | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvOf(data: Row[], headers: readonly string[] = HEADERS): string {
  return [headers.map(quote).join(','), ...data.map((r) => headers.map((h) => quote(r[h as keyof Row])).join(','))].join('\r\n') + '\r\n';
}

export function upload(
  t: TestApp,
  s: Session,
  body: Buffer,
  filename: string,
  mode = 'all_or_nothing',
  headers: Record<string, string> = {},
) {
  const type = filename.endsWith('.csv') ? 'text/csv' : XLSX;
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/residents/import?filename=${encodeURIComponent(filename)}&mode=${mode}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.actor.csrfToken, 'content-type': type, ...headers },
    payload: body,
  });
}

export async function waitForJob(s: Session, id: string, timeoutMs = 120_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await s.get(`/api/v1/residents/import/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json() as ImportJob;
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Uploads, expects 202, and waits for the job to end. */
export async function importFile(t: TestApp, s: Session, body: Buffer, filename: string, mode = 'all_or_nothing'): Promise<ImportJob> {
  const res = await upload(t, s, body, filename, mode);
  expect(res.statusCode, res.body).toBe(202);
  return waitForJob(s, (res.json() as ImportJob).id);
}

export interface ReportRow {
  row: number;
  status: string;
  name: string | null;
  idMasked: string | null;
  errors: { column: string; message: string }[];
  imported: boolean;
}

export async function reportOf(s: Session, id: string, lang = 'zh-CN'): Promise<ReportRow[]> {
  const res = await s.get(`/api/v1/residents/import/${id}/report?format=json`, { 'accept-language': lang });
  expect(res.statusCode).toBe(200);
  return res.json() as ReportRow[];
}

export async function residentCount(t: TestApp): Promise<number> {
  const [r] = await t.database.owner((db) => rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM residents`));
  return Number(r!.n);
}
