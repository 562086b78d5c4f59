// The SQL of an urgent screening flag: who is told, and the alert and follow-up rows.
import { inArea, rows, uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** Active station heads placed exactly at one of the given areas. */
export async function stationHeadsAt(db: Db, areaCodes: string[]): Promise<string[]> {
  const heads = await rows<{ id: string }>(
    db,
    sql`SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id
      WHERE u.status = 'active' AND r.code = 'station_head'
        AND u.area_code IN (${sql.join(
          areaCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
      ORDER BY u.id`,
  );
  return heads.map((h) => h.id);
}

/** Active holders of resident.merge anywhere under a prefix (a street). */
export async function mergersUnder(db: Db, prefix: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id
      WHERE u.status = 'active' AND 'resident.merge' = ANY (r.permissions) AND ${inArea(sql`u.area_code`, prefix)}
      ORDER BY u.id`,
  );
  return found.map((h) => h.id);
}

export async function insertNotification(
  db: Db,
  n: { userId: string; areaCode: string; kind: string; title: string; body: string; link: string },
): Promise<void> {
  await db.execute(sql`INSERT INTO notifications (id, user_id, area_code, kind, title, body, link)
    VALUES (${uuidv7()}, ${n.userId}, ${n.areaCode}, ${n.kind}, ${n.title}, ${n.body}, ${n.link})`);
}

export async function insertFollowUp(
  db: Db,
  f: { id: string; residentId: string; areaCode: string; reason: string; assessmentId: string; dueAt: Date; assignedTo: string },
): Promise<void> {
  await db.execute(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, assessment_id, due_at, assigned_to)
    VALUES (${f.id}, ${f.residentId}, ${f.areaCode}, ${f.reason}, ${f.assessmentId}, ${f.dueAt.toISOString()}::timestamptz, ${f.assignedTo})`);
}
