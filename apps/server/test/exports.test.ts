// Private exports: the resident list goes out masked by default and for everyone holding
// resident.reveal; the unmasked one needs its own permission and a purpose, and is audited with
// the purpose, the filter and the row count. Every sheet opens with a stamp row (who, when, what
// for) above the headers, and codes go out as labels.
import { BUILTIN_ROLES, canGrant, makeIdNumber } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const read = async (res: { rawPayload: Buffer }) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!.getSheetValues()
    .filter(Boolean)
    .map((r) => (r as unknown[]).slice(1));
};

describe('exports', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let admin: Session;
  let huli: Session;
  const idNumber = makeIdNumber('350206', '19330303', 771);
  const q = `?q=${encodeURIComponent('钱宝珍')}`;
  beforeAll(async () => {
    t = await startTestApp();
    [sw, head, admin, huli] = await Promise.all(['jiangtou.sw', 'jiangtou.head', 'admin', 'huli'].map((u) => t.login(u)));
    const made = await sw.post('/api/v1/residents', {
      name: '钱宝珍',
      idNumber,
      phone: '13633334444',
      areaCode: DEMO.jiangtouCommunity,
      categories: ['living_alone', 'empty_nest'],
      assistanceStatus: 'dibao',
      careLevel: 2,
      consent: { purpose: '建档与走访服务', date: '2026-01-05', givenBy: '本人' },
    });
    expect(made.statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  const masked = idNumber.slice(0, 3) + '*'.repeat(11) + idNumber.slice(-4);
  const exportsAudited = (action: string) =>
    t.database.owner((db) =>
      rows<{ after: Record<string, unknown>; actor_name: string; t: string }>(
        db,
        sql`SELECT after, actor_name, a::text AS t FROM audit_log a WHERE action = ${action} ORDER BY seq`,
      ),
    );

  it('gives a social worker holding resident.reveal the masked list, with a stamp row and labels, audited', async () => {
    const res = await sw.get(`/api/v1/residents/export${q}`);
    expect(res.statusCode).toBe(200);
    const sheet = await read(res);
    expect(sheet).toHaveLength(3);
    // The stamp: who (name and account), when (Beijing time), what for.
    expect(String(sheet[0]![0])).toMatch(
      /^导出人：江头社工（jiangtou\.sw）　导出时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）　用途：未填写$/,
    );
    expect(sheet[1]!.slice(0, 2)).toEqual(['姓名', '证件号码']);
    const row = sheet[2]!;
    expect(row[1]).toBe(masked);
    expect(row).toContain('136****4444');
    expect(row).not.toContain('13633334444');
    // Labels, never codes.
    const header = sheet[1] as string[];
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('人员类别')).toBe('独居、空巢');
    expect(cell('救助状态')).toBe('低保');
    expect(cell('关爱等级')).toBe('2 级');
    expect(cell('状态')).toBe('在册');
    const audit = await exportsAudited('resident.export');
    expect(audit.at(-1)).toMatchObject({ actor_name: 'jiangtou.sw', after: { rows: 1, masked: true, filter: { q: '钱宝珍' } } });
    // The social worker has no way to the unmasked list, even with a purpose.
    const denied = await sw.post(`/api/v1/residents/export${q}`, { reason: '区里要名单' });
    expect(denied.statusCode).toBe(403);
    expect((await head.post(`/api/v1/residents/export${q}`, { reason: '区里要名单' })).statusCode).toBe(403);
    expect(await exportsAudited('resident.export.unmasked')).toHaveLength(0);
  });

  it('labels in English for an English reader', async () => {
    const sheet = await read(await sw.get(`/api/v1/residents/export${q}`, { 'accept-language': 'en' }));
    expect(String(sheet[0]![0])).toMatch(/^Exported by 江头社工 \(jiangtou\.sw\) at .* \(Beijing time\)\. Purpose: not stated$/);
    const header = sheet[1] as string[];
    const row = sheet[2]!;
    expect(row[header.indexOf('Categories')]).toBe('Living alone、Empty-nest elder');
    expect(row[header.indexOf('Care level')]).toBe('Level 2');
    expect(row[header.indexOf('Status')]).toBe('active');
  });

  it('gives the unmasked list only with the permission and a purpose, and audits both', async () => {
    const noReason = await admin.post(`/api/v1/residents/export${q}`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ path: 'reason', message: '请填写导出用途（至少 2 个字）' }]);
    const en = await admin.post(`/api/v1/residents/export${q}`, { reason: ' ' }, { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toBe('State the purpose of the export (at least 2 characters)');
    expect(await exportsAudited('resident.export.unmasked')).toHaveLength(0);

    const res = await admin.post(`/api/v1/residents/export${q}`, { reason: '民政局核对低保名单' });
    expect(res.statusCode).toBe(200);
    const sheet = await read(res);
    expect(String(sheet[0]![0])).toContain('用途：民政局核对低保名单（含未脱敏的证件号码和电话，注意保密）');
    expect(String(sheet[0]![0])).toContain('（admin）');
    expect(sheet[2]![1]).toBe(idNumber);
    expect(sheet[2]).toContain('13633334444');
    const audit = await exportsAudited('resident.export.unmasked');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_name: 'admin',
      after: { reason: '民政局核对低保名单', rows: 1, masked: false, filter: { q: '钱宝珍', status: 'active' } },
    });

    // By exact ID number: the audit keeps the filter masked, never the number.
    const byId = await admin.post(`/api/v1/residents/export?q=${idNumber}`, { reason: '核对身份' });
    expect((await read(byId))[2]![1]).toBe(idNumber);
    const last = (await exportsAudited('resident.export.unmasked')).at(-1)!;
    expect(last.t).not.toContain(idNumber);
    expect(last.t).toContain(masked);
  });

  it('is granted to no built-in role but the platform administrator', async () => {
    const holders = await t.database.owner((db) =>
      rows<{ code: string }>(db, sql`SELECT code FROM roles WHERE permissions @> ARRAY['resident.export.unmasked'] ORDER BY code`),
    );
    expect(holders.map((r) => r.code)).toEqual(['admin']);
    // An account manager (a district official) cannot hand it out to station staff: not front-line.
    const official = BUILTIN_ROLES.find((r) => r.code === 'official')!.permissions;
    expect(canGrant(official, ['resident.read', 'resident.reveal'])).toBe(true);
    expect(canGrant(official, ['resident.read', 'resident.export.unmasked'])).toBe(false);
  });

  it('stamps every other export too: follow-ups, coverage, accounts, organisations, audit', async () => {
    const urls = [
      [head, '/api/v1/follow-ups/export'],
      [head, `/api/v1/coverage?format=xlsx&area=${DEMO.jiangtou}`],
      [huli, '/api/v1/users?format=xlsx'],
      [huli, '/api/v1/orgs?format=xlsx'],
      [huli, '/api/v1/audit?format=xlsx'],
    ] as const;
    for (const [s, url] of urls) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(200);
      const sheet = await read(res);
      expect(String(sheet[0]![0]), url).toMatch(/^导出人：.*（(jiangtou\.head|huli)）　导出时间：.*　用途：未填写$/);
      expect(
        sheet[0]!.filter((v) => v !== undefined && v !== null),
        url,
      ).toHaveLength(1);
    }
  });
});
