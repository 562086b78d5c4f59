// The SQL of the responsible worker (责任社工): who may be assigned, and the bulk assignment as
// one UPDATE over the list's filter (or the selected ids), counting what it changed.
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface AssignableWorker {
  id: string;
  username: string;
  displayName: string;
  areaCode: string;
}

/** Casework accounts (active, may record visits) in scope; by id or username, or all under a prefix. */
function workersWhere(scope: string, extra: SQL): SQL {
  return sql`SELECT u.id, u.username, u.display_name AS "displayName", u.area_code AS "areaCode"
    FROM users u JOIN roles r ON r.id = u.role_id
    WHERE u.status = 'active' AND 'contact.write' = ANY (r.permissions) AND ${inArea(sql`u.area_code`, scope)} AND ${extra}
    ORDER BY u.display_name, u.id`;
}

export async function workerById(db: Db, scope: string, id: string): Promise<AssignableWorker | undefined> {
  return (await rows<AssignableWorker>(db, workersWhere(scope, sql`u.id = ${id}`)))[0];
}

export function workersByUsername(db: Db, scope: string, usernames: string[]): Promise<AssignableWorker[]> {
  const list = sql.join(
    usernames.map((u) => sql`${u.toLowerCase()}`),
    sql`, `,
  );
  return usernames.length ? rows<AssignableWorker>(db, workersWhere(scope, sql`lower(u.username) IN (${list})`)) : Promise.resolve([]);
}

/** Workers placed anywhere a station serving `street` reaches: the street, its communities, or above it (whole-area workers). */
export function workersServing(db: Db, scope: string, prefix: string): Promise<AssignableWorker[]> {
  const above = [2, 4, 6].filter((n) => n < prefix.length).map((n) => prefix.slice(0, n).padEnd(12, '0'));
  const cond = above.length
    ? sql`(${inArea(sql`u.area_code`, prefix)} OR u.area_code IN (${sql.join(
        above.map((a) => sql`${a}`),
        sql`, `,
      )}))`
    : inArea(sql`u.area_code`, prefix);
  return rows<AssignableWorker>(db, workersWhere(scope, cond));
}

export interface AssignCounts {
  matched: number;
  changed: number;
  outside: number;
}

/** How many residents the selection holds, and how many lie outside the worker's station. */
export async function countSelection(db: Db, selection: SQL, station: string): Promise<AssignCounts> {
  const [c] = await rows<{ matched: string; outside: string }>(
    db,
    sql`SELECT count(*) AS matched, count(*) FILTER (WHERE NOT ${inArea(sql`r.area_code`, station)}) AS outside
      FROM residents r WHERE ${selection}`,
  );
  return { matched: Number(c?.matched ?? 0), outside: Number(c?.outside ?? 0), changed: 0 };
}

/** Sets the worker on every resident of the selection that has another (or none); a repeat changes nothing. */
export async function assignSelection(db: Db, selection: SQL, workerId: string): Promise<number> {
  const [c] = await rows<{ n: string }>(
    db,
    sql`WITH u AS (
        UPDATE residents r SET assigned_worker_id = ${workerId}, version = r.version + 1, updated_at = now()
        WHERE ${selection} AND r.assigned_worker_id IS DISTINCT FROM ${workerId}::uuid RETURNING 1
      ) SELECT count(*) AS n FROM u`,
  );
  return Number(c?.n ?? 0);
}

/** The selected ids in scope (merged ones excluded). */
export const idsSelection = (scope: string, ids: string[]): SQL =>
  sql`r.id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`r.area_code`, scope)} AND r.status <> 'merged'`;
