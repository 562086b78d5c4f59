// Community activities' SQL (社区活动): the activity rows under the caller's scope, the list
// with its sign-up and present counts, and the checks a write needs (organiser, residents,
// photos). Attendance and satisfaction rows go through attendance.repo.ts.
import { inArea, likeContains, pagedRows, rows, textArray, updateVersioned, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface ActivityRow {
  id: string;
  areaCode: string;
  areaName: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  organiserId: string;
  organiserName: string;
  targetGroup: string | null;
  status: 'planned' | 'held' | 'cancelled';
  signedUp: number;
  present: number;
}

export interface ActivityFull extends ActivityRow {
  description: string | null;
  partners: string[];
  orgId: string | null;
  orgName: string | null;
  summary: string | null;
  photoIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

const COUNTS = sql`(SELECT count(signed_up_at)::int FROM attendance x WHERE x.occasion_kind = 'activity' AND x.occasion_id = ac.id) AS "signedUp",
  (SELECT count(attended_at)::int FROM attendance x WHERE x.occasion_kind = 'activity' AND x.occasion_id = ac.id) AS present`;

const SUMMARY = sql`ac.id, ac.area_code AS "areaCode", coalesce(a.name, '') AS "areaName", ac.title, ac.place,
  ${iso('ac.starts_at')} AS "startsAt", ${iso('ac.ends_at')} AS "endsAt", ac.capacity, ac.organiser_id AS "organiserId",
  u.display_name AS "organiserName", ac.target_group AS "targetGroup", ac.status, ${COUNTS}`;

const FROM = sql`FROM activities ac JOIN users u ON u.id = ac.organiser_id LEFT JOIN areas a ON a.code = ac.area_code`;

export async function activityById(db: Db, scope: string, id: string): Promise<ActivityFull | undefined> {
  const [found] = await rows<ActivityFull>(
    db,
    sql`SELECT ${SUMMARY}, ac.description, ac.partners, ac.org_id AS "orgId", o.name AS "orgName", ac.summary,
        ac.photo_ids AS "photoIds", ac.version, ${iso('ac.created_at')} AS "createdAt", ${iso('ac.updated_at')} AS "updatedAt"
      ${FROM} LEFT JOIN orgs o ON o.id = ac.org_id
      WHERE ac.id = ${id} AND ${inArea(sql`ac.area_code`, scope)}`,
  );
  return found;
}

export interface ActivityFilter {
  prefix: string;
  q?: string;
  status?: string;
  from?: string;
  to?: string;
  organiserId?: string;
  sort: string;
  limit: number;
  offset: number;
}

const ORDER: Record<string, SQL> = {
  '-startsAt': sql`ac.starts_at DESC, ac.id DESC`,
  startsAt: sql`ac.starts_at, ac.id`,
  title: sql`ac.title, ac.id`,
};

export function listActivities(db: Db, f: ActivityFilter) {
  const where: SQL[] = [inArea(sql`ac.area_code`, f.prefix)];
  if (f.q) where.push(sql`(ac.title LIKE ${likeContains(f.q)} OR ac.place LIKE ${likeContains(f.q)})`);
  if (f.status) where.push(sql`ac.status = ${f.status}`);
  // Days are Shanghai days: an activity at 07:00 on the 1st (23:00Z the day before) is on the 1st.
  if (f.from) where.push(sql`ac.starts_at >= (${f.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.to) where.push(sql`ac.starts_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.organiserId) where.push(sql`ac.organiser_id = ${f.organiserId}`);
  const cond = sql.join(where, sql` AND `);
  return pagedRows<ActivityRow>(
    db,
    sql`SELECT ${SUMMARY}, count(*) OVER () AS total ${FROM} WHERE ${cond}
      ORDER BY ${ORDER[f.sort] ?? ORDER['-startsAt']!} LIMIT ${f.limit} OFFSET ${f.offset}`,
    sql`SELECT count(*) AS n ${FROM} WHERE ${cond}`,
    f.offset,
  );
}

export interface NewActivity {
  id: string;
  areaCode: string;
  orgId: string | null;
  title: string;
  description: string | null;
  targetGroup: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  organiserId: string;
  partners: string[];
  createdBy: string;
}

export async function insertActivity(db: Db, a: NewActivity): Promise<void> {
  await db.execute(sql`INSERT INTO activities (id, area_code, org_id, title, description, target_group, place, starts_at, ends_at,
      capacity, organiser_id, partners, created_by)
    VALUES (${a.id}, ${a.areaCode}, ${a.orgId}, ${a.title}, ${a.description}, ${a.targetGroup}, ${a.place}, ${a.startsAt},
      ${a.endsAt}, ${a.capacity}, ${a.organiserId}, ${textArray(a.partners)}, ${a.createdBy})`);
}

const UPDATABLE: Record<string, string> = {
  title: 'title',
  description: 'description',
  targetGroup: 'target_group',
  place: 'place',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  capacity: 'capacity',
  organiserId: 'organiser_id',
  status: 'status',
  summary: 'summary',
};

/** Applies changes if the version still matches; false on a stale version. */
export async function updateActivity(
  db: Db,
  scope: string,
  id: string,
  version: number,
  changes: Record<string, unknown> & { partners?: string[]; photoIds?: string[] },
): Promise<boolean> {
  const { partners, photoIds, ...plain } = changes;
  const ok = await updateVersioned(db, 'activities', UPDATABLE, { id, scope, version }, plain);
  if (ok && partners) await db.execute(sql`UPDATE activities SET partners = ${textArray(partners)} WHERE id = ${id}`);
  if (ok && photoIds) await db.execute(sql`UPDATE activities SET photo_ids = ${textArray(photoIds)}::uuid[] WHERE id = ${id}`);
  return ok;
}

/** Active workers of the area (any role that may write activities). */
export async function activityWorker(db: Db, scope: string, id: string): Promise<{ id: string; orgId: string | null } | undefined> {
  const [found] = await rows<{ id: string; orgId: string | null }>(
    db,
    sql`SELECT u.id, u.org_id AS "orgId" FROM users u JOIN roles r ON r.id = u.role_id
      WHERE u.id = ${id} AND u.status = 'active' AND 'activity.write' = ANY (r.permissions) AND ${inArea(sql`u.area_code`, scope)}`,
  );
  return found;
}

/** Residents of the scope among `ids`, with their names. */
export function residentsIn(db: Db, scope: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return Promise.resolve([]);
  return rows(
    db,
    sql`SELECT id, name FROM residents WHERE id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`area_code`, scope)}`,
  );
}

/** Attachments in scope among `ids`. */
export async function photosIn(db: Db, scope: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM attachments WHERE id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND ${inArea(sql`area_code`, scope)}`,
  );
  return found.map((r) => r.id);
}

/** Locks the activity row so concurrent sign-ups count capacity one after the other. */
export async function lockActivity(db: Db, scope: string, id: string): Promise<void> {
  await db.execute(sql`SELECT id FROM activities WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} FOR UPDATE`);
}

/** The attendance row of this activity with that id (for un-ticking or recording satisfaction). */
export async function activityAttendance(
  db: Db,
  scope: string,
  activityId: string,
  attendanceId: string,
): Promise<{ id: string; residentId: string | null; name: string; mobileHash: string | null } | undefined> {
  const [found] = await rows<{ id: string; residentId: string | null; name: string; mobileHash: string | null }>(
    db,
    sql`SELECT id, resident_id AS "residentId", person_name AS name, mobile_hash AS "mobileHash" FROM attendance
      WHERE id = ${attendanceId} AND occasion_kind = 'activity' AND occasion_id = ${activityId} AND ${inArea(sql`area_code`, scope)}`,
  );
  return found;
}

/** Satisfaction answered for each of the given activities: count and mean are computed by the caller. */
export async function satisfactionScores(db: Db, scope: string, id: string): Promise<number[]> {
  const found = await rows<{ score: number }>(
    db,
    sql`SELECT score FROM satisfaction WHERE subject_kind = 'activity' AND subject_id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return found.map((r) => r.score);
}

/** What the check-in shows and needs of an activity (scope '' for the public page, as the owner). */
export async function activityFacts(db: Db, scope: string, id: string) {
  const [found] = await rows<{
    title: string;
    place: string;
    startsAt: string;
    endsAt: string;
    areaCode: string;
    workerId: string;
    orgName: string | null;
    cancelled: boolean;
  }>(
    db,
    sql`SELECT ac.title, ac.place, ${iso('ac.starts_at')} AS "startsAt", ${iso('ac.ends_at')} AS "endsAt", ac.area_code AS "areaCode",
        ac.organiser_id AS "workerId", o.name AS "orgName", ac.status = 'cancelled' AS cancelled
      FROM activities ac LEFT JOIN orgs o ON o.id = ac.org_id WHERE ac.id = ${id} AND ${inArea(sql`ac.area_code`, scope)}`,
  );
  return found;
}
