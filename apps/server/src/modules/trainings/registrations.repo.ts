// SQL of a training's registrations (waiting order by seq), the hours each attended (from the
// shared attendance table, matched on person_key), evaluations and certificates.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface RegistrationRow {
  id: string;
  trainingId: string;
  areaCode: string;
  workerId: string | null;
  personName: string;
  personKey: string;
  mobileMasked: string | null;
  orgName: string | null;
  status: 'registered' | 'waiting' | 'cancelled';
  seq: number;
  registeredAt: string;
  attendedHours: number;
  presentSessionIds: string[];
  certificateCode: string | null;
  certificateHours: number | null;
  certificateIssuedOn: string | null;
  version: number;
}

/** Sessions of the registration's training it attended (not cancelled ones). */
const PRESENT = sql`FROM attendance x JOIN training_sessions s ON s.id = x.occasion_id AND NOT s.cancelled
  WHERE x.occasion_kind = 'training_session' AND s.training_id = r.training_id AND x.person_key = r.person_key AND x.attended_at IS NOT NULL`;

const COLUMNS = sql`r.id, r.training_id AS "trainingId", r.area_code AS "areaCode", r.worker_id AS "workerId", r.person_name AS "personName",
  r.person_key AS "personKey", r.mobile_masked AS "mobileMasked", r.org_name AS "orgName", r.status, r.seq::int AS seq,
  ${iso('r.registered_at')} AS "registeredAt", r.certificate_code AS "certificateCode", r.certificate_hours::float8 AS "certificateHours",
  r.certificate_issued_on::text AS "certificateIssuedOn", r.version,
  (SELECT coalesce(sum(s.hours), 0)::float8 ${PRESENT}) AS "attendedHours",
  coalesce((SELECT array_agg(s.id ORDER BY s.starts_at) ${PRESENT}), '{}') AS "presentSessionIds"`;

export const registrationsOf = (db: Db, scope: string, trainingId: string) =>
  rows<RegistrationRow>(
    db,
    sql`SELECT ${COLUMNS} FROM training_registrations r WHERE r.training_id = ${trainingId} AND ${inArea(sql`r.area_code`, scope)}
      ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, r.seq`,
  );

export async function registrationById(db: Db, scope: string, trainingId: string, id: string): Promise<RegistrationRow | undefined> {
  const [found] = await rows<RegistrationRow>(
    db,
    sql`SELECT ${COLUMNS} FROM training_registrations r WHERE r.id = ${id} AND r.training_id = ${trainingId} AND ${inArea(sql`r.area_code`, scope)}`,
  );
  return found;
}

export async function registrationByKey(db: Db, trainingId: string, personKey: string): Promise<RegistrationRow | undefined> {
  const [found] = await rows<RegistrationRow>(
    db,
    sql`SELECT ${COLUMNS} FROM training_registrations r WHERE r.training_id = ${trainingId} AND r.person_key = ${personKey}`,
  );
  return found;
}

export async function registeredCount(db: Db, trainingId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM training_registrations WHERE training_id = ${trainingId} AND status = 'registered'`,
  );
  return r?.n ?? 0;
}

export const waitingInOrder = (db: Db, trainingId: string) =>
  rows<{ id: string }>(
    db,
    sql`SELECT id FROM training_registrations WHERE training_id = ${trainingId} AND status = 'waiting' ORDER BY seq`,
  );

/** The waiting position (1 first) of a waiting registration. */
export async function waitingPosition(db: Db, trainingId: string, seq: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM training_registrations WHERE training_id = ${trainingId} AND status = 'waiting' AND seq <= ${seq}`,
  );
  return r?.n ?? 0;
}

/** A new registration, or a cancelled one taken up again (a new place in the queue). */
export async function upsertRegistration(
  db: Db,
  r: {
    id: string;
    trainingId: string;
    areaCode: string;
    workerId: string | null;
    personName: string;
    mobileCipher: string | null;
    mobileHash: string | null;
    mobileMasked: string | null;
    orgName: string | null;
    status: 'registered' | 'waiting';
  },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`INSERT INTO training_registrations (id, training_id, area_code, worker_id, person_name, mobile_cipher, mobile_hash, mobile_masked,
        org_name, status, seq)
      VALUES (${r.id}, ${r.trainingId}, ${r.areaCode}, ${r.workerId}, ${r.personName}, ${r.mobileCipher}, ${r.mobileHash}, ${r.mobileMasked},
        ${r.orgName}, ${r.status}, nextval('training_registrations_seq'))
      ON CONFLICT (training_id, person_key) DO UPDATE SET status = excluded.status, seq = excluded.seq, registered_at = now(),
        cancelled_at = NULL, worker_id = coalesce(training_registrations.worker_id, excluded.worker_id), version = training_registrations.version + 1,
        updated_at = now()
        WHERE training_registrations.status = 'cancelled'
      RETURNING id`,
  );
  return row!.id;
}

