// The demo policies' reads and bulk writes (subsidies.demo.ts), as the owner at seed time.
import { inArea, insertJson, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function policyCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM subsidy_policies`);
  return r?.n ?? 0;
}

/** Active workers of a street not linked to a staff account, with a certificate, in a stable order. */
export const streetCandidates = (db: Db, street: string, n: number) =>
  rows<{ id: string; name: string; areaCode: string; orgName: string | null }>(
    db,
    sql`SELECT w.id, w.name, w.area_code AS "areaCode", o.name AS "orgName" FROM workers w LEFT JOIN orgs o ON o.id = w.org_id
      WHERE w.status = 'active' AND w.user_id IS NULL AND ${inArea(sql`w.area_code`, street)}
        AND EXISTS (SELECT 1 FROM worker_certificates c WHERE c.worker_id = w.id AND c.kind IN ('assistant', 'intermediate', 'senior'))
      ORDER BY w.id LIMIT ${n}`,
  );

export const insertDemo = (db: Db, table: string, records: Record<string, unknown>[]) => insertJson(db, table, records);
