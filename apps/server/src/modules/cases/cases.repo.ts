// Casework's SQL: cases and their timeline, every query under the caller's scope (inArea and
// RLS), the worker and code-list checks of a write, and the approval queue.
import { inArea, likeContains, pagedRows, rows, updateVersioned, uuidv7, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

/** A case as stored (narrative still sealed). */
export interface CaseRow {
  id: string;
  caseNo: string;
  areaCode: string;
  areaName: string;
  orgId: string | null;
  residentId: string;
  residentName: string;
  workerId: string;
  workerName: string;
  type: string;
  riskLevel: 'low' | 'medium' | 'high';
  stage: 'intake' | 'assessment' | 'plan' | 'intervention' | 'review' | 'closed';
  planStatus: 'draft' | 'submitted' | 'approved' | 'returned';
  closureStatus: 'none' | 'submitted' | 'returned';
  sensitive: boolean;
  problemCipher: string;
  planCipher: string | null;
  closingCipher: string | null;
  openedOn: string;
  closedOn: string | null;
  reopenCount: number;
  lastEventAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const SUMMARY = sql`c.id, c.case_no AS "caseNo", c.area_code AS "areaCode", a.name AS "areaName", c.resident_id AS "residentId",
  r.name AS "residentName", c.worker_id AS "workerId", u.display_name AS "workerName", c.type, c.risk_level AS "riskLevel",
  c.stage, c.plan_status AS "planStatus", c.closure_status AS "closureStatus", c.sensitive,
  to_char(c.opened_on, 'YYYY-MM-DD') AS "openedOn", to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn",
  to_char(c.last_event_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastEventAt"`;

const FROM = sql`FROM cases c JOIN residents r ON r.id = c.resident_id JOIN users u ON u.id = c.worker_id
  LEFT JOIN areas a ON a.code = c.area_code`;

export async function caseById(db: Db, scope: string, id: string): Promise<CaseRow | undefined> {
  const [found] = await rows<CaseRow>(
    db,
    sql`SELECT ${SUMMARY}, c.org_id AS "orgId", c.problem_cipher AS "problemCipher", c.plan_cipher AS "planCipher",
        c.closing_cipher AS "closingCipher", c.reopen_count AS "reopenCount", c.version,
        to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
        to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
      ${FROM} WHERE c.id = ${id} AND ${inArea(sql`c.area_code`, scope)}`,
  );
  return found;
}

export interface CaseFilter {
  prefix: string;
  q?: string;
  stage?: string;
  type?: string;
  risk?: string;
  workerId?: string;
  residentId?: string;
  awaiting?: 'plan' | 'closure' | 'any';
  sort: string;
  limit: number;
  offset: number;
}

const ORDER: Record<string, SQL> = {
  '-lastEventAt': sql`c.last_event_at DESC, c.id DESC`,
  lastEventAt: sql`c.last_event_at, c.id`,
  '-openedOn': sql`c.opened_on DESC, c.id DESC`,
  openedOn: sql`c.opened_on, c.id`,
  caseNo: sql`c.case_no`,
};

export async function listCases(db: Db, f: CaseFilter) {
  const where: SQL[] = [inArea(sql`c.area_code`, f.prefix)];
  if (f.q) where.push(sql`(r.name LIKE ${likeContains(f.q)} OR c.case_no LIKE ${likeContains(f.q)})`);
  if (f.stage === 'open') where.push(sql`c.stage <> 'closed'`);
  else if (f.stage) where.push(sql`c.stage = ${f.stage}`);
  if (f.type) where.push(sql`c.type = ${f.type}`);
  if (f.risk) where.push(sql`c.risk_level = ${f.risk}`);
  if (f.workerId) where.push(sql`c.worker_id = ${f.workerId}`);
  if (f.residentId) where.push(sql`c.resident_id = ${f.residentId}`);
  if (f.awaiting === 'plan') where.push(sql`c.plan_status = 'submitted'`);
  if (f.awaiting === 'closure') where.push(sql`c.closure_status = 'submitted'`);
  if (f.awaiting === 'any') where.push(sql`(c.plan_status = 'submitted' OR c.closure_status = 'submitted')`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<
    Omit<CaseRow, 'orgId' | 'problemCipher' | 'planCipher' | 'closingCipher' | 'reopenCount' | 'version' | 'createdAt' | 'updatedAt'>
  >(
    db,
    sql`SELECT ${SUMMARY}, count(*) OVER () AS total ${FROM} WHERE ${cond}
      ORDER BY ${ORDER[f.sort] ?? ORDER['-lastEventAt']!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n ${FROM} WHERE ${cond}`,
    f.offset,
  );
}

export interface NewCase {
  id: string;
  areaCode: string;
  orgId: string | null;
  residentId: string;
  workerId: string;
  type: string;
  riskLevel: string;
  sensitive: boolean;
  problemCipher: string;
  openedOn: string;
  followUpId: string | null;
  createdBy: string;
  at: Date;
}

export async function insertCase(db: Db, c: NewCase): Promise<void> {
  await db.execute(sql`INSERT INTO cases (id, case_no, area_code, org_id, resident_id, worker_id, type, risk_level, sensitive,
      problem_cipher, opened_on, follow_up_id, created_by, last_event_at, created_at, updated_at)
    VALUES (${c.id}, to_char(${c.openedOn}::date, 'YYYY') || '-' || lpad(nextval('case_no_seq')::text, 6, '0'), ${c.areaCode},
      ${c.orgId}, ${c.residentId}, ${c.workerId}, ${c.type}, ${c.riskLevel}, ${c.sensitive}, ${c.problemCipher}, ${c.openedOn},
      ${c.followUpId}, ${c.createdBy}, ${c.at}, ${c.at}, ${c.at})`);
}

const UPDATABLE: Record<string, string> = {
  type: 'type',
  riskLevel: 'risk_level',
  sensitive: 'sensitive',
  problemCipher: 'problem_cipher',
  planCipher: 'plan_cipher',
  closingCipher: 'closing_cipher',
  stage: 'stage',
  planStatus: 'plan_status',
  closureStatus: 'closure_status',
  closedOn: 'closed_on',
  reopenCount: 'reopen_count',
  workerId: 'worker_id',
  lastEventAt: 'last_event_at',
};

/** Applies changes if the version still matches; false on a stale version. */
export const updateCase = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'cases', UPDATABLE, { id, scope, version }, changes);

/** A note or contact came in: the case's last event moves on (never back), its version does not. */
export async function touchCase(db: Db, scope: string, id: string, at: Date): Promise<void> {
  await db.execute(
    sql`UPDATE cases SET last_event_at = greatest(last_event_at, ${at}) WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
}

/** The case a contact of this resident may be part of (in scope), with its stage. */
export async function caseOfResident(db: Db, scope: string, id: string, residentId: string) {
  const [c] = await rows<{ id: string; stage: string }>(
    db,
    sql`SELECT id, stage FROM cases WHERE id = ${id} AND resident_id = ${residentId} AND ${inArea(sql`area_code`, scope)}`,
  );
  return c;
}

export interface NewEvent {
  caseId: string;
  areaCode: string;
  at: Date;
  kind: string;
  stage: string;
  actorId: string | null;
  actorName: string | null;
  textCipher: string | null;
  detail: Record<string, string | number | null>;
}

export async function insertEvent(db: Db, e: NewEvent): Promise<void> {
  await db.execute(sql`INSERT INTO case_events (id, case_id, area_code, at, kind, stage, actor_id, actor_name, text_cipher, detail)
    VALUES (${uuidv7()}, ${e.caseId}, ${e.areaCode}, ${e.at}, ${e.kind}, ${e.stage}, ${e.actorId}, ${e.actorName}, ${e.textCipher},
      ${JSON.stringify(e.detail)}::jsonb)`);
}

export interface EventRow {
  id: string;
  at: string;
  kind: string;
  stage: string;
  actorName: string | null;
  textCipher: string | null;
  /** A contact's notes (contacts keep theirs unsealed, as the register does). */
  plainText: string | null;
  detail: Record<string, string | number | null>;
}

/**
 * The case's timeline: its own events and the contacts recorded as part of it (a contact's
 * stage is the case's stage at the time), in order. `kind` narrows to one kind.
 */
export async function eventsOf(db: Db, scope: string, caseId: string, kind?: string): Promise<EventRow[]> {
  const events = sql`SELECT id, at, kind, stage, actor_name, text_cipher, NULL::text AS plain_text, detail
    FROM case_events WHERE case_id = ${caseId} AND ${inArea(sql`area_code`, scope)}`;
  const contacts = sql`SELECT c.id, c.occurred_at AS at, 'contact' AS kind, coalesce((SELECT e.stage FROM case_events e
        WHERE e.case_id = c.case_id AND e.at <= c.occurred_at ORDER BY e.at DESC LIMIT 1), 'intake') AS stage,
      u.display_name AS actor_name, NULL AS text_cipher, c.notes AS plain_text,
      jsonb_build_object('method', c.kind, 'serviceType', c.service_type, 'durationMinutes', c.duration_minutes) AS detail
    FROM contacts c LEFT JOIN users u ON u.id = c.worker_id WHERE c.case_id = ${caseId} AND ${inArea(sql`c.area_code`, scope)}`;
  const parts = kind === 'contact' ? contacts : kind ? sql`${events} AND kind = ${kind}` : sql`${events} UNION ALL ${contacts}`;
  return rows<EventRow>(
    db,
    sql`SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, kind, stage, actor_name AS "actorName",
        text_cipher AS "textCipher", plain_text AS "plainText", detail
      FROM (${parts}) t ORDER BY t.at, t.id`,
  );
}

/** The resident a case is opened for: active, in scope, with the station organisation of its street. */
export async function residentForCase(
  db: Db,
  scope: string,
  id: string,
): Promise<{ id: string; name: string; areaCode: string; status: string; orgId: string | null } | undefined> {
  const [r] = await rows<{ id: string; name: string; areaCode: string; status: string; orgId: string | null }>(
    db,
    sql`SELECT r.id, r.name, r.area_code AS "areaCode", r.status,
        (SELECT o.id FROM orgs o WHERE o.kind = 'station' AND o.active AND o.area_code = substr(r.area_code, 1, 9) || '000'
          ORDER BY o.id LIMIT 1) AS "orgId"
      FROM residents r WHERE r.id = ${id} AND ${inArea(sql`r.area_code`, scope)}`,
  );
  return r;
}

/** An active account of the station (street prefix) whose role may work cases, with its name. */
export async function caseWorkerAt(db: Db, station: string, id: string): Promise<{ id: string; displayName: string } | undefined> {
  const [u] = await rows<{ id: string; displayName: string }>(
    db,
    sql`SELECT u.id, u.display_name AS "displayName" FROM users u JOIN roles ro ON ro.id = u.role_id
      WHERE u.id = ${id} AND u.status = 'active' AND 'case.write' = ANY (ro.permissions) AND ${inArea(sql`u.area_code`, station)}`,
  );
  return u;
}

/** Does this follow-up (in scope) concern this resident? A case opened from it names it. */
export async function followUpOfResident(db: Db, scope: string, id: string, residentId: string): Promise<boolean> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM follow_ups WHERE id = ${id} AND resident_id = ${residentId} AND ${inArea(sql`area_code`, scope)}`,
  );
  return found.length > 0;
}

/** The codes of a code list that are active (case types, 5+N service types). */
export async function activeCodes(db: Db, list: string): Promise<Set<string>> {
  const found = await rows<{ code: string }>(db, sql`SELECT code FROM code_lists WHERE list = ${list} AND active`);
  return new Set(found.map((r) => r.code));
}
