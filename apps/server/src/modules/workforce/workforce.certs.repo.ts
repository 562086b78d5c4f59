// SQL of a worker's certificates and titles. Each row carries its worker's area (scope and RLS).
import { inArea, rows, updateVersioned, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface CertRow {
  id: string;
  workerId: string;
  areaCode: string;
  kind: string;
  number: string | null;
  obtainedOn: string;
  registeredOn: string | null;
  version: number;
}

const CERT_COLUMNS = sql`id, worker_id AS "workerId", area_code AS "areaCode", kind, number, obtained_on::text AS "obtainedOn",
  registered_on::text AS "registeredOn", version`;

export const certificatesOf = (db: Db, scope: string, workerId: string) =>
  rows<CertRow>(
    db,
    sql`SELECT ${CERT_COLUMNS} FROM worker_certificates WHERE worker_id = ${workerId} AND ${inArea(sql`area_code`, scope)}
      ORDER BY obtained_on, kind`,
  );

export const certificateById = async (db: Db, scope: string, workerId: string, id: string) =>
  (
    await rows<CertRow>(
      db,
      sql`SELECT ${CERT_COLUMNS} FROM worker_certificates WHERE id = ${id} AND worker_id = ${workerId} AND ${inArea(sql`area_code`, scope)}`,
    )
  )[0];

export const certificateOfKind = async (db: Db, workerId: string, kind: string) =>
  (await rows<CertRow>(db, sql`SELECT ${CERT_COLUMNS} FROM worker_certificates WHERE worker_id = ${workerId} AND kind = ${kind}`))[0];

/** Whether another certificate of the kind already has this number (installation-wide, as the owner sees it under RLS: in scope). */
export const numberTaken = async (db: Db, kind: string, number: string, exceptId: string | null) =>
  (
    await rows<{ id: string }>(
      db,
      sql`SELECT id FROM worker_certificates WHERE kind = ${kind} AND number = ${number} ${exceptId ? sql`AND id <> ${exceptId}` : sql``}`,
    )
  ).length > 0;

export async function insertCertificate(
  db: Db,
  c: {
    id: string;
    workerId: string;
    areaCode: string;
    kind: string;
    number: string | null;
    obtainedOn: string;
    registeredOn: string | null;
  },
) {
  await db.execute(sql`INSERT INTO worker_certificates (id, worker_id, area_code, kind, number, obtained_on, registered_on)
    VALUES (${c.id}, ${c.workerId}, ${c.areaCode}, ${c.kind}, ${c.number}, ${c.obtainedOn}, ${c.registeredOn})`);
}

const CERT_UPDATABLE = { kind: 'kind', number: 'number', obtainedOn: 'obtained_on', registeredOn: 'registered_on' };

export const updateCertificate = (db: Db, scope: string, id: string, version: number, changes: Record<string, unknown>) =>
  updateVersioned(db, 'worker_certificates', CERT_UPDATABLE, { id, scope, version }, changes);

export async function deleteCertificate(db: Db, scope: string, id: string, version: number): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`DELETE FROM worker_certificates WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return res.length > 0;
}

export interface TitleRow {
  id: string;
  workerId: string;
  title: string;
  year: number;
  grantedBy: string;
}

const TITLE_COLUMNS = sql`id, worker_id AS "workerId", title, year, granted_by AS "grantedBy"`;

export const titlesOf = (db: Db, scope: string, workerId: string) =>
  rows<TitleRow>(
    db,
    sql`SELECT ${TITLE_COLUMNS} FROM worker_titles WHERE worker_id = ${workerId} AND ${inArea(sql`area_code`, scope)} ORDER BY year DESC, title`,
  );

/** Inserts a title once per (worker, title, year); answers the stored row either way. */
export async function insertTitle(
  db: Db,
  t: { id: string; workerId: string; areaCode: string; title: string; year: number; grantedBy: string },
): Promise<{ row: TitleRow; created: boolean }> {
  const made = await rows<TitleRow>(
    db,
    sql`INSERT INTO worker_titles (id, worker_id, area_code, title, year, granted_by)
      VALUES (${t.id}, ${t.workerId}, ${t.areaCode}, ${t.title}, ${t.year}, ${t.grantedBy})
      ON CONFLICT (worker_id, title, year) DO NOTHING RETURNING ${TITLE_COLUMNS}`,
  );
  if (made[0]) return { row: made[0], created: true };
  const [row] = await rows<TitleRow>(
    db,
    sql`SELECT ${TITLE_COLUMNS} FROM worker_titles WHERE worker_id = ${t.workerId} AND title = ${t.title} AND year = ${t.year}`,
  );
  return { row: row!, created: false };
}

export async function deleteTitle(db: Db, scope: string, workerId: string, id: string): Promise<TitleRow | undefined> {
  const [row] = await rows<TitleRow>(
    db,
    sql`DELETE FROM worker_titles WHERE id = ${id} AND worker_id = ${workerId} AND ${inArea(sql`area_code`, scope)} RETURNING ${TITLE_COLUMNS}`,
  );
  return row;
}
