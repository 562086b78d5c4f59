// The demo groups' reads (groups.demo.ts), as the owner at seed time.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function groupCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM service_groups`);
  return r?.n ?? 0;
}
