// Base data every installation needs: its area subtree, the installation row and the
// built-in roles. Idempotent; runs as the owner.
import crypto from 'node:crypto';
import { BUILTIN_ROLES, normalizeAreaCode } from '@wushe/core';
import { sql } from 'drizzle-orm';
import { loadDivisionSubtree, type AreaRow } from './areas/index.ts';
import type { Database, Db } from './client.ts';
import { areas, installation, roles } from './schema/index.ts';

/** A stable UUID (version 8) from a key: the demo and the built-in roles are deterministic. */
export function stableId(key: string): string {
  const h = crypto.createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function insertAreas(db: Db, rows: AreaRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(areas)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}

async function upsertBuiltinRoles(db: Db): Promise<void> {
  for (const r of BUILTIN_ROLES) {
    await db
      .insert(roles)
      .values({ id: stableId(`role:${r.code}`), code: r.code, name: r.name, nameEn: r.nameEn, permissions: r.permissions, builtin: true })
      .onConflictDoUpdate({ target: roles.code, set: { permissions: r.permissions, name: r.name, nameEn: r.nameEn } });
  }
}

/** Built-in roles follow the code: modules that add permissions grant them at the next start. */
export function syncBuiltinRoles(database: Database): Promise<void> {
  return database.owner((db) => db.transaction((tx) => upsertBuiltinRoles(tx as unknown as Db)));
}

export async function seedBase(database: Database, areaCode: string): Promise<{ areaCount: number }> {
  const root = normalizeAreaCode(areaCode);
  const rows = loadDivisionSubtree(root);
  await database.owner((db) =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const existing = await t.select().from(installation);
      if (existing[0] && existing[0].areaCode !== root) {
        throw new Error(`This database serves area ${existing[0].areaCode}; it cannot be re-seeded for ${root}.`);
      }
      await t.insert(installation).values({ id: 1, areaCode: root }).onConflictDoNothing();
      await insertAreas(t, rows);
      await upsertBuiltinRoles(t);
      await t.execute(sql`ANALYZE areas`);
    }),
  );
  return { areaCount: rows.length };
}
