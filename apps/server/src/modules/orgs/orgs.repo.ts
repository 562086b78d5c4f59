import type { Org, OrgCreateBody } from '@wushe/core';
import { inArea, likeContains, pagedRows, rows, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`o.id, o.name, o.kind, o.area_code AS "areaCode", coalesce(a.name, o.area_code) AS "areaName",
  o.credit_code AS "creditCode", o.contact_name AS "contactName", o.contact_phone AS "contactPhone", o.address,
  o.active, o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

const SORTS: Record<string, SQL> = {
  name: sql`o.name, o.id`,
  '-name': sql`o.name DESC, o.id`,
  createdAt: sql`o.created_at, o.id`,
  '-createdAt': sql`o.created_at DESC, o.id`,
  // C order, as the (area_code COLLATE "C", id) index keeps it: the page is read off the index.
  areaCode: sql`o.area_code COLLATE "C", o.id`,
};

export interface OrgFilter {
  prefix: string;
  q?: string;
  kind?: string;
  active?: boolean;
  sort: string;
  limit: number;
  offset: number;
}

const normalise = (org: Org): Org => ({
  ...org,
  createdAt: new Date(org.createdAt).toISOString(),
  updatedAt: new Date(org.updatedAt).toISOString(),
});

/**
 * One round trip: the page (read in index order for the default sort) and the total (a
 * scalar count the planner answers with an index-only scan); area names only for the page.
 */
export async function listOrgs(db: Db, f: OrgFilter): Promise<{ items: Org[]; total: number }> {
  const where = [inArea(sql`o.area_code`, f.prefix)];
  if (f.kind) where.push(sql`o.kind = ${f.kind}`);
  if (f.active !== undefined) where.push(sql`o.active = ${f.active}`);
  if (f.q) where.push(sql`(o.name LIKE ${likeContains(f.q)} OR o.credit_code = ${f.q.toUpperCase()})`);
  const cond = sql.join(where, sql` AND `);
  const order = SORTS[f.sort] ?? SORTS.areaCode!;
  const page = await pagedRows<Org>(
    db,
    sql`SELECT ${COLUMNS}, (SELECT count(*) FROM orgs o WHERE ${cond}) AS total FROM (
        SELECT o.* FROM orgs o WHERE ${cond} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}
      ) o LEFT JOIN areas a ON a.code = o.area_code ORDER BY ${order}`,
    sql`SELECT count(*) AS n FROM orgs o WHERE ${cond}`,
    f.offset,
  );
  return { items: page.items.map(normalise), total: page.total };
}

export async function orgById(db: Db, scope: string, id: string): Promise<Org | undefined> {
  const found = await rows<Org>(
    db,
    sql`SELECT ${COLUMNS} FROM orgs o LEFT JOIN areas a ON a.code = o.area_code WHERE o.id = ${id} AND ${inArea(sql`o.area_code`, scope)}`,
  );
  return found[0] && normalise(found[0]);
}

export async function insertOrg(db: Db, id: string, b: OrgCreateBody): Promise<void> {
  await db.execute(sql`INSERT INTO orgs (id, name, kind, area_code, credit_code, contact_name, contact_phone, address)
    VALUES (${id}, ${b.name}, ${b.kind}, ${b.areaCode}, ${b.creditCode ?? null}, ${b.contactName ?? null}, ${b.contactPhone ?? null}, ${b.address ?? null})`);
}

const UPDATABLE: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  areaCode: 'area_code',
  creditCode: 'credit_code',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  address: 'address',
  active: 'active',
};

/** Applies a change if the version still matches; returns false on a stale version. */
export const updateOrg = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'orgs', UPDATABLE, { id, scope, version }, changes);

export function orgStats(db: Db, scope: string, areaCode: string, childLength: number | null) {
  const byKind = rows<{ kind: string; count: number }>(
    db,
    sql`SELECT kind, count(*)::int AS count FROM orgs WHERE ${inArea(sql`area_code`, scope)} AND active GROUP BY kind ORDER BY count DESC`,
  );
  const byArea = childLength
    ? rows<{ code: string; name: string; count: number }>(
        db,
        sql`SELECT a.code, a.name, count(o.id)::int AS count FROM areas a
          LEFT JOIN orgs o ON left(o.area_code, ${childLength}) = left(a.code, ${childLength}) AND o.active AND ${inArea(sql`o.area_code`, scope)}
          WHERE a.parent_code = ${areaCode} GROUP BY a.code, a.name ORDER BY a.code`,
      )
    : Promise.resolve([]);
  return Promise.all([byKind, byArea]).then(([k, a]) => ({ byKind: k, byArea: a }));
}
