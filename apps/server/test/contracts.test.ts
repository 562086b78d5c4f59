// The response contract check (http/contracts.ts), on throwaway routes: an undeclared field at
// any depth fails the request that produced it, naming the route and the path; so do JSON
// without a declared schema, a wrong status and an undocumented problem. Without the check
// (production) the answer goes out untouched.
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { notFound } from '../src/http/errors.ts';
import { route } from '../src/http/route.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const person = z.object({ id: z.string(), name: z.string(), phoneMasked: z.string().nullable() });
const leaked = { id: 'a', name: '张三', phoneMasked: '138****0000', phone: '13800000000' };

function throwawayRoutes(app: TestApp['app']) {
  const base = { access: 'authenticated' as const, summary: 'test only', tags: ['test'] };
  route(app, { ...base, method: 'GET', url: '/api/v1/_contract/top', response: person, handler: async () => leaked });
  route(app, {
    ...base,
    method: 'GET',
    url: '/api/v1/_contract/nested',
    response: z.object({ items: z.array(z.object({ who: person })), total: z.number() }),
    handler: async () => ({ items: [{ who: { ...leaked, phone: undefined } }, { who: leaked }], total: 2 }),
  });
  route(app, {
    ...base,
    method: 'GET',
    url: '/api/v1/_contract/good',
    response: person,
    handler: async () => ({ ...leaked, phone: undefined }),
  });
  route(app, { ...base, method: 'GET', url: '/api/v1/_contract/undeclared', handler: async () => ({ ok: true }) });
  route(app, {
    ...base,
    method: 'GET',
    url: '/api/v1/_contract/wrong-type',
    response: person,
    handler: async () => ({ id: 'a', name: 3, phoneMasked: null }),
  });
  route(app, { ...base, method: 'GET', url: '/api/v1/_contract/missing', handler: async () => Promise.reject(notFound()) });
}

describe('response contracts', () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    throwawayRoutes(t.app);
    s = await t.login('huli');
  });
  afterAll(() => t?.close());

  it('passes an answer that matches its declaration exactly', async () => {
    const res = await s.get('/api/v1/_contract/good');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'a', name: '张三', phoneMasked: '138****0000' });
  });

  it('fails the request that answers an undeclared field, naming route and field', async () => {
    await expect(s.get('/api/v1/_contract/top')).rejects.toThrow('GET /api/v1/_contract/top answered 200: /: undeclared field "phone"');
    await expect(s.get('/api/v1/_contract/nested')).rejects.toThrow('/items/1/who: undeclared field "phone"');
  });

  it('replaces the leaking answer with a 500 for direct inject calls too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/_contract/top', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('13800000000');
    expect(res.json().detail).toContain('undeclared field "phone"');
    // close() would fail the file with it: this test consumed it.
    expect(t.contractViolations.splice(0)).toHaveLength(1);
  });

  it('fails a wrong type, JSON without a declared schema, and an undocumented problem', async () => {
    await expect(s.get('/api/v1/_contract/wrong-type')).rejects.toThrow('/name: must be string');
    await expect(s.get('/api/v1/_contract/undeclared')).rejects.toThrow('the route declares no `response` schema');
    await expect(s.get('/api/v1/_contract/missing')).rejects.toThrow('status 404 is not among the documented problems (401, 403)');
  });

  it('checks problem answers against the problem schema', async () => {
    const res = await s.get('/api/v1/no-such-route');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('does nothing in production: the answer goes out as the handler made it', async () => {
    const prod = await buildApp(t.services);
    throwawayRoutes(prod);
    const res = await prod.inject({ method: 'GET', url: '/api/v1/_contract/top', headers: { cookie: s.cookie } });
    await prod.close();
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13800000000');
  });
});
