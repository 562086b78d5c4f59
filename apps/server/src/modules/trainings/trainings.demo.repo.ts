// The demo trainings' reads and bulk writes (trainings.demo.ts), as the owner at seed time.
import { areaPrefix } from '@wushe/core';
import { inArea, insertJson, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function trainingCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trainings`);
  return r?.n ?? 0;
}

/** The district's active workers with their sealed mobile and employer, the staff-linked ones first. */
export const demoTrainees = (db: Db, district: string) =>
  rows<{
    id: string;
    name: string;
    areaCode: string;
    userId: string | null;
    mobileCipher: string | null;
    mobileHash: string | null;
    mobileMasked: string | null;
    orgName: string | null;
    username: string | null;
  }>(
    db,
    sql`SELECT w.id, w.name, w.area_code AS "areaCode", w.user_id AS "userId", w.mobile_cipher AS "mobileCipher",
        w.mobile_hash AS "mobileHash", w.mobile_masked AS "mobileMasked", o.name AS "orgName", u.username
      FROM workers w LEFT JOIN orgs o ON o.id = w.org_id LEFT JOIN users u ON u.id = w.user_id
      WHERE w.status = 'active' AND ${inArea(sql`w.area_code`, areaPrefix(district))}
      ORDER BY (w.user_id IS NULL), w.id`,
  );

/** The district's own organisation (its social-work association or bureau), if the demo has one. */
export async function districtOrg(db: Db, district: string): Promise<{ id: string; name: string } | undefined> {
  const [o] = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM orgs WHERE area_code = ${district} ORDER BY name LIMIT 1`,
  );
  return o;
}

export async function userIdOf(db: Db, username: string): Promise<string | undefined> {
  const [u] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
  return u?.id;
}

export const insertDemoRows = (db: Db, table: string, records: Record<string, unknown>[]) => insertJson(db, table, records);

/** The registrations' sequence moves past the demo's numbers, so later sign-ups queue behind them. */
export async function bumpRegistrationSeq(db: Db): Promise<void> {
  await db.execute(sql`SELECT setval('training_registrations_seq', (SELECT coalesce(max(seq), 0) + 1 FROM training_registrations))`);
}
