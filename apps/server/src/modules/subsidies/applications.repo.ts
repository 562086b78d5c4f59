// SQL of subsidy applications: the list (by policy, stage or review queue), one application,
// the register record the auto-check reads, the writes of a transition and its event, and the
// applicant's own list. Every query of area-owned rows takes the scope.
import { inArea, likeContains, pagedRows, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface SubsidyAppRow {
  id: string;
  policyId: string;
  areaCode: string;
  workerId: string | null;
  userId: string | null;
  publicAccountId: string | null;
  name: string;
  orgName: string | null;
  route: 'self' | 'org' | 'public';
  statement: string | null;
  arrivedOn: string | null;
  attachments: { id: string; filename: string }[];
  attachmentIds: string[];
  checks: unknown[];
  checkResult: 'pass' | 'fail' | 'unknown';
  level: string | null;
  amountFen: number | null;
  stage: string;
  reason: string | null;
  batchId: string | null;
  version: number;
  createdAt: Date | string;
}

const COLUMNS = sql`x.id, x.policy_id AS "policyId", x.area_code AS "areaCode", x.worker_id AS "workerId",
  x.user_id AS "userId", x.public_account_id AS "publicAccountId", x.name, x.org_name AS "orgName", x.route, x.statement,
  x.arrived_on::text AS "arrivedOn", x.attachment_ids::text[] AS "attachmentIds",
  coalesce((SELECT json_agg(json_build_object('id', f.id, 'filename', f.filename) ORDER BY f.id) FROM attachments f
    WHERE f.id = ANY (x.attachment_ids)), '[]'::json) AS attachments,
  x.checks, x.check_result AS "checkResult", x.level, x.amount_fen::float8 AS "amountFen", x.stage, x.reason, x.batch_id AS "batchId",
  x.version, x.created_at AS "createdAt"`;

export interface SubsidyAppFilter {
  scope: string;
  policyId?: string;
  q?: string;
  stages?: string[];
  limit: number;
  offset: number;
}

export function listSubsidyApps(db: Db, f: SubsidyAppFilter) {
  const where = [inArea(sql`x.area_code`, f.scope)];
  if (f.policyId) where.push(sql`x.policy_id = ${f.policyId}`);
  if (f.q) where.push(sql`(x.name LIKE ${likeContains(f.q)} OR x.org_name LIKE ${likeContains(f.q)})`);
  if (f.stages?.length)
    where.push(
      sql`x.stage IN (${sql.join(
        f.stages.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  const cond = sql.join(where, sql` AND `);
  return pagedRows<SubsidyAppRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM subsidy_applications x WHERE ${cond}
      ORDER BY x.created_at, x.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM subsidy_applications x WHERE ${cond}`,
    f.offset,
  );
}

export async function subsidyAppById(db: Db, scope: string, id: string): Promise<SubsidyAppRow | undefined> {
  const [r] = await rows<SubsidyAppRow>(
    db,
    sql`SELECT ${COLUMNS} FROM subsidy_applications x WHERE x.id = ${id} AND ${inArea(sql`x.area_code`, scope)}`,
  );
  return r;
}

/** An earlier application to the policy by the same worker or public account. */
export async function existingSubsidyApp(db: Db, policyId: string, by: { workerId?: string | null; accountId?: string }) {
  const cond = by.workerId ? sql`worker_id = ${by.workerId}` : sql`public_account_id = ${by.accountId ?? null}`;
  const [r] = await rows<{ id: string; areaCode: string }>(
    db,
    sql`SELECT id, area_code AS "areaCode" FROM subsidy_applications WHERE policy_id = ${policyId} AND ${cond}`,
  );
  return r;
}

/** What the register holds for the auto-check: status, start in the field, certificates, titles. */
export async function registerRecord(db: Db, workerId: string) {
  const [r] = await rows<{
    status: string;
    startedInFieldOn: string | null;
    leftOn: string | null;
    certificates: { kind: string; obtainedOn: string; registeredOn: string | null }[];
    titles: string[];
  }>(
    db,
    sql`SELECT w.status, w.started_in_field_on::text AS "startedInFieldOn", w.left_on::text AS "leftOn",
      coalesce((SELECT json_agg(json_build_object('kind', c.kind, 'obtainedOn', c.obtained_on::text, 'registeredOn', c.registered_on::text))
        FROM worker_certificates c WHERE c.worker_id = w.id), '[]'::json) AS certificates,
      coalesce((SELECT array_agg(DISTINCT t.title) FROM worker_titles t WHERE t.worker_id = w.id), '{}') AS titles
      FROM workers w WHERE w.id = ${workerId}`,
  );
  return r;
}

/** The register entry whose sealed mobile matches a public account's: the link "where it matches". */
export async function workerOfAccount(db: Db, accountId: string) {
  const [r] = await rows<{ id: string; areaCode: string; name: string; orgName: string | null }>(
    db,
    sql`SELECT w.id, w.area_code AS "areaCode", w.name, o.name AS "orgName" FROM workers w
      JOIN public_accounts a ON a.mobile_hash = w.mobile_hash LEFT JOIN orgs o ON o.id = w.org_id
      WHERE a.id = ${accountId} AND w.status = 'active' ORDER BY w.id LIMIT 1`,
  );
  return r;
}

/** Attachments of the list that exist within the scope (proof must be the uploader's area's). */
export async function attachmentsInScope(db: Db, scope: string, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM attachments WHERE ${inArea(sql`area_code`, scope)} AND id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return r?.n ?? 0;
}

export async function insertSubsidyApp(db: Db, a: Record<string, unknown>): Promise<boolean> {
  const r = await rows<{ id: string }>(
    db,
    sql`INSERT INTO subsidy_applications (id, policy_id, area_code, worker_id, user_id, public_account_id, name, org_name, route, applied_by,
        statement, arrived_on, attachment_ids, checks, check_result, level, amount_fen)
      VALUES (${a.id}, ${a.policyId}, ${a.areaCode}, ${a.workerId ?? null}, ${a.userId ?? null}, ${a.publicAccountId ?? null}, ${a.name},
        ${a.orgName ?? null}, ${a.route}, ${a.appliedBy ?? null}, ${a.statement ?? null}, ${a.arrivedOn ?? null},
        ${`{${(a.attachmentIds as string[]).join(',')}}`}::uuid[], ${JSON.stringify(a.checks)}::jsonb, ${a.checkResult}, ${a.level ?? null},
        ${a.amountFen ?? null})
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return r.length > 0;
}

/** Moves an application if its version still matches; the other columns are set as given. */
export async function moveSubsidyApp(db: Db, scope: string, id: string, version: number, c: Record<string, unknown>): Promise<boolean> {
  const r = await rows<{ id: string }>(
    db,
    sql`UPDATE subsidy_applications SET stage = ${c.stage}, reason = ${c.reason ?? null},
        amount_fen = coalesce(${c.amountFen ?? null}::bigint, amount_fen),
        statement = ${c.statement === undefined ? sql`statement` : sql`${c.statement}`},
        arrived_on = ${c.arrivedOn === undefined ? sql`arrived_on` : sql`${c.arrivedOn}::date`},
        attachment_ids = coalesce(${c.attachmentIds ? `{${(c.attachmentIds as string[]).join(',')}}` : null}::uuid[], attachment_ids),
        checks = coalesce(${c.checks ? JSON.stringify(c.checks) : null}::jsonb, checks), check_result = coalesce(${c.checkResult ?? null}, check_result),
        level = ${c.level === undefined ? sql`level` : sql`${c.level}`},
        version = version + 1, updated_at = now()
      WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return r.length > 0;
}

export async function insertSubsidyEvent(db: Db, e: Record<string, unknown>): Promise<void> {
  await db.execute(sql`INSERT INTO subsidy_events (id, application_id, area_code, action, from_stage, to_stage, reason, by_user, by_name, at)
    VALUES (${e.id}, ${e.applicationId}, ${e.areaCode}, ${e.action}, ${e.fromStage ?? null}, ${e.toStage}, ${e.reason ?? null},
      ${e.byUser ?? null}, ${e.byName}, ${e.at})`);
}

export const subsidyEvents = (db: Db, scope: string, applicationId: string) =>
  rows<Record<string, unknown>>(
    db,
    sql`SELECT id, action, from_stage AS "fromStage", to_stage AS "toStage", reason, by_name AS "byName", at FROM subsidy_events
      WHERE application_id = ${applicationId} AND ${inArea(sql`area_code`, scope)} ORDER BY at, id`,
  );

/** The applicant's own: by their staff account (or register entry), or their public account. As the owner. */
export const subsidyAppsOfPerson = (db: Db, by: { userId?: string; workerId?: string | null; accountId?: string }) =>
  rows<Record<string, unknown>>(
    db,
    sql`SELECT x.id, x.policy_id AS "policyId", p.title AS "policyTitle", p.kind, x.stage, x.reason, x.amount_fen::float8 AS "amountFen",
      x.version, x.created_at AS "createdAt"
      FROM subsidy_applications x JOIN subsidy_policies p ON p.id = x.policy_id
      WHERE ${
        by.accountId
          ? sql`x.public_account_id = ${by.accountId}`
          : sql`(x.user_id = ${by.userId ?? null} OR x.worker_id = ${by.workerId ?? null})`
      } ORDER BY x.created_at DESC, x.id`,
  );

/** Policy titles by id, as the owner: a district policy lies outside a street reviewer's RLS range. */
export const policyTitles = (db: Db, ids: readonly string[]) =>
  ids.length
    ? rows<{ id: string; title: string }>(
        db,
        sql`SELECT id, title FROM subsidy_policies WHERE id IN (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      )
    : Promise.resolve([]);
