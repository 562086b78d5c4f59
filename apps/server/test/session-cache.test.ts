// The in-process session cache (WUSHE_SESSION_CACHE_MS): reuse within its lifetime, and
// immediate effect of everything that changes what a session may do.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

describe('session cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ sessionCacheMs: 60_000 });
  });
  afterAll(() => t.close());

  it('serves a resolved session from memory within its lifetime', async () => {
    const s = await t.login('jiangtou.sw');
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    // Removing the row behind the cache's back is not seen until the entry lapses…
    await t.database.owner((db) => db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`));
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    // …but the app's own logout takes effect at once.
    expect((await s.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it("forgets an account's sessions when it is locked or its role changes", async () => {
    const admin = await t.login('admin');
    const worker = await t.login('jinshan.sw');
    expect((await worker.get('/api/v1/orgs')).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/users/${worker.actor.id}/lock`)).statusCode).toBe(200);
    expect((await worker.get('/api/v1/orgs')).statusCode).toBe(401);
    expect((await admin.post(`/api/v1/users/${worker.actor.id}/unlock`)).statusCode).toBe(200);

    const head = await t.login('jiangtou.head');
    expect((await head.get('/api/v1/orgs')).statusCode).toBe(200);
    const role = ((await admin.get('/api/v1/roles')).json().items as { id: string; code: string; version: number }[]).find(
      (r) => r.code === 'station_head',
    )!;
    expect((await admin.patch(`/api/v1/roles/${role.id}`, { requireTotp: true, version: role.version })).statusCode).toBe(200);
    const held = await head.get('/api/v1/orgs');
    expect(held.statusCode).toBe(403);
    expect(held.json().code).toBe('auth.totpSetupRequired');
  });
});
