// Coverage snapshots (覆盖率快照, migration 0016): written once per area and date, never updated,
// and read back as the 12-month trend.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface SnapshotRow {
  areaCode: string;
  onDate: string;
  registered: number;
  covered: number;
  backfilled: boolean;
}

/** The areas that get a snapshot: the installation's area and every province, city, county and street below it. */
export const snapshotAreas = (db: Db, prefix: string) =>
  rows<{ code: string }>(
    db,
    sql`SELECT code FROM areas WHERE level IN ('province', 'city', 'county', 'street') AND NOT is_local
      AND ${inArea(sql`code`, prefix)} ORDER BY code`,
  );

/** Of these dates, the ones the root area already has a snapshot for. */
export async function datesTaken(db: Db, root: string, dates: string[]): Promise<Set<string>> {
  if (!dates.length) return new Set();
  const found = await rows<{ d: string }>(
    db,
    sql`SELECT on_date::text AS d FROM coverage_snapshots
      WHERE area_code = ${root} AND on_date = ANY(${`{${dates.join(',')}}`}::date[])`,
  );
  return new Set(found.map((r) => r.d));
}

/**
 * Inserts the day's rows; a row already there for (area, date) is kept as it was: a snapshot,
 * once taken, never changes (a re-run or a second instance writes nothing).
 */
export async function insertSnapshots(db: Db, list: SnapshotRow[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < list.length; i += 2000) {
    const part = JSON.stringify(
      list.slice(i, i + 2000).map((s) => ({
        area_code: s.areaCode,
        on_date: s.onDate,
        registered: s.registered,
        covered: s.covered,
        backfilled: s.backfilled,
      })),
    );
    const done = await rows<{ n: number }>(
      db,
      sql`WITH ins AS (
          INSERT INTO coverage_snapshots (area_code, on_date, registered, covered, backfilled)
          SELECT area_code, on_date, registered, covered, backfilled FROM json_populate_recordset(NULL::coverage_snapshots, ${part}::json)
          ON CONFLICT (area_code, on_date) DO NOTHING RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
    );
    added += Number(done[0]?.n ?? 0);
  }
  return added;
}

/**
 * The latest snapshot of each month in [from, to] for the given areas: the month-end figure
 * for a past month, the latest night's for the current one.
 */
export function monthlySnapshots(db: Db, prefix: string, codes: string[], from: string, to: string) {
  return rows<{ areaCode: string; month: string; onDate: string; registered: number; covered: number; backfilled: boolean }>(
    db,
    sql`SELECT DISTINCT ON (area_code, to_char(on_date, 'YYYY-MM')) area_code AS "areaCode", to_char(on_date, 'YYYY-MM') AS month,
        on_date::text AS "onDate", registered, covered, backfilled
      FROM coverage_snapshots
      WHERE area_code = ANY(${`{${codes.join(',')}}`}::text[]) AND ${inArea(sql`area_code`, prefix)}
        AND on_date BETWEEN ${from}::date AND ${to}::date
      ORDER BY area_code, to_char(on_date, 'YYYY-MM'), on_date DESC`,
  );
}
