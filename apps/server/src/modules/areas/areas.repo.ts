import type { Area } from '@wushe/core';
import { inArea, likeContains, likePrefix, preparedRows, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

const COLUMNS = sql`a.code, a.name, a.level, a.parent_code AS "parentCode", a.initials, a.path,
  EXISTS (SELECT 1 FROM areas c WHERE c.parent_code = a.code) AS "hasChildren"`;

/** Children of a parent, limited to the scope (so an ancestor of the scope shows only its branch). */
export function areaChildren(db: Db, scope: string, parent: string): Promise<Area[]> {
  return preparedRows<Area>(
    db,
    sql`SELECT ${COLUMNS} FROM areas a WHERE a.parent_code = ${parent} AND ${inArea(sql`a.code`, scope)} ORDER BY a.code`,
  );
}

export async function areaByCode(db: Db, scope: string, code: string): Promise<Area | undefined> {
  const found = await rows<Area>(db, sql`SELECT ${COLUMNS} FROM areas a WHERE a.code = ${code} AND ${inArea(sql`a.code`, scope)}`);
  return found[0];
}

/** Name fragment or pinyin-initials prefix, within the scope, higher levels first. */
export function searchAreas(db: Db, scope: string, q: string, limit: number): Promise<Area[]> {
  const initials = q.toLowerCase().replace(/[^a-z0-9]/g, '');
  return rows<Area>(
    db,
    sql`SELECT ${COLUMNS} FROM areas a
      WHERE ${inArea(sql`a.code`, scope)}
        AND (a.name LIKE ${likeContains(q)} ${initials ? sql`OR a.initials LIKE ${likePrefix(initials)}` : sql``})
      ORDER BY length(a.code), a.code LIMIT ${limit}`,
  );
}

export function insertGrid(db: Db, row: { code: string; name: string; parentCode: string; initials: string; path: string }) {
  return db.execute(sql`INSERT INTO areas (code, name, level, parent_code, initials, path, is_local)
    VALUES (${row.code}, ${row.name}, 'grid', ${row.parentCode}, ${row.initials}, ${row.path}, true)`);
}
