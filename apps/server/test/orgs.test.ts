// Organisations: list (page, search, filters, sort, Excel), create, edit, deactivate, stats,
// and the scope rules: another street's organisation is 404, its area is not selectable.
import { stableId } from '@wushe/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

interface OrgOut {
  id: string;
  name: string;
  kind: string;
  areaCode: string;
  areaName: string;
  active: boolean;
  version: number;
}

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const JIANGTOU_STATION = stableId('org:station:350206004000');
const JINSHAN_STATION = stableId('org:station:350206005000');
// Demo: bureau, 2 agencies, a station and a team in each of 5 街道, 2 老年协会 per 街道, a company, a hospital, a university.
const DEMO_ORG_COUNT = 29; // 26 of the base demo and the workforce demo's three agencies (江头, 金山, 殿前)

/** A new account (must change its initial password first), ready to use. */
async function accountAs(t: TestApp, by: Session, username: string, role: string, areaCode: string, orgId: string): Promise<Session> {
  const res = await by.post('/api/v1/users', {
    username,
    displayName: username,
    roleId: stableId(`role:${role}`),
    areaCode,
    orgId,
    password: GOOD_PASSWORD,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  const s = await t.login(username, GOOD_PASSWORD);
  const changed = await s.post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: 'Xinmima#2027' });
  if (changed.statusCode !== 200) throw new Error(changed.body);
  return s;
}

