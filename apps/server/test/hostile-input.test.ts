// Hostile text in the shared input layer: a NUL or a lone UTF-16 surrogate in any query
// parameter, path parameter or JSON body field of any route answers 400 with a field message
// (never 500), before anything is written.
import { translate } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badTextPaths, isBadText } from '../src/http/input.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const SOME_ID = '01900000-0000-7000-8000-000000000000';
const BAD_TEXT = translate('zh-CN', 'error.badText');

describe('hostile text', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 20 });
    admin = await t.login('huli');
    await t.app.ready();
  });
  afterAll(() => t.close());

  const written = async () => {
    const [r] = await t.database.run('', (db) =>
      rows<{ audit: number; residents: number; users: number; sessions: number }>(
        db,
        sql`SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM residents)::int AS residents,
                   (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM sessions)::int AS sessions`,
      ),
    );
    return r;
  };

  const expectRefused = (
    res: { statusCode: number; json(): { code: string; errors?: { path: string; message: string }[] } },
    shape: string,
  ) => {
    expect(res.statusCode, shape).toBe(400);
    const body = res.json();
    expect(body.code, shape).toBe('error.validation');
    expect(
      body.errors?.some((e) => e.message === BAD_TEXT),
      shape,
    ).toBe(true);
  };

  it('finds NULs and lone surrogates, and lets paired surrogates (emoji, rare characters) through', () => {
    expect(isBadText('a\u0000b')).toBe(true);
    expect(isBadText('\ud800')).toBe(true);
    expect(isBadText('x\udc00y')).toBe(true);
    expect(isBadText('\udc00\ud800')).toBe(true);
    expect(isBadText('张三 😀 𠀀')).toBe(false);
    expect(badTextPaths({ a: [{ b: 'ok' }, { c: '\u0000' }], d: { e: '\ud800' } })).toEqual(['a.1.c', 'd.e']);
    expect(badTextPaths({ ['k\u0000']: 'v' })).toEqual(['(key)']);
  });

  it('refuses them in every route that takes query, path or JSON body input, logged in or not', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const before = await written();
    let shapes = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        const fill = (p: string) =>
          p
            .replace(/\{code\}/g, DEMO.district)
            .replace(/\{list\}/g, 'category')
            .replace(/\{[^}]+\}/g, SOME_ID);
        const url = fill(path);
        const query = params.filter((p) => p.in === 'query');
        const jsonBody = op.requestBody?.content['application/json'];
        const send = (u: string, body?: unknown) => admin.request(method.toUpperCase(), u, body);
        if (query.length) {
          const name = query[0]!.name;
          const res = await send(`${url}?${name}=a%00b`, jsonBody ? {} : undefined);
          expectRefused(res, `${method} ${path} ?${name}`);
          expect(res.json().errors).toContainEqual({ path: name, message: BAD_TEXT });
          shapes++;
        }
        for (const p of params.filter((x) => x.in === 'path')) {
          const res = await send(fill(path.replace(`{${p.name}}`, '%00')), jsonBody ? {} : undefined);
          expectRefused(res, `${method} ${path} :${p.name}`);
          shapes++;
        }
        if (jsonBody) {
          const field = Object.keys(jsonBody.schema?.properties ?? {})[0] ?? 'name';
          for (const bad of ['x\u0000', '\ud800']) {
            const res = await send(url, { [field]: bad });
            expectRefused(res, `${method} ${path} body.${field} ${JSON.stringify(bad)}`);
            expect(res.json().errors).toContainEqual({ path: field, message: BAD_TEXT });
            shapes++;
          }
        }
      }
    }
    expect(shapes).toBeGreaterThanOrEqual(50);
    // Nested fields and array items are found too.
    const nested = await admin.post('/api/v1/residents', { name: '张三', categories: ['elderly\u0000'] });
    expectRefused(nested, 'nested');
    expect(nested.json().errors).toContainEqual({ path: 'categories.0', message: BAD_TEXT });
    expect(await written()).toEqual(before);
  });

  it('refuses them at the unauthenticated login, in the caller’s language, and writes nothing', async () => {
    const before = await written();
    for (const payload of [
      { username: 'huli\u0000', password: 'Wushe@2026' },
      { username: 'huli', password: '\ud800' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        {
          path: Object.keys(payload).find((k) => isBadText(payload[k as keyof typeof payload]))!,
          message: translate('en', 'error.badText'),
        },
      ]);
      expect(res.cookies.find((c) => c.name === 'wushe_sid')).toBeUndefined();
    }
    expect(await written()).toEqual(before);
    // The account is untouched: no failure was counted.
    expect((await t.tryLogin('huli', 'Wushe@2026')).statusCode).toBe(200);
  });
});
