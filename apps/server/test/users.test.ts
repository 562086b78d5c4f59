// Accounts: create within scope with a role no stronger than one's own, list and export,
// edit with a version, disable, reset a password, lock; never a password hash in a response.
import { stableId } from '@wushe/db';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

interface UserOut {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  roleCode: string;
  areaCode: string;
  status: string;
  mustChangePassword: boolean;
  version: number;
}

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const role = (code: string) => stableId(`role:${code}`);
const JIANGTOU_STATION = stableId('org:station:350206004000');
const JINSHAN_STATION = stableId('org:station:350206005000');
const NEXT_PASSWORD = 'Xinmima#2027';

/** No response may carry a password hash, under any name. */
function noSecrets(res: LightMyRequestResponse) {
  expect(res.body).not.toMatch(/\$argon2|passwordHash|password_hash/);
}

describe('users API', () => {
  let t: TestApp;
  let huli: Session;
  let admin: Session;
  let head: Session;
  let jinshanOfficial: Session; // user.write, scoped to 金山

  const newUser = (over: Record<string, unknown> = {}) => ({
    username: 'js.worker',
    displayName: '金山新社工',
    phone: '13800001234',
    roleId: role('volunteer'),
    areaCode: DEMO.jinshan,
    orgId: JINSHAN_STATION,
    password: GOOD_PASSWORD,
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [huli, admin, head] = await Promise.all([t.login('huli'), t.login('admin'), t.login('jiangtou.head')]);
    await huli.post(
      '/api/v1/users',
      newUser({ username: 'js.official', displayName: '金山街道办', roleId: role('official'), phone: null }),
    );
    jinshanOfficial = await t.login('js.official', GOOD_PASSWORD);
    await jinshanOfficial.post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: NEXT_PASSWORD });
  });
  afterAll(() => t?.close());

  it('creates an account that must change its password', async () => {
    // A district official staffs the stations: a social worker is a role it may grant.
    const res = await huli.post('/api/v1/users', newUser({ roleId: role('social_worker') }));
    expect(res.statusCode, res.body).toBe(200);
    noSecrets(res);
    const created: UserOut = res.json();
    expect(created).toMatchObject({
      username: 'js.worker',
      roleCode: 'social_worker',
      areaCode: DEMO.jinshan,
      orgId: JINSHAN_STATION,
      orgName: '金山街道社工站',
      areaName: '金山街道',
      status: 'active',
      mustChangePassword: true,
      phone: '13800001234',
      version: 1,
    });
    expect(Object.keys(created)).not.toContain('password');
    const s = await t.login('js.worker', GOOD_PASSWORD);
    expect(s.actor.mustChangePassword).toBe(true);
    const blocked = await s.get('/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.mustChangePassword');
    for (const r of [
      await huli.get(`/api/v1/users/${created.id}`),
      await huli.get('/api/v1/users?pageSize=100'),
      await huli.get(`/api/v1/audit?targetId=${created.id}`),
    ]) {
      expect(r.statusCode).toBe(200);
      noSecrets(r);
    }
  });

  it('refuses a taken username without saying whose it is', async () => {
    // jiangtou.sw lies outside a 金山 official's scope; the name is still taken.
    const res = await jinshanOfficial.post('/api/v1/users', newUser({ username: 'jiangtou.sw' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'username', message: '用户名已被使用' }]);
    expect(res.body).not.toMatch(/江头|350206004|jiangtou\.sw/);
    const upper = await huli.post('/api/v1/users', newUser({ username: 'JiangTou.SW' }), { 'accept-language': 'en' });
    expect(upper.json().errors).toEqual([{ path: 'username', message: 'This username is taken' }]);
  });

  it('rejects a weak password and malformed fields', async () => {
    const weak = await huli.post('/api/v1/users', newUser({ username: 'js.weak', password: 'abcdefgh' }));
    expect(weak.statusCode).toBe(400);
    expect(paths(weak.json())).toEqual(['password']);
    expect(weak.json().errors[0].message).toContain('至少 3 类');
    const short = await huli.post('/api/v1/users', newUser({ username: 'js.weak', password: 'Ab1!' }), { 'accept-language': 'en' });
    expect(short.json().errors[0]).toEqual({ path: 'password', message: 'Password must be at least 8 characters' });
    const bad = await huli.post('/api/v1/users', newUser({ username: 'a b', displayName: '', phone: '123', roleId: 'x', areaCode: '1' }));
    expect(paths(bad.json()).sort()).toEqual(['areaCode', 'displayName', 'phone', 'roleId', 'username']);
    expect((await huli.get('/api/v1/users?q=js.weak')).json().total).toBe(0);
  });

  it("refuses a role stronger than the caller's", async () => {
    const res = await huli.post('/api/v1/users', newUser({ username: 'js.boss', roleId: role('admin') }));
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['roleId']);
    expect(res.json().errors[0].message).toBe('不能授予超出您自身权限的角色');
    const unknown = await huli.post('/api/v1/users', newUser({ username: 'js.boss', roleId: stableId('role:none') }));
    expect(unknown.json().errors).toEqual([{ path: 'roleId', message: '角色不存在' }]);
    // Nor can huli edit (and so demote) the administrator.
    const adminId = stableId('user:admin');
    const adminRow = (await huli.get(`/api/v1/users/${adminId}`)).json();
    const demote = await huli.patch(`/api/v1/users/${adminId}`, { displayName: '降级', version: adminRow.version });
    expect(demote.statusCode).toBe(400);
    expect(paths(demote.json())).toEqual(['roleId']);
    // Giving the administrator a weaker role is taking a stronger one away: refused too.
    const swap = await huli.patch(`/api/v1/users/${adminId}`, { roleId: role('social_worker'), version: adminRow.version });
    expect(swap.statusCode).toBe(400);
    expect(swap.json().errors).toEqual([{ path: 'roleId', message: '不能授予超出您自身权限的角色' }]);
    expect((await admin.get('/api/v1/auth/me')).json().role.code).toBe('admin');
  });

  it('places an account only in an area and organisation that fit', async () => {
    const mismatch = await huli.post('/api/v1/users', newUser({ username: 'js.mismatch', orgId: JIANGTOU_STATION }));
    expect(mismatch.statusCode).toBe(400);
    expect(paths(mismatch.json())).toEqual(['areaCode']);
    expect(mismatch.json().errors[0].message).toBe('账号所在区划须在其所属组织的区划之内或之上');
    // A 金山 official cannot create in 江头, nor use 江头's station.
    const area = await jinshanOfficial.post('/api/v1/users', newUser({ username: 'jt.new', areaCode: DEMO.jiangtou, orgId: null }));
    expect(paths(area.json())).toEqual(['areaCode']);
    const org = await jinshanOfficial.post('/api/v1/users', newUser({ username: 'jt.new', orgId: JIANGTOU_STATION }));
    expect(org.json().errors).toEqual([{ path: 'orgId', message: '组织不存在或不在您的管辖范围内' }]);
    const ok = await jinshanOfficial.post(
      '/api/v1/users',
      newUser({ username: 'js.community', displayName: '高林社工', areaCode: '350206005013', phone: null }),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ areaName: '高林社区', orgName: '金山街道社工站' });
  });

  it('forbids creating accounts without user.write', async () => {
    const res = await head.post('/api/v1/users', newUser({ username: 'jt.byhead', areaCode: DEMO.jiangtou, orgId: JIANGTOU_STATION }));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('error.forbidden');
    const sw = await t.login('jiangtou.sw');
    expect((await sw.get('/api/v1/users')).statusCode).toBe(403);
    expect((await huli.get('/api/v1/users?q=jt.byhead')).json().total).toBe(0);
  });

  it('lists accounts with filters, within scope', async () => {
    const q = await huli.get('/api/v1/users?q=jiangtou');
    expect(q.json().items.map((u: UserOut) => u.username)).toEqual(['jiangtou.head', 'jiangtou.sw']);
    const byName = await huli.get(`/api/v1/users?q=${encodeURIComponent('高林')}`);
    expect(byName.json().items.map((u: UserOut) => u.username)).toEqual(['js.community']);
    const vol = await huli.get(`/api/v1/users?roleId=${role('volunteer')}&pageSize=100`);
    expect(
      vol
        .json()
        .items.map((u: UserOut) => u.username)
        .sort(),
    ).toEqual(['js.community', 'volunteer.demo']);
    const byOrg = await huli.get(`/api/v1/users?orgId=${JIANGTOU_STATION}`);
    expect(byOrg.json().items.map((u: UserOut) => u.username)).toEqual(['jiangtou.head', 'jiangtou.sw']);
    const area = (await huli.get(`/api/v1/users?area=${DEMO.jinshan}&pageSize=100`)).json();
    expect(area.total).toBe(area.items.length);
    expect(area.items.every((u: UserOut) => u.areaCode.startsWith('350206005'))).toBe(true);
    expect(area.items.map((u: UserOut) => u.username)).toEqual(expect.arrayContaining(['jinshan.sw', 'js.official', 'js.community']));
    expect(area.items.map((u: UserOut) => u.username)).not.toContain('jiangtou.sw');
    expect((await huli.get('/api/v1/users?q=%25')).json().total).toBe(0); // LIKE wildcards are literal
    expect((await huli.get('/api/v1/users?status=disabled')).json().total).toBe(0);
    const active = (await huli.get('/api/v1/users?status=active&pageSize=100')).json();
    expect(active.total).toBeGreaterThanOrEqual(8);
    expect(active.items.every((u: UserOut) => u.status === 'active')).toBe(true);
    const all = (await huli.get('/api/v1/users?pageSize=100')).json().items.map((u: UserOut) => u.username);
    expect(all).toEqual([...all].sort());
    const desc = (await huli.get('/api/v1/users?sort=-username&pageSize=100')).json().items.map((u: UserOut) => u.username);
    expect(desc).toEqual([...all].reverse());
    // A station head sees 江头 only, with staff phones masked.
    const mine = (await head.get('/api/v1/users?pageSize=100')).json();
    expect(mine.items.map((u: UserOut) => u.username).sort()).toEqual(['jiangtou.head', 'jiangtou.sw', 'volunteer.demo']);
    const bad = await huli.get('/api/v1/users?status=gone&roleId=1&pageSize=0');
    expect(paths(bad.json()).sort()).toEqual(['pageSize', 'roleId', 'status']);
  });

  it('masks phones for those who cannot manage accounts', async () => {
    const withPhone = (
      await huli.post('/api/v1/users', newUser({ username: 'jt.phone', areaCode: DEMO.jiangtou, orgId: JIANGTOU_STATION }))
    ).json();
    expect(withPhone.phone).toBe('13800001234');
    const seen = (await head.get(`/api/v1/users/${withPhone.id}`)).json();
    expect(seen.phone).toBe('138****1234');
    const listed = (await head.get('/api/v1/users?q=jt.phone')).json().items[0];
    expect(listed.phone).toBe('138****1234');
  });

  it("answers 404 for another street's account", async () => {
    const read = await head.get(`/api/v1/users/${stableId('user:jinshan.sw')}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('error.notFound');
    const jtsw = stableId('user:jiangtou.sw');
    const patch = await jinshanOfficial.patch(`/api/v1/users/${jtsw}`, { displayName: '改名', version: 1 });
    expect(patch.statusCode).toBe(404);
    expect((await jinshanOfficial.post(`/api/v1/users/${jtsw}/reset-password`, { password: NEXT_PASSWORD })).statusCode).toBe(404);
    expect((await jinshanOfficial.post(`/api/v1/users/${jtsw}/lock`)).statusCode).toBe(404);
    expect((await huli.get(`/api/v1/users/${jtsw}`)).json().displayName).toBe('江头社工');
    expect((await t.tryLogin('jiangtou.sw', 'Wushe@2026')).statusCode).toBe(200);
  });

  it('exports accounts to Excel', async () => {
    const total = (await huli.get(`/api/v1/users?area=${DEMO.jinshan}`)).json().total;
    const res = await huli.get(`/api/v1/users?area=${DEMO.jinshan}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    noSecrets(res);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^导出人：/); // the stamp row
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '用户名',
      '姓名',
      '手机号',
      '角色',
      '所属组织',
      '所在区划',
      '状态',
      '最近登录',
    ]);
    expect(ws.rowCount - 2).toBe(total);
    const usernames = [];
    for (let i = 3; i <= ws.rowCount; i++) usernames.push(ws.getRow(i).getCell(1).value);
    expect(usernames).toEqual(expect.arrayContaining(['jinshan.sw', 'js.community']));
    expect(usernames).not.toContain('jiangtou.sw');
  });
});
