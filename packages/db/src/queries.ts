// Query shapes the repositories share.
import { sql, type SQL } from 'drizzle-orm';
import { preparedRows, rows, type Db } from './client.ts';

/** `%fragment%` for LIKE, with the fragment's own wildcards escaped. */
export const likeContains = (q: string) => '%' + q.replace(/[\\%_]/g, '\\$&') + '%';
export const likePrefix = (q: string) => q.replace(/[\\%_]/g, '\\$&') + '%';

/**
 * A page and its total in one round trip: `select` must include a `total` column (a window
 * count, or a scalar count subquery that an index-only scan answers).
 * Past the last page the window count is lost with the rows, so `count` answers instead.
 * The page query runs prepared (see preparedRows): its shapes are the list filters.
 */
export async function pagedRows<T>(db: Db, select: SQL, count: SQL, offset: number): Promise<{ items: T[]; total: number }> {
  const found = await preparedRows<T & { total: string }>(db, select);
  if (!found.length && offset > 0) {
    const [c] = await rows<{ n: string }>(db, count);
    return { items: [], total: Number(c?.n ?? 0) };
  }
  const total = Number(found[0]?.total ?? 0);
  return { items: found.map(({ total: _t, ...item }) => item as unknown as T), total };
}

/**
 * Optimistic-concurrency update of an area-owned row: sets the mapped columns, bumps the
 * version, and matches id, scope and (unless null) the version read. False when stale or
 * not visible.
 */
export async function updateVersioned(
  db: Db,
  table: string,
  columns: Record<string, string>,
  target: { id: string; scope: string; version: number | null },
  changes: Record<string, unknown>,
): Promise<boolean> {
  const sets = Object.entries(changes)
    .filter(([k, v]) => columns[k] && v !== undefined)
    .map(([k, v]) => sql`${sql.identifier(columns[k]!)} = ${v}`);
  sets.push(sql`version = version + 1`, sql`updated_at = now()`);
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE ${sql.identifier(table)} SET ${sql.join(sets, sql`, `)}
      WHERE id = ${target.id} AND ${inArea(sql`area_code`, target.scope)}
      ${target.version === null ? sql`` : sql`AND version = ${target.version}`} RETURNING id`,
  );
  return res.length > 0;
}

/**
 * "This area and below" on an area_code column. Under RLS PostgreSQL will not drive an index
 * scan with LIKE (not leakproof) but will with a C-collation range (text_lt/text_ge are
 * leakproof), which the `(area_code COLLATE "C", …)` indexes serve in order; the RLS
 * policies use the same range (migration 0008).
 */
export function inArea(column: SQL, prefix: string): SQL {
  if (!prefix) return sql`true`;
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  // For digit codes the range is exactly LIKE 'prefix%' (byte order), without LIKE's guessed selectivity.
  return sql`(${column} COLLATE "C" >= ${prefix} AND ${column} COLLATE "C" < ${upper})`;
}

/** A timestamptz column as an ISO-8601 UTC string in the row ("2026-05-01T02:00:00.000Z"). */
export const isoText = (column: string): SQL => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A text[] value as bound parameters (drizzle would expand a bare array into a list). */
export const textArray = (values: readonly string[]): SQL =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

/**
 * Multi-row INSERT of plain objects (keys are column names, taken from the first record) through
 * one JSON parameter per batch: one statement however many rows; omitted columns take their
 * defaults. `table` must be a trusted identifier.
 */
export async function insertJson(db: Db, table: string, records: Record<string, unknown>[], batch = 1000): Promise<void> {
  if (!records.length) return;
  const cols = sql.join(
    Object.keys(records[0]!).map((c) => sql.identifier(c)),
    sql`, `,
  );
  for (let i = 0; i < records.length; i += batch) {
    const part = JSON.stringify(records.slice(i, i + batch));
    await db.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${part}::json)`,
    );
  }
}
