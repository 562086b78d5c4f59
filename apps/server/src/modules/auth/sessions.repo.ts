// Session rows the clean-up removes (sessions are installation-wide: no area scope).
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** Deletes sessions idle longer than `idleMinutes` at `now` (session_resolve refuses them anyway). */
export async function deleteIdleSessions(db: Db, idleMinutes: number, now: Date): Promise<number> {
  const gone = await rows(
    db,
    sql`DELETE FROM sessions WHERE last_seen_at < ${now.toISOString()}::timestamptz - make_interval(mins => ${idleMinutes}) RETURNING 1`,
  );
  return gone.length;
}
