import type { Org, OrgCreateBody } from '@wushe/core';
import { rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const COLUMNS = sql`o.id, o.name, o.kind, o.area_code AS "areaCode", coalesce(a.name, o.area_code) AS "areaName",
  o.credit_code AS "creditCode", o.contact_name AS "contactName", o.contact_phone AS "contactPhone", o.address,
  o.active, o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

const SORTS: Record<string, SQL> = {
  name: sql`o.name, o.id`,
  '-name': sql`o.name DESC, o.id`,
  createdAt: sql`o.created_at, o.id`,
  '-createdAt': sql`o.created_at DESC, o.id`,
  areaCode: sql`o.area_code, o.id`,
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

const like = (q: string) => '%' + q.replace(/[\\%_]/g, '\\$&') + '%';

type OrgRow = Org & { total?: string };

const normalise = (r: OrgRow): Org => {
  const { total: _total, ...org } = r;
  return { ...org, createdAt: new Date(org.createdAt).toISOString(), updatedAt: new Date(org.updatedAt).toISOString() };
};

/** One round trip: the page and the total (window count). */
export async function listOrgs(db: Db, f: OrgFilter): Promise<{ items: Org[]; total: number }> {
  const where = [sql`o.area_code LIKE ${f.prefix + '%'}`];
  if (f.kind) where.push(sql`o.kind = ${f.kind}`);
  if (f.active !== undefined) where.push(sql`o.active = ${f.active}`);
  if (f.q) where.push(sql`(o.name LIKE ${like(f.q)} OR o.credit_code = ${f.q.toUpperCase()})`);
  const found = await rows<OrgRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total FROM orgs o LEFT JOIN areas a ON a.code = o.area_code
      WHERE ${sql.join(where, sql` AND `)} ORDER BY ${SORTS[f.sort] ?? SORTS.areaCode!} LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  if (!found.length && f.offset > 0) {
    const [c] = await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM orgs o WHERE ${sql.join(where, sql` AND `)}`);
    return { items: [], total: Number(c?.n ?? 0) };
  }
  return { items: found.map(normalise), total: Number(found[0]?.total ?? 0) };
}

export async function orgById(db: Db, scope: string, id: string): Promise<Org | undefined> {
  const found = await rows<OrgRow>(
    db,
    sql`SELECT ${COLUMNS} FROM orgs o LEFT JOIN areas a ON a.code = o.area_code WHERE o.id = ${id} AND o.area_code LIKE ${scope + '%'}`,
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
export async function updateOrg(db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>): Promise<boolean> {
  const sets = Object.entries(changes)
    .filter(([k, v]) => UPDATABLE[k] && v !== undefined)
    .map(([k, v]) => sql`${sql.identifier(UPDATABLE[k]!)} = ${v}`);
  sets.push(sql`version = version + 1`, sql`updated_at = now()`);
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE orgs SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} AND area_code LIKE ${scope + '%'} RETURNING id`,
  );
  return res.length > 0;
}

export function orgStats(db: Db, scope: string, areaCode: string, childLength: number | null) {
  const byKind = rows<{ kind: string; count: number }>(
    db,
    sql`SELECT kind, count(*)::int AS count FROM orgs WHERE area_code LIKE ${scope + '%'} AND active GROUP BY kind ORDER BY count DESC`,
  );
  const byArea = childLength
    ? rows<{ code: string; name: string; count: number }>(
        db,
        sql`SELECT a.code, a.name, count(o.id)::int AS count FROM areas a
          LEFT JOIN orgs o ON left(o.area_code, ${childLength}) = left(a.code, ${childLength}) AND o.active AND o.area_code LIKE ${scope + '%'}
          WHERE a.parent_code = ${areaCode} GROUP BY a.code, a.name ORDER BY a.code`,
      )
    : Promise.resolve([]);
  return Promise.all([byKind, byArea]).then(([k, a]) => ({ byKind: k, byArea: a }));
}
