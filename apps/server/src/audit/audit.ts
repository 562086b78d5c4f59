// The audit trail: every change and sign-in event, appended through audit_append() in the
// same transaction as the change, so a rolled-back change leaves no record and vice versa.
import type { Database, Db } from '@wushe/db';
import { countAuditRecords, firstBrokenLink, insertAuditRecord } from './audit.repo.ts';

export { JsonText } from './audit.repo.ts';

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

export async function appendAudit(db: Db, e: AuditEvent): Promise<void> {
  await insertAuditRecord(db, e);
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
    const b = await firstBrokenLink(db);
    const count = await countAuditRecords(db);
    if (!b) return { ok: true, count };
    const seq = Number(b.seq);
    const problem = Number(b.seq) !== Number(b.expected_seq) ? 'removed-before' : !b.hash_ok ? 'edited' : 'broken-link';
    return { ok: false, count, firstBad: { seq, problem } };
  });
}

/** An audit event by the current actor. */
export function byActor(
  ctx: { actor: { id: string; username: string }; ip: string | null },
  e: Omit<AuditEvent, 'actorId' | 'actorName' | 'ip'>,
): AuditEvent {
  return { actorId: ctx.actor.id, actorName: ctx.actor.username, ip: ctx.ip, ...e };
}
