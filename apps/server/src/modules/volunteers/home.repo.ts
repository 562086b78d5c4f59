// SQL of a volunteer's 工作台 (read as the owner, keyed by the volunteer linked to the account):
// their record, hours this year, claims by their public account, certificates, and the open
// posts and wishes of their street.
import { inArea, isoText, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export const volunteerIdOfUser = async (db: Db, userId: string) =>
  (
    await rows<{ id: string; accountId: string | null; areaCode: string }>(
      db,
      sql`SELECT id, public_account_id AS "accountId", area_code AS "areaCode" FROM volunteers WHERE user_id = ${userId}`,
    )
  )[0];

export const hoursSince = async (db: Db, volunteerId: string, from: string) =>
  (
    await rows<{ minutes: number; services: number }>(
      db,
      sql`SELECT coalesce(sum(credited_minutes), 0)::int AS minutes, count(*)::int AS services FROM service_hours
        WHERE volunteer_id = ${volunteerId} AND status = 'approved' AND served_on >= ${from}::date`,
    )
  )[0]!;

export const certificatesOfVolunteer = (db: Db, volunteerId: string) =>
  rows<{ code: string; number: string; periodFrom: string; periodTo: string; minutes: number; issuedOn: string; issuer: string }>(
    db,
    sql`SELECT code, number, period_from::text AS "periodFrom", period_to::text AS "periodTo", minutes, issued_on::text AS "issuedOn", issuer
      FROM volunteer_certificates WHERE volunteer_id = ${volunteerId} ORDER BY issued_on DESC, created_at DESC LIMIT 20`,
  );

export const claimsOfAccount = (db: Db, accountId: string) =>
  rows<{ wishId: string; title: string; status: string; claimedAt: string }>(
    db,
    sql`SELECT c.wish_id AS "wishId", w.title, c.status, ${isoText('c.claimed_at')} AS "claimedAt"
      FROM wish_claims c JOIN wishes w ON w.id = c.wish_id WHERE c.public_account_id = ${accountId} ORDER BY c.claimed_at DESC LIMIT 10`,
  );

export const openWishesNear = (db: Db, street: string, today: string) =>
  rows<{ id: string; title: string; label: string; deadline: string }>(
    db,
    sql`SELECT id, title, coalesce(public_label, '') AS label, deadline::text AS deadline FROM wish_board
      WHERE status = 'published' AND deadline >= ${today}::date AND ${inArea(sql`area_code`, street)} ORDER BY published_at DESC, id LIMIT 5`,
  );
