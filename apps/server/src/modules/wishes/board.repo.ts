// SQL of the public wish board. It reads the wish_board view only (migration 0043: public columns
// of published, claimed, delivered and fulfilled wishes), so no query here can reach a resident,
// a photo, a claimant or a note. Totals count the wishes' own dates in Shanghai days.
import { inArea, isoText, likeContains, pagedRows, rows, textArray, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface BoardFilter {
  prefix: string;
  id?: string;
  q?: string;
  category?: string;
  statuses: readonly string[];
  limit: number;
  offset: number;
}

export function listBoard(db: Db, f: BoardFilter) {
  const where: SQL[] = [inArea(sql`b.area_code`, f.prefix), sql`b.status = ANY (${textArray(f.statuses)})`];
  if (f.q) where.push(sql`(b.title LIKE ${likeContains(f.q)} OR b.need LIKE ${likeContains(f.q)})`);
  if (f.category) where.push(sql`b.category = ${f.category}`);
  if (f.id) where.push(sql`b.id = ${f.id}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<{
    id: string;
    areaCode: string;
    areaName: string;
    label: string;
    title: string;
    need: string;
    category: string;
    categoryLabel: string;
    valueFen: number;
    deadline: string;
    status: string;
    publishedAt: string;
  }>(
    db,
    // The page first (the board index gives it in order), then its names and the total.
    sql`WITH page AS (SELECT * FROM wish_board b WHERE ${cond} ORDER BY b.published_at DESC, b.id DESC LIMIT ${f.limit} OFFSET ${f.offset})
      SELECT b.id, b.area_code AS "areaCode", coalesce(a.name, '') AS "areaName", b.public_label AS label, b.title, b.need, b.category,
        coalesce(c.label_zh, b.category) AS "categoryLabel", b.value_fen AS "valueFen", b.deadline::text AS deadline, b.status,
        ${isoText('b.published_at')} AS "publishedAt", (SELECT count(*) FROM wish_board b WHERE ${cond}) AS total
      FROM page b LEFT JOIN areas a ON a.code = b.area_code
        LEFT JOIN code_lists c ON c.list = 'wish_category' AND c.code = b.category
      ORDER BY b.published_at DESC, b.id DESC`,
    sql`SELECT count(*) AS n FROM wish_board b WHERE ${cond}`,
    f.offset,
  );
}

/** Of the wishes on the board: posted, first claimed and fulfilled in [from, to) (instants), and the fulfilled value. */
export async function boardTotals(db: Db, prefix: string, from: Date, to: Date) {
  const [t] = await rows<{ posted: number; claimed: number; fulfilled: number; fulfilledValueFen: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE b.published_at >= ${from} AND b.published_at < ${to})::int AS posted,
        count(*) FILTER (WHERE b.first_claimed_at >= ${from} AND b.first_claimed_at < ${to})::int AS claimed,
        count(*) FILTER (WHERE b.fulfilled_at >= ${from} AND b.fulfilled_at < ${to})::int AS fulfilled,
        coalesce(sum(b.value_fen) FILTER (WHERE b.fulfilled_at >= ${from} AND b.fulfilled_at < ${to}), 0)::int AS "fulfilledValueFen"
      FROM wish_board b WHERE ${inArea(sql`b.area_code`, prefix)}`,
  );
  return t!;
}

export async function areaName(db: Db, code: string): Promise<string | undefined> {
  const [a] = await rows<{ name: string }>(db, sql`SELECT name FROM areas WHERE code = ${code}`);
  return a?.name;
}
