import type { AuditEntry } from '@wushe/core';
import { inArea, likePrefix, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface AuditFilter {
  prefix: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  targetId?: string;
  limit: number;
  offset: number;
}

/** The audit trail under a prefix, newest first; dates are business days in Asia/Shanghai. */
export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  const where = [inArea(sql`area_code`, f.prefix)];
  if (f.actor) where.push(sql`actor_name = ${f.actor}`);
  if (f.action) where.push(sql`action LIKE ${likePrefix(f.action)}`);
  if (f.from) where.push(sql`at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.to) where.push(sql`at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.targetId) where.push(sql`target_id = ${f.targetId}`);
  const cond = sql.join(where, sql` AND `);
  const [count] = await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM audit_log WHERE ${cond}`);
  const items = await rows<AuditEntry>(
    db,
    sql`SELECT seq::int AS seq, at, actor_id AS "actorId", actor_name AS "actorName", ip, action, target_type AS "targetType",
      target_id AS "targetId", area_code AS "areaCode", before, after
      FROM audit_log WHERE ${cond} ORDER BY seq DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  return { items: items.map((i) => ({ ...i, at: new Date(i.at).toISOString() })), total: Number(count?.n ?? 0) };
}
