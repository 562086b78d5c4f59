// SQL of wish claims: the claims of a wish, the one that holds it, the race-safe insert (the
// partial unique index on holding claims lets only one in), the claim's own changes, and a
// public account's claims for its "my" page.
import { isoText, rows, textArray, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface ClaimRow {
  id: string;
  wishId: string;
  areaCode: string;
  kind: string;
  publicAccountId: string | null;
  name: string;
  mobileMasked: string | null;
  status: string;
  dueOn: string;
  claimedAt: string;
  deliveryNote: string | null;
  deliveryPhotoIds: string[];
  deliveredAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}
const COLUMNS = sql`c.id, c.wish_id AS "wishId", c.area_code AS "areaCode", c.kind, c.public_account_id AS "publicAccountId",
  c.name, c.mobile_masked AS "mobileMasked", c.status, c.due_on::text AS "dueOn", ${isoText('c.claimed_at')} AS "claimedAt",
  c.delivery_note AS "deliveryNote", c.delivery_photo_ids::text[] AS "deliveryPhotoIds", ${isoText('c.delivered_at')} AS "deliveredAt",
  ${isoText('c.ended_at')} AS "endedAt", c.end_reason AS "endReason"`;

export const claimsOfWish = (db: Db, wishId: string) =>
  rows<ClaimRow>(db, sql`SELECT ${COLUMNS} FROM wish_claims c WHERE c.wish_id = ${wishId} ORDER BY c.claimed_at DESC, c.id DESC`);

export async function claimById(db: Db, id: string): Promise<ClaimRow | undefined> {
  const [c] = await rows<ClaimRow>(db, sql`SELECT ${COLUMNS} FROM wish_claims c WHERE c.id = ${id}`);
  return c;
}

/** The claim that holds the wish now (active or delivered), if any. */
export async function holdingClaim(db: Db, wishId: string): Promise<ClaimRow | undefined> {
  const [c] = await rows<ClaimRow>(
    db,
    sql`SELECT ${COLUMNS} FROM wish_claims c WHERE c.wish_id = ${wishId} AND c.status IN ('active', 'delivered')`,
  );
  return c;
}

/** Inserts a holding claim; false when another claim already holds the wish. */
export async function insertClaim(
  db: Db,
  c: {
    id: string;
    wishId: string;
    areaCode: string;
    kind: string;
    publicAccountId: string | null;
    name: string;
    mobileCipher: string | null;
    mobileMasked: string | null;
    dueOn: string;
    at: Date;
    createdBy: string | null;
  },
): Promise<boolean> {
  const got = await rows<{ id: string }>(
    db,
    sql`INSERT INTO wish_claims (id, wish_id, area_code, kind, public_account_id, name, mobile_cipher, mobile_masked, due_on, claimed_at, created_by)
      VALUES (${c.id}, ${c.wishId}, ${c.areaCode}, ${c.kind}, ${c.publicAccountId}, ${c.name}, ${c.mobileCipher}, ${c.mobileMasked},
        ${c.dueOn}, ${c.at}, ${c.createdBy})
      ON CONFLICT (wish_id) WHERE status IN ('active', 'delivered') DO NOTHING RETURNING id`,
  );
  return got.length > 0;
}

/** Ends a holding claim (withdrawn by the claimant, released by the station); false if it no longer holds. */
export async function endClaim(db: Db, id: string, status: 'withdrawn' | 'released', reason: string | null, at: Date) {
  const got = await rows<{ id: string }>(
    db,
    sql`UPDATE wish_claims SET status = ${status}, end_reason = ${reason}, ended_at = ${at}
      WHERE id = ${id} AND status = 'active' RETURNING id`,
  );
  return got.length > 0;
}

export async function deliverClaim(db: Db, id: string, note: string, photoIds: readonly string[], at: Date) {
  const got = await rows<{ id: string }>(
    db,
    sql`UPDATE wish_claims SET status = 'delivered', delivery_note = ${note}, delivery_photo_ids = ${textArray(photoIds)}::uuid[],
        delivered_at = ${at} WHERE id = ${id} AND status = 'active' RETURNING id`,
  );
  return got.length > 0;
}

export async function fulfilClaim(db: Db, id: string, at: Date) {
  await db.execute(sql`UPDATE wish_claims SET status = 'fulfilled', ended_at = ${at} WHERE id = ${id} AND status = 'delivered'`);
}

/** A public account's claims, newest first, with what its "my" page shows (never the resident). */
export function claimsOfAccount(db: Db, accountId: string) {
  return rows<{
    id: string;
    wishId: string;
    title: string;
    label: string;
    status: string;
    dueOn: string;
    claimedAt: string;
    thanks: string | null;
  }>(
    db,
    sql`SELECT c.id, c.wish_id AS "wishId", w.title, coalesce(w.public_label, '') AS label, c.status, c.due_on::text AS "dueOn",
        ${isoText('c.claimed_at')} AS "claimedAt", CASE WHEN c.status = 'fulfilled' THEN w.confirm_note END AS thanks
      FROM wish_claims c JOIN wishes w ON w.id = c.wish_id
      WHERE c.public_account_id = ${accountId} ORDER BY c.claimed_at DESC LIMIT 200`,
  );
}
