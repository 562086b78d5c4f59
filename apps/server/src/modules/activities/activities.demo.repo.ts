// The demo activities' reads (activities.demo.ts), as the owner at seed time.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function activityCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM activities`);
  return r?.n ?? 0;
}

/** Active residents of a street who come to activities (a fixed slice, by id). */
export async function streetRegulars(db: Db, street: string, n: number): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM residents WHERE ${inArea(sql`area_code`, street)} AND status = 'active' ORDER BY id OFFSET 10 LIMIT ${n}`,
  );
  return found.map((r) => r.id);
}