export async function setRegistrationStatus(db: Db, ids: readonly string[], status: 'registered' | 'waiting' | 'cancelled') {
  if (!ids.length) return;
  await db.execute(sql`UPDATE training_registrations SET status = ${status}, version = version + 1, updated_at = now(),
      cancelled_at = ${status === 'cancelled' ? sql`now()` : sql`NULL`}
    WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
}

export async function issueCertificate(db: Db, id: string, code: string, hours: number, issuedOn: string): Promise<void> {
  await db.execute(sql`UPDATE training_registrations SET certificate_code = ${code}, certificate_hours = ${hours},
      certificate_issued_on = ${issuedOn}, version = version + 1, updated_at = now()
    WHERE id = ${id} AND certificate_code IS NULL`);
}

/** A certificate by its verification code (read as the owner: the code is the capability). */
export async function certificateByCode(db: Db, code: string) {
  const [found] = await rows<{
    code: string;
    personName: string;
    title: string;
    level: string;
    hours: number;
    issuedOn: string;
    orgName: string | null;
  }>(
    db,
    sql`SELECT r.certificate_code AS code, r.person_name AS "personName", t.title, t.level, r.certificate_hours::float8 AS hours,
        r.certificate_issued_on::text AS "issuedOn", o.name AS "orgName"
      FROM training_registrations r JOIN trainings t ON t.id = r.training_id LEFT JOIN orgs o ON o.id = t.org_id
      WHERE r.certificate_code = ${code}`,
  );
  return found;
}

export async function upsertEvaluation(
  db: Db,
  e: { id: string; trainingId: string; areaCode: string; registrationId: string; answers: number[]; comment: string | null },
): Promise<void> {
  await db.execute(sql`INSERT INTO training_evaluations (id, training_id, area_code, registration_id, answers, comment)
    VALUES (${e.id}, ${e.trainingId}, ${e.areaCode}, ${e.registrationId},
      ARRAY[${sql.join(
        e.answers.map((a) => sql`${a}`),
        sql`, `,
      )}]::smallint[], ${e.comment})
    ON CONFLICT (registration_id) DO UPDATE SET answers = excluded.answers, comment = excluded.comment, at = now()`);
}

export const evaluationsOf = (db: Db, scope: string, trainingId: string) =>
  rows<{ answers: number[]; comment: string | null }>(
    db,
    sql`SELECT answers, comment FROM training_evaluations WHERE training_id = ${trainingId} AND ${inArea(sql`area_code`, scope)}
      ORDER BY at DESC`,
  );

/** What a registration copies from a register entry: name, sealed mobile, employer. */
export async function workerPerson(db: Db, scope: string, id: string) {
  const [found] = await rows<{
    id: string;
    name: string;
    mobileCipher: string | null;
    mobileHash: string | null;
    mobileMasked: string | null;
    orgName: string | null;
  }>(
    db,
    sql`SELECT w.id, w.name, w.mobile_cipher AS "mobileCipher", w.mobile_hash AS "mobileHash", w.mobile_masked AS "mobileMasked",
        o.name AS "orgName" FROM workers w LEFT JOIN orgs o ON o.id = w.org_id
      WHERE w.id = ${id} AND w.status = 'active' AND ${inArea(sql`w.area_code`, scope)}`,
  );
  return found;
}

/** The register entry of someone signing up publicly: same name and mobile, in the training's area. */
export async function workerByMobile(db: Db, scope: string, name: string, mobileHash: string): Promise<string | undefined> {
  const [found] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM workers WHERE mobile_hash = ${mobileHash} AND name = ${name} AND status = 'active' AND ${inArea(sql`area_code`, scope)}
      ORDER BY id LIMIT 1`,
  );
  return found?.id;
}