describe('orgs API', () => {
  let t: TestApp;
  let huli: Session;
  let jinshan: Session;
  let sw: Session;
  let head: Session;
  let volunteer: Session;
  let streetOfficial: Session; // org.write, scoped to 江头
  beforeAll(async () => {
    t = await startTestApp();
    [huli, jinshan, sw, head, volunteer] = await Promise.all(
      ['huli', 'jinshan.sw', 'jiangtou.sw', 'jiangtou.head', 'volunteer.demo'].map((u) => t.login(u)),
    );
    streetOfficial = await accountAs(t, huli, 'jt.official', 'official', DEMO.jiangtou, JIANGTOU_STATION);
  });
  afterAll(() => t?.close());

  it('pages through every organisation of the district', async () => {
    const first = await huli.get('/api/v1/orgs?page=1&pageSize=10');
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(DEMO_ORG_COUNT);
    expect(first.json().items).toHaveLength(10);
    const third = await huli.get('/api/v1/orgs?page=3&pageSize=10');
    expect(third.json()).toMatchObject({ total: DEMO_ORG_COUNT });
    expect(third.json().items).toHaveLength(DEMO_ORG_COUNT - 20);
    // Past the end: no items, but the total still tells the pager where it is.
    expect((await huli.get('/api/v1/orgs?page=9&pageSize=10')).json()).toEqual({ items: [], total: DEMO_ORG_COUNT });
    const all = await huli.get('/api/v1/orgs?pageSize=100');
    const ids = all.json().items.map((o: OrgOut) => o.id);
    expect(new Set(ids).size).toBe(DEMO_ORG_COUNT);
    const pages = [...first.json().items, ...(await huli.get('/api/v1/orgs?page=2&pageSize=10')).json().items, ...third.json().items];
    expect(pages.map((o: OrgOut) => o.id)).toEqual(ids);
    // Default order is by area code.
    const codes = ids.map((_: string, i: number) => all.json().items[i].areaCode);
    expect(codes).toEqual([...codes].sort());
  });

  it('searches, filters and sorts', async () => {
    const q = await huli.get(`/api/v1/orgs?q=${encodeURIComponent('社工站')}&pageSize=100`);
    expect(q.json().total).toBe(5);
    expect(q.json().items.every((o: OrgOut) => o.name.endsWith('社工站') && o.kind === 'station')).toBe(true);
    const kind = await huli.get('/api/v1/orgs?kind=volunteer_team&pageSize=100');
    expect(kind.json().total).toBe(5);
    expect(kind.json().items.every((o: OrgOut) => o.kind === 'volunteer_team')).toBe(true);
    const area = await huli.get(`/api/v1/orgs?area=${DEMO.jiangtou}&pageSize=100`);
    // 江头: station, team, two 老年协会, the company, the workforce demo's agency.
    expect(area.json().total).toBe(6);
    expect(area.json().items.every((o: OrgOut) => o.areaCode.startsWith('350206004'))).toBe(true);
    const both = await huli.get(`/api/v1/orgs?area=${DEMO.jiangtou}&kind=company`);
    expect(both.json().items.map((o: OrgOut) => o.name)).toEqual(['厦门爱心便民超市']);
    expect((await huli.get('/api/v1/orgs?q=%25')).json().total).toBe(0); // LIKE wildcards are literal
    const asc = (await huli.get('/api/v1/orgs?sort=name&pageSize=100')).json().items.map((o: OrgOut) => o.name);
    const desc = (await huli.get('/api/v1/orgs?sort=-name&pageSize=100')).json().items.map((o: OrgOut) => o.name);
    expect(desc).toHaveLength(DEMO_ORG_COUNT);
    expect(desc).toEqual([...asc].reverse());
    expect(desc).not.toEqual(asc);
  });

  it('keeps a street worker inside their street', async () => {
    const res = await jinshan.get(`/api/v1/orgs?area=${DEMO.jiangtou}`);
    expect(res.json()).toEqual({ items: [], total: 0 });
    const wide = await jinshan.get(`/api/v1/orgs?area=${DEMO.district}&pageSize=100`);
    expect(wide.json().total).toBe(5); // 金山's four and the workforce demo's agency
    expect(wide.json().items.every((o: OrgOut) => o.areaCode.startsWith('350206005'))).toBe(true);
    const other = await jinshan.get(`/api/v1/orgs/${JIANGTOU_STATION}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('error.notFound');
    const own = await jinshan.get(`/api/v1/orgs/${JINSHAN_STATION}`);
    expect(own.json()).toMatchObject({ name: '金山街道社工站', kind: 'station', areaName: '金山街道', active: true });
  });

  it('rejects bad list parameters', async () => {
    const res = await huli.get('/api/v1/orgs?pageSize=500&kind=shop&sort=size&page=0');
    expect(res.statusCode).toBe(400);
    expect(paths(res.json()).sort()).toEqual(['kind', 'page', 'pageSize', 'sort']);
    expect((await huli.get('/api/v1/orgs?area=350', { 'accept-language': 'en' })).json().errors[0]).toEqual({
      path: 'area',
      message: 'An area code has 2, 4, 6, 9 or 12 digits (longer for a grid)',
    });
  });

  it('exports the filtered list to Excel with Chinese headers', async () => {
    const json = (await huli.get(`/api/v1/orgs?area=${DEMO.jiangtou}`)).json();
    const res = await huli.get(`/api/v1/orgs?area=${DEMO.jiangtou}&format=xlsx&pageSize=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('组织.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('组织');
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^导出人：/); // the stamp row
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '名称',
      '类型',
      '区划代码',
      '所在区划',
      '统一社会信用代码',
      '联系人',
      '联系电话',
      '地址',
      '状态',
    ]);
    // All rows, not the page: pageSize does not cut an export.
    expect(ws.rowCount - 2).toBe(json.total);
    const names = [];
    for (let i = 3; i <= ws.rowCount; i++) names.push(ws.getRow(i).getCell(1).value);
    expect(names.sort()).toEqual(json.items.map((o: OrgOut) => o.name).sort());
    expect(ws.getRow(3).getCell(9).value).toBe('正常');
    const en = await huli.get('/api/v1/orgs?format=xlsx', { 'accept-language': 'en' });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets[0]!.getRow(2).getCell(1).value).toBe('Name');
    expect(wbEn.worksheets[0]!.rowCount - 2).toBeGreaterThanOrEqual(DEMO_ORG_COUNT);
  });

  it('creates an organisation', async () => {
    const res = await huli.post('/api/v1/orgs', {
      name: '江头社区互助会',
      kind: 'social_org',
      areaCode: DEMO.jiangtouCommunity,
      creditCode: '51350206MJ1234567X',
      contactName: '张阿姨',
      contactPhone: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '江头社区互助会',
      areaName: '江头社区',
      creditCode: '51350206MJ1234567X',
      contactPhone: null,
      active: true,
      version: 1,
    });
    expect((await sw.get(`/api/v1/orgs/${res.json().id}`)).json().name).toBe('江头社区互助会');
    expect((await jinshan.get(`/api/v1/orgs/${res.json().id}`)).statusCode).toBe(404);
    // Credit code search is exact and case-insensitive.
    expect((await huli.get('/api/v1/orgs?q=51350206mj1234567x')).json().items.map((o: OrgOut) => o.id)).toEqual([res.json().id]);
  });

  it('rejects bad organisation input with field errors', async () => {
    const res = await huli.post('/api/v1/orgs', { name: '某机构', kind: 'agency', areaCode: DEMO.jiangtou, creditCode: '12345' });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['creditCode']);
    const many = await huli.post(
      '/api/v1/orgs',
      { name: 'x', kind: 'shop', areaCode: '35020', contactPhone: 'call me' },
      { 'accept-language': 'en' },
    );
    expect(paths(many.json()).sort()).toEqual(['areaCode', 'contactPhone', 'kind', 'name']);
    expect(many.json().detail).toBe('Some fields are invalid');
    const unknown = await huli.post('/api/v1/orgs', { name: '不存在的区', kind: 'agency', areaCode: '350206999999' });
    expect(paths(unknown.json())).toEqual(['areaCode']);
    expect(unknown.json().errors[0].message).toBe('区划不存在或不在您的管辖范围内');
  });

  it('forbids accounts without org.write or org.read', async () => {
    const body = { name: '江头社工小组', kind: 'other', areaCode: DEMO.jiangtou };
    for (const s of [sw, head]) {
      const res = await s.post('/api/v1/orgs', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('error.forbidden');
    }
    const list = await volunteer.get('/api/v1/orgs');
    expect(list.statusCode).toBe(403);
    expect(list.json().detail).toBe('您没有执行此操作的权限');
    expect((await volunteer.get('/api/v1/orgs/stats')).statusCode).toBe(403);
    expect((await jinshan.patch(`/api/v1/orgs/${JINSHAN_STATION}`, { name: '改名', version: 1 })).statusCode).toBe(403);
    expect((await huli.get(`/api/v1/orgs?q=${encodeURIComponent('江头社工小组')}`)).json().total).toBe(0);
  });

  it('does not let a street official reach another street', async () => {
    const create = await streetOfficial.post('/api/v1/orgs', { name: '金山新机构', kind: 'other', areaCode: DEMO.jinshan });
    expect(create.statusCode).toBe(400);
    expect(paths(create.json())).toEqual(['areaCode']);
    const patch = await streetOfficial.patch(`/api/v1/orgs/${JINSHAN_STATION}`, { name: '被改名', version: 1 });
    expect(patch.statusCode).toBe(404);
    // Nor move one of its own into another street.
    const move = await streetOfficial.patch(`/api/v1/orgs/${JIANGTOU_STATION}`, { areaCode: DEMO.jinshan, version: 1 });
    expect(move.statusCode).toBe(400);
    expect(paths(move.json())).toEqual(['areaCode']);
    expect((await huli.get(`/api/v1/orgs/${JINSHAN_STATION}`)).json()).toMatchObject({ name: '金山街道社工站', version: 1 });
    const own = await streetOfficial.post('/api/v1/orgs', { name: '江头邻里中心', kind: 'other', areaCode: DEMO.jiangtou });
    expect(own.statusCode).toBe(200);
  });

  it('renames with the version and answers 409 on a stale write', async () => {
    const created = (await huli.post('/api/v1/orgs', { name: '金山助老队', kind: 'volunteer_team', areaCode: DEMO.jinshan })).json();
    const renamed = await huli.patch(`/api/v1/orgs/${created.id}`, { name: '金山助老服务队', version: created.version });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '金山助老服务队', kind: 'volunteer_team', version: created.version + 1 });
    const stale = await huli.patch(`/api/v1/orgs/${created.id}`, { name: '旧版本改名', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('error.conflict');
    expect(stale.json().detail).toBe('该记录已被他人修改，请刷新后再编辑');
    expect((await huli.get(`/api/v1/orgs/${created.id}`)).json()).toMatchObject({ name: '金山助老服务队', version: created.version + 1 });
    const bad = await huli.patch(`/api/v1/orgs/${created.id}`, { name: '无版本' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['version']);
    expect((await huli.patch('/api/v1/orgs/not-a-uuid', { version: 1 })).statusCode).toBe(400);
    expect((await huli.patch(`/api/v1/orgs/${stableId('org:none')}`, { name: '无此组织', version: 1 })).statusCode).toBe(404);
  });

  it('deactivates an organisation', async () => {
    const created = (await huli.post('/api/v1/orgs', { name: '殿前临时小组', kind: 'other', areaCode: '350206002000' })).json();
    const off = await huli.patch(`/api/v1/orgs/${created.id}`, { active: false, version: created.version });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, name: '殿前临时小组' });
    const inactive = (await huli.get('/api/v1/orgs?active=false&pageSize=100')).json();
    expect(inactive.items.map((o: OrgOut) => o.id)).toEqual([created.id]);
    const active = (await huli.get('/api/v1/orgs?active=true&pageSize=100')).json();
    expect(active.items.some((o: OrgOut) => o.id === created.id)).toBe(false);
    const audit = await huli.get(`/api/v1/audit?targetId=${created.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('org.deactivate');
  });

  it('counts active organisations by street and by kind', async () => {
    const res = await huli.get('/api/v1/orgs/stats');
    expect(res.statusCode).toBe(200);
    const { byArea, byKind } = res.json() as {
      byArea: { code: string; name: string; count: number }[];
      byKind: { kind: string; count: number }[];
    };
    expect(byArea.map((a) => a.code)).toEqual([
      '350206001000',
      '350206002000',
      '350206003000',
      '350206004000',
      '350206005000',
      '350206405000',
      '350206406000',
    ]);
    const count = (code: string) => byArea.find((a) => a.code === code)!.count;
    const list = async (code: string) => (await huli.get(`/api/v1/orgs?area=${code}&active=true`)).json().total;
    for (const a of byArea) expect(a.count).toBe(await list(a.code));
    expect(count('350206001000')).toBe(4);
    expect(count('350206405000')).toBe(0);
    expect(byArea.find((a) => a.code === DEMO.jiangtou)!.name).toBe('江头街道');
    const stations = byKind.find((k) => k.kind === 'station')!;
    expect(stations.count).toBe(5);
    const activeTotal = (await huli.get('/api/v1/orgs?active=true')).json().total;
    expect(byKind.reduce((n, k) => n + k.count, 0)).toBe(activeTotal);
    // A street worker sees their street's kinds, and no districts' streets.
    const mine = (await jinshan.get('/api/v1/orgs/stats')).json();
    expect(mine.byKind.reduce((n: number, k: { count: number }) => n + k.count, 0)).toBe(
      (await jinshan.get('/api/v1/orgs?active=true')).json().total,
    );
    expect(mine.byArea.every((a: { code: string }) => a.code.startsWith('350206005'))).toBe(true);
  });
});
