// SQL of volunteer service: an activity's posts and sign-ups, service-hours records and their
// history, and what a volunteer's phone reads of its own (as the owner, by volunteer id).
import type { ServiceHoursRecord, VolunteerPost, VolunteerSignup } from '@wushe/core';
import { inArea, isoText, rows, textArray, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export const postsOf = (db: Db, scope: string, activityId: string) =>
  rows<VolunteerPost>(
    db,
    sql`SELECT p.id, p.activity_id AS "activityId", p.title, p.duty, p.skills, p.slots, p.status, p.version,
        (SELECT count(*)::int FROM volunteer_signups s WHERE s.post_id = p.id AND s.status = 'accepted') AS accepted,
        (SELECT count(*)::int FROM volunteer_signups s WHERE s.post_id = p.id AND s.status = 'applied') AS applied
      FROM volunteer_posts p WHERE p.activity_id = ${activityId} AND ${inArea(sql`p.area_code`, scope)} ORDER BY p.created_at, p.id`,
  );

/** The post, locked for the rest of the transaction (accepting counts its places). */
export const lockPost = async (db: Db, scope: string, id: string) =>
  (
    await rows<{ id: string; activityId: string; areaCode: string; slots: number; status: string; version: number }>(
      db,
      sql`SELECT id, activity_id AS "activityId", area_code AS "areaCode", slots, status, version FROM volunteer_posts
        WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} FOR UPDATE`,
    )
  )[0];

export const acceptedCount = async (db: Db, postId: string) =>
  Number(
    (
      await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM volunteer_signups WHERE post_id = ${postId} AND status = 'accepted'`)
    )[0]!.n,
  );

export async function insertPost(
  db: Db,
  p: { id: string; activityId: string; areaCode: string; title: string; duty: string | null; skills: string[]; slots: number; by: string },
) {
  await db.execute(sql`INSERT INTO volunteer_posts (id, activity_id, area_code, title, duty, skills, slots, created_by)
    VALUES (${p.id}, ${p.activityId}, ${p.areaCode}, ${p.title}, ${p.duty}, ${textArray(p.skills)}, ${p.slots}, ${p.by})`);
}

export async function updatePost(db: Db, scope: string, id: string, version: number, c: Record<string, unknown>): Promise<boolean> {
  const sets = [sql`version = version + 1`];
  if (c.title !== undefined) sets.push(sql`title = ${c.title}`);
  if (c.duty !== undefined) sets.push(sql`duty = ${c.duty}`);
  if (c.skills !== undefined) sets.push(sql`skills = ${textArray(c.skills as string[])}`);
  if (c.slots !== undefined) sets.push(sql`slots = ${c.slots}`);
  if (c.status !== undefined) sets.push(sql`status = ${c.status}`);
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE volunteer_posts SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} AND ${inArea(sql`area_code`, scope)} RETURNING id`,
  );
  return res.length > 0;
}

const SIGNUP = sql`s.id, s.post_id AS "postId", s.volunteer_id AS "volunteerId", s.volunteer_no AS "volunteerNo", s.volunteer_name AS name,
  coalesce(v.skills, '{}') AS skills, s.status, s.source, ${isoText('s.created_at')} AS "createdAt", s.version`;

export const signupsOf = (db: Db, scope: string, activityId: string) =>
  rows<VolunteerSignup>(
    db,
    sql`SELECT ${SIGNUP} FROM volunteer_signups s LEFT JOIN volunteers v ON v.id = s.volunteer_id
      WHERE s.activity_id = ${activityId} AND ${inArea(sql`s.area_code`, scope)} ORDER BY s.created_at, s.id`,
  );

export const signupById = async (db: Db, scope: string, id: string) =>
  (
    await rows<VolunteerSignup & { activityId: string; areaCode: string }>(
      db,
      sql`SELECT ${SIGNUP}, s.activity_id AS "activityId", s.area_code AS "areaCode" FROM volunteer_signups s
        LEFT JOIN volunteers v ON v.id = s.volunteer_id WHERE s.id = ${id} AND ${inArea(sql`s.area_code`, scope)}`,
    )
  )[0];

/** A sign-up (or a withdrawn or declined one applied for again); the row either way. */
export async function upsertSignup(
  db: Db,
  s: {
    id: string;
    postId: string;
    activityId: string;
    areaCode: string;
    volunteerId: string;
    name: string;
    no: string;
    status: string;
    source: string;
    by: string | null;
  },
) {
  const [row] = await rows<{ id: string; status: string; fresh: boolean }>(
    db,
    sql`INSERT INTO volunteer_signups (id, post_id, activity_id, volunteer_id, area_code, volunteer_name, volunteer_no, status, source, decided_by, decided_at)
      VALUES (${s.id}, ${s.postId}, ${s.activityId}, ${s.volunteerId}, ${s.areaCode}, ${s.name}, ${s.no}, ${s.status}, ${s.source}, ${s.by},
        ${s.status === 'accepted' ? sql`now()` : null})
      ON CONFLICT (post_id, volunteer_id) DO UPDATE SET status = EXCLUDED.status, source = EXCLUDED.source, version = volunteer_signups.version + 1,
        decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at
        WHERE volunteer_signups.status IN ('withdrawn', 'declined') OR (EXCLUDED.status = 'accepted' AND volunteer_signups.status = 'applied')
      RETURNING id, status, (xmax = 0) AS fresh`,
  );
  return row;
}

export async function setSignupStatus(db: Db, scope: string, id: string, version: number | null, status: string, by: string | null) {
  const res = await rows<{ id: string }>(
    db,
    sql`UPDATE volunteer_signups SET status = ${status}, version = version + 1, decided_by = ${by}, decided_at = now()
      WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} ${version === null ? sql`` : sql`AND version = ${version}`} RETURNING id`,
  );
  return res.length > 0;
}

/** Is the volunteer accepted on any post of the activity? */
export const acceptedOn = async (db: Db, activityId: string, volunteerId: string) =>
  (
    await rows<{ ok: boolean }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM volunteer_signups WHERE activity_id = ${activityId} AND volunteer_id = ${volunteerId} AND status = 'accepted') AS ok`,
    )
  )[0]!.ok;

// ---- Hours

const HOURS = sql`h.id, h.activity_id AS "activityId", h.volunteer_id AS "volunteerId", h.volunteer_no AS "volunteerNo", h.volunteer_name AS name,
  ${isoText('h.checkin_at')} AS "checkinAt", ${isoText('h.checkout_at')} AS "checkoutAt", h.checkin_method AS "checkinMethod",
  h.checkout_method AS "checkoutMethod", h.minutes, h.credited_minutes AS "creditedMinutes", h.flag IS NOT NULL AS "missingCheckout",
  h.status, h.correction_reason AS "correctionReason", h.version`;

export const hoursOfActivity = (db: Db, scope: string, activityId: string) =>
  rows<ServiceHoursRecord>(
    db,
    sql`SELECT ${HOURS} FROM service_hours h WHERE h.activity_id = ${activityId} AND ${inArea(sql`h.area_code`, scope)}
      ORDER BY h.checkin_at, h.id`,
  );

export type HoursRow = ServiceHoursRecord & { areaCode: string };

export const hoursRecord = async (db: Db, scope: string, activityId: string, volunteerId: string) =>
  (
    await rows<HoursRow>(
      db,
      sql`SELECT ${HOURS}, h.area_code AS "areaCode" FROM service_hours h
        WHERE h.activity_id = ${activityId} AND h.volunteer_id = ${volunteerId} AND ${inArea(sql`h.area_code`, scope)} FOR UPDATE`,
    )
  )[0];

export const hoursByIds = (db: Db, scope: string, activityId: string, ids: readonly string[]) =>
  rows<HoursRow>(
    db,
    sql`SELECT ${HOURS}, h.area_code AS "areaCode" FROM service_hours h
      WHERE h.activity_id = ${activityId} AND h.id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) AND ${inArea(sql`h.area_code`, scope)} ORDER BY h.id FOR UPDATE`,
  );

/** A check-in; false when the volunteer has a record for the activity already (a double tap). */
export async function insertCheckin(
  db: Db,
  h: {
    id: string;
    activityId: string;
    volunteerId: string;
    areaCode: string;
    name: string;
    no: string;
    at: Date;
    method: string;
    servedOn: string;
  },
): Promise<boolean> {
  const res = await rows<{ id: string }>(
    db,
    sql`INSERT INTO service_hours (id, activity_id, volunteer_id, area_code, volunteer_name, volunteer_no, checkin_at, checkin_method, served_on)
      VALUES (${h.id}, ${h.activityId}, ${h.volunteerId}, ${h.areaCode}, ${h.name}, ${h.no}, ${h.at}, ${h.method}, ${h.servedOn})
      ON CONFLICT (activity_id, volunteer_id) DO NOTHING RETURNING id`,
  );
  return res.length > 0;
}

export async function closeRecord(db: Db, id: string, c: { checkoutAt: Date; method: string; minutes: number; flagged: boolean }) {
  await db.execute(sql`UPDATE service_hours SET checkout_at = ${c.checkoutAt}, checkout_method = ${c.method}, minutes = ${c.minutes},
      flag = ${c.flagged ? 'missing_checkout' : null}, status = 'pending', version = version + 1 WHERE id = ${id} AND status = 'open'`);
}

export async function decideRecord(
  db: Db,
  id: string,
  c: { status: 'approved' | 'declined'; credited: number; reason: string | null; by: string; at: Date },
) {
  await db.execute(sql`UPDATE service_hours SET status = ${c.status}, credited_minutes = ${c.credited}, correction_reason = ${c.reason},
      decided_by = ${c.by}, decided_at = ${c.at}, version = version + 1 WHERE id = ${id}`);
}

export async function insertHoursEvent(
  db: Db,
  e: {
    id: string;
    hoursId: string;
    areaCode: string;
    action: string;
    before: number | null;
    after: number | null;
    reason: string | null;
    actor: string | null;
    at: Date;
  },
) {
  await db.execute(sql`INSERT INTO service_hour_events (id, hours_id, area_code, action, minutes_before, minutes_after, reason, actor_name, at)
    VALUES (${e.id}, ${e.hoursId}, ${e.areaCode}, ${e.action}, ${e.before}, ${e.after}, ${e.reason}, ${e.actor}, ${e.at})`);
}

export const hoursEvents = (db: Db, scope: string, hoursId: string) =>
  rows<{
    action: 'checkin';
    minutesBefore: number | null;
    minutesAfter: number | null;
    reason: string | null;
    actorName: string | null;
    at: string;
  }>(
    db,
    sql`SELECT action, minutes_before AS "minutesBefore", minutes_after AS "minutesAfter", reason, actor_name AS "actorName", ${isoText('at')} AS at
      FROM service_hour_events WHERE hours_id = ${hoursId} AND ${inArea(sql`area_code`, scope)} ORDER BY at, id`,
  );

/** Open records of activities that ended before `now` (system scope), oldest first. */
export const openPastEnd = (db: Db, now: Date, limit: number) =>
  rows<{ id: string; areaCode: string; checkinAt: string; startsAt: string; endsAt: string }>(
    db,
    sql`SELECT h.id, h.area_code AS "areaCode", ${isoText('h.checkin_at')} AS "checkinAt", ${isoText('a.starts_at')} AS "startsAt",
        ${isoText('a.ends_at')} AS "endsAt"
      FROM service_hours h JOIN activities a ON a.id = h.activity_id
      WHERE h.status = 'open' AND a.ends_at < ${now} ORDER BY a.ends_at, h.id LIMIT ${limit} FOR UPDATE OF h SKIP LOCKED`,
  );

/** Where a post belongs (read as the owner: a phone finds the post by its id). */
export const postArea = async (db: Db, id: string) =>
  (
    await rows<{ activityId: string; areaCode: string }>(
      db,
      sql`SELECT activity_id AS "activityId", area_code AS "areaCode" FROM volunteer_posts WHERE id = ${id}`,
    )
  )[0];
