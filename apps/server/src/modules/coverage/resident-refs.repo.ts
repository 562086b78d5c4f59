// The small resident reads the care modules (contacts, assessments) share. The residents
// module owns registration; these only read what visits and assessments move.
import type { CareLevel } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

export interface ResidentRef {
  id: string;
  areaCode: string;
  name: string;
  careLevel: CareLevel;
  status: string;
  registeredOn: string;
  lastContactOn: string | null;
  householdId: string | null;
  assignedWorkerId: string | null;
}

const REF = sql`id, area_code AS "areaCode", name, care_level AS "careLevel", status, registered_on::text AS "registeredOn",
  last_contact_on::text AS "lastContactOn", household_id AS "householdId", assigned_worker_id AS "assignedWorkerId"`;

/** A resident in the caller's scope (merged records are gone for every purpose here). */
export async function residentRef(db: Db, scope: string, id: string, forUpdate = false): Promise<ResidentRef | undefined> {
  const found = await rows<ResidentRef>(
    db,
    sql`SELECT ${REF} FROM residents WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} AND status <> 'merged'
      ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return found[0] && { ...found[0], careLevel: Number(found[0].careLevel) as CareLevel };
}

/** Active residents sharing a household, in scope, locked for the due-date update. */
export async function householdRefs(db: Db, scope: string, householdId: string): Promise<ResidentRef[]> {
  const found = await rows<ResidentRef>(
    db,
    sql`SELECT ${REF} FROM residents WHERE household_id = ${householdId} AND ${inArea(sql`area_code`, scope)} AND status = 'active'
      ORDER BY id FOR UPDATE`,
  );
  return found.map((r) => ({ ...r, careLevel: Number(r.careLevel) as CareLevel }));
}
