// SQL of reward and subsidy policies: the row with its budget totals and counts by stage, the
// list, the writes, and the lock an approval takes. A policy is seen from its own area and
// below (its officials) and from the areas under it (the people who apply): `visible`.
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { visible } from '../programmes/programmes.repo.ts';

export interface PolicyRow {
  id: string;
  areaCode: string;
  areaName: string;
  kind: 'reward' | 'subsidy';
  title: string;
  description: string | null;
  year: number;
  budgetFen: number;
  opensOn: string;
  closesOn: string;
  status: 'draft' | 'published' | 'closed';
  rules: Record<string, unknown>;
  amount: { mode: 'fixed'; fen: number } | { mode: 'byLevel'; fen: Record<string, number> };
  approvedFen: number;
  paidFen: number;
  counts: Record<string, number>;
  createdByName: string | null;
  version: number;
  createdAt: Date | string;
}

// Totals count every application of the policy (any street): they are the policy's, not a person's.
const COLUMNS = sql`p.id, p.area_code AS "areaCode", coalesce(a.name, p.area_code) AS "areaName", p.kind, p.title, p.description,
  p.year::int AS year, p.budget_fen::float8 AS "budgetFen", p.opens_on::text AS "opensOn", p.closes_on::text AS "closesOn", p.status,
  p.rules, p.amount, cu.display_name AS "createdByName", p.version, p.created_at AS "createdAt",
  (SELECT coalesce(sum(x.amount_fen) FILTER (WHERE x.stage = 'approved'), 0)::float8 FROM subsidy_applications x WHERE x.policy_id = p.id) AS "approvedFen",
  (SELECT coalesce(sum(x.amount_fen) FILTER (WHERE x.stage = 'paid'), 0)::float8 FROM subsidy_applications x WHERE x.policy_id = p.id) AS "paidFen",
  coalesce((SELECT json_object_agg(s.stage, s.n) FROM (SELECT x.stage, count(*)::int AS n FROM subsidy_applications x
    WHERE x.policy_id = p.id GROUP BY x.stage) s), '{}'::json) AS counts`;
const JOINS = sql`LEFT JOIN areas a ON a.code = p.area_code LEFT JOIN users cu ON cu.id = p.created_by`;

export interface PolicyFilter {
  scope: string;
  q?: string;
  kind?: string;
  status?: string;
  year?: number;
  drafts: boolean;
  limit: number;
  offset: number;
}

/** Drafts show to their managers only; the others see published and closed policies of their area and above. */
const seen = (scope: string, drafts: boolean) =>
  drafts
    ? sql`(${inArea(sql`p.area_code`, scope)} OR (${visible(scope)} AND p.status <> 'draft'))`
    : sql`(${visible(scope)} AND p.status <> 'draft')`;

/** As the owner: the policies visible from the scope (those of areas above it are outside RLS's range). */
export function listPolicies(db: Db, f: PolicyFilter) {
  const where = [seen(f.scope, f.drafts)];
  if (f.q) where.push(sql`p.title LIKE ${likeContains(f.q)}`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.status) where.push(sql`p.status = ${f.status}`);
  if (f.year) where.push(sql`p.year = ${f.year}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<PolicyRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM subsidy_policies p ${JOINS} WHERE ${cond}
      ORDER BY p.year DESC, p.created_at DESC, p.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM subsidy_policies p WHERE ${cond}`,
    f.offset,
  );
}

/** A policy: `own` its officials' (within the scope), else as `seen` (with drafts for a manager). */
export async function policyById(db: Db, scope: string, id: string, own = true, drafts = false): Promise<PolicyRow | undefined> {
  const where = own ? inArea(sql`p.area_code`, scope) : seen(scope, drafts);
  const [p] = await rows<PolicyRow>(db, sql`SELECT ${COLUMNS} FROM subsidy_policies p ${JOINS} WHERE p.id = ${id} AND ${where}`);
  return p;
}

/** Takes the policy's row lock so two approvals cannot both spend the last of the budget. */
export async function lockPolicy(db: Db, scope: string, id: string): Promise<boolean> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM subsidy_policies p WHERE p.id = ${id} AND ${inArea(sql`p.area_code`, scope)} FOR UPDATE`,
  );
  return found.length > 0;
}

export async function insertPolicy(db: Db, p: Record<string, unknown>): Promise<boolean> {
  const r = await rows<{ id: string }>(
    db,
    sql`INSERT INTO subsidy_policies (id, area_code, kind, title, description, year, budget_fen, opens_on, closes_on, rules, amount, created_by)
      VALUES (${p.id}, ${p.areaCode}, ${p.kind}, ${p.title}, ${p.description}, ${p.year}, ${p.budgetFen}, ${p.opensOn}, ${p.closesOn},
        ${JSON.stringify(p.rules)}::jsonb, ${JSON.stringify(p.amount)}::jsonb, ${p.createdBy})
      ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return r.length > 0;
}

const UPDATABLE = {
  kind: 'kind',
  title: 'title',
  description: 'description',
  year: 'year',
  budgetFen: 'budget_fen',
  opensOn: 'opens_on',
  closesOn: 'closes_on',
  status: 'status',
  rules: 'rules',
  amount: 'amount',
};

export const updatePolicy = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'subsidy_policies', UPDATABLE, { id, scope, version }, changes);

/** As the owner, for the public page: published policies only, the notice's fields (no applicant). */
export const publishedPolicies = (db: Db, id?: string) =>
  rows<Record<string, unknown> & { opensOn: string; closesOn: string }>(
    db,
    sql`SELECT p.id, p.kind, p.title, p.description, p.year::int AS year, coalesce(a.name, p.area_code) AS "areaName",
      p.opens_on::text AS "opensOn", p.closes_on::text AS "closesOn", p.rules, p.amount, p.budget_fen::float8 AS "budgetFen"
      FROM subsidy_policies p LEFT JOIN areas a ON a.code = p.area_code
      WHERE p.status = 'published' ${id ? sql`AND p.id = ${id}` : sql``} ORDER BY p.closes_on DESC, p.id LIMIT 100`,
  );
