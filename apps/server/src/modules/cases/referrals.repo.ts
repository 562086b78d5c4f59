// Referrals' SQL (migration 0026). A referral row belongs to both sides: the referring scope
// (from_area_code) and the receiving organisation's area (to_area_code); RLS admits either and
// every query here names the side it reads for. The receiving side reads a referred case and
// its timeline through the read-only policies of cases and case_events, so those reads carry
// no area filter of the case's own and join nothing the receiver may not see.
import { inArea, likeContains, pagedRows, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface ReferralRow {
  id: string;
  caseId: string;
  caseNo: string;
  fromAreaCode: string;
  fromOrgName: string | null;
  toOrgId: string | null;
  toOrgName: string | null;
  toAreaCode: string | null;
  externalName: string | null;
  service: string | null;
  formCipher: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'ended';
  decisionComment: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  acceptedCaseId: string | null;
  endedAt: string | null;
  referredBy: string;
  referredByName: string;
  referredAt: string;
  version: number;
}

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const SELECT = sql`SELECT id, case_id AS "caseId", case_no AS "caseNo", from_area_code AS "fromAreaCode",
    from_org_name AS "fromOrgName", to_org_id AS "toOrgId", to_org_name AS "toOrgName", to_area_code AS "toAreaCode",
    external_name AS "externalName", service, form_cipher AS "formCipher", status, decision_comment AS "decisionComment",
    decided_by_name AS "decidedByName", ${iso('decided_at')} AS "decidedAt", accepted_case_id AS "acceptedCaseId",
    ${iso('ended_at')} AS "endedAt", referred_by AS "referredBy", referred_by_name AS "referredByName",
    ${iso('referred_at')} AS "referredAt", version
  FROM case_referrals`;

/** Either side of a referral under the caller's scope. */
const eitherSide = (scope: string) => sql`(${inArea(sql`from_area_code`, scope)} OR ${inArea(sql`to_area_code`, scope)})`;

export type NewReferral = Omit<
  ReferralRow,
  'status' | 'decisionComment' | 'decidedByName' | 'decidedAt' | 'acceptedCaseId' | 'endedAt' | 'referredAt' | 'version'
> & {
  at: Date;
};

export async function insertReferral(db: Db, r: NewReferral): Promise<void> {
  await db.execute(sql`INSERT INTO case_referrals (id, case_id, case_no, from_area_code, from_org_id, from_org_name, to_org_id,
      to_org_name, to_area_code, external_name, service, form_cipher, referred_by, referred_by_name, referred_at)
    VALUES (${r.id}, ${r.caseId}, ${r.caseNo}, ${r.fromAreaCode},
      (SELECT org_id FROM cases WHERE id = ${r.caseId}), ${r.fromOrgName}, ${r.toOrgId}, ${r.toOrgName}, ${r.toAreaCode},
      ${r.externalName}, ${r.service}, ${r.formCipher}, ${r.referredBy}, ${r.referredByName}, ${r.at.toISOString()})`);
}

export async function referralById(db: Db, scope: string, id: string): Promise<ReferralRow | undefined> {
  const [r] = await rows<ReferralRow>(db, sql`${SELECT} WHERE id = ${id} AND ${eitherSide(scope)}`);
  return r;
}

export function referralsOfCase(db: Db, scope: string, caseId: string): Promise<ReferralRow[]> {
  return rows<ReferralRow>(
    db,
    sql`${SELECT} WHERE case_id = ${caseId} AND ${inArea(sql`from_area_code`, scope)} ORDER BY referred_at DESC, id`,
  );
}

/** An open referral of the case to the organisation (one at a time). */
export async function openReferralTo(db: Db, caseId: string, toOrgId: string): Promise<boolean> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM case_referrals WHERE case_id = ${caseId} AND to_org_id = ${toOrgId} AND status IN ('pending', 'accepted')`,
  );
  return found.length > 0;
}

export function listReferrals(
  db: Db,
  f: { scope: string; direction: 'incoming' | 'outgoing'; orgId: string | null; status?: string; limit: number; offset: number },
) {
  const where: SQL[] =
    f.direction === 'incoming'
      ? [inArea(sql`to_area_code`, f.scope), f.orgId ? sql`to_org_id = ${f.orgId}` : sql`false`]
      : [inArea(sql`from_area_code`, f.scope)];
  if (f.status) where.push(sql`status = ${f.status}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<ReferralRow>(
    db,
    sql`SELECT t.*, count(*) OVER () AS total FROM (${SELECT} WHERE ${cond}) t
      ORDER BY (t.status = 'pending') DESC, t."referredAt" DESC, t.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM case_referrals WHERE ${cond}`,
    f.offset,
  );
}

