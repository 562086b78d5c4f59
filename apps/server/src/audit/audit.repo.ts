// The audit log's SQL: appending goes through audit_append() (SECURITY DEFINER, serialised,
// hash-chained); verification recomputes the chain in SQL so the hashing is the same.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { AuditEvent } from './audit.ts';

/**
 * A `before` or `after` already serialised as JSON (a large batch's view, joined from texts
 * made in an import thread): stored as it is instead of being stringified again.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

const json = (v: unknown) => (v === undefined || v === null ? null : v instanceof JsonText ? v.text : JSON.stringify(v));

export async function insertAuditRecord(db: Db, e: AuditEvent): Promise<void> {
  await db.execute(sql`SELECT audit_append(${e.actorId}::uuid, ${e.actorName}, ${e.ip}, ${e.action}, ${e.targetType ?? null},
    ${e.targetId ?? null}, ${e.areaCode}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb)`);
}

export interface BrokenLink {
  seq: string;
  expected_seq: string;
  hash_ok: boolean;
  link_ok: boolean;
}

/** The first record whose hash, number or link to the previous one does not hold (owner only: every area). */
export async function firstBrokenLink(db: Db): Promise<BrokenLink | undefined> {
  const bad = await rows<BrokenLink>(
    db,
    sql`WITH c AS (
      SELECT seq, hash, prev_hash,
        row_number() OVER (ORDER BY seq) AS expected_seq,
        lag(hash) OVER (ORDER BY seq) AS prev_stored,
        audit_hash(seq, at, actor_id, actor_name, ip, action, target_type, target_id, area_code, before, after, prev_hash) = hash AS hash_ok
      FROM audit_log)
    SELECT seq, expected_seq, hash_ok,
      prev_hash = coalesce(prev_stored, repeat('0', 64)) AS link_ok
    FROM c
    WHERE NOT hash_ok OR seq <> expected_seq OR prev_hash <> coalesce(prev_stored, repeat('0', 64))
    ORDER BY seq LIMIT 1`,
  );
  return bad[0];
}

export async function countAuditRecords(db: Db): Promise<number> {
  return Number((await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM audit_log`))[0]?.n ?? 0);
}
