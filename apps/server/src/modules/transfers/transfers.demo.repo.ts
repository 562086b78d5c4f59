// The demo transfers' reads (transfers.demo.ts), as the owner at seed time: what is there
// already, whom to move, and the communities a request may name.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function transferCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM transfers`);
  return r?.n ?? 0;
}

export interface DemoCandidate {
  id: string;
  idCipher: string;
  documentType: string;
}

/**
 * Active residents of a street with a worker and visits, alone in the register (no household
 * to split) and with no follow-up or transfer: the last `n` by id, so the first ones stay for
 * the tests that pick a street's first resident.
 */
export function transferCandidates(db: Db, street: string, n: number): Promise<DemoCandidate[]> {
  return rows<DemoCandidate>(
    db,
    sql`SELECT r.id, r.id_cipher AS "idCipher", r.document_type AS "documentType" FROM residents r
      WHERE ${inArea(sql`r.area_code`, street)} AND r.status = 'active' AND r.household_id IS NULL AND r.assigned_worker_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM contacts c WHERE c.resident_id = r.id)
        AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.resident_id = r.id)
        AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.resident_id = r.id)
      ORDER BY r.id DESC LIMIT ${n}`,
  );
}

export async function communitiesIn(db: Db, scope: string): Promise<string[]> {
  const found = await rows<{ code: string }>(
    db,
    sql`SELECT code FROM areas WHERE level = 'community' AND ${inArea(sql`code`, scope)} ORDER BY code`,
  );
  return found.map((a) => a.code);
}
