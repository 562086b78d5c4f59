// SQL of the payment list: a policy's approved and paid applications (with their batch) and
// the numbered batches that mark approved amounts paid. Every query takes the scope.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export const payableOf = (db: Db, scope: string, policyId: string) =>
  rows<{
    applicationId: string;
    name: string;
    orgName: string | null;
    level: string | null;
    amountFen: number;
    stage: 'approved' | 'paid';
    batchNo: number | null;
    areaName: string;
  }>(
    db,
    sql`SELECT x.id AS "applicationId", x.name, x.org_name AS "orgName", x.level, x.amount_fen::float8 AS "amountFen", x.stage,
      b.no AS "batchNo", coalesce(a.name, x.area_code) AS "areaName"
      FROM subsidy_applications x LEFT JOIN subsidy_batches b ON b.id = x.batch_id LEFT JOIN areas a ON a.code = x.area_code
      WHERE x.policy_id = ${policyId} AND x.stage IN ('approved', 'paid') AND ${inArea(sql`x.area_code`, scope)}
      ORDER BY x.stage, b.no NULLS FIRST, x.name, x.id`,
  );

export const batchesOf = (db: Db, scope: string, policyId: string) =>
  rows<Record<string, unknown>>(
    db,
    sql`SELECT b.id, b.policy_id AS "policyId", b.no, b.note, b.count, b.total_fen::float8 AS "totalFen", u.display_name AS "createdByName",
      b.created_at AS "createdAt" FROM subsidy_batches b LEFT JOIN users u ON u.id = b.created_by
      WHERE b.policy_id = ${policyId} AND ${inArea(sql`b.area_code`, scope)} ORDER BY b.no`,
  );

/** The approved applications among the ids (locked): those a batch may pay. */
export const approvedAmong = (db: Db, scope: string, policyId: string, ids: readonly string[]) =>
  rows<{ id: string; areaCode: string; amountFen: number; version: number }>(
    db,
    sql`SELECT id, area_code AS "areaCode", amount_fen::float8 AS "amountFen", version FROM subsidy_applications
      WHERE policy_id = ${policyId} AND stage = 'approved' AND ${inArea(sql`area_code`, scope)} AND id IN (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) ORDER BY id FOR UPDATE`,
  );

export async function insertBatch(
  db: Db,
  b: { id: string; policyId: string; areaCode: string; note: string | null; count: number; totalFen: number; createdBy: string },
) {
  const [r] = await rows<{ no: number }>(
    db,
    sql`INSERT INTO subsidy_batches (id, policy_id, area_code, no, note, count, total_fen, created_by)
      SELECT ${b.id}, ${b.policyId}, ${b.areaCode}, coalesce(max(no), 0) + 1, ${b.note}, ${b.count}, ${b.totalFen}, ${b.createdBy}
      FROM subsidy_batches WHERE policy_id = ${b.policyId} RETURNING no`,
  );
  return r!.no;
}

export async function markPaid(db: Db, scope: string, ids: readonly string[], batchId: string): Promise<number> {
  const r = await rows<{ id: string }>(
    db,
    sql`UPDATE subsidy_applications SET stage = 'paid', batch_id = ${batchId}, version = version + 1, updated_at = now()
      WHERE stage = 'approved' AND ${inArea(sql`area_code`, scope)} AND id IN (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) RETURNING id`,
  );
  return r.length;
}
