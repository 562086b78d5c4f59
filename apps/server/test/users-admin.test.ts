// Account administration: edits with a version, disable / re-enable, password reset, lock,
// and the things nobody may do to their own account.
import { stableId } from '@wushe/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const JIANGTOU_STATION = stableId('org:station:350206004000');

describe('account administration', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;

  /** A fresh 江头 volunteer account, created by huli (a role huli may always grant). */
  async function target(username: string) {
    const res = await huli.post('/api/v1/users', {
      username,
      displayName: `${username} 志愿者`,
      roleId: stableId('role:volunteer'),
      areaCode: DEMO.jiangtou,
      orgId: JIANGTOU_STATION,
      password: GOOD_PASSWORD,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json() as { id: string; version: number; displayName: string };
  }

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head] = await Promise.all([t.login('huli'), t.login('jiangtou.head')]);
  });
  afterAll(() => t?.close());

  it('edits with the version and answers 409 on a stale write', async () => {
    const u = await target('edit.me');
    const ok = await huli.patch(`/api/v1/users/${u.id}`, { displayName: '新名字', phone: '13912345678', version: u.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '新名字', phone: '13912345678', version: u.version + 1 });
    const stale = await huli.patch(`/api/v1/users/${u.id}`, { displayName: '旧版本', version: u.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('error.conflict');
    const en = await huli.patch(`/api/v1/users/${u.id}`, { displayName: '旧版本', version: u.version }, { 'accept-language': 'en' });
    expect(en.json().detail).toBe('Someone else changed this record; reload it and edit again');
    expect((await huli.get(`/api/v1/users/${u.id}`)).json()).toMatchObject({ displayName: '新名字', version: u.version + 1 });
    const bad = await huli.patch(`/api/v1/users/${u.id}`, { displayName: '', status: 'locked' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json()).sort()).toEqual(['displayName', 'status', 'version']);
    const audit = (await huli.get(`/api/v1/audit?targetId=${u.id}&action=user.update`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].before.displayName).toBe('edit.me 志愿者');
  });

  it('forbids edits without user.write', async () => {
    const u = await target('not.by.head');
    const res = await head.patch(`/api/v1/users/${u.id}`, { displayName: '站长改名', version: u.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('error.forbidden');
    expect((await head.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Chongzhi#2028' })).statusCode).toBe(403);
    expect((await head.post(`/api/v1/users/${u.id}/lock`)).statusCode).toBe(403);
    expect((await huli.get(`/api/v1/users/${u.id}`)).json()).toMatchObject({ displayName: 'not.by.head 志愿者', version: u.version });
  });

  it('disabling ends the sessions and blocks login until re-enabled', async () => {
    const u = await target('to.disable');
    const s = await t.login('to.disable', GOOD_PASSWORD);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    const off = await huli.patch(`/api/v1/users/${u.id}`, { status: 'disabled', version: u.version });
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('disabled');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await t.tryLogin('to.disable', GOOD_PASSWORD);
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('auth.disabled');
    const listed = (await huli.get('/api/v1/users?status=disabled')).json();
    expect(listed.items.map((x: { username: string }) => x.username)).toEqual(['to.disable']);
    // A disabled account cannot be locked either.
    const lock = await huli.post(`/api/v1/users/${u.id}/lock`);
    expect(lock.statusCode).toBe(400);
    expect(paths(lock.json())).toEqual(['status']);
    const on = await huli.patch(`/api/v1/users/${u.id}`, { status: 'active', version: off.json().version });
    expect(on.json().status).toBe('active');
    expect((await t.tryLogin('to.disable', GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('resets a password: sessions end, the old one fails, the new one must be changed', async () => {
    const u = await target('to.reset');
    const s = await t.login('to.reset', GOOD_PASSWORD);
    await s.post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: 'Ziji#Mima2027' });
    const me = (await huli.get(`/api/v1/users/${u.id}`)).json();
    expect(me.mustChangePassword).toBe(false);
    const weak = await huli.post(`/api/v1/users/${u.id}/reset-password`, { password: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(paths(weak.json())).toEqual(['password']);
    const missing = await huli.post(`/api/v1/users/${u.id}/reset-password`, {});
    expect(paths(missing.json())).toEqual(['password']);
    expect(missing.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/); // Chinese by default
    const empty = await huli.post(`/api/v1/users/${u.id}/reset-password`, { password: '' });
    expect(empty.json().errors).toEqual([{ path: 'password', message: '必填' }]);
    const res = await huli.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Chongzhi#2028' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/\$argon2|Chongzhi/);
    expect(res.json().mustChangePassword).toBe(true);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.tryLogin('to.reset', 'Ziji#Mima2027')).statusCode).toBe(401);
    const fresh = await t.login('to.reset', 'Chongzhi#2028');
    expect(fresh.actor.mustChangePassword).toBe(true);
    const audit = (await huli.get(`/api/v1/audit?targetId=${u.id}&action=user.password.reset`)).json();
    expect(audit.total).toBe(1);
    expect(JSON.stringify(audit)).not.toMatch(/\$argon2|Chongzhi/);
  });

  it('locks and unlocks an account', async () => {
    const u = await target('to.lock');
    const s = await t.login('to.lock', GOOD_PASSWORD);
    const lock = await huli.post(`/api/v1/users/${u.id}/lock`);
    expect(lock.json().status).toBe('locked');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await t.tryLogin('to.lock', GOOD_PASSWORD);
    expect(login.statusCode).toBe(423);
    expect(login.json().code).toBe('auth.lockedByAdmin');
    expect((await huli.get('/api/v1/users?status=locked')).json().items.map((x: { id: string }) => x.id)).toEqual([u.id]);
    expect((await huli.post(`/api/v1/users/${u.id}/unlock`)).json().status).toBe('active');
    expect((await t.tryLogin('to.lock', GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('changing the role or area ends the sessions', async () => {
    const u = await target('to.move');
    const s = await t.login('to.move', GOOD_PASSWORD);
    const res = await huli.patch(`/api/v1/users/${u.id}`, { roleId: stableId('role:official'), version: u.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().roleCode).toBe('official');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    const moved = await huli.patch(`/api/v1/users/${u.id}`, { areaCode: DEMO.jinshan, version: res.json().version });
    // Its organisation (江头's station) no longer fits a 金山 account.
    expect(moved.statusCode).toBe(400);
    expect(paths(moved.json())).toEqual(['areaCode']);
  });

  it('refuses to disable, lock, reset or re-role oneself', async () => {
    const self = huli.actor.id;
    const row = (await huli.get(`/api/v1/users/${self}`)).json();
    const off = await huli.patch(`/api/v1/users/${self}`, { status: 'disabled', version: row.version });
    expect(off.statusCode).toBe(400);
    expect(off.json().errors).toEqual([{ path: 'status', message: '不能对自己的账号执行此操作' }]);
    const role = await huli.patch(`/api/v1/users/${self}`, { roleId: stableId('role:volunteer'), version: row.version });
    expect(paths(role.json())).toEqual(['roleId']);
    for (const action of ['lock', 'unlock']) {
      const res = await huli.post(`/api/v1/users/${self}/${action}`, {}, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'id', message: 'You cannot do this to your own account' }]);
    }
    expect((await huli.post(`/api/v1/users/${self}/reset-password`, { password: 'Chongzhi#2028' })).statusCode).toBe(400);
    // Nothing changed, and the session still works; a harmless self-edit is fine.
    const after = (await huli.get(`/api/v1/users/${self}`)).json();
    expect(after).toMatchObject({ status: 'active', roleCode: 'official', version: row.version });
    const rename = await huli.patch(`/api/v1/users/${self}`, { displayName: '湖里区民政局（值班）', version: row.version });
    expect(rename.statusCode).toBe(200);
  });
});
