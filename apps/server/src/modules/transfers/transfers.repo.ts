// Transfers' SQL: the request row (seen by both stations: RLS admits either area), the
// masked lookup of the record asked for, the decision, and the cross-station statements.
import { inArea, pagedRows, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import type { Transfer } from '@wushe/core';

/** What the receiving station may learn of the record it asks for (migration 0019's SECURITY DEFINER lookup). */
export async function residentForTransfer(
  db: Db,
  idHash: string,
): Promise<{ id: string; areaCode: string; name: string; idMasked: string } | undefined> {
  const [r] = await rows<{ id: string; areaCode: string; name: string; idMasked: string }>(
    db,
    sql`SELECT id, area_code AS "areaCode", name, id_masked AS "idMasked" FROM resident_for_transfer(${idHash})`,
  );
  return r;
}

/** Active holders of transfer.decide placed at one of the given areas (the record's community or above). */
export async function decidersAt(db: Db, areaCodes: string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id
      WHERE u.status = 'active' AND 'transfer.decide' = ANY (r.permissions)
        AND u.area_code IN (${sql.join(
          areaCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
      ORDER BY u.id`,
  );
  return found.map((u) => u.id);
}

/** An active account of the caller's scope (the worker who will hold the record), with its name. */
export async function workerInScope(db: Db, scope: string, id: string): Promise<{ id: string; displayName: string } | undefined> {
  const [u] = await rows<{ id: string; displayName: string }>(
    db,
    sql`SELECT id, display_name AS "displayName" FROM users WHERE id = ${id} AND status = 'active' AND ${inArea(sql`area_code`, scope)}`,
  );
  return u;
}

export interface NewTransfer {
  id: string;
  residentId: string;
  fromAreaCode: string;
  toAreaCode: string;
  toWorkerId: string | null;
  toWorkerName: string | null;
  note: string | null;
  residentNameMasked: string;
  idMasked: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
}

export async function insertTransfer(db: Db, t: NewTransfer): Promise<void> {
  await db.execute(sql`INSERT INTO transfers (id, resident_id, from_area_code, to_area_code, to_worker_id, to_worker_name, note,
      resident_name_masked, id_masked, requested_by, requested_by_name, requested_at)
    VALUES (${t.id}, ${t.residentId}, ${t.fromAreaCode}, ${t.toAreaCode}, ${t.toWorkerId}, ${t.toWorkerName}, ${t.note},
      ${t.residentNameMasked}, ${t.idMasked}, ${t.requestedBy}, ${t.requestedByName}, ${t.requestedAt.toISOString()}::timestamptz)`);
}

type TransferRow = Omit<Transfer, 'direction'>;

const street = (code: SQL) => sql`rpad(left(${code}, 9), 12, '0')`;
const SELECT = sql`SELECT t.id, t.resident_id AS "residentId", t.resident_name_masked AS "residentNameMasked", t.id_masked AS "idMasked",
  t.from_area_code AS "fromAreaCode", coalesce(fa.name, t.from_area_code) AS "fromAreaName", coalesce(fs.name, '') AS "fromStreetName",
  t.to_area_code AS "toAreaCode", coalesce(ta.name, t.to_area_code) AS "toAreaName", coalesce(ts.name, '') AS "toStreetName",
  t.to_worker_id AS "toWorkerId", t.to_worker_name AS "toWorkerName", t.status, t.note,
  t.requested_by AS "requestedBy", t.requested_by_name AS "requestedByName", t.requested_at AS "requestedAt",
  t.decided_by AS "decidedBy", t.decided_by_name AS "decidedByName", t.decided_at AS "decidedAt", t.decision_reason AS "decisionReason"`;
const FROM = sql`FROM transfers t LEFT JOIN areas fa ON fa.code = t.from_area_code LEFT JOIN areas fs ON fs.code = ${street(sql`t.from_area_code`)}
  LEFT JOIN areas ta ON ta.code = t.to_area_code LEFT JOIN areas ts ON ts.code = ${street(sql`t.to_area_code`)}`;

const times = (r: TransferRow): TransferRow => ({
  ...r,
  requestedAt: new Date(r.requestedAt).toISOString(),
  decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
});

/** Where one of the stations is in scope (both stations see the row; RLS says the same). */
const visible = (scope: string) => sql`(${inArea(sql`t.from_area_code`, scope)} OR ${inArea(sql`t.to_area_code`, scope)})`;

export async function transferById(db: Db, scope: string, id: string, lock = false): Promise<TransferRow | undefined> {
  const [r] = await rows<TransferRow>(
    db,
    sql`${SELECT} ${FROM} WHERE t.id = ${id} AND ${visible(scope)} ${lock ? sql`FOR UPDATE OF t` : sql``}`,
  );
  return r && times(r);
}

export async function listTransfers(
  db: Db,
  scope: string,
  f: { direction: 'in' | 'out' | 'all'; status: string; limit: number; offset: number },
): Promise<{ items: TransferRow[]; total: number }> {
  const where = [
    f.direction === 'in'
      ? inArea(sql`t.to_area_code`, scope)
      : f.direction === 'out'
        ? inArea(sql`t.from_area_code`, scope)
        : visible(scope),
  ];
  if (f.status !== 'all') where.push(sql`t.status = ${f.status}`);
  const cond = sql.join(where, sql` AND `);
  const page = await pagedRows<TransferRow>(
    db,
    sql`${SELECT}, count(*) OVER () AS total ${FROM} WHERE ${cond}
      ORDER BY (t.status = 'pending') DESC, t.requested_at DESC, t.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM transfers t WHERE ${cond}`,
    f.offset,
  );
  return { items: page.items.map(times), total: page.total };
}

/** Records the decision if still pending; false when someone decided first. */
export async function recordDecision(
  db: Db,
  id: string,
  d: { status: 'approved' | 'declined'; by: string; byName: string; reason: string | null; at: Date },
): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE transfers SET status = ${d.status}, decided_by = ${d.by}, decided_by_name = ${d.byName}, decided_at = ${d.at.toISOString()}::timestamptz,
      decision_reason = ${d.reason} WHERE id = ${id} AND status = 'pending' RETURNING id`,
  );
  return done.length > 0;
}

/**
 * Runs fn with the transaction's scope widened to `scope` (the nearest area covering both
 * stations), then puts the caller's back. Only for the statements a transfer must make on the
 * other station's side (its notification; the move itself), each naming its rows by id.
 * `set_config(…, true)` is local to the transaction, so nothing outlives it.
 */
export async function acrossStations<T>(db: Db, scope: string, callerScope: string, fn: () => Promise<T>): Promise<T> {
  const back = sql`SELECT set_config('wushe.scope', ${callerScope}, true)`;
  await db.execute(sql`SELECT set_config('wushe.scope', ${scope}, true)`);
  let out: T;
  try {
    out = await fn();
  } catch (e) {
    // Back to the caller's scope if the caller goes on in the transaction (an aborted one
    // refuses the statement and rolls back, taking the widened scope with it).
    await db.execute(back).catch(() => undefined);
    throw e;
  }
  await db.execute(back);
  return out;
}

/** The record's new community and worker; the version moves so a form open elsewhere gets a 409. */
export async function moveResident(
  db: Db,
  residentId: string,
  fromArea: string,
  toArea: string,
  workerId: string | null,
): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE residents SET area_code = ${toArea}, assigned_worker_id = ${workerId}, version = version + 1, updated_at = now()
      WHERE id = ${residentId} AND area_code = ${fromArea} AND status = 'active' RETURNING id`,
  );
  return done.length > 0;
}

/** How many rows about the resident each linked table now holds in the new area (for the audit line). */
export async function countLinkedIn(db: Db, residentId: string, tables: readonly { table: string; column: string }[], areaCode: string) {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [c] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.table)} WHERE ${sql.identifier(t.column)} = ${residentId} AND area_code = ${areaCode}`,
    );
    counts[t.table] = c?.n ?? 0;
  }
  return counts;
}
