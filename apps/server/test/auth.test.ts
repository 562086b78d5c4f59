// Sign-in rules: lock-out, admin lock, forced password change, TOTP, rate limit.
import { rows, stableId } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/crypto/totp.ts';
import { DEMO, GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

const PW = 'Wushe@2026';
const userId = (username: string) => stableId(`user:${username}`);
const en = { 'accept-language': 'en' };

describe('auth', () => {
  let t: TestApp;
  let huli: Session;
  beforeAll(async () => {
    t = await startTestApp();
    huli = await t.login('huli');
  });
  afterAll(() => t.close());

  it('logs in with an httpOnly, SameSite=Lax session cookie', async () => {
    const res = await t.tryLogin('huli', PW);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^wushe_sid=[^;]{20,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    const actor = res.json();
    expect(actor.username).toBe('huli');
    expect(actor.scope).toBe('350206');
    expect(actor.csrfToken).toEqual(expect.any(String));
    expect(actor).not.toHaveProperty('passwordHash');
    // Usernames are case-insensitive.
    expect((await t.tryLogin('HULI', PW)).statusCode).toBe(200);
  });

  it('answers a wrong password with the tries left, an unknown user alike', async () => {
    const wrong = await t.tryLogin('jiangtou.sw', 'Wrong@2026');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.badCredentialsLeft');
    expect(wrong.json().detail).toContain('再错 4 次');
    expect(wrong.cookies.find((c) => c.name === 'wushe_sid')).toBeUndefined();
    const wrongEn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'jiangtou.sw', password: 'x' },
      headers: en,
    });
    expect(wrongEn.json().detail).toContain('3 more failures lock the account for 15 minutes');
    // An unknown name is counted like an account: the answer does not tell which names exist.
    const unknown = await t.tryLogin('nobody.here', PW);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('auth.badCredentialsLeft');
    expect(unknown.json().detail).toContain('再错 4 次');
    // A success resets the count.
    await t.login('jiangtou.sw');
    expect((await t.tryLogin('jiangtou.sw', 'x')).json().detail).toContain('再错 4 次');
    await t.login('jiangtou.sw');
  });

  it('locks an account after 5 failures, even against the right password, until an official unlocks it', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await t.tryLogin('volunteer.demo', `Wrong@${i}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain(`再错 ${5 - i} 次`);
    }
    const fifth = await t.tryLogin('volunteer.demo', 'Wrong@5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    expect(fifth.json().detail).toMatch(/请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 后再试/);
    const right = await t.tryLogin('volunteer.demo', PW);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('auth.locked');

    const unlock = await huli.post(`/api/v1/users/${userId('volunteer.demo')}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().status).toBe('active');
    expect((await t.tryLogin('volunteer.demo', PW)).statusCode).toBe(200);
  });

  it('counts concurrent failures exactly once each', async () => {
    const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => t.tryLogin('volunteer.demo', `Wrong@${i}`)));
    const codes = statuses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(4);
    expect(codes.filter((c) => c === 423)).toHaveLength(4);
    const admin = await t.login('admin');
    const locks = (await admin.get(`/api/v1/audit?action=user.lock&targetId=${userId('volunteer.demo')}`)).json();
    expect(locks.items.filter((e: { actorName: string }) => e.actorName === 'system')).toHaveLength(2);
    expect((await huli.post(`/api/v1/users/${userId('volunteer.demo')}/unlock`)).statusCode).toBe(200);
  });

  it('lets the lock expire by itself after the lock period', async () => {
    for (let i = 1; i <= 5; i++) await t.tryLogin('jiangtou.sw', `Wrong@${i}`);
    expect((await t.tryLogin('jiangtou.sw', PW)).json().code).toBe('auth.locked');
    const [row] = await t.database.owner((db) =>
      rows<{ mins: number }>(
        db,
        sql`SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS mins FROM users WHERE username = 'jiangtou.sw'`,
      ),
    );
    expect(Number(row!.mins)).toBe(15);
    await t.database.owner((db) =>
      db.execute(sql`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'jiangtou.sw'`),
    );
    expect((await t.tryLogin('jiangtou.sw', PW)).statusCode).toBe(200);
    // The failure count started again from zero.
    expect((await t.tryLogin('jiangtou.sw', 'x')).json().detail).toContain('再错 4 次');
    await t.login('jiangtou.sw');
  });

  it('refuses an account an administrator locked and ends its sessions', async () => {
    const admin = await t.login('admin');
    const sw = await t.login('jinshan.sw');
    expect((await sw.get('/api/v1/auth/me')).statusCode).toBe(200);
    const lock = await admin.post(`/api/v1/users/${userId('jinshan.sw')}/lock`);
    expect(lock.statusCode).toBe(200);
    expect(lock.json().status).toBe('locked');
    expect((await sw.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.tryLogin('jinshan.sw', PW);
    expect(again.statusCode).toBe(423);
    expect(again.json().code).toBe('auth.lockedByAdmin');
    // A social worker cannot lock anyone.
    const other = await t.login('jiangtou.sw');
    expect((await other.post(`/api/v1/users/${userId('volunteer.demo')}/lock`)).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/users/${userId('jinshan.sw')}/unlock`)).statusCode).toBe(200);
    expect((await t.tryLogin('jinshan.sw', PW)).statusCode).toBe(200);
  });

  it('ends the session at logout and needs a cookie for /auth/me', async () => {
    const s = await t.login('huli');
    const out = await s.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/wushe_sid=;/);
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('auth.unauthenticated');
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'wushe_sid=not-a-session' } });
    expect(forged.statusCode).toBe(401);
  });

  it('makes a new account change its initial password before anything else', async () => {
    // The platform administrator creates it: a social worker holds resident permissions an
    // official lacks, and no one grants more than they hold.
    const admin = await t.login('admin');
    const roles = (await admin.get('/api/v1/roles')).json().items as { id: string; code: string }[];
    const roleId = roles.find((r) => r.code === 'social_worker')!.id;
    const orgs = (await admin.get(`/api/v1/orgs?q=${encodeURIComponent('金山街道社工站')}`)).json().items as { id: string; name: string }[];
    const orgId = orgs.find((o) => o.name === '金山街道社工站')!.id;
    const created = await admin.post('/api/v1/users', {
      username: 'jinshan.new',
      displayName: '新社工',
      roleId,
      areaCode: DEMO.jinshan,
      orgId,
      password: 'Chushi#2026',
    });
    expect(created.statusCode).toBe(200);

    const s = await t.login('jinshan.new', 'Chushi#2026');
    expect(s.actor.mustChangePassword).toBe(true);
    const blocked = await s.get('/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.mustChangePassword');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);

    const weak = await s.post('/api/v1/auth/password', { currentPassword: 'Chushi#2026', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ path: 'newPassword', message: '密码至少 8 位' }]);
    const wrongCurrent = await s.post('/api/v1/auth/password', { currentPassword: 'Nope#2026', newPassword: GOOD_PASSWORD });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().errors[0].path).toBe('currentPassword');
    const same = await s.post('/api/v1/auth/password', { currentPassword: 'Chushi#2026', newPassword: 'Chushi#2026' });
    expect(same.json().errors[0].path).toBe('newPassword');

    const other = await t.login('jinshan.new', 'Chushi#2026');
    const ok = await s.post('/api/v1/auth/password', { currentPassword: 'Chushi#2026', newPassword: GOOD_PASSWORD });
    expect(ok.statusCode).toBe(200);
    // Whoever knew the old password is signed out; this session lives on.
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await s.get('/api/v1/orgs')).statusCode).toBe(200);
    expect((await t.tryLogin('jinshan.new', 'Chushi#2026')).statusCode).toBe(401);
    expect((await t.tryLogin('jinshan.new', GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('explains the password rules in Chinese and English', async () => {
    const s = await t.login('jiangtou.head');
    const cases = [
      { pw: 'Ab1!', zh: '密码至少 8 位', en: 'Password must be at least 8 characters' },
      {
        pw: 'abcdefgh12',
        zh: '密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
        en: 'Password must mix at least 3 of: upper case, lower case, digits, symbols',
      },
    ];
    for (const c of cases) {
      const zh = await s.post('/api/v1/auth/password', { currentPassword: PW, newPassword: c.pw });
      expect(zh.statusCode).toBe(400);
      expect(zh.json().errors).toEqual([{ path: 'newPassword', message: c.zh }]);
      const eng = await s.post('/api/v1/auth/password', { currentPassword: PW, newPassword: c.pw }, en);
      expect(eng.json().errors).toEqual([{ path: 'newPassword', message: c.en }]);
    }
    expect((await t.tryLogin('jiangtou.head', PW)).statusCode).toBe(200);
  });

  it('sets up TOTP and then asks for it at login', async () => {
    const s = await t.login('jiangtou.head');
    const setup = await s.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    const code = totpCode(secret);
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await s.post('/api/v1/auth/totp/enable', { code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('code');
    const ok = await s.post('/api/v1/auth/totp/enable', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().totpEnabled).toBe(true);

    const without = await t.tryLogin('jiangtou.head', PW);
    expect(without.statusCode).toBe(401);
    expect(without.json().code).toBe('auth.totpRequired');
    const wrongTotp = await t.tryLogin('jiangtou.head', PW, { totp: wrong });
    expect(wrongTotp.statusCode).toBe(401);
    expect(wrongTotp.json().code).toBe('auth.totpWrong');
    // A right code with a wrong password says nothing about the code.
    expect((await t.tryLogin('jiangtou.head', 'Wrong@2026', { totp: totpCode(secret) })).json().code).toBe('auth.badCredentialsLeft');
    // The code that enabled two-factor is spent: replaying it is refused like a wrong one.
    const replay = await t.tryLogin('jiangtou.head', PW, { totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.totpWrong');
    // The next 30-second step's code is accepted (one step of clock drift either way), once.
    const next = totpCode(secret, Date.now() + 30_000);
    const s2 = await t.login('jiangtou.head', PW, { totp: next });
    expect(s2.actor.totpEnabled).toBe(true);
    expect((await t.tryLogin('jiangtou.head', PW, { totp: next })).json().code).toBe('auth.totpWrong');
    // A new secret cannot replace the enabled one without turning two-factor off first.
    expect((await s2.post('/api/v1/auth/totp/setup')).statusCode).toBe(403);

    const noPw = await s2.post('/api/v1/auth/totp/disable', { password: 'Wrong@2026' });
    expect(noPw.statusCode).toBe(400);
    expect(noPw.json().errors[0].path).toBe('password');
    const off = await s2.post('/api/v1/auth/totp/disable', { password: PW });
    expect(off.statusCode).toBe(200);
    expect(off.json().totpEnabled).toBe(false);
    expect((await t.tryLogin('jiangtou.head', PW)).statusCode).toBe(200);
  });

  it('holds holders of a TOTP-requiring role at set-up until they enable it', async () => {
    const admin = await t.login('admin');
    const role = ((await admin.get('/api/v1/roles')).json().items as { id: string; code: string; version: number }[]).find(
      (r) => r.code === 'station_head',
    )!;
    const patched = await admin.patch(`/api/v1/roles/${role.id}`, { requireTotp: true, version: role.version });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().requireTotp).toBe(true);

    const s = await t.login('jiangtou.head');
    expect(s.actor.totpRequired).toBe(true);
    const held = await s.get('/api/v1/orgs');
    expect(held.statusCode).toBe(403);
    expect(held.json().code).toBe('auth.totpSetupRequired');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);

    const { secret } = (await s.post('/api/v1/auth/totp/setup')).json();
    expect((await s.post('/api/v1/auth/totp/enable', { code: totpCode(secret) })).statusCode).toBe(200);
    expect((await s.get('/api/v1/orgs')).statusCode).toBe(200);
    // Required two-factor cannot be switched off.
    expect((await s.post('/api/v1/auth/totp/disable', { password: PW })).statusCode).toBe(403);

    const back = await admin.patch(`/api/v1/roles/${role.id}`, { requireTotp: false, version: patched.json().version });
    expect(back.statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 to the fourth login from one address within a minute', async () => {
    expect((await t.tryLogin('huli', PW)).statusCode).toBe(200);
    expect((await t.tryLogin('nobody.here', PW)).statusCode).toBe(401);
    expect((await t.tryLogin('huli', 'Wrong@2026')).statusCode).toBe(401);
    const fourth = await t.tryLogin('huli', PW);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('auth.rateLimited');
    expect(fourth.headers['content-type']).toContain('application/problem+json');
    // Other routes are not limited.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
