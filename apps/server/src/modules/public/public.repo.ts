import type { Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** A round trip to the database, for the readiness check. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
