// The accounts' sign-in data: users read by name or id, failure counts, locks, sessions,
// password and TOTP changes. Runs unscoped ('' scope): sign-in precedes any scope.
import { preparedRows, schema, type Db } from '@wushe/db';
import { and, eq, lt, ne, sql } from 'drizzle-orm';

import type { SessionRow } from './session.ts';

const { users, sessions, loginFailures } = schema;

export type UserRow = typeof users.$inferSelect;

export async function userByName(db: Db, username: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return u;
}

export async function userById(db: Db, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const q = db.select().from(users).where(eq(users.id, id));
  const [u] = forUpdate ? await q.for('update') : await q;
  return u;
}

export async function setFailedAttempts(db: Db, id: string, failedAttempts: number, lockedUntil?: Date): Promise<void> {
  await db
    .update(users)
    .set({ failedAttempts, ...(lockedUntil ? { lockedUntil } : {}) })
    .where(eq(users.id, id));
}

export async function recordLoginSuccess(db: Db, id: string, now: Date, totpStep: number | null): Promise<void> {
  await db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) })
    .where(eq(users.id, id));
}

/** A name that matches no account: its failure count and lock, under a row lock. */
export async function unknownNameFailures(db: Db, name: string): Promise<{ failedAttempts: number; lockedUntil: Date | null } | undefined> {
  const [r] = await db
    .select({ failedAttempts: loginFailures.failedAttempts, lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(eq(loginFailures.username, name.toLowerCase()))
    .for('update');
  return r;
}

/** Counts one more failure under an unknown name; returns the new count (concurrent-safe). */
export async function countUnknownNameFailure(db: Db, name: string, now: Date): Promise<number> {
  const [r] = await db
    .insert(loginFailures)
    .values({ username: name.toLowerCase(), failedAttempts: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginFailures.username,
      set: { failedAttempts: sql`${loginFailures.failedAttempts} + 1`, updatedAt: now },
    })
    .returning({ failedAttempts: loginFailures.failedAttempts });
  return r?.failedAttempts ?? 1;
}

export async function lockUnknownName(db: Db, name: string, until: Date): Promise<void> {
  await db.update(loginFailures).set({ failedAttempts: 0, lockedUntil: until }).where(eq(loginFailures.username, name.toLowerCase()));
}

/** Unknown names not tried for a day start again from zero (the table stays small). */
export async function forgetStaleUnknownNames(db: Db, before: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.updatedAt, before));
}

/** A session and its actor in one round trip; touches last_seen_at at most every `touchSeconds`. */
export function resolveSessionRows(db: Db, sessionId: string, idleSeconds: number, touchSeconds: number): Promise<SessionRow[]> {
  // Runs in whatever scope the pooled connection has: the function is SECURITY DEFINER.
  return preparedRows<SessionRow>(db, sql`SELECT * FROM session_resolve(${sessionId}, ${idleSeconds}, ${touchSeconds})`);
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Every session of an account, or every one but `keep`. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
  await db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

export async function setPassword(db: Db, id: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

/** A new, not yet confirmed TOTP secret; an account with TOTP on keeps its own. */
export async function setPendingTotpSecret(db: Db, id: string, sealedSecret: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: sealedSecret, totpEnabled: false })
    .where(and(eq(users.id, id), eq(users.totpEnabled, false)));
}

export async function enableTotp(db: Db, id: string, step: number): Promise<void> {
  await db.update(users).set({ totpEnabled: true, totpLastStep: step }).where(eq(users.id, id));
}

export async function disableTotp(db: Db, id: string): Promise<void> {
  await db.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, id));
}
