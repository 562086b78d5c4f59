// The audit log a station head can read: sentences in the reader's language, names for ids and
// codes, labelled before/after, the filters, and the export in the same words. Never a sealed value.
import { makeIdNumber } from '@wushe/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

interface Rec {
  action: string;
  text: string;
  kind: string;
  actorLabel: string | null;
  areaName: string | null;
  target: { type: string; id: string | null; label: string | null; link: string | null } | null;
  changes: { field: string; label: string; before: string | null; after: string | null }[];
}

describe('audit log in words', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let residentId: string;
  const idNumber = makeIdNumber('350206', '19400808', 613);
  const list = async (query: string, lang = 'zh-CN', s: Session = head): Promise<Rec[]> => {
    const res = await s.get(`/api/v1/audit?pageSize=100&${query}`, { 'accept-language': lang });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(/cipher|hash/i);
    expect(res.body).not.toContain(idNumber);
    return res.json().items;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [sw, head] = await Promise.all([t.login('jiangtou.sw'), t.login('jiangtou.head')]);
    const made = await sw.post('/api/v1/residents', {
      name: '蔡土生',
      idNumber,
      phone: '13900001111',
      areaCode: DEMO.jiangtouCommunity,
      categories: ['living_alone'],
      assistanceStatus: 'dibao',
      careLevel: 2,
      consent: { purpose: '建档与走访服务', date: '2026-01-05', givenBy: '本人' },
    });
    expect(made.statusCode, made.body).toBe(200);
    residentId = made.json().id;
    const edited = await sw.patch(`/api/v1/residents/${residentId}`, {
      version: made.json().version,
      careLevel: 1,
      careLevelReason: '出院后独居',
      categories: ['living_alone', 'empty_nest'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await sw.post(`/api/v1/residents/${residentId}/reveal`, { field: 'idNumber', reason: '入户核对' })).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it('says who did what to whom, by name, with a link, in Chinese and English', async () => {
    const zh = await list(`targetId=${residentId}`);
    const created = zh.find((e) => e.action === 'resident.create')!;
    expect(created.text).toBe('江头社工 登记了 蔡土生');
    expect(created).toMatchObject({
      kind: '登记服务对象',
      actorLabel: '江头社工',
      target: { type: 'resident', id: residentId, label: '蔡土生', link: `/residents/${residentId}` },
    });
    expect(created.areaName).toMatch(/社区$/);
    expect(zh.find((e) => e.action === 'resident.update')!.text).toBe('江头社工 修改了 蔡土生 的档案');
    expect(zh.find((e) => e.action === 'resident.reveal')!.text).toBe('江头社工 查看了 蔡土生 的证件号码明文（原因：入户核对）');

    const en = await list(`targetId=${residentId}`, 'en');
    expect(en.find((e) => e.action === 'resident.create')!.text).toBe('江头社工 registered 蔡土生');
    expect(en.find((e) => e.action === 'resident.reveal')!.text).toBe("江头社工 revealed 蔡土生's ID number (reason: 入户核对)");
    expect(en.find((e) => e.action === 'resident.create')!.kind).toBe('Resident registered');
  });

  it('shows each change as a labelled before/after in words, nothing sealed', async () => {
    const [update] = await list(`targetId=${residentId}&action=resident.update`);
    const byField = Object.fromEntries(update!.changes.map((c) => [c.field, c]));
    expect(byField.careLevel).toEqual({ field: 'careLevel', label: '关爱等级', before: '2 级', after: '1 级' });
    expect(byField.categories).toEqual({ field: 'categories', label: '人员类别', before: '独居', after: '独居、空巢' });
    expect(byField.careLevelReason).toMatchObject({ label: '等级调整原因', before: null, after: '出院后独居' });
    // Only what changed: the name and the masked number stayed.
    expect(Object.keys(byField)).not.toContain('name');
    expect(Object.keys(byField)).not.toContain('idMasked');

    const [created] = await list(`targetId=${residentId}&action=resident.create`);
    const fields = Object.fromEntries(created!.changes.map((c) => [c.field, c]));
    expect(fields.idMasked!.after).toBe(idNumber.slice(0, 3) + '*'.repeat(11) + idNumber.slice(-4));
    expect(fields.phoneMasked!.after).toBe('139****1111');
    expect(fields.assistanceStatus).toMatchObject({ label: '救助状态', after: '低保' });
    expect(fields.areaCode!.after).toMatch(/社区$/);
    expect(fields.documentType!.after).toBe('居民身份证');
    const en = (await list(`targetId=${residentId}&action=resident.update`, 'en'))[0]!;
    expect(en.changes.find((c) => c.field === 'careLevel')).toEqual({
      field: 'careLevel',
      label: 'Care level',
      before: 'level 2',
      after: 'level 1',
    });
  });

  it('filters by person, kind of action, record and date', async () => {
    const mine = await list('actor=jiangtou.sw&action=resident.');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((e) => e.action.startsWith('resident.') && e.actorLabel === '江头社工')).toBe(true);
    expect(await list('actor=jiangtou.head&action=resident.create')).toEqual([]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await list(`targetId=${residentId}&from=${today}&to=${today}`)).length).toBe(3);
    expect(await list(`targetId=${residentId}&to=2020-01-01`)).toEqual([]);
  });

  it('reads an action it does not know as a sentence still', async () => {
    await t.database.owner((db) =>
      appendAudit(db, {
        actorId: null,
        actorName: 'system',
        ip: null,
        action: 'something.new',
        targetType: 'resident',
        targetId: residentId,
        areaCode: DEMO.jiangtouCommunity,
        after: { secretCipher: 'v1:abc', idHash: 'x', note: 'ok' },
      }),
    );
    const [e] = await list(`targetId=${residentId}&action=something.new`);
    expect(e!.text).toBe('system 执行了 something.new（蔡土生）');
    expect(e!.changes).toEqual([{ field: 'note', label: 'note', before: null, after: 'ok' }]);
  });

  it('exports the same words', async () => {
    const res = await head.get(`/api/v1/audit?format=xlsx&targetId=${residentId}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(String(values[0]![0])).toMatch(/^导出人：江头站长（jiangtou\.head）/);
    expect(values[1]).toEqual(['序号', '时间', '操作人', '操作', '内容', '对象', '区划', '变更（前 → 后）', 'IP']);
    const texts = values.slice(2).map((r) => r[4]);
    expect(texts).toContain('江头社工 登记了 蔡土生');
    const update = values.find((r) => r[4] === '江头社工 修改了 蔡土生 的档案')!;
    expect(String(update[7])).toContain('关爱等级：2 级 → 1 级');
    expect(JSON.stringify(values)).not.toContain(idNumber);
  });
});
