// What the public site reads of volunteering: open posts through the volunteer_post_board view
// (no volunteer), and a volunteer's own sign-ups with their hours (as the owner, by volunteer id).
import type { MySignup, PublicPost } from '@wushe/core';
import { inArea, isoText, likeContains, pagedRows, rows, textArray, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface PostBoardFilter {
  prefix: string;
  skill?: string;
  q?: string;
  now: Date;
  limit: number;
  offset: number;
}

function conditions(f: PostBoardFilter): SQL {
  const where = [inArea(sql`b.area_code`, f.prefix), sql`b.ends_at > ${f.now}`];
  if (f.skill) where.push(sql`b.skills @> ${textArray([f.skill])}`);
  if (f.q) where.push(sql`(b.title LIKE ${likeContains(f.q)} OR b.activity_title LIKE ${likeContains(f.q)})`);
  return sql.join(where, sql` AND `);
}

export const postBoard = (db: Db, f: PostBoardFilter) =>
  pagedRows<PublicPost>(
    db,
    sql`SELECT b.id, b.title, b.duty, b.skills, b.slots, b.accepted, b.activity_id AS "activityId", b.activity_title AS "activityTitle",
        b.place, coalesce(a.name, '') AS "areaName", ${isoText('b.starts_at')} AS "startsAt", ${isoText('b.ends_at')} AS "endsAt",
        count(*) OVER () AS total
      FROM volunteer_post_board b LEFT JOIN areas a ON a.code = b.area_code
      WHERE ${conditions(f)} ORDER BY b.starts_at, b.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n FROM volunteer_post_board b WHERE ${conditions(f)}`,
    f.offset,
  );

export const signupsOfVolunteer = (db: Db, volunteerId: string) =>
  rows<MySignup>(
    db,
    sql`SELECT s.id, s.post_id AS "postId", p.title AS "postTitle", a.id AS "activityId", a.title AS "activityTitle", a.place,
        ${isoText('a.starts_at')} AS "startsAt", ${isoText('a.ends_at')} AS "endsAt", s.status, h.status AS "hoursStatus",
        ${isoText('h.checkin_at')} AS "checkinAt", ${isoText('h.checkout_at')} AS "checkoutAt", h.credited_minutes AS "creditedMinutes"
      FROM volunteer_signups s JOIN volunteer_posts p ON p.id = s.post_id JOIN activities a ON a.id = s.activity_id
        LEFT JOIN service_hours h ON h.activity_id = s.activity_id AND h.volunteer_id = s.volunteer_id
      WHERE s.volunteer_id = ${volunteerId} ORDER BY a.starts_at DESC, s.id LIMIT 200`,
  );

/** The communities of the installation (for registering) and the active skills, in order. */
export async function registrationOptions(db: Db, scope: string) {
  const communities = await rows<{ code: string; name: string; streetName: string }>(
    db,
    sql`SELECT c.code, c.name, coalesce(s.name, '') AS "streetName" FROM areas c LEFT JOIN areas s ON s.code = c.parent_code
      WHERE c.level = 'community' AND ${inArea(sql`c.code`, scope)} ORDER BY c.code LIMIT 2000`,
  );
  const skills = await rows<{ code: string; labelZh: string; labelEn: string }>(
    db,
    sql`SELECT code, label_zh AS "labelZh", label_en AS "labelEn" FROM code_lists WHERE list = 'volunteer_skill' AND active ORDER BY sort, code`,
  );
  return { communities, skills };
}
