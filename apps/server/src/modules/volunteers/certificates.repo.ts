// SQL of volunteer-service certificates (志愿服务记录证明) and the service records they certify.
import type { VolunteerCertificate } from '@wushe/core';
import { inArea, isoText, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** Approved service of a volunteer in a period, in the reader's scope (the recording station's). */
export const approvedService = (db: Db, scope: string, volunteerId: string, from: string, to: string) =>
  rows<{
    activityTitle: string;
    content: string | null;
    place: string;
    checkinAt: string;
    checkoutAt: string | null;
    creditedMinutes: number;
    servedOn: string;
    orgName: string | null;
  }>(
    db,
    sql`SELECT a.title AS "activityTitle", a.description AS content, a.place, ${isoText('h.checkin_at')} AS "checkinAt",
        ${isoText('h.checkout_at')} AS "checkoutAt", h.credited_minutes AS "creditedMinutes", h.served_on::text AS "servedOn", o.name AS "orgName"
      FROM service_hours h JOIN activities a ON a.id = h.activity_id LEFT JOIN orgs o ON o.id = a.org_id
      WHERE h.volunteer_id = ${volunteerId} AND h.status = 'approved' AND h.served_on BETWEEN ${from}::date AND ${to}::date
        AND ${inArea(sql`h.area_code`, scope)} ORDER BY h.served_on, h.id`,
  );

/** Every record of a volunteer in the scope (for the national-format sheet), newest first. */
export const serviceRecordsOf = (db: Db, scope: string, volunteerId: string) =>
  rows<{
    activityTitle: string;
    content: string | null;
    place: string;
    checkinAt: string;
    checkoutAt: string | null;
    creditedMinutes: number | null;
    status: 'open' | 'pending' | 'approved' | 'declined';
    servedOn: string;
    orgName: string | null;
  }>(
    db,
    sql`SELECT a.title AS "activityTitle", a.description AS content, a.place, ${isoText('h.checkin_at')} AS "checkinAt",
        ${isoText('h.checkout_at')} AS "checkoutAt", h.credited_minutes AS "creditedMinutes", h.status, h.served_on::text AS "servedOn", o.name AS "orgName"
      FROM service_hours h JOIN activities a ON a.id = h.activity_id LEFT JOIN orgs o ON o.id = a.org_id
      WHERE h.volunteer_id = ${volunteerId} AND ${inArea(sql`h.area_code`, scope)} ORDER BY h.served_on DESC, h.id LIMIT 5000`,
  );

const CERT = sql`c.id, c.code, c.number, v.name, v.id_kind AS "idKind", v.id_masked AS "idMasked", v.volunteer_no AS "volunteerNo",
  c.period_from::text AS "periodFrom", c.period_to::text AS "periodTo", c.minutes, c.services, c.content, c.issuer,
  c.issuer_contact AS "issuerContact", c.issued_on::text AS "issuedOn"`;

export const certificatesOf = (db: Db, scope: string, volunteerId: string) =>
  rows<Omit<VolunteerCertificate, 'hours'>>(
    db,
    sql`SELECT ${CERT} FROM volunteer_certificates c JOIN volunteers v ON v.id = c.volunteer_id
      WHERE c.volunteer_id = ${volunteerId} AND ${inArea(sql`c.area_code`, scope)} ORDER BY c.issued_on DESC, c.created_at DESC`,
  );

/** A certificate by its verification code (as the owner: the code is the capability). */
export const certificateByCode = async (db: Db, code: string) =>
  (
    await rows<Omit<VolunteerCertificate, 'hours'>>(
      db,
      sql`SELECT ${CERT} FROM volunteer_certificates c JOIN volunteers v ON v.id = c.volunteer_id WHERE c.code = ${code}`,
    )
  )[0];

export async function insertCertificate(
  db: Db,
  c: {
    id: string;
    volunteerId: string;
    areaCode: string;
    code: string;
    number: string;
    from: string;
    to: string;
    minutes: number;
    services: number;
    content: string;
    issuer: string;
    issuerContact: string | null;
    issuedOn: string;
    by: string;
  },
) {
  await db.execute(sql`INSERT INTO volunteer_certificates (id, volunteer_id, area_code, code, number, period_from, period_to, minutes, services,
      content, issuer, issuer_contact, issued_on, issued_by)
    VALUES (${c.id}, ${c.volunteerId}, ${c.areaCode}, ${c.code}, ${c.number}, ${c.from}, ${c.to}, ${c.minutes}, ${c.services}, ${c.content},
      ${c.issuer}, ${c.issuerContact}, ${c.issuedOn}, ${c.by})`);
}
