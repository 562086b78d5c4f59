// All SQL of public accounts, their SMS codes and sessions. These tables have no area (migration
// 0031): no scope to take; every statement is keyed by a blind index, an id or a session hash.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface AccountRow {
  id: string;
  name: string;
  mobileMasked: string;
  status: 'active' | 'disabled';
  version: number;
  createdAt: Date | string;
}

const ACCOUNT = sql`id, display_name AS name, mobile_masked AS "mobileMasked", status, version, created_at AS "createdAt"`;

/** Serialises code requests and checks for one number (the limits are read, then written). */
export async function lockMobile(db: Db, mobileHash: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${'sms:' + mobileHash}, 0))`);
}

export interface CodeCounts {
  lastAt: Date | string | null;
  numberHour: number;
  oldestNumberHour: Date | string | null;
  addressHour: number;
  oldestAddressHour: Date | string | null;
}

export async function codeCounts(db: Db, mobileHash: string, ip: string, since: Date): Promise<CodeCounts> {
  const [r] = await rows<CodeCounts>(
    db,
    sql`SELECT
      (SELECT max(created_at) FROM sms_codes WHERE mobile_hash = ${mobileHash}) AS "lastAt",
      (SELECT count(*)::int FROM sms_codes WHERE mobile_hash = ${mobileHash} AND created_at > ${since}) AS "numberHour",
      (SELECT min(created_at) FROM sms_codes WHERE mobile_hash = ${mobileHash} AND created_at > ${since}) AS "oldestNumberHour",
      (SELECT count(*)::int FROM sms_codes WHERE requester_ip = ${ip} AND created_at > ${since}) AS "addressHour",
      (SELECT min(created_at) FROM sms_codes WHERE requester_ip = ${ip} AND created_at > ${since}) AS "oldestAddressHour"`,
  );
  return r!;
}

export async function insertCode(
  db: Db,
  c: { id: string; mobileHash: string; purpose: string; codeHash: string; expiresAt: Date; ip: string; at: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO sms_codes (id, mobile_hash, purpose, code_hash, expires_at, requester_ip, created_at)
    VALUES (${c.id}, ${c.mobileHash}, ${c.purpose}, ${c.codeHash}, ${c.expiresAt}, ${c.ip}, ${c.at})`);
}

/** A code that failed to send can never be used. */
export async function voidCode(db: Db, id: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE sms_codes SET used_at = ${at} WHERE id = ${id}`);
}

/** The newest code sent to the number for the purpose, if it can still be tried. */
export async function liveCode(
  db: Db,
  mobileHash: string,
  purpose: string,
  now: Date,
  maxAttempts: number,
): Promise<{ id: string; codeHash: string } | undefined> {
  const [r] = await rows<{ id: string; codeHash: string; usedAt: unknown; expiresAt: Date | string; attempts: number }>(
    db,
    sql`SELECT id, code_hash AS "codeHash", used_at AS "usedAt", expires_at AS "expiresAt", attempts FROM sms_codes
      WHERE mobile_hash = ${mobileHash} AND purpose = ${purpose} ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
  );
  if (!r || r.usedAt || new Date(r.expiresAt) <= now || r.attempts >= maxAttempts) return undefined;
  return { id: r.id, codeHash: r.codeHash };
}

export async function countWrongTry(db: Db, id: string): Promise<void> {
  await db.execute(sql`UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ${id}`);
}

/** Marks the code used; false when another request used it first. */
export async function useCode(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await rows(db, sql`UPDATE sms_codes SET used_at = ${at} WHERE id = ${id} AND used_at IS NULL RETURNING id`);
  return r.length === 1;
}

export async function accountByMobile(db: Db, mobileHash: string): Promise<AccountRow | undefined> {
  const [r] = await rows<AccountRow>(db, sql`SELECT ${ACCOUNT} FROM public_accounts WHERE mobile_hash = ${mobileHash}`);
  return r;
}

export async function accountById(db: Db, id: string): Promise<AccountRow | undefined> {
  const [r] = await rows<AccountRow>(db, sql`SELECT ${ACCOUNT} FROM public_accounts WHERE id = ${id}`);
  return r;
}

export async function insertAccount(
  db: Db,
  a: { id: string; name: string; mobileCipher: string; mobileHash: string; mobileMasked: string; at: Date },
): Promise<boolean> {
  const r = await rows(
    db,
    sql`INSERT INTO public_accounts (id, display_name, mobile_cipher, mobile_hash, mobile_masked, created_at, last_login_at)
      VALUES (${a.id}, ${a.name}, ${a.mobileCipher}, ${a.mobileHash}, ${a.mobileMasked}, ${a.at}, ${a.at})
      ON CONFLICT (mobile_hash) DO NOTHING RETURNING id`,
  );
  return r.length === 1;
}

export async function touchLogin(db: Db, id: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE public_accounts SET last_login_at = ${at} WHERE id = ${id}`);
}

export async function renameAccount(db: Db, id: string, version: number, name: string): Promise<boolean> {
  const r = await rows(
    db,
    sql`UPDATE public_accounts SET display_name = ${name}, version = version + 1
      WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return r.length === 1;
}

export async function insertPublicSession(
  db: Db,
  s: { id: string; accountId: string; csrfToken: string; ip: string; userAgent: string | null; at: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO public_sessions (id, account_id, csrf_token, ip, user_agent, created_at, last_seen_at)
    VALUES (${s.id}, ${s.accountId}, ${s.csrfToken}, ${s.ip}, ${s.userAgent}, ${s.at}, ${s.at})`);
}

export interface PublicSessionRow {
  accountId: string;
  csrfToken: string;
  lastSeenAt: Date | string;
  status: string;
  name: string;
  mobileMasked: string;
}

/** The session and its account; touches last_seen_at at most once a minute. */
export async function publicSessionById(db: Db, id: string, now: Date): Promise<PublicSessionRow | undefined> {
  const [r] = await rows<PublicSessionRow>(
    db,
    sql`SELECT s.account_id AS "accountId", s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", a.status,
        a.display_name AS name, a.mobile_masked AS "mobileMasked"
      FROM public_sessions s JOIN public_accounts a ON a.id = s.account_id WHERE s.id = ${id}`,
  );
  if (r && now.getTime() - new Date(r.lastSeenAt).getTime() > 60_000)
    await db.execute(sql`UPDATE public_sessions SET last_seen_at = ${now} WHERE id = ${id}`);
  return r;
}

export async function deletePublicSession(db: Db, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM public_sessions WHERE id = ${id}`);
}

/** The clean-up: codes older than `codesBefore` (the limits read the last hour) and sessions idle since `sessionsBefore`. */
export async function deleteStale(db: Db, codesBefore: Date, sessionsBefore: Date): Promise<{ codes: number; sessions: number }> {
  const codes = await rows(db, sql`DELETE FROM sms_codes WHERE created_at < ${codesBefore} RETURNING 1`);
  const sessions = await rows(db, sql`DELETE FROM public_sessions WHERE last_seen_at < ${sessionsBefore} RETURNING 1`);
  return { codes: codes.length, sessions: sessions.length };
}
