// Supervision's SQL: sessions under the caller's scope, the accounts and cases a session
// names, and the caseload a supervisor works from (active cases by worker, stage and days since
// the last contact; overdue actions).
import { inArea, pagedRows, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface StoredAction {
  text: string;
  dueOn: string;
  workerId: string;
  doneOn: string | null;
}

export interface SessionRow {
  id: string;
  areaCode: string;
  heldOn: string;
  format: 'individual' | 'group';
  supervisorId: string;
  supervisorName: string;
  workers: { id: string; name: string }[];
  cases: { id: string; caseNo: string }[];
  adviceCipher: string;
  actions: StoredAction[];
  version: number;
  createdAt: string;
}

const SELECT = sql`SELECT s.id, s.area_code AS "areaCode", to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", s.format,
    s.supervisor_id AS "supervisorId", s.supervisor_name AS "supervisorName",
    coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.display_name) ORDER BY u.display_name)
      FROM users u WHERE u.id = ANY (s.worker_ids)), '[]'::json) AS workers,
    coalesce((SELECT json_agg(json_build_object('id', c.id, 'caseNo', c.case_no) ORDER BY c.case_no)
      FROM cases c WHERE c.id = ANY (s.case_ids)), '[]'::json) AS cases,
    s.advice_cipher AS "adviceCipher", s.actions, s.version,
    to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
  FROM supervision_sessions s`;

export async function sessionById(db: Db, scope: string, id: string): Promise<SessionRow | undefined> {
  const [s] = await rows<SessionRow>(db, sql`${SELECT} WHERE s.id = ${id} AND ${inArea(sql`s.area_code`, scope)}`);
  return s;
}

export async function listSessions(
  db: Db,
  f: { prefix: string; workerId?: string; from?: string; to?: string; limit: number; offset: number },
) {
  const where: SQL[] = [inArea(sql`s.area_code`, f.prefix)];
  if (f.workerId) where.push(sql`${f.workerId}::uuid = ANY (s.worker_ids)`);
  if (f.from) where.push(sql`s.held_on >= ${f.from}`);
  if (f.to) where.push(sql`s.held_on <= ${f.to}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<SessionRow>(
    db,
    sql`SELECT t.*, count(*) OVER () AS total FROM (${SELECT} WHERE ${cond}) t ORDER BY t."heldOn" DESC, t.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM supervision_sessions s WHERE ${cond}`,
    f.offset,
  );
}

export async function insertSession(
  db: Db,
  s: Omit<SessionRow, 'workers' | 'cases' | 'version' | 'createdAt'> & { workerIds: string[]; caseIds: string[] },
): Promise<void> {
  await db.execute(sql`INSERT INTO supervision_sessions (id, area_code, held_on, format, supervisor_id, supervisor_name, worker_ids,
      case_ids, advice_cipher, actions)
    VALUES (${s.id}, ${s.areaCode}, ${s.heldOn}, ${s.format}, ${s.supervisorId}, ${s.supervisorName},
      ${`{${s.workerIds.join(',')}}`}::uuid[], ${`{${s.caseIds.join(',')}}`}::uuid[], ${s.adviceCipher}, ${JSON.stringify(s.actions)}::jsonb)`);
}

export async function setActions(db: Db, scope: string, id: string, version: number, actions: StoredAction[]): Promise<boolean> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE supervision_sessions SET actions = ${JSON.stringify(actions)}::jsonb, version = version + 1
      WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return done.length > 0;
}

/** The accounts among `ids` that work cases in scope (active, case.write). */
export async function caseWorkersIn(db: Db, scope: string, ids: string[]): Promise<{ id: string; displayName: string }[]> {
  return rows(
    db,
    sql`SELECT u.id, u.display_name AS "displayName" FROM users u JOIN roles r ON r.id = u.role_id
      WHERE u.id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND u.status = 'active' AND 'case.write' = ANY (r.permissions)
        AND ${inArea(sql`u.area_code`, scope)}`,
  );
}

export async function casesIn(db: Db, scope: string, ids: string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM cases WHERE id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`area_code`, scope)}`,
  );
  return found.map((c) => c.id);
}

export interface CaseloadCase {
  workerId: string;
  workerName: string;
  id: string | null;
  caseNo: string | null;
  residentName: string | null;
  stage: string | null;
  awaiting: boolean | null;
  lastOn: string | null;
}

/**
 * Every case worker of the scope with their active cases (none: one row with a null case), each
 * case with the day of its last contact (or its opening, when none yet).
 */
export function caseloadRows(db: Db, prefix: string): Promise<CaseloadCase[]> {
  return rows<CaseloadCase>(
    db,
    sql`SELECT u.id AS "workerId", u.display_name AS "workerName", c.id, c.case_no AS "caseNo", r.name AS "residentName", c.stage,
        (c.plan_status = 'submitted' OR c.closure_status = 'submitted') AS awaiting,
        to_char(greatest(c.opened_on, (SELECT max(k.occurred_on) FROM contacts k WHERE k.case_id = c.id)), 'YYYY-MM-DD') AS "lastOn"
      FROM users u JOIN roles ro ON ro.id = u.role_id
      LEFT JOIN cases c ON c.worker_id = u.id AND c.stage <> 'closed' AND ${inArea(sql`c.area_code`, prefix)}
      LEFT JOIN residents r ON r.id = c.resident_id
      WHERE u.status = 'active' AND 'case.write' = ANY (ro.permissions) AND ${inArea(sql`u.area_code`, prefix)}
      ORDER BY u.display_name, u.id`,
  );
}

/** Open actions of sessions in scope whose due day has passed, per worker. */
export async function overdueActions(db: Db, prefix: string, today: string): Promise<Map<string, number>> {
  const found = await rows<{ workerId: string; n: number }>(
    db,
    sql`SELECT a->>'workerId' AS "workerId", count(*)::int AS n
      FROM supervision_sessions s, jsonb_array_elements(s.actions) a
      WHERE ${inArea(sql`s.area_code`, prefix)} AND a->>'doneOn' IS NULL AND a->>'dueOn' < ${today}
      GROUP BY 1`,
  );
  return new Map(found.map((r) => [r.workerId, r.n]));
}
