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
