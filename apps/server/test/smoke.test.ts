import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

describe('health and errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health when ready', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('answers unknown routes 404 and wrong methods 405 as problem details', async () => {
    const r404 = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(r404.statusCode).toBe(404);
    expect(r404.headers['content-type']).toContain('application/problem+json');
    expect(r404.json().code).toBe('error.routeNotFound');
    const r405 = await t.app.inject({ method: 'DELETE', url: '/api/v1/orgs' });
    expect(r405.statusCode).toBe(405);
    expect(r405.headers.allow).toContain('GET');
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('error.malformedJson');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
  });

  it('gives field-level messages in the request language', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['username', 'password']));
    expect(zh.json().detail).toContain('输入有误');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: '' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().detail).toBe('Some fields are invalid');
    expect(en.json().errors.find((e: { path: string }) => e.path === 'username').message).toBe('Required');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/orgs', '/api/v1/users', '/api/v1/roles', '/api/v1/audit']),
    );
  });

  it('logs in a demo account and scopes its lists', async () => {
    const s = await t.login('jinshan.sw');
    expect(s.actor.scope).toBe('350206005');
    const orgs = await s.get('/api/v1/orgs?pageSize=100');
    expect(orgs.statusCode).toBe(200);
    const body = orgs.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((o: { areaCode: string }) => o.areaCode.startsWith('350206005'))).toBe(true);
  });

  it('gzips large JSON answers for clients that accept it, and only for them', async () => {
    const s = await t.login('huli');
    const plain = await s.get('/api/v1/orgs?pageSize=50');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await s.get('/api/v1/orgs?pageSize=50', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const body = zlib.gunzipSync(zipped.rawPayload).toString('utf8');
    expect(JSON.parse(body)).toEqual(plain.json());
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    // Small answers are not worth it.
    const small = await s.get('/api/v1/auth/me', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
