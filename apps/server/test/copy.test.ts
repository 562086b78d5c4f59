// copyRows on the driver under test (COPY text format on PostgreSQL, one JSON parameter on
// PGlite): awkward values must come back exactly as they went in.
import { copyRows, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { residents: 0 });
});
afterAll(() => t.close());

describe('copyRows', () => {
  it('round-trips backslashes, tabs, newlines, quotes, NULLs, arrays and JSON', async () => {
    const values = [
      ['a\\b', 'tab\there', ['x', 'y"z', 'back\\slash', '逗,号', '{}'], { k: 'v\n', n: 1 }, 3],
      ['line\nbreak\r\nend', null, [], null, null],
      ['\\N', '', ['NULL'], { quote: '"' }, -1],
    ];
    const back = await t.database.tx('', async (db) => {
      await db.execute(sql`CREATE TEMP TABLE copy_check (a text, b text, c text[], d jsonb, e integer) ON COMMIT DROP`);
      await copyRows(db, 'copy_check', ['a', 'b', 'c', 'd', 'e'], values);
      return rows<{ a: string; b: string | null; c: string[]; d: unknown; e: number | null }>(
        db,
        sql`SELECT a, b, c, d, e FROM copy_check ORDER BY e DESC NULLS LAST`,
      );
    });
    expect(back).toEqual([
      { a: 'a\\b', b: 'tab\there', c: ['x', 'y"z', 'back\\slash', '逗,号', '{}'], d: { k: 'v\n', n: 1 }, e: 3 },
      { a: '\\N', b: '', c: ['NULL'], d: { quote: '"' }, e: -1 },
      { a: 'line\nbreak\r\nend', b: null, c: [], d: null, e: null },
    ]);
  });

  it("is part of the caller's transaction: a rollback leaves nothing", async () => {
    await t.database.owner((db) => db.execute(sql`CREATE TABLE IF NOT EXISTS copy_rollback (a text)`));
    await t.database.owner((db) => db.execute(sql`GRANT ALL ON copy_rollback TO wushe_app`));
    await expect(
      t.database.tx('', async (db) => {
        await copyRows(db, 'copy_rollback', ['a'], [['one'], ['two']]);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const [n] = await t.database.owner((db) => rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM copy_rollback`));
    expect(Number(n!.n)).toBe(0);
  });
});
