// The demo workforce's reads and bulk writes (workforce.demo.ts), as the owner at seed time.
import { areaPrefix } from '@wushe/core';
import { inArea, insertJson, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function workerCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM workers`);
  return r?.n ?? 0;
}

/** The district's streets (街道) and their communities. */
export const demoAreas = (db: Db, district: string) =>
  rows<{ code: string; name: string; level: string; parentCode: string | null }>(
    db,
    sql`SELECT code, name, level, parent_code AS "parentCode" FROM areas
      WHERE ${inArea(sql`code`, areaPrefix(district))} AND level IN ('street', 'community') ORDER BY code`,
  );

export const demoOrgs = (db: Db) =>
  rows<{ id: string; name: string; kind: string; areaCode: string }>(
    db,
    sql`SELECT id, name, kind, area_code AS "areaCode" FROM orgs WHERE kind IN ('station', 'agency') ORDER BY area_code, name`,
  );

export const insertRows = (db: Db, table: string, records: Record<string, unknown>[]) => insertJson(db, table, records);
