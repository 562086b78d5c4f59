// Status and community history (resident_status_changes, migration 0015): the one function every
// write that changes a resident's status or community calls (edit, import, merge, transfer), so
// coverage for a past date can read the state in force then.
import { uuidv7, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface StatusChange {
  residentId: string;
  /** Before and after; pass the same value twice for the one that did not change. */
  fromStatus: string;
  toStatus: string;
  fromArea: string;
  toArea: string;
  reason: string | null;
  changedBy: string | null;
  /** When it took effect (default: now). */
  changedAt?: Date;
}

/** Records a change of status or community (nothing when neither changed). */
export async function recordStatusChange(db: Db, c: StatusChange): Promise<void> {
  if (c.fromStatus === c.toStatus && c.fromArea === c.toArea) return;
  await db.execute(sql`INSERT INTO resident_status_changes (id, resident_id, area_code, from_status, to_status, from_area, reason, changed_by, changed_at)
    VALUES (${uuidv7()}, ${c.residentId}, ${c.toArea}, ${c.fromStatus}, ${c.toStatus}, ${c.fromArea}, ${c.reason}, ${c.changedBy},
      coalesce(${c.changedAt?.toISOString() ?? null}::timestamptz, now()))`);
}
