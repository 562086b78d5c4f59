// Names for the audit log's ids and codes, read in the reader's scope: a resident or account
// outside it stays a bare id (or the account name the record keeps), never a leak.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

const uuids = (ids: Iterable<string>) => {
  const list = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return sql`${`{${list.join(',')}}`}::uuid[]`;
};
const texts = (codes: Iterable<string>) => sql`${`{${[...new Set(codes)].filter((c) => /^\d+$/.test(c)).join(',')}}`}::text[]`;
const toMap = <T extends { id: string }>(found: T[]) => new Map(found.map((r) => [r.id, r]));

export const userNames = (db: Db, scope: string, ids: Iterable<string>) =>
  rows<{ id: string; name: string; username: string }>(
    db,
    sql`SELECT id, display_name AS name, username FROM users WHERE id = ANY(${uuids(ids)}) AND ${inArea(sql`area_code`, scope)}`,
  ).then(toMap);

export const residentNames = (db: Db, scope: string, ids: Iterable<string>) =>
  rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM residents WHERE id = ANY(${uuids(ids)}) AND ${inArea(sql`area_code`, scope)}`,
  ).then(toMap);

/** Assessments, contacts and follow-ups by id → the resident they belong to. */
export async function recordResidents(db: Db, scope: string, ids: Iterable<string>) {
  const list = uuids(ids);
  const found = await rows<{ id: string; residentId: string }>(
    db,
    sql`SELECT id, resident_id AS "residentId" FROM assessments WHERE id = ANY(${list}) AND ${inArea(sql`area_code`, scope)}
      UNION ALL SELECT id, resident_id FROM contacts WHERE id = ANY(${list}) AND ${inArea(sql`area_code`, scope)}
      UNION ALL SELECT id, resident_id FROM follow_ups WHERE id = ANY(${list}) AND ${inArea(sql`area_code`, scope)}`,
  );
  return toMap(found);
}

export const orgNames = (db: Db, scope: string, ids: Iterable<string>) =>
  rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM orgs WHERE id = ANY(${uuids(ids)}) AND ${inArea(sql`area_code`, scope)}`,
  ).then(toMap);

/** Roles are installation-wide (no area). */
export const roleNames = (db: Db, ids: Iterable<string>) =>
  rows<{ id: string; zh: string; en: string }>(db, sql`SELECT id, name AS zh, name_en AS en FROM roles WHERE id = ANY(${uuids(ids)})`).then(
    toMap,
  );

/** Areas are public reference data. */
export const areaNames = (db: Db, codes: Iterable<string>) =>
  rows<{ id: string; name: string }>(db, sql`SELECT code AS id, name FROM areas WHERE code = ANY(${texts(codes)})`).then(toMap);
