// SQL of likely claimants: the open wishes of an area (published, no holding claim, not past
// their deadline) and every claim a public account made there, with its wish's category.
import { inArea, isoText, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface OpenWishRow {
  id: string;
  areaCode: string;
  areaName: string;
  title: string;
  category: string;
  deadline: string;
}

/** Open wishes in the area, soonest deadline first. */
export const openWishesIn = (db: Db, prefix: string, today: string) =>
  rows<OpenWishRow>(
    db,
    sql`SELECT w.id, w.area_code AS "areaCode", coalesce(a.name, w.area_code) AS "areaName", w.title, w.category, w.deadline::text AS deadline
      FROM wishes w LEFT JOIN areas a ON a.code = w.area_code
      WHERE ${inArea(sql`w.area_code`, prefix)} AND w.status = 'published' AND w.deadline >= ${today}
        AND NOT EXISTS (SELECT 1 FROM wish_claims c WHERE c.wish_id = w.id AND c.status IN ('active', 'delivered'))
      ORDER BY w.deadline, w.id`,
  );

export interface AccountClaimRow {
  accountId: string;
  wishId: string;
  areaCode: string;
  category: string;
  status: string;
  name: string;
  kind: string;
  mobileMasked: string | null;
  claimedAt: string;
}

/** Claims made with a public account in the area (station claims for others carry no account). */
export const accountClaimsIn = (db: Db, prefix: string) =>
  rows<AccountClaimRow>(
    db,
    sql`SELECT c.public_account_id AS "accountId", c.wish_id AS "wishId", c.area_code AS "areaCode", w.category, c.status, c.name, c.kind,
        c.mobile_masked AS "mobileMasked", ${isoText('c.claimed_at')} AS "claimedAt"
      FROM wish_claims c JOIN wishes w ON w.id = c.wish_id
      WHERE ${inArea(sql`c.area_code`, prefix)} AND c.public_account_id IS NOT NULL
      ORDER BY c.public_account_id, c.claimed_at, c.id`,
  );
