// SQL of the heads' review queue of outside hours (ce-queue.ts): entries of a status in scope,
// with the worker's name, organisation and area, oldest first.
import { inArea, pagedRows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface QueueRow {
  id: string;
  workerId: string;
  workerName: string;
  orgName: string | null;
  areaName: string;
  title: string;
  provider: string;
  onDate: string;
  hours: number;
  attachmentId: string;
  status: 'pending' | 'approved' | 'rejected';
  reviewNote: string | null;
  reviewedByName: string | null;
  version: number;
}

export function queueEntries(db: Db, f: { prefix: string; status: string; limit: number; offset: number }) {
  const where = sql`e.status = ${f.status} AND ${inArea(sql`e.area_code`, f.prefix)}`;
  return pagedRows<QueueRow>(
    db,
    sql`SELECT e.id, e.worker_id AS "workerId", w.name AS "workerName", o.name AS "orgName", coalesce(a.name, e.area_code) AS "areaName",
        e.title, e.provider, e.on_date::text AS "onDate", e.hours::float8 AS hours, e.attachment_id AS "attachmentId", e.status,
        e.review_note AS "reviewNote", u.display_name AS "reviewedByName", e.version, count(*) OVER () AS total
      FROM ce_entries e JOIN workers w ON w.id = e.worker_id LEFT JOIN orgs o ON o.id = w.org_id
        LEFT JOIN areas a ON a.code = e.area_code LEFT JOIN users u ON u.id = e.reviewed_by
      WHERE ${where} ORDER BY e.created_at, e.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM ce_entries e WHERE ${where}`,
    f.offset,
  );
}
