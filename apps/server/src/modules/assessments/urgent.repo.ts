// The SQL of an urgent screening flag: who is told, and the alert and follow-up rows.
import { rows, uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface Supervisor {
  id: string;
  displayName: string;
  areaCode: string;
  areaName: string;
}

/**
 * Active holders of resident.assign (station heads, the district bureau) placed exactly at each
 * of the given areas, with the area they sit at: the caller keeps the nearest level that has any.
 */
export async function supervisorsAt(db: Db, areaCodes: string[]): Promise<Supervisor[]> {
  if (!areaCodes.length) return [];
  return rows<Supervisor>(
    db,
    sql`SELECT u.id, u.display_name AS "displayName", u.area_code AS "areaCode", coalesce(a.name, u.area_code) AS "areaName"
      FROM users u JOIN roles r ON r.id = u.role_id LEFT JOIN areas a ON a.code = u.area_code
      WHERE u.status = 'active' AND 'resident.assign' = ANY (r.permissions)
        AND u.area_code IN (${sql.join(
          areaCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
      ORDER BY u.id`,
  );
}

/** The urgent follow-up's deadline setting (days after the flag's day; absent = the default). */
export async function urgentDaysSetting(db: Db): Promise<unknown> {
  const [row] = await rows<{ value: unknown }>(db, sql`SELECT value FROM settings WHERE key = 'urgent_follow_up'`);
  return row?.value;
}

/** `at`: when the event happened (default: now). */
export async function insertNotification(
  db: Db,
  n: { userId: string; areaCode: string; kind: string; title: string; body: string; link: string; at?: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO notifications (id, user_id, area_code, kind, title, body, link, created_at)
    VALUES (${uuidv7()}, ${n.userId}, ${n.areaCode}, ${n.kind}, ${n.title}, ${n.body}, ${n.link},
      coalesce(${n.at?.toISOString() ?? null}::timestamptz, now()))`);
}

export async function insertFollowUp(
  db: Db,
  f: { id: string; residentId: string; areaCode: string; reason: string; assessmentId: string; dueAt: Date; assignedTo: string },
): Promise<void> {
  await db.execute(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, assessment_id, due_at, assigned_to)
    VALUES (${f.id}, ${f.residentId}, ${f.areaCode}, ${f.reason}, ${f.assessmentId}, ${f.dueAt.toISOString()}::timestamptz, ${f.assignedTo})`);
}

export async function saveUrgentDays(db: Db, days: number): Promise<void> {
  await db.execute(sql`INSERT INTO settings (key, value, updated_at) VALUES ('urgent_follow_up', ${JSON.stringify({ days })}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
}
