// The audit trail: every change and sign-in event, appended through audit_append() in the
// same transaction as the change, so a rolled-back change leaves no record and vice versa.
import { rows, type Database, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface AuditEvent {
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  areaCode: string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function appendAudit(db: Db, e: AuditEvent): Promise<void> {
  await db.execute(sql`SELECT audit_append(${e.actorId}::uuid, ${e.actorName}, ${e.ip}, ${e.action}, ${e.targetType ?? null},
    ${e.targetId ?? null}, ${e.areaCode}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb)`);
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  /** The first record that was edited, or after which records were removed. */
  firstBad?: { seq: number; problem: 'edited' | 'removed-before' | 'broken-link' };
}

/** Recomputes every hash in order, as the owner. Runs in SQL so the hashing is the same. */
export async function verifyAuditChain(database: Database): Promise<VerifyResult> {
  return database.owner(async (db) => {
    const bad = await rows<{ seq: string; expected_seq: string; hash_ok: boolean; link_ok: boolean; total: string }>(
      db,
      sql`WITH c AS (
        SELECT seq, hash, prev_hash,
          row_number() OVER (ORDER BY seq) AS expected_seq,
          lag(hash) OVER (ORDER BY seq) AS prev_stored,
          audit_hash(seq, at, actor_id, actor_name, ip, action, target_type, target_id, area_code, before, after, prev_hash) = hash AS hash_ok,
          count(*) OVER () AS total
        FROM audit_log)
      SELECT seq, expected_seq, hash_ok,
        prev_hash = coalesce(prev_stored, repeat('0', 64)) AS link_ok, total
      FROM c
      WHERE NOT hash_ok OR seq <> expected_seq OR prev_hash <> coalesce(prev_stored, repeat('0', 64))
      ORDER BY seq LIMIT 1`,
    );
    const count = Number((await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM audit_log`))[0]?.n ?? 0);
    const b = bad[0];
    if (!b) return { ok: true, count };
    const seq = Number(b.seq);
    const problem = Number(b.seq) !== Number(b.expected_seq) ? 'removed-before' : !b.hash_ok ? 'edited' : 'broken-link';
    return { ok: false, count, firstBad: { seq, problem } };
  });
}

/** An audit event by the current actor. */
export function byActor(
  ctx: { actor: { id: string; username: string }; ip: string },
  e: Omit<AuditEvent, 'actorId' | 'actorName' | 'ip'>,
): AuditEvent {
  return { actorId: ctx.actor.id, actorName: ctx.actor.username, ip: ctx.ip, ...e };
}
