// The resident write path's SQL (residents.write.ts holds the rules): the stored row, the
// reference checks in one round trip, inserts and versioned updates, care-level history, and
// the rows about a resident (RESIDENT_LINKED_TABLES) moved with it or to a merge survivor.
import { inArea, RESIDENT_LINKED_TABLES, RESIDENT_LINKED_THROUGH, rows, textArray, uuidv7, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface RefRow {
  level: string | null;
  cats: string[] | null;
  status_ok: boolean;
  worker_ok: boolean;
  household_ok: boolean;
}

/** The area's level (in scope), the active categories among those given, and whether the status code, worker and household exist in scope. */
export async function referenceFacts(
  db: Db,
  scope: string,
  r: {
    areaCode?: string;
    categories: string[];
    assistanceStatus?: string | null;
    assignedWorkerId?: string | null;
    householdId?: string | null;
  },
): Promise<RefRow | undefined> {
  const [found] = await rows<RefRow>(
    db,
    sql`SELECT
      (SELECT level FROM areas WHERE code = ${r.areaCode ?? ''} AND ${inArea(sql`code`, scope)}) AS level,
      (SELECT array_agg(code) FROM code_lists WHERE list = 'resident_category' AND active AND code = ANY(${textArray(r.categories)})) AS cats,
      EXISTS (SELECT 1 FROM code_lists WHERE list = 'assistance_status' AND active AND code = ${r.assistanceStatus ?? ''}) AS status_ok,
      EXISTS (SELECT 1 FROM users WHERE id = ${r.assignedWorkerId ?? null}::uuid AND ${inArea(sql`area_code`, scope)}) AS worker_ok,
      EXISTS (SELECT 1 FROM residents WHERE (id = ${r.householdId ?? null}::uuid OR household_id = ${r.householdId ?? null}::uuid)
        AND ${inArea(sql`area_code`, scope)} AND status <> 'merged') AS household_ok`,
  );
  return found;
}

/** The stored form of a resident (sealed columns as stored; dates as YYYY-MM-DD). */
export interface ResidentRow {
  id: string;
  areaCode: string;
  name: string;
  documentType: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  sex: string | null;
  birthDate: string | null;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  address: string | null;
  familyCipher: string | null;
  householdId: string | null;
  categories: string[];
  assistanceStatus: string | null;
  careLevel: number;
  healthCipher: string | null;
  notes: string | null;
  consent: unknown;
  assignedWorkerId: string | null;
  status: string;
  mergedInto: string | null;
  registeredOn: string;
  lastContactOn: string | null;
  nextDueOn: string;
  version: number;
}

/** Writable columns: camelCase value key → column. */
export const RESIDENT_COLUMNS: Record<string, string> = {
  areaCode: 'area_code',
  name: 'name',
  nameInitials: 'name_initials',
  nameGrams: 'name_grams',
  namePinyin: 'name_pinyin',
  documentType: 'document_type',
  idCipher: 'id_cipher',
  idHash: 'id_hash',
  idMasked: 'id_masked',
  idTail4Hash: 'id_tail4_hash',
  idTail6Hash: 'id_tail6_hash',
  sex: 'sex',
  birthDate: 'birth_date',
  phoneCipher: 'phone_cipher',
  phoneHash: 'phone_hash',
  phoneMasked: 'phone_masked',
  address: 'address',
  familyCipher: 'family_cipher',
  householdId: 'household_id',
  categories: 'categories',
  assistanceStatus: 'assistance_status',
  careLevel: 'care_level',
  healthCipher: 'health_cipher',
  notes: 'notes',
  consent: 'consent',
  assignedWorkerId: 'assigned_worker_id',
  status: 'status',
  mergedInto: 'merged_into',
  registeredOn: 'registered_on',
  lastContactOn: 'last_contact_on',
  nextDueOn: 'next_due_on',
};

const ARRAY_COLUMNS = new Set(['nameGrams', 'categories']);
const valueSql = (key: string, v: unknown): SQL =>
  v === null || v === undefined
    ? sql`NULL`
    : ARRAY_COLUMNS.has(key)
      ? textArray(v as string[])
      : key === 'consent'
        ? sql`${JSON.stringify(v)}::jsonb`
        : sql`${v}`;

const ROW_SELECT = sql`SELECT id, area_code AS "areaCode", name, document_type AS "documentType", id_cipher AS "idCipher",
  id_hash AS "idHash", id_masked AS "idMasked", sex, birth_date::text AS "birthDate", phone_cipher AS "phoneCipher",
  phone_hash AS "phoneHash", phone_masked AS "phoneMasked", address, family_cipher AS "familyCipher",
  household_id AS "householdId", categories, assistance_status AS "assistanceStatus", care_level AS "careLevel",
  health_cipher AS "healthCipher", notes, consent, assigned_worker_id AS "assignedWorkerId", status,
  merged_into AS "mergedInto", registered_on::text AS "registeredOn", last_contact_on::text AS "lastContactOn",
  next_due_on::text AS "nextDueOn", version FROM residents`;

/** One stored resident in scope (RLS and an explicit prefix), optionally locked for update. */
export async function residentRowById(db: Db, scope: string, id: string, lock = false): Promise<ResidentRow | undefined> {
  const [r] = await rows<ResidentRow>(
    db,
    sql`${ROW_SELECT} WHERE id = ${id} AND ${inArea(sql`area_code`, scope)} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return r;
}

/** The live (not merged) resident in the caller's scope holding this ID blind index, if any. */
export async function findExistingByIdHash(db: Db, idHash: string, scope = ''): Promise<ResidentRow | undefined> {
  const [r] = await rows<ResidentRow>(
    db,
    sql`${ROW_SELECT} WHERE id_hash = ${idHash} AND status <> 'merged' AND ${inArea(sql`area_code`, scope)}`,
  );
  return r;
}

/** Is this ID blind index held by any live resident of the installation (beyond the caller's scope)? */
export async function idHashTakenAnywhere(db: Db, idHash: string, exceptId?: string | null): Promise<boolean> {
  const [r] = await rows<{ taken: boolean }>(db, sql`SELECT resident_id_hash_taken(${idHash}, ${exceptId ?? null}::uuid) AS taken`);
  return r?.taken === true;
}

/** Inserts a resident row: `keys` are the RESIDENT_COLUMNS keys present in `values`. */
export async function insertResidentRow(db: Db, id: string, createdBy: string, values: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(RESIDENT_COLUMNS).filter((k) => values[k] !== undefined);
  await db.execute(sql`INSERT INTO residents (id, created_by, ${sql.join(
    keys.map((k) => sql.identifier(RESIDENT_COLUMNS[k]!)),
    sql`, `,
  )})
    VALUES (${id}, ${createdBy}, ${sql.join(
      keys.map((k) => valueSql(k, values[k])),
      sql`, `,
    )})`);
}

/** A household named by another resident's id: that resident joins the household too. */
export async function foundHousehold(db: Db, householdId: string): Promise<void> {
  await db.execute(sql`UPDATE residents SET household_id = id WHERE id = ${householdId} AND household_id IS NULL`);
}

export async function insertCareLevelChange(
  db: Db,
  c: { residentId: string; areaCode: string; fromLevel: number | null; toLevel: number; reason: string | null; changedBy: string },
): Promise<void> {
  await db.execute(sql`INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_by)
    VALUES (${uuidv7()}, ${c.residentId}, ${c.areaCode}, ${c.fromLevel}, ${c.toLevel}, ${c.reason}, ${c.changedBy})`);
}

/** Writes the changed columns if the version read is still current; the new version, or undefined when stale. */
export async function updateResidentColumns(
  db: Db,
  id: string,
  version: number,
  diff: Record<string, unknown>,
): Promise<number | undefined> {
  const sets = Object.entries(diff).map(([k, v]) => sql`${sql.identifier(RESIDENT_COLUMNS[k]!)} = ${valueSql(k, v)}`);
  const [done] = await rows<{ version: number }>(
    db,
    sql`UPDATE residents SET ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
      WHERE id = ${id} AND version = ${version} RETURNING version`,
  );
  return done?.version;
}

/**
 * Rows that follow a linked row (attachments of the resident's contacts) take the area given;
 * those under a parent that keeps its own areas (a case's timeline) stay with it.
 */
async function moveFollowers(db: Db, residentId: string, areaCode: string): Promise<void> {
  for (const t of RESIDENT_LINKED_THROUGH) {
    const parent = RESIDENT_LINKED_TABLES.find((l) => l.table === t.parent)!;
    if (parent.keepsAreas) continue;
    await db.execute(
      sql`UPDATE ${sql.identifier(t.table)} SET area_code = ${areaCode} WHERE ${sql.identifier(t.column)} IN
        (SELECT id FROM ${sql.identifier(parent.table)} WHERE ${sql.identifier(parent.column)} = ${residentId})`,
    );
  }
}

/** A resident moved to another community takes the rows about them along (they are scoped by area). */
export async function moveLinkedRows(db: Db, residentId: string, areaCode: string): Promise<void> {
  for (const t of RESIDENT_LINKED_TABLES) {
    if (t.onAreaMove === 'keep' || t.keepsAreas) continue;
    await db.execute(sql`UPDATE ${sql.identifier(t.table)} SET area_code = ${areaCode} WHERE ${sql.identifier(t.column)} = ${residentId}`);
  }
  await moveFollowers(db, residentId, areaCode);
}

/** Merge: every row about the duplicate goes to the survivor and its area (histories stay: `keep`); how many per table. */
export async function reassignLinkedRows(db: Db, fromId: string, toId: string, areaCode: string): Promise<Record<string, number>> {
  await moveFollowers(db, fromId, areaCode);
  const moved: Record<string, number> = {};
  for (const t of RESIDENT_LINKED_TABLES) {
    if (t.onMerge === 'keep') continue;
    const col = sql.identifier(t.column);
    if (t.sameOccasion) {
      // One person once per occasion: the duplicate's row where the survivor was too is the same visit.
      const same = sql.join(
        t.sameOccasion.map((c) => sql`s.${sql.identifier(c)} = d.${sql.identifier(c)}`),
        sql` AND `,
      );
      await db.execute(
        sql`DELETE FROM ${sql.identifier(t.table)} d WHERE d.${col} = ${fromId}
          AND EXISTS (SELECT 1 FROM ${sql.identifier(t.table)} s WHERE s.${col} = ${toId} AND ${same})`,
      );
    }
    const res = await rows<{ id: string }>(
      db,
      sql`UPDATE ${sql.identifier(t.table)} SET ${col} = ${toId}${t.keepsAreas ? sql`` : sql`, area_code = ${areaCode}`} WHERE ${col} = ${fromId} RETURNING id`,
    );
    moved[t.table] = res.length;
  }
  return moved;
}

/** Residents of the duplicate's household (other than itself) join the given one. */
export async function rehouse(db: Db, fromHousehold: string, toHousehold: string): Promise<void> {
  await db.execute(
    sql`UPDATE residents SET household_id = ${toHousehold} WHERE household_id = ${fromHousehold} AND id <> ${fromHousehold}`,
  );
}

export async function markMerged(db: Db, id: string, intoId: string): Promise<void> {
  await db.execute(
    sql`UPDATE residents SET status = 'merged', merged_into = ${intoId}, version = version + 1, updated_at = now() WHERE id = ${id}`,
  );
}

/** The survivor's derived columns after a merge. */
export async function updateSurvivor(
  db: Db,
  id: string,
  s: { lastContactOn: string | null; nextDueOn: string; householdId: string | null; categories: string[] },
): Promise<void> {
  await db.execute(sql`UPDATE residents SET last_contact_on = ${s.lastContactOn}::date, next_due_on = ${s.nextDueOn}::date,
      household_id = ${s.householdId}, categories = ${textArray(s.categories)}, version = version + 1, updated_at = now() WHERE id = ${id}`);
}
