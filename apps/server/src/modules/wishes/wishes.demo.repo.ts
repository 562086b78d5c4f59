// The demo wishes' reads and bulk writes (wishes.demo.ts), as the owner at seed time.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function wishCount(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM wishes`);
  return r?.n ?? 0;
}

/** Active residents of a street with their first category's label, in a stable order. */
export const streetResidents = (db: Db, street: string) =>
  rows<{ id: string; areaCode: string; categoryLabel: string | null }>(
    db,
    sql`SELECT r.id, r.area_code AS "areaCode",
        (SELECT c.label_zh FROM code_lists c WHERE c.list = 'resident_category' AND c.code = r.categories[1]) AS "categoryLabel"
      FROM residents r WHERE ${inArea(sql`r.area_code`, street)} AND r.status = 'active' ORDER BY r.id`,
  );

export const areaNameOf = async (db: Db, code: string) =>
  (await rows<{ name: string }>(db, sql`SELECT name FROM areas WHERE code = ${code}`))[0]?.name ?? code;

export const usersByName = (db: Db, usernames: string[]) =>
  rows<{ id: string; username: string; displayName: string }>(
    db,
    sql`SELECT id, username, display_name AS "displayName" FROM users WHERE username = ANY (${`{${usernames.join(',')}}`}::text[])`,
  );

/** The demo's donors with public accounts (made once, kept if there), in the order given. */
export async function donorAccounts(db: Db, donors: { id: string; name: string; cipher: string; hash: string; masked: string }[]) {
  for (const d of donors)
    await db.execute(sql`INSERT INTO public_accounts (id, display_name, mobile_cipher, mobile_hash, mobile_masked)
      VALUES (${d.id}, ${d.name}, ${d.cipher}, ${d.hash}, ${d.masked}) ON CONFLICT (mobile_hash) DO NOTHING`);
  const found = await rows<{ id: string; name: string; mobileCipher: string; mobileMasked: string; hash: string }>(
    db,
    sql`SELECT id, display_name AS name, mobile_cipher AS "mobileCipher", mobile_masked AS "mobileMasked", mobile_hash AS hash
      FROM public_accounts WHERE mobile_hash = ANY (${`{${donors.map((d) => d.hash).join(',')}}`}::text[])`,
  );
  return donors.flatMap((d) => found.filter((f) => f.hash === d.hash));
}
