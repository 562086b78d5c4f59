// The demo exams' reads and bulk writes (exams.demo.ts), as the owner at seed time.
import { areaPrefix } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function sittingCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM exam_sittings`);
  return r?.n ?? 0;
}

/** The district's workers with their social-work certificates (kind and date), in a stable order. */
export const demoCandidates = (db: Db, district: string) =>
  rows<{
    id: string;
    name: string;
    areaCode: string;
    orgId: string | null;
    idCipher: string | null;
    idHash: string | null;
    idMasked: string | null;
    status: string;
    certs: { kind: string; obtainedOn: string }[];
  }>(
    db,
    sql`SELECT w.id, w.name, w.area_code AS "areaCode", w.org_id AS "orgId", w.id_cipher AS "idCipher", w.id_hash AS "idHash",
        w.id_masked AS "idMasked", w.status,
        coalesce((SELECT json_agg(json_build_object('kind', c.kind, 'obtainedOn', c.obtained_on::text)) FROM worker_certificates c
          WHERE c.worker_id = w.id AND c.kind IN ('assistant', 'intermediate', 'senior')), '[]'::json) AS certs
      FROM workers w WHERE ${inArea(sql`w.area_code`, areaPrefix(district))} ORDER BY w.id`,
  );
