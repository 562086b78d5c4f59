// The demo volunteers' reads (volunteers.demo.ts), as the owner at seed time.
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export const volunteerCount = async (db: Db) => (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM volunteers`))[0]?.n ?? 0;

/** The communities of the demo streets, in code order. */
export const communitiesOf = (db: Db, street: string) =>
  rows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM areas WHERE parent_code = ${street} AND level = 'community' ORDER BY code`,
  );

/** The demo streets' activities with their times, oldest first. */
export const demoActivities = (db: Db) =>
  rows<{ id: string; areaCode: string; title: string; startsAt: string; endsAt: string; status: string; organiserId: string }>(
    db,
    sql`SELECT id, area_code AS "areaCode", title, starts_at AS "startsAt", ends_at AS "endsAt", status, organiser_id AS "organiserId"
      FROM activities ORDER BY starts_at, id`,
  );

export const setVolunteerSeq = (db: Db, n: number) => db.execute(sql`SELECT setval('volunteer_no_seq', ${n})`);
