// Test data for the care modules: residents inserted as the owner in their stored form
// (prepareResident: sealed identity, masks, due date), and contacts placed on exact dates.
import { shanghaiToday, type CareLevel } from '@wushe/core';
import { nextDueDate, DEFAULT_VISIT_INTERVALS } from '@wushe/core';
import { prepareResident, schema, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { TestApp } from './harness.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A valid 18-digit resident ID (GB 11643) for 湖里区, unique per sequence number. */
export function idNumber(seq: number, birth = '19450312'): string {
  const body = `350206${birth}${String(seq % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return body + CHECK[sum % 11];
}

let counter = 0;

export interface ResidentSpec {
  areaCode?: string;
  careLevel?: CareLevel;
  name?: string;
  registeredOn?: string;
  lastContactOn?: string | null;
  householdId?: string | null;
  assignedWorkerId?: string | null;
  status?: string;
}

export async function createResident(t: TestApp, spec: ResidentSpec = {}): Promise<{ id: string; name: string; areaCode: string }> {
  counter += 1;
  const today = shanghaiToday(new Date());
  const registeredOn = spec.registeredOn ?? today;
  const careLevel = spec.careLevel ?? 3;
  const name = spec.name ?? `测试${counter}`;
  // Distinct birth years keep ID numbers unique across calls within one database.
  const birth = `19${String(20 + Math.floor(counter / 900)).padStart(2, '0')}0101`;
  const prepared = prepareResident(
    t.services.keys,
    {
      name,
      documentType: 'resident_id',
      idNumber: idNumber(counter, birth),
      areaCode: spec.areaCode ?? '350206004001',
      householdMembers: [],
      emergencyContacts: [],
      householdId: spec.householdId ?? null,
      categories: ['living_alone'],
      careLevel,
      consent: { purpose: '建档服务', date: registeredOn, givenBy: name, byGuardian: false },
      assignedWorkerId: spec.assignedWorkerId ?? null,
      allowPossibleDuplicate: false,
    },
    today,
  );
  if (!prepared.ok) throw new Error(`bad resident: ${JSON.stringify(prepared.problems)}`);
  const id = uuidv7();
  const last = spec.lastContactOn ?? null;
  await t.database.owner((db) =>
    db.insert(schema.residents).values({
      ...(prepared.values as typeof schema.residents.$inferInsert),
      id,
      registeredOn,
      lastContactOn: last,
      status: spec.status ?? 'active',
      nextDueOn: nextDueDate(last ?? registeredOn, DEFAULT_VISIT_INTERVALS[careLevel]),
    }),
  );
  return { id, name, areaCode: spec.areaCode ?? '350206004001' };
}

/** A contact on a given business date (noon in Shanghai), straight into the table. */
export async function placeContact(t: TestApp, residentId: string, areaCode: string, occurredOn: string): Promise<void> {
  await t.database.owner((db) =>
    db.execute(sql`INSERT INTO contacts (id, resident_id, area_code, kind, occurred_at, occurred_on)
      VALUES (${uuidv7()}, ${residentId}, ${areaCode}, 'home_visit', ${`${occurredOn}T04:00:00Z`}::timestamptz, ${occurredOn})`),
  );
}

/** A user's id by username (owner read). */
export async function userId(t: TestApp, username: string): Promise<string> {
  const res = await t.database.owner((db) => db.execute(sql`SELECT id FROM users WHERE username = ${username}`));
  return (res as unknown as { rows: { id: string }[] }).rows[0]!.id;
}
