// Scope is enforced twice: in the repositories and by PostgreSQL row-level security. These
// tests go around the repositories with queries that have no WHERE at all.
import { rows, stableId, uuidv7 } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp } from './harness.ts';

const JINSHAN = '350206005';
const JIANGTOU_STATION = stableId('org:station:350206004000');

describe('row-level security', () => {
  let t: TestApp;
  const asScope = <T>(scope: string, query: SQL) => t.database.run(scope, (db) => rows<T>(db, query));
  const asOwner = <T>(query: SQL) => t.database.owner((db) => rows<T>(db, query));

  beforeAll(async () => {
    t = await startTestApp();
    // Audit records in both streets.
    await t.login('jinshan.sw');
    await t.login('jiangtou.sw');
  });
  afterAll(() => t.close());

  it.each(['orgs', 'users', 'audit_log'])("shows only the scope's %s to an unfiltered SELECT", async (table) => {
    const all = await asOwner<{ area_code: string }>(sql`SELECT area_code FROM ${sql.identifier(table)}`);
    const inJinshan = all.filter((r) => r.area_code.startsWith(JINSHAN));
    expect(inJinshan.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(inJinshan.length);

    const seen = await asScope<{ area_code: string }>(JINSHAN, sql`SELECT * FROM ${sql.identifier(table)}`);
    expect(seen.length).toBe(inJinshan.length);
    expect(seen.every((r) => r.area_code.startsWith(JINSHAN))).toBe(true);
    const [count] = await asScope<{ n: string }>(JINSHAN, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
    expect(Number(count!.n)).toBe(inJinshan.length);

    // 'none' (a connection before any caller is known) sees nothing; '' is the system scope.
    expect(await asScope('none', sql`SELECT * FROM ${sql.identifier(table)}`)).toHaveLength(0);
    expect(await asScope('', sql`SELECT * FROM ${sql.identifier(table)}`)).toHaveLength(all.length);
  });

  it('does not let a crafted query reach another street', async () => {
    const found = await asScope(JINSHAN, sql`SELECT * FROM orgs WHERE id = ${JIANGTOU_STATION} OR area_code LIKE '350206004%'`);
    expect(found).toHaveLength(0);
    const users = await asScope<{ username: string }>(JINSHAN, sql`SELECT username FROM users`);
    expect(users.map((u) => u.username)).toContain('jinshan.sw');
    expect(users.map((u) => u.username)).not.toContain('jiangtou.sw');
  });

  it('rejects writes outside the scope (WITH CHECK) and cannot touch rows it cannot see', async () => {
    await expect(
      asScope(JINSHAN, sql`INSERT INTO orgs (id, name, kind, area_code) VALUES (${uuidv7()}, '越界组织', 'other', ${DEMO.jiangtou})`),
    ).rejects.toThrow();
    // Inside the scope the same insert works.
    const id = uuidv7();
    await asScope(JINSHAN, sql`INSERT INTO orgs (id, name, kind, area_code) VALUES (${id}, '金山组织', 'other', ${DEMO.jinshan})`);
    // Moving it to another street is a write outside the scope too.
    await expect(asScope(JINSHAN, sql`UPDATE orgs SET area_code = ${DEMO.jiangtou} WHERE id = ${id}`)).rejects.toThrow();
    // Rows outside are invisible to UPDATE and DELETE: nothing happens.
    const updated = await asScope(JINSHAN, sql`UPDATE orgs SET name = '改名' WHERE id = ${JIANGTOU_STATION} RETURNING id`);
    expect(updated).toHaveLength(0);
    const deleted = await asScope(JINSHAN, sql`DELETE FROM users WHERE area_code LIKE '350206004%' RETURNING id`);
    expect(deleted).toHaveLength(0);
    const [station] = await asOwner<{ name: string }>(sql`SELECT name FROM orgs WHERE id = ${JIANGTOU_STATION}`);
    expect(station!.name).toBe('江头街道社工站');
    expect(await asOwner(sql`SELECT id FROM users WHERE area_code LIKE '350206004%'`)).not.toHaveLength(0);
    // No scope at all writes nothing.
    await expect(
      asScope('none', sql`INSERT INTO orgs (id, name, kind, area_code) VALUES (${uuidv7()}, '无主', 'other', ${DEMO.jinshan})`),
    ).rejects.toThrow();
  });

  it('lets the owner see every row', async () => {
    const orgs = await asOwner<{ area_code: string }>(sql`SELECT area_code FROM orgs`);
    expect(orgs.some((o) => o.area_code.startsWith('350206004'))).toBe(true);
    expect(orgs.some((o) => o.area_code.startsWith(JINSHAN))).toBe(true);
    expect(orgs.some((o) => o.area_code === DEMO.district)).toBe(true);
  });

  it('refuses scopes that are not digits', async () => {
    await expect(asScope("350206' OR '1'='1", sql`SELECT 1`)).rejects.toThrow(/invalid scope/);
  });

  it("answers another street's record through the API exactly like a missing one", async () => {
    const sw = await t.login('jinshan.sw');
    const other = await sw.get(`/api/v1/orgs/${JIANGTOU_STATION}`);
    const missing = await sw.get(`/api/v1/orgs/${uuidv7()}`);
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    const own = await sw.get(`/api/v1/orgs/${stableId('org:station:350206005000')}`);
    expect(own.statusCode).toBe(200);
    expect((await sw.get(`/api/v1/orgs?area=${DEMO.jiangtou}`)).json()).toEqual({ items: [], total: 0 });

    const huli = await t.login('huli');
    const seen = await huli.get(`/api/v1/orgs/${JIANGTOU_STATION}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().name).toBe('江头街道社工站');

    // The same holds for accounts: a 江头 station head cannot read a 金山 account.
    const head = await t.login('jiangtou.head');
    expect((await head.get(`/api/v1/users/${stableId('user:jinshan.sw')}`)).statusCode).toBe(404);
    expect((await head.get(`/api/v1/users/${stableId('user:jiangtou.sw')}`)).statusCode).toBe(200);
  });
});
