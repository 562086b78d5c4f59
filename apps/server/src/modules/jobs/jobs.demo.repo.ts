// The demo jobs' reads and bulk writes (jobs.demo.ts), as the owner at seed time.
import { inArea, insertJson, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function jobCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM jobs`);
  return r?.n ?? 0;
}

/** Agencies and stations of the district, by kind then area. */
export const demoEmployers = (db: Db, prefix: string) =>
  rows<{ id: string; name: string; kind: string; areaCode: string }>(
    db,
    sql`SELECT id, name, kind, area_code AS "areaCode" FROM orgs WHERE kind IN ('agency', 'station') AND ${inArea(sql`area_code`, prefix)}
      ORDER BY kind, area_code, name`,
  );

export const demoAccounts = (db: Db) =>
  rows<{ id: string; name: string; mobileCipher: string; mobileMasked: string }>(
    db,
    sql`SELECT id, display_name AS name, mobile_cipher AS "mobileCipher", mobile_masked AS "mobileMasked"
      FROM public_accounts WHERE display_name IN ('林晓', '陈志远') ORDER BY display_name`,
  );

export const userIdOf = async (db: Db, username: string) =>
  (await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${username}`))[0]?.id ?? null;

export const insertDemo = (db: Db, table: string, records: Record<string, unknown>[]) => insertJson(db, table, records);
