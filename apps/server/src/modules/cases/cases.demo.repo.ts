// The demo casework's reads (cases.demo.ts), as the owner at seed time.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function caseCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cases`);
  return r?.n ?? 0;
}

/** Active residents of a street, the last `n` by id (the first ones stay for the tests that pick them). */
export async function caseCandidates(db: Db, street: string, n: number): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM residents WHERE ${inArea(sql`area_code`, street)} AND status = 'active' ORDER BY id DESC LIMIT ${n}`,
  );
  return found.map((r) => r.id);
}

export interface DemoAccount {
  id: string;
  username: string;
  displayName: string;
  areaCode: string;
  permissions: string[];
}

export function accountsByUsername(db: Db, usernames: string[]): Promise<DemoAccount[]> {
  return rows<DemoAccount>(
    db,
    sql`SELECT u.id, u.username, u.display_name AS "displayName", u.area_code AS "areaCode", r.permissions
      FROM users u JOIN roles r ON r.id = u.role_id WHERE u.username = ANY(${`{${usernames.join(',')}}`}::text[])`,
  );
}

export async function referralCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM case_referrals`);
  return r?.n ?? 0;
}

/** Open cases of a worker, oldest first: the ones the demo refers. */
export async function openCasesOf(db: Db, workerId: string, n: number): Promise<{ id: string; version: number }[]> {
  return rows<{ id: string; version: number }>(
    db,
    sql`SELECT id, version FROM cases WHERE worker_id = ${workerId} AND stage IN ('intervention', 'review', 'plan')
      ORDER BY opened_on, id LIMIT ${n}`,
  );
}

/** An account's organisation (the referral form names it). */
export async function orgOf(db: Db, userId: string): Promise<{ id: string; name: string } | null> {
  const [o] = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT o.id, o.name FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ${userId}`,
  );
  return o ?? null;
}

export async function orgNamed(db: Db, name: string): Promise<string | null> {
  const [o] = await rows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE name = ${name}`);
  return o?.id ?? null;
}
