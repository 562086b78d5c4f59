// The demo supervision's reads (supervision.demo.ts), as the owner at seed time.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function sessionCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM supervision_sessions`);
  return r?.n ?? 0;
}

/** A worker's cases, oldest first: the ones a session discusses. */
export const casesOfWorker = (db: Db, workerId: string) =>
  rows<{ id: string }>(db, sql`SELECT id FROM cases WHERE worker_id = ${workerId} ORDER BY opened_on, id`);
