// The attendance row of a registrant at a session (to un-tick it).
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export async function attendanceIdByKey(db: Db, scope: string, sessionId: string, personKey: string): Promise<string | undefined> {
  const [found] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM attendance WHERE occasion_kind = 'training_session' AND occasion_id = ${sessionId} AND person_key = ${personKey}
      AND ${inArea(sql`area_code`, scope)}`,
  );
  return found?.id;
}