/** Applies a decision or a closing at the version read; false when stale or not this side's. */
export async function updateReferral(
  db: Db,
  id: string,
  version: number,
  side: Side,
  set: {
    status: ReferralRow['status'];
    decisionComment?: string | null;
    decidedBy?: string;
    decidedByName?: string;
    at: Date;
    acceptedCaseId?: string | null;
    ended?: boolean;
  },
): Promise<boolean> {
  const at = set.at.toISOString();
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE case_referrals SET status = ${set.status}, version = version + 1
        ${set.decidedBy ? sql`, decided_by = ${set.decidedBy}, decided_by_name = ${set.decidedByName}, decided_at = ${at}, decision_comment = ${set.decisionComment ?? null}` : sql``}
        ${set.acceptedCaseId ? sql`, accepted_case_id = ${set.acceptedCaseId}` : sql``}
        ${set.ended ? sql`, ended_at = ${at}` : sql``}
      WHERE id = ${id} AND version = ${version} AND ${sideOf(side)} RETURNING id`,
  );
  return done.length > 0;
}

/** Who may change a referral: the referring scope, or the receiving organisation in its scope. */
export type Side = { from: string } | { to: string; orgId: string | null };
const sideOf = (s: Side): SQL =>
  'from' in s
    ? inArea(sql`from_area_code`, s.from)
    : sql`${inArea(sql`to_area_code`, s.to)} AND ${s.orgId ? sql`to_org_id = ${s.orgId}` : sql`false`}`;

/** Closing a case ends its accepted referrals and withdraws pending ones: the receiving side's reading ends. */
export async function closeReferralsOf(db: Db, caseId: string, at: Date): Promise<number> {
  const done = await rows<{ id: string }>(
    db,
    sql`UPDATE case_referrals SET status = CASE WHEN status = 'accepted' THEN 'ended' ELSE 'withdrawn' END,
        ended_at = ${at.toISOString()}, version = version + 1
      WHERE case_id = ${caseId} AND status IN ('pending', 'accepted') RETURNING id`,
  );
  return done.length;
}

/**
 * The referred case as the receiving side may read it (the read-only policy of migration 0026):
 * no resident or worker joined (the form names the person).
 */
export async function referredCaseRow(db: Db, caseId: string) {
  const [c] = await rows<{
    id: string;
    caseNo: string;
    areaCode: string;
    residentId: string;
    workerId: string;
    type: string;
    riskLevel: 'low' | 'medium' | 'high';
    stage: 'intake' | 'assessment' | 'plan' | 'intervention' | 'review' | 'closed';
    sensitive: boolean;
    problemCipher: string;
    planCipher: string | null;
    openedOn: string;
  }>(
    db,
    sql`SELECT id, case_no AS "caseNo", area_code AS "areaCode", resident_id AS "residentId", worker_id AS "workerId", type, risk_level AS "riskLevel", stage,
        sensitive, problem_cipher AS "problemCipher", plan_cipher AS "planCipher", to_char(opened_on, 'YYYY-MM-DD') AS "openedOn"
      FROM cases WHERE id = ${caseId}`,
  );
  return c;
}

/** The organisations a case can be referred to: a directory of names (run across every area). */
export function referralTargets(db: Db, q: string | undefined, id?: string) {
  return rows<{ id: string; name: string; kind: string; areaName: string; areaCode: string }>(
    db,
    sql`SELECT o.id, o.name, o.kind, coalesce(a.name, '') AS "areaName", o.area_code AS "areaCode"
      FROM orgs o LEFT JOIN areas a ON a.code = o.area_code
      WHERE o.active AND o.kind IN ('station', 'agency', 'hospital', 'social_org', 'university', 'other')
        ${id ? sql`AND o.id = ${id}` : sql``}
        ${q ? sql`AND o.name LIKE ${likeContains(q)}` : sql``}
      ORDER BY o.kind = 'station' DESC, o.name LIMIT 50`,
  );
}

/** The heads (case.approve) of an organisation: who is told of a referral to it. */
export function headsOf(db: Db, orgId: string) {
  return rows<{ id: string; areaCode: string }>(
    db,
    sql`SELECT u.id, u.area_code AS "areaCode" FROM users u JOIN roles ro ON ro.id = u.role_id
      WHERE u.org_id = ${orgId} AND u.status = 'active' AND 'case.approve' = ANY (ro.permissions)`,
  );
}

/** The person as the referral form names them (the referring side's scope). */
export async function subjectOf(db: Db, scope: string, residentId: string) {
  const [s] = await rows<{ name: string; sex: string | null; birthDate: string | null; areaName: string }>(
    db,
    sql`SELECT r.name, r.sex, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", coalesce(a.name, '') AS "areaName"
      FROM residents r LEFT JOIN areas a ON a.code = r.area_code WHERE r.id = ${residentId} AND ${inArea(sql`r.area_code`, scope)}`,
  );
  return s;
}
