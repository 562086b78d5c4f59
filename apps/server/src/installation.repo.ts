// The installation row, the start-up lock and the CLI's first administrator (owner work, before any request).
import { rows, type Database, type Db } from '@wushe/db';
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

/** `wushe create-admin`: a platform administrator who must change the password at first login. */
export function insertAdmin(
  db: Db,
  a: { id: string; username: string; displayName: string; passwordHash: string; roleId: string; areaCode: string },
) {
  return db.execute(sql`INSERT INTO users (id, username, display_name, password_hash, role_id, area_code, must_change_password)
    VALUES (${a.id}, ${a.username}, ${a.displayName}, ${a.passwordHash}, ${a.roleId}, ${a.areaCode}, true)`);
}
