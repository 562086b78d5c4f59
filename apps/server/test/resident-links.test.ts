// The one list of tables about a resident (RESIDENT_LINKED_TABLES, read by merge and by a
// move to another area) against the catalogue: a foreign key to residents that the list does
// not name fails here, so a new module's table is moved on merge instead of left behind.
import { RESIDENT_LINKED_TABLES, RESIDENT_LINKED_THROUGH, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

interface ForeignKey {
  table: string;
  column: string;
  target: string;
}

describe('tables that reference a resident', () => {
  let t: TestApp;
  let keys: ForeignKey[];

  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    keys = await t.database.owner((db) =>
      rows<ForeignKey>(
        db,
        sql`SELECT c.conrelid::regclass::text AS "table", a.attname::text AS "column", c.confrelid::regclass::text AS target
          FROM pg_constraint c
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
          WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          ORDER BY 1, 2`,
      ),
    );
  });
  afterAll(() => t.close());

  const named = (list: readonly { table: string; column: string }[]) => list.map((l) => `${l.table}.${l.column}`).sort();

  it('lists exactly the foreign keys to residents', () => {
    const toResidents = keys.filter((k) => k.target === 'residents');
    expect(toResidents.length).toBeGreaterThan(0);
    expect(named(RESIDENT_LINKED_TABLES)).toEqual(named(toResidents));
  });

  it('lists the area-owned rows that hang off a linked row, so they move with it', async () => {
    const linked = new Set(RESIDENT_LINKED_TABLES.map((l) => l.table));
    const areaTables = new Set(
      (
        await t.database.owner((db) =>
          rows<{ table: string }>(
            db,
            sql`SELECT table_name::text AS "table" FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'area_code'`,
          ),
        )
      ).map((r) => r.table),
    );
    // A table not itself about a resident, with its own area_code, referencing a linked table.
    const hanging = keys.filter((k) => linked.has(k.target) && !linked.has(k.table) && areaTables.has(k.table));
    expect(named(RESIDENT_LINKED_THROUGH)).toEqual(named(hanging));
    for (const through of RESIDENT_LINKED_THROUGH) {
      expect(keys).toContainEqual({ table: through.table, column: through.column, target: through.parent });
    }
  });
});
