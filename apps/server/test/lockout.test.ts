// The lock-out without telling who has an account: an unknown name answers exactly like a real
// one with a wrong password (and locks alike), and wrong current passwords on a signed-in
// session (password change, turning TOTP off) count toward the same lock as login.
import { stableId } from '@wushe/db';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

const PW = 'Wushe@2026';
const userId = (username: string) => stableId(`user:${username}`);
const answer = (r: LightMyRequestResponse) => ({ status: r.statusCode, code: r.json().code, detail: r.json().detail });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('lock-out', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const failedLogins = async (username: string) => {
    const res = await admin.get(`/api/v1/audit?action=auth.login.failed&pageSize=100`);
    return (res.json().items as { actorName: string; after: { reason: string; via?: string } }[]).filter((e) => e.actorName === username);
  };

  it('answers an unknown name like a known one with a wrong password, through the lock', async () => {
    const known: ReturnType<typeof answer>[] = [];
    const unknown: ReturnType<typeof answer>[] = [];
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 1; i <= 6; i++) {
      let at = performance.now();
      known.push(answer(await t.tryLogin('jinshan.sw', `Wrong@${i}`)));
      knownMs.push(performance.now() - at);
      at = performance.now();
      unknown.push(answer(await t.tryLogin('no.such.person', `Wrong@${i}`)));
      unknownMs.push(performance.now() - at);
    }
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(known[0]!.code).toBe('auth.badCredentialsLeft');
    expect(known[4]!.code).toBe('auth.locked');
    // Both do one password-hash check and one transaction: no tell-tale gap in time.
    expect(median(unknownMs)).toBeGreaterThan(median(knownMs) / 3);
    expect(median(unknownMs)).toBeLessThan(median(knownMs) * 3);
    // The unknown name is locked too (even against any password), and every try is audited.
    expect(answer(await t.tryLogin('NO.SUCH.PERSON', PW)).code).toBe('auth.locked');
    expect((await failedLogins('no.such.person')).map((e) => e.after.reason)).toContain('unknown-user');
    expect((await admin.post(`/api/v1/users/${userId('jinshan.sw')}/unlock`)).statusCode).toBe(200);
  });

  it('tells a disabled or administrator-locked account apart only to whoever knows its password', async () => {
    const lock = await admin.post(`/api/v1/users/${userId('volunteer.demo')}/lock`);
    expect(lock.statusCode).toBe(200);
    const wrong = answer(await t.tryLogin('volunteer.demo', 'Wrong@2026'));
    const unknown = answer(await t.tryLogin('no.one.else', 'Wrong@2026'));
    expect(wrong).toEqual(unknown);
    expect(wrong.code).toBe('auth.badCredentialsLeft');
    expect((await t.tryLogin('volunteer.demo', PW)).json().code).toBe('auth.lockedByAdmin');
    expect((await admin.post(`/api/v1/users/${userId('volunteer.demo')}/unlock`)).statusCode).toBe(200);
  });

  it('counts wrong current passwords on /auth/password and /auth/totp/disable toward the login lock-out', async () => {
    const s = await t.login('jiangtou.sw');
    expect((await t.tryLogin('jiangtou.sw', 'Wrong@1')).json().detail).toContain('再错 4 次');
    const pw = await s.post('/api/v1/auth/password', { currentPassword: 'Wrong@2', newPassword: GOOD_PASSWORD });
    expect(pw.statusCode).toBe(400);
    expect(pw.json().errors).toEqual([{ path: 'currentPassword', message: '原密码不正确' }]);
    const totp = await s.post('/api/v1/auth/totp/disable', { password: 'Wrong@3' });
    expect(totp.statusCode).toBe(400);
    expect(totp.json().errors[0].path).toBe('password');
    // Three failures so far, from three places: the login sees them.
    expect((await t.tryLogin('jiangtou.sw', 'Wrong@4')).json().detail).toContain('再错 1 次');
    const fifth = await s.post('/api/v1/auth/password', { currentPassword: 'Wrong@5', newPassword: GOOD_PASSWORD });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    // The lock ends the session and holds against the right password.
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.tryLogin('jiangtou.sw', PW)).json().code).toBe('auth.locked');
    const audited = await failedLogins('jiangtou.sw');
    expect(audited.filter((e) => e.after.reason === 'bad-current-password').map((e) => e.after.via)).toEqual([
      'password',
      'totp-disable',
      'password',
    ]);
    const locks = (await admin.get(`/api/v1/audit?action=user.lock&targetId=${userId('jiangtou.sw')}`)).json();
    expect(locks.items[0].after.reason).toBe('failed-password');
    expect((await admin.post(`/api/v1/users/${userId('jiangtou.sw')}/unlock`)).statusCode).toBe(200);
    expect((await t.tryLogin('jiangtou.sw', PW)).statusCode).toBe(200);
  });

  it('resets the count after a right current password, like a login', async () => {
    const s = await t.login('jiangtou.sw');
    await s.post('/api/v1/auth/password', { currentPassword: 'Wrong@1', newPassword: GOOD_PASSWORD });
    expect((await t.tryLogin('jiangtou.sw', 'Wrong@2')).json().detail).toContain('再错 3 次');
    await t.login('jiangtou.sw');
    expect((await t.tryLogin('jiangtou.sw', 'Wrong@3')).json().detail).toContain('再错 4 次');
  });
});
