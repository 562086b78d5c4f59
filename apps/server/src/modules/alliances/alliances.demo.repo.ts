// The demo alliances' reads and bulk writes (alliances.demo.ts), as the owner at seed time.
import { areaPrefix } from '@wushe/core';
import { inArea, insertJson, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function allianceCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM alliances`);
  return r?.n ?? 0;
}

/** The district's organisations (name, kind, area) and its streets' first communities. */
export async function demoPlaces(db: Db, district: string) {
  const orgs = await rows<{ id: string; name: string; kind: string; areaCode: string }>(
    db,
    sql`SELECT id, name, kind, area_code AS "areaCode" FROM orgs WHERE ${inArea(sql`area_code`, areaPrefix(district))} ORDER BY name, id`,
  );
  const communities = await rows<{ code: string; name: string; parentCode: string }>(
    db,
    sql`SELECT code, name, parent_code AS "parentCode" FROM areas WHERE ${inArea(sql`code`, areaPrefix(district))} AND level = 'community'
      ORDER BY code`,
  );
  const training = await rows<{ id: string; title: string }>(
    db,
    sql`SELECT id, title FROM trainings WHERE ${inArea(sql`area_code`, areaPrefix(district))} ORDER BY id LIMIT 1`,
  );
  return { orgs, communities, training: training[0] };
}

export const insertRows = (db: Db, table: string, records: Record<string, unknown>[]) => insertJson(db, table, records);
