// Roles: built-in roles keep their permissions; custom roles are sets of permissions no
// stronger than their creator's, editable with a version, deletable when nobody holds them.
import { BUILTIN_ROLES } from '@wushe/core';
import { stableId } from '@wushe/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

interface RoleOut {
  id: string;
  code: string;
  name: string;
  permissions: string[];
  builtin: boolean;
  requireTotp: boolean;
  userCount: number;
  version: number;
}

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const NEXT_PASSWORD = 'Xinmima#2027';

describe('roles API', () => {
  let t: TestApp;
  let admin: Session;
  let huli: Session;

  /** An account with the given role, past its first-login password change. */
  async function holderOf(roleId: string, username: string): Promise<Session> {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: username,
      roleId,
      areaCode: DEMO.jiangtou,
      orgId: stableId('org:station:350206004000'),
      password: GOOD_PASSWORD,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    const s = await t.login(username, GOOD_PASSWORD);
    const changed = await s.post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: NEXT_PASSWORD });
    if (changed.statusCode !== 200) throw new Error(changed.body);
    return s;
  }

  const roleByCode = async (code: string): Promise<RoleOut> =>
    (await admin.get('/api/v1/roles')).json().items.find((r: RoleOut) => r.code === code);

  beforeAll(async () => {
    t = await startTestApp();
    [admin, huli] = await Promise.all([t.login('admin'), t.login('huli')]);
  });
  afterAll(() => t?.close());

  it('lists the built-in roles with how many accounts hold each', async () => {
    const res = await huli.get('/api/v1/roles');
    expect(res.statusCode).toBe(200);
    const items: RoleOut[] = res.json().items;
    expect(res.json().total).toBe(items.length);
    const builtin = items.filter((r) => r.builtin);
    expect(builtin.map((r) => r.code).sort()).toEqual(['admin', 'official', 'partner', 'social_worker', 'station_head', 'volunteer']);
    for (const b of BUILTIN_ROLES) {
      expect(builtin.find((r) => r.code === b.code)!.permissions.sort()).toEqual([...b.permissions].sort());
    }
    const counts = Object.fromEntries(builtin.map((r) => [r.code, r.userCount]));
    expect(counts).toEqual({ admin: 1, official: 1, partner: 1, station_head: 1, social_worker: 2, volunteer: 1 });
    // Counted across the installation, not the caller's scope.
    const head = await t.login('jiangtou.head');
    const seenByHead = (await head.get('/api/v1/roles')).json().items.find((r: RoleOut) => r.code === 'social_worker');
    expect(seenByHead.userCount).toBe(2);
    const volunteer = await t.login('volunteer.demo');
    expect((await volunteer.get('/api/v1/roles')).statusCode).toBe(403);
  });

  it('creates a custom role that grants exactly its permissions', async () => {
    const res = await admin.post('/api/v1/roles', {
      code: 'org_viewer',
      name: '组织查看员',
      nameEn: 'Organisation viewer',
      permissions: ['area.read', 'org.read', 'org.read'],
    });
    expect(res.statusCode).toBe(200);
    const role: RoleOut = res.json();
    expect(role).toMatchObject({ code: 'org_viewer', builtin: false, requireTotp: false, userCount: 0, version: 1 });
    expect(role.permissions.sort()).toEqual(['area.read', 'org.read']);

    const viewer = await holderOf(role.id, 'org.viewer');
    const me = (await viewer.get('/api/v1/auth/me')).json();
    expect(me.role.code).toBe('org_viewer');
    expect(me.permissions.sort()).toEqual(['area.read', 'org.read']);
    const orgs = await viewer.get('/api/v1/orgs');
    expect(orgs.statusCode).toBe(200);
    expect(orgs.json().items.every((o: { areaCode: string }) => o.areaCode.startsWith('350206004'))).toBe(true);
    for (const url of ['/api/v1/users', '/api/v1/roles', '/api/v1/audit']) {
      const denied = await viewer.get(url);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('error.forbidden');
    }
    expect((await viewer.post('/api/v1/orgs', { name: '查看员建的组织', kind: 'other', areaCode: DEMO.jiangtou })).statusCode).toBe(403);
    expect((await roleByCode('org_viewer')).userCount).toBe(1);
    // Narrowing the role takes effect on the holder's next request.
    const narrowed = await admin.patch(`/api/v1/roles/${role.id}`, { permissions: ['area.read'], version: role.version });
    expect(narrowed.statusCode).toBe(200);
    expect((await viewer.get('/api/v1/orgs')).statusCode).toBe(403);
    expect((await viewer.get('/api/v1/auth/me')).json().permissions).toEqual(['area.read']);
  });

  it('rejects bad role input with field errors', async () => {
    const res = await admin.post('/api/v1/roles', { code: 'Bad Code', name: '', nameEn: 'x', permissions: ['org.delete'] });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json()).sort()).toEqual(['code', 'name', 'permissions.0']);
    const empty = await admin.post(
      '/api/v1/roles',
      { code: 'empty_role', name: '空角色', nameEn: 'Empty', permissions: [] },
      { 'accept-language': 'en' },
    );
    expect(paths(empty.json())).toEqual(['permissions']);
    expect(empty.json().detail).toBe('Some fields are invalid');
    const dup = await admin.post('/api/v1/roles', { code: 'org_viewer', name: '重复', nameEn: 'Dup', permissions: ['area.read'] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors).toEqual([{ path: 'code', message: '角色编码已被使用' }]);
    const builtinCode = await admin.post('/api/v1/roles', { code: 'admin', name: '假管理员', nameEn: 'Fake', permissions: ['area.read'] });
    expect(paths(builtinCode.json())).toEqual(['code']);
    expect((await admin.get('/api/v1/roles')).json().items.filter((r: RoleOut) => r.code === 'admin')).toHaveLength(1);
  });

  it("keeps built-in roles' permissions fixed but allows requiring two-factor login", async () => {
    const vol = await roleByCode('volunteer');
    const res = await admin.patch(`/api/v1/roles/${vol.id}`, { permissions: ['area.read', 'org.read'], version: vol.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'permissions', message: '内置角色不能修改权限或删除' }]);
    const rename = await admin.patch(`/api/v1/roles/${vol.id}`, { name: '志愿者（改）', version: vol.version });
    expect(rename.statusCode).toBe(400);
    const del = await admin.del(`/api/v1/roles/${vol.id}`);
    expect(del.statusCode).toBe(400);
    expect(paths(del.json())).toEqual(['id']);
    const totp = await admin.patch(`/api/v1/roles/${vol.id}`, { requireTotp: true, version: vol.version });
    expect(totp.statusCode).toBe(200);
    expect(totp.json()).toMatchObject({ requireTotp: true, version: vol.version + 1, permissions: ['area.read', 'volunteer.self'] });
    const back = await admin.patch(`/api/v1/roles/${vol.id}`, { requireTotp: false, version: vol.version + 1 });
    expect(back.json().requireTotp).toBe(false);
  });

  it('edits a custom role with the version and answers 409 on a stale write', async () => {
    const created = (
      await admin.post('/api/v1/roles', { code: 'area_keeper', name: '网格员', nameEn: 'Grid keeper', permissions: ['area.read'] })
    ).json();
    const ok = await admin.patch(`/api/v1/roles/${created.id}`, {
      name: '网格管理员',
      permissions: ['area.read', 'area.write'],
      version: created.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '网格管理员', nameEn: 'Grid keeper', version: created.version + 1 });
    expect(ok.json().permissions.sort()).toEqual(['area.read', 'area.write']);
    const stale = await admin.patch(`/api/v1/roles/${created.id}`, {
      name: '旧版本',
      permissions: ['audit.read'],
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('error.conflict');
    const now = await roleByCode('area_keeper');
    expect(now).toMatchObject({ name: '网格管理员', version: created.version + 1 });
    expect(now.permissions.sort()).toEqual(['area.read', 'area.write']);
    expect((await admin.patch(`/api/v1/roles/${stableId('role:none')}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await admin.patch(`/api/v1/roles/${created.id}`, { name: 'x' })).statusCode).toBe(400);
  });

  it('deletes only roles nobody holds', async () => {
    const viewer = await roleByCode('org_viewer');
    const inUse = await admin.del(`/api/v1/roles/${viewer.id}`);
    expect(inUse.statusCode).toBe(400);
    expect(inUse.json().errors).toEqual([{ path: 'id', message: '仍有账号使用该角色，不能删除' }]);
    const unused = (
      await admin.post('/api/v1/roles', { code: 'short_lived', name: '临时', nameEn: 'Temp', permissions: ['area.read'] })
    ).json();
    const res = await admin.del(`/api/v1/roles/${unused.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await roleByCode('short_lived')).toBeUndefined();
    expect((await admin.del(`/api/v1/roles/${unused.id}`)).statusCode).toBe(404);
    const audit = (await admin.get(`/api/v1/audit?targetId=${unused.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['role.create', 'role.delete']);
  });

  it('forbids role changes without role.write', async () => {
    const res = await huli.post('/api/v1/roles', {
      code: 'huli_role',
      name: '区角色',
      nameEn: 'District role',
      permissions: ['area.read'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('error.forbidden');
    const sw = await roleByCode('social_worker');
    expect((await huli.patch(`/api/v1/roles/${sw.id}`, { requireTotp: true, version: sw.version })).statusCode).toBe(403);
    expect((await huli.del(`/api/v1/roles/${(await roleByCode('area_keeper')).id}`)).statusCode).toBe(403);
    expect(await roleByCode('huli_role')).toBeUndefined();
    expect((await roleByCode('social_worker')).requireTotp).toBe(false);
  });

  it('does not let a role manager create or edit a role stronger than their own', async () => {
    const mgr = (
      await admin.post('/api/v1/roles', {
        code: 'role_manager',
        name: '角色管理员',
        nameEn: 'Role manager',
        permissions: ['role.read', 'role.write'],
      })
    ).json();
    const s = await holderOf(mgr.id, 'role.mgr');
    const strong = await s.post('/api/v1/roles', {
      code: 'sneaky',
      name: '越权',
      nameEn: 'Sneaky',
      permissions: ['role.read', 'user.write'],
    });
    expect(strong.statusCode).toBe(400);
    expect(strong.json().errors).toEqual([{ path: 'permissions', message: '不能授予超出您自身权限的角色' }]);
    const weaker = await s.post('/api/v1/roles', {
      code: 'role_reader',
      name: '角色查看',
      nameEn: 'Role reader',
      permissions: ['role.read'],
    });
    expect(weaker.statusCode).toBe(200);
    // Widening a role, or touching one stronger than oneself, is refused too.
    const widen = await s.patch(`/api/v1/roles/${weaker.json().id}`, { permissions: ['role.read', 'audit.read'], version: 1 });
    expect(paths(widen.json())).toEqual(['permissions']);
    const keeper = await roleByCode('area_keeper');
    const other = await s.patch(`/api/v1/roles/${keeper.id}`, { name: '改别人的', version: keeper.version });
    expect(other.statusCode).toBe(400);
    expect((await roleByCode('area_keeper')).name).toBe('网格管理员');
  });
});
