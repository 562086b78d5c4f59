// The demo programmes' reads and bulk writes (programmes.demo.ts), as the owner at seed time.
import { insertJson, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function programmeCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM programmes`);
  return r?.n ?? 0;
}

/** Certified active workers not linked to a staff account, with their employer, in a stable order. */
export const demoCandidates = (db: Db, n: number) =>
  rows<{ id: string; name: string; areaCode: string; orgName: string | null }>(
    db,
    sql`SELECT w.id, w.name, w.area_code AS "areaCode", o.name AS "orgName" FROM workers w LEFT JOIN orgs o ON o.id = w.org_id
      WHERE w.status = 'active' AND w.user_id IS NULL AND EXISTS (SELECT 1 FROM worker_certificates c WHERE c.worker_id = w.id)
      ORDER BY w.id LIMIT ${n}`,
  );

export const insertDemo = (db: Db, table: string, records: Record<string, unknown>[]) => insertJson(db, table, records);

/** The winners' titles, once per title and year (the register's demo may hold some already). */
export async function grantDemoTitles(db: Db, titles: Record<string, unknown>[]): Promise<void> {
  for (const t of titles)
    await db.execute(sql`INSERT INTO worker_titles (id, worker_id, area_code, title, year, granted_by)
      VALUES (${t.id}, ${t.worker_id}, ${t.area_code}, ${t.title}, ${t.year}, ${t.granted_by}) ON CONFLICT DO NOTHING`);
}
