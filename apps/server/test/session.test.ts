// Session rules: CSRF on cookie-authenticated writes, idle timeout, security headers.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdOf } from '../src/modules/auth/session.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

describe('sessions', () => {
  let t: TestApp;
  let huli: Session;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp();
    huli = await t.login('huli');
    const created = await huli.post('/api/v1/orgs', { name: '江头测试志愿队', kind: 'volunteer_team', areaCode: DEMO.jiangtou });
    expect(created.statusCode).toBe(200);
    orgId = created.json().id;
  });
  afterAll(() => t.close());

  const tokenOf = (s: Session) => s.cookie.replace('wushe_sid=', '');
  const sessionRows = (s: Session) =>
    t.database.owner((db) => rows<{ id: string }>(db, sql`SELECT id FROM sessions WHERE id = ${sessionIdOf(tokenOf(s))}`));
  const ageSession = (s: Session, minutes: number) =>
    t.database.owner((db) =>
      db.execute(sql`UPDATE sessions SET last_seen_at = now() - make_interval(mins => ${minutes}) WHERE id = ${sessionIdOf(tokenOf(s))}`),
    );

  it('refuses cookie-authenticated writes without the right CSRF token, and changes nothing', async () => {
    const before = (await huli.get(`/api/v1/orgs/${orgId}`)).json();
    const attempts = [
      {
        method: 'PATCH' as const,
        url: `/api/v1/orgs/${orgId}`,
        payload: { name: '被篡改的名称', version: before.version },
        headers: { cookie: huli.cookie },
      },
      {
        method: 'PATCH' as const,
        url: `/api/v1/orgs/${orgId}`,
        payload: { name: '被篡改的名称', version: before.version },
        headers: { cookie: huli.cookie, 'x-csrf-token': 'wrong' },
      },
      {
        method: 'PATCH' as const,
        url: `/api/v1/orgs/${orgId}`,
        payload: { name: '被篡改的名称', version: before.version },
        // Another session's token does not count either.
        headers: { cookie: huli.cookie, 'x-csrf-token': (await t.login('admin')).actor.csrfToken },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/orgs',
        payload: { name: '不该出现的组织', kind: 'other', areaCode: DEMO.jiangtou },
        headers: { cookie: huli.cookie },
      },
    ];
    for (const a of attempts) {
      const res = await t.app.inject(a);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.csrf');
    }
    const after = (await huli.get(`/api/v1/orgs/${orgId}`)).json();
    expect(after.name).toBe('江头测试志愿队');
    expect(after.version).toBe(before.version);
    const list = (await huli.get(`/api/v1/orgs?q=${encodeURIComponent('不该出现的组织')}`)).json();
    expect(list.total).toBe(0);
    // Logout is a write too: without the token the session survives.
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: huli.cookie } });
    expect(out.statusCode).toBe(403);
    expect((await huli.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('needs no CSRF token to read, and accepts the right one to write', async () => {
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgId}`, headers: { cookie: huli.cookie } });
    expect(read.statusCode).toBe(200);
    const ok = await huli.patch(`/api/v1/orgs/${orgId}`, { address: '江头街道 1 号', version: read.json().version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().address).toBe('江头街道 1 号');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const s = await t.login('jiangtou.sw');
    await ageSession(s, 31);
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('auth.sessionExpired');
    expect(await sessionRows(s)).toHaveLength(0);
    // Once gone, the cookie is just unknown.
    expect((await s.get('/api/v1/auth/me')).json().code).toBe('auth.unauthenticated');
  });

  it('lets an expired cookie reach public routes and log in again', async () => {
    // A browser still holds the cookie of a session that timed out while the tab was idle.
    const s = await t.login('jiangtou.sw');
    await ageSession(s, 31);
    const config = await t.app.inject({ method: 'GET', url: '/api/v1/public/config', headers: { cookie: s.cookie } });
    expect(config.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: s.cookie },
      payload: { username: 'jiangtou.sw', password: 'Wushe@2026' },
    });
    expect(again.statusCode).toBe(200);
    // A live cookie without the CSRF header does not block a new login either.
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: huli.cookie },
      payload: { username: 'jiangtou.sw', password: 'Wushe@2026' },
    });
    expect(relogin.statusCode).toBe(200);
    // A route that needs the session still says why it ended.
    const s2 = await t.login('jiangtou.sw');
    await ageSession(s2, 31);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { cookie: s2.cookie } })).statusCode).toBe(200);
    expect((await s2.get('/api/v1/orgs')).json().code).toBe('auth.sessionExpired');
  });

  it('keeps a session idle for less than 30 minutes, and touches it', async () => {
    const s = await t.login('jiangtou.sw');
    await ageSession(s, 29);
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().idleTimeoutMinutes).toBe(30);
    // The request moved last_seen_at forward, so another 29 minutes later it still lives.
    const [row] = await t.database.owner((db) =>
      rows<{ age: number }>(
        db,
        sql`SELECT extract(epoch FROM now() - last_seen_at)::int AS age FROM sessions WHERE id = ${sessionIdOf(tokenOf(s))}`,
      ),
    );
    expect(Number(row!.age)).toBeLessThan(60);
  });

  it('follows a configured idle timeout', async () => {
    const short = await startTestApp({ idleMinutes: 5 });
    try {
      const s = await short.login('huli');
      expect(s.actor.idleTimeoutMinutes).toBe(5);
      await short.database.owner((db) =>
        db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '6 minutes' WHERE id = ${sessionIdOf(tokenOf(s))}`),
      );
      expect((await s.get('/api/v1/auth/me')).json().code).toBe('auth.sessionExpired');
    } finally {
      await short.close();
    }
  });

  it('sends security headers on API responses', async () => {
    for (const res of [await huli.get('/api/v1/auth/me'), await t.app.inject({ method: 'GET', url: '/api/v1/nope' })]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY'); // as CSP frame-ancestors 'none'
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
