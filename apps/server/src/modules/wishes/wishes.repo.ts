// SQL of micro-wishes: the staff list and one wish (with the resident's name, the holder of the
// wish and its history), the versioned writes, the resident and category checks, and the label
// parts. Claims are in claims.repo.ts, the public board in board.repo.ts.
import { inArea, insertJson, isoText, likeContains, pagedRows, rows, textArray, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`w.id, w.area_code AS "areaCode", coalesce(a.name, w.area_code) AS "areaName", w.resident_id AS "residentId",
  r.name AS "residentName", w.title, w.category, w.value_fen AS "valueFen", w.deadline::text AS deadline, w.status,
  w.public_label AS "publicLabel",
  (SELECT c.name FROM wish_claims c WHERE c.wish_id = w.id AND c.status IN ('active', 'delivered', 'fulfilled')
    ORDER BY c.claimed_at DESC LIMIT 1) AS "claimantName",
  u.display_name AS "createdByName", ${isoText('w.created_at')} AS "createdAt", w.version`;
const FROM = sql`FROM wishes w JOIN residents r ON r.id = w.resident_id LEFT JOIN areas a ON a.code = w.area_code
  LEFT JOIN users u ON u.id = w.created_by`;

export interface WishSummaryRow {
  id: string;
  areaCode: string;
  areaName: string;
  residentId: string;
  residentName: string;
  title: string;
  category: string;
  valueFen: number;
  deadline: string;
  status: string;
  publicLabel: string | null;
  claimantName: string | null;
  createdByName: string | null;
  createdAt: string;
  version: number;
}
export interface WishRow extends WishSummaryRow {
  need: string;
  reason: string | null;
  photoIds: string[];
  reviewNote: string | null;
  confirmNote: string | null;
  publishedAt: string | null;
  fulfilledAt: string | null;
  createdBy: string | null;
}

export interface WishFilter {
  prefix: string;
  q?: string;
  status?: string;
  category?: string;
  resident?: string;
  sort: '-createdAt' | 'deadline' | '-valueFen';
  limit: number;
  offset: number;
}
const ORDER: Record<WishFilter['sort'], SQL> = {
  '-createdAt': sql`w.created_at DESC, w.id DESC`,
  deadline: sql`w.deadline, w.id`,
  '-valueFen': sql`w.value_fen DESC, w.id`,
};

export function listWishes(db: Db, f: WishFilter) {
  const where: SQL[] = [inArea(sql`w.area_code`, f.prefix)];
  if (f.q) where.push(sql`(w.title LIKE ${likeContains(f.q)} OR r.name LIKE ${likeContains(f.q)})`);
  if (f.status) where.push(sql`w.status = ${f.status}`);
  if (f.category) where.push(sql`w.category = ${f.category}`);
  if (f.resident) where.push(sql`w.resident_id = ${f.resident}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<WishSummaryRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total ${FROM} WHERE ${cond} ORDER BY ${ORDER[f.sort]} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM wishes w JOIN residents r ON r.id = w.resident_id WHERE ${cond}`,
    f.offset,
  );
}

export async function wishById(db: Db, scope: string, id: string, lock = false): Promise<WishRow | undefined> {
  const [w] = await rows<WishRow>(
    db,
    sql`SELECT ${COLUMNS}, w.need, w.reason, w.photo_ids::text[] AS "photoIds", w.review_note AS "reviewNote",
        w.confirm_note AS "confirmNote", ${isoText('w.published_at')} AS "publishedAt", ${isoText('w.fulfilled_at')} AS "fulfilledAt",
        w.created_by AS "createdBy"
      ${FROM} WHERE w.id = ${id} AND ${inArea(sql`w.area_code`, scope)}${lock ? sql` FOR UPDATE OF w` : sql``}`,
  );
  return w;
}

export const insertWishes = (db: Db, records: Record<string, unknown>[]) => insertJson(db, 'wishes', records);

const UPDATABLE: Record<string, string> = {
  title: 'title',
  need: 'need',
  reason: 'reason',
  category: 'category',
  valueFen: 'value_fen',
  deadline: 'deadline',
  status: 'status',
  publicLabel: 'public_label',
  reviewNote: 'review_note',
  confirmNote: 'confirm_note',
  publishedAt: 'published_at',
  firstClaimedAt: 'first_claimed_at',
  fulfilledAt: 'fulfilled_at',
};

/** Applies a change if the version still matches (null: whatever it is); false when stale. */
export async function updateWish(
  db: Db,
  scope: string,
  id: string,
  version: number | null,
  changes: Record<string, unknown> & { photoIds?: string[] },
): Promise<boolean> {
  const { photoIds, ...plain } = changes;
  const ok = await updateVersioned(db, 'wishes', UPDATABLE, { id, scope, version }, plain);
  if (ok && photoIds) await db.execute(sql`UPDATE wishes SET photo_ids = ${textArray(photoIds)}::uuid[] WHERE id = ${id}`);
  return ok;
}

/** The residents among `ids` in the scope, with what the public label and the privacy check need. */
export function residentsForWishes(db: Db, scope: string, ids: readonly string[]) {
  return rows<{ id: string; name: string; areaCode: string; streetName: string | null; categoryLabel: string | null }>(
    db,
    sql`SELECT r.id, r.name, r.area_code AS "areaCode", s.name AS "streetName",
        (SELECT c.label_zh FROM code_lists c WHERE c.list = 'resident_category' AND c.code = r.categories[1]) AS "categoryLabel"
      FROM residents r LEFT JOIN areas s ON s.code = substr(r.area_code, 1, 9) || '000'
      WHERE r.id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`r.area_code`, scope)} AND r.status = 'active'`,
  );
}

/** The active codes of the wish category list. */
export async function wishCategories(db: Db): Promise<Set<string>> {
  const found = await rows<{ code: string }>(db, sql`SELECT code FROM code_lists WHERE list = 'wish_category' AND active`);
  return new Set(found.map((r) => r.code));
}

export async function insertWishEvent(
  db: Db,
  e: { id: string; wishId: string; areaCode: string; action: string; actorName: string | null; note?: string | null; at: Date },
) {
  await db.execute(sql`INSERT INTO wish_events (id, wish_id, area_code, action, actor_name, note, at)
    VALUES (${e.id}, ${e.wishId}, ${e.areaCode}, ${e.action}, ${e.actorName}, ${e.note ?? null}, ${e.at})`);
}

export function wishEventsOf(db: Db, wishId: string) {
  return rows<{ action: string; by: string | null; note: string | null; at: string }>(
    db,
    sql`SELECT action, actor_name AS by, note, ${isoText('at')} AS at FROM wish_events WHERE wish_id = ${wishId} ORDER BY at, id`,
  );
}

/** A wish the public may see (found as the owner by id): its area, or undefined. */
export async function publicWishArea(db: Db, id: string): Promise<{ areaCode: string } | undefined> {
  const [w] = await rows<{ areaCode: string }>(db, sql`SELECT area_code AS "areaCode" FROM wish_board WHERE id = ${id}`);
  return w;
}
