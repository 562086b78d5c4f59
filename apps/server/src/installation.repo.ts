// The installation row and the start-up lock (owner work, before any request).
import { rows, type Database } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function installationOf(database: Database) {
  const found = await database.owner((db) =>
    rows<{ area_code: string; demo: boolean; name: string }>(
      db,
      sql`SELECT i.area_code, i.demo, a.name FROM installation i JOIN areas a ON a.code = i.area_code`,
    ),
  );
  return found[0];
}

/**
 * Instances started together on one PostgreSQL database prepare it one after the other (their
 * reference-data upserts would otherwise deadlock). The lock is held on a connection of its
 * own while fn works on others; PGlite has one process and one connection: no lock.
 */
export async function oneInstanceAtATime<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return fn();
  return database.owner(async (db) => {
    await db.execute(sql`SELECT pg_advisory_lock(hashtext('wushe.prepare'))`);
    try {
      return await fn();
    } finally {
      await db.execute(sql`SELECT pg_advisory_unlock(hashtext('wushe.prepare'))`);
    }
  });
}
