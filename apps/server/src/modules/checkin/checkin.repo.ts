// The check-in's own SQL: finding who a phone belongs to among the occasion's people. Marking
// present goes through attendance.repo.ts.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { OccasionKind } from '../attendance/attendance.repo.ts';

/** A registered resident of the occasion's area with this name and phone. */
export async function residentByPhone(db: Db, area: string, name: string, mobileHash: string): Promise<string | undefined> {
  const [found] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM residents WHERE phone_hash = ${mobileHash} AND name = ${name} AND status = 'active'
      AND ${inArea(sql`area_code`, area)} ORDER BY id LIMIT 1`,
  );
  return found?.id;
}

/**
 * Someone signed up by name only (no resident, no mobile): the first scan with their name
 * gives the row the mobile's index, so the scan marks that sign-up rather than adding a twin.
 */
export async function adoptNameOnlySignUp(
  db: Db,
  scope: string,
  kind: OccasionKind,
  occasionId: string,
  name: string,
  mobileHash: string,
): Promise<void> {
  await db.execute(sql`UPDATE attendance SET mobile_hash = ${mobileHash}
    WHERE id = (SELECT id FROM attendance WHERE occasion_kind = ${kind} AND occasion_id = ${occasionId}
        AND resident_id IS NULL AND mobile_hash IS NULL AND person_name = ${name} AND ${inArea(sql`area_code`, scope)}
        ORDER BY id LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM attendance WHERE occasion_kind = ${kind} AND occasion_id = ${occasionId}
        AND mobile_hash = ${mobileHash})`);
}

/** The attendance row a receipt names, with its occasion. */
export async function attendanceForReceipt(
  db: Db,
  scope: string,
  id: string,
): Promise<
  { id: string; kind: OccasionKind; occasionId: string; residentId: string | null; name: string; mobileHash: string | null } | undefined
> {
  const [found] = await rows<{
    id: string;
    kind: OccasionKind;
    occasionId: string;
    residentId: string | null;
    name: string;
    mobileHash: string | null;
  }>(
    db,
    sql`SELECT id, occasion_kind AS kind, occasion_id AS "occasionId", resident_id AS "residentId", person_name AS name,
        mobile_hash AS "mobileHash" FROM attendance WHERE id = ${id} AND ${inArea(sql`area_code`, scope)}`,
  );
  return found;
}
