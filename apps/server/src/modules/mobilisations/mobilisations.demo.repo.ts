// The demo mobilisations' reads (mobilisations.demo.ts), as the owner at seed time.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export const mobilisationCount = async (db: Db) =>
  (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM mobilisations`))[0]?.n ?? 0;
