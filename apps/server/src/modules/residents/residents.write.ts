// Rules that need the database, shared by registration, editing and the import: reference
// checks, duplicate lookups, and the one way a resident row is inserted or changed (with its
// care-level history and a masked audit record in the same transaction).
import { maskPhone, nextDueDate, type CareLevel } from '@wushe/core';
import { openFamily, rows, uuidv7, type Db, type Family, type FieldProblem, type Keys, textArray } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { conflict, notFound, type FieldError } from '../../http/errors.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';

export type { FieldProblem };

/** What these rules need of the request context (a Ctx fits). */
export interface RuleCtx {
  scope: string;
  actor: { id: string; username: string };
  ip: string;
  keys: Keys;
}

export interface RefInput {
  areaCode?: string;
  categories?: string[];
  assistanceStatus?: string | null;
  assignedWorkerId?: string | null;
  householdId?: string | null;
}

/**
 * Area (a community or grid in scope), code-list values (active entries), assigned worker (an
 * account in scope) and household (a registered resident's id or household in scope). One
 * round trip; only the fields present in `input` are checked.
 */
export async function checkResidentRefs(db: Db, ctx: Pick<RuleCtx, 'scope'>, input: RefInput): Promise<FieldProblem[]> {
  const scope = ctx.scope + '%';
  const cats = [...new Set(input.categories ?? [])];
  const [r] = await rows<{ level: string | null; cats: string[] | null; status_ok: boolean; worker_ok: boolean; household_ok: boolean }>(
    db,
    sql`SELECT
      (SELECT level FROM areas WHERE code = ${input.areaCode ?? ''} AND code LIKE ${scope}) AS level,
      (SELECT array_agg(code) FROM code_lists WHERE list = 'resident_category' AND active AND code = ANY(${textArray(cats)})) AS cats,
      EXISTS (SELECT 1 FROM code_lists WHERE list = 'assistance_status' AND active AND code = ${input.assistanceStatus ?? ''}) AS status_ok,
      EXISTS (SELECT 1 FROM users WHERE id = ${input.assignedWorkerId ?? null}::uuid AND area_code LIKE ${scope}) AS worker_ok,
      EXISTS (SELECT 1 FROM residents WHERE (id = ${input.householdId ?? null}::uuid OR household_id = ${input.householdId ?? null}::uuid)
        AND area_code LIKE ${scope} AND status <> 'merged') AS household_ok`,
  );
  const problems: FieldProblem[] = [];
  if (input.areaCode !== undefined) {
    if (!r?.level) problems.push({ path: 'areaCode', key: 'area.unknown' });
    else if (r.level !== 'community' && r.level !== 'grid') problems.push({ path: 'areaCode', key: 'resident.areaLevel' });
  }
  const known = new Set(r?.cats ?? []);
  cats.forEach((code) => {
    if (!known.has(code))
      problems.push({ path: `categories.${(input.categories ?? []).indexOf(code)}`, key: 'resident.unknownCode', params: { code } });
  });
  if (input.assistanceStatus && !r?.status_ok) {
    problems.push({ path: 'assistanceStatus', key: 'resident.unknownCode', params: { code: input.assistanceStatus } });
  }
  if (input.assignedWorkerId && !r?.worker_ok) problems.push({ path: 'assignedWorkerId', key: 'error.notFound' });
  if (input.householdId && !r?.household_ok) problems.push({ path: 'householdId', key: 'error.notFound' });
  return problems;
}

// The import reads the interval table from here too.
export { loadVisitIntervals };

/** Rule problems as field errors for the error handler (400 with translated messages). */
export const problemsToFields = (problems: FieldProblem[]): FieldError[] =>
  problems.map((p) => ({ path: p.path, key: p.key, params: p.params }));

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
  documentType: 'document_type',
  idCipher: 'id_cipher',
  idHash: 'id_hash',
  idMasked: 'id_masked',
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
    sql`${ROW_SELECT} WHERE id = ${id} AND area_code LIKE ${scope + '%'} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return r;
}

/** The live (not merged) resident in the caller's scope holding this ID blind index, if any. */
export async function findExistingByIdHash(db: Db, idHash: string, scope = ''): Promise<ResidentRow | undefined> {
  const [r] = await rows<ResidentRow>(
    db,
    sql`${ROW_SELECT} WHERE id_hash = ${idHash} AND status <> 'merged' AND area_code LIKE ${scope + '%'}`,
  );
  return r;
}

/** Is this ID blind index held by any live resident of the installation (beyond the caller's scope)? */
export async function idHashTakenAnywhere(db: Db, idHash: string, exceptId?: string | null): Promise<boolean> {
  const [r] = await rows<{ taken: boolean }>(db, sql`SELECT resident_id_hash_taken(${idHash}, ${exceptId ?? null}::uuid) AS taken`);
  return r?.taken === true;
}

/** What the audit trail keeps of a resident: masked identity, no sealed values. */
/** What the audit trail keeps of a resident: masked, no sealed value. `family` in clear skips opening the seal. */
export function auditView(keys: Keys, r: Partial<ResidentRow>, clearFamily?: Family) {
  const family = clearFamily ?? (r.familyCipher ? openFamily(keys, r.familyCipher) : null);
  const people = (list: { name: string; relation: string; phone?: string | null }[] = []) =>
    list.map((p) => ({ name: p.name, relation: p.relation, phoneMasked: p.phone ? maskPhone(p.phone) : null }));
  return {
    name: r.name,
    documentType: r.documentType,
    idMasked: r.idMasked,
    phoneMasked: r.phoneMasked,
    address: r.address,
    areaCode: r.areaCode,
    householdId: r.householdId,
    categories: r.categories,
    assistanceStatus: r.assistanceStatus,
    careLevel: r.careLevel,
    status: r.status,
    mergedInto: r.mergedInto,
    assignedWorkerId: r.assignedWorkerId,
    notes: r.notes,
    hasHealthNotes: Boolean(r.healthCipher),
    family: family && {
      householdMembers: people(family.householdMembers),
      emergencyContacts: people(family.emergencyContacts),
      guardian: family.guardian ? people([family.guardian])[0] : null,
    },
  };
}

/**
 * Inserts a prepared resident (prepareResident's values) with its first care-level record and
 * an audit record of masked values. Returns the new id.
 */
export async function insertResident(db: Db, ctx: RuleCtx, values: Record<string, unknown>): Promise<string> {
  const id = (values.id as string | undefined) ?? uuidv7();
  const keys = Object.keys(RESIDENT_COLUMNS).filter((k) => values[k] !== undefined);
  await db.execute(sql`INSERT INTO residents (id, created_by, ${sql.join(
    keys.map((k) => sql.identifier(RESIDENT_COLUMNS[k]!)),
    sql`, `,
  )})
    VALUES (${id}, ${ctx.actor.id}, ${sql.join(
      keys.map((k) => valueSql(k, values[k])),
      sql`, `,
    )})`);
  const areaCode = values.areaCode as string;
  // A household named by another resident's id: that resident joins the household too.
  if (values.householdId) {
    await db.execute(sql`UPDATE residents SET household_id = id WHERE id = ${values.householdId as string} AND household_id IS NULL`);
  }
  await db.execute(sql`INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_by)
    VALUES (${uuidv7()}, ${id}, ${areaCode}, NULL, ${values.careLevel as number}, NULL, ${ctx.actor.id})`);
  await appendAudit(
    db,
    byActor(ctx, {
      action: 'resident.create',
      targetType: 'resident',
      targetId: id,
      areaCode,
      after: auditView(ctx.keys, values as Partial<ResidentRow>),
    }),
  );
  return id;
}

/** JSON with sorted keys: jsonb hands objects back in its own key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/** Drops changes that would store the same thing again (sealed values compared by hash or opened). */
function effectiveChanges(keys: Keys, before: ResidentRow, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const same = (k: string, v: unknown): boolean => {
    const b = (before as unknown as Record<string, unknown>)[k];
    if (k === 'idCipher') return changes.idHash === before.idHash;
    if (k === 'phoneCipher') return changes.phoneHash === before.phoneHash;
    if (k === 'familyCipher' || k === 'healthCipher') return (b ? keys.open(b as string) : null) === (v ? keys.open(v as string) : null);
    if (Array.isArray(v) || (v && typeof v === 'object')) return canonical(v) === canonical(b);
    return (v ?? null) === (b ?? null);
  };
  for (const [k, v] of Object.entries(changes)) if (RESIDENT_COLUMNS[k] && v !== undefined && !same(k, v)) out[k] = v;
  return out;
}

/**
 * Applies changes (stored-form values, e.g. from prepareResident) to a resident in scope.
 * `version` null skips the stale check (the import keys on the ID number). A care-level change
 * records history with `careLevelReason` and moves next_due_on from the last contact (or the
 * registration). Throws 404 (not in scope) or 409 (stale). `changed` false: nothing differed.
 */
export async function updateResidentRow(
  db: Db,
  ctx: RuleCtx,
  id: string,
  version: number | null,
  changes: Record<string, unknown>,
  careLevelReason?: string | null,
  action = 'resident.update',
): Promise<{ changed: boolean; version: number }> {
  const before = await residentRowById(db, ctx.scope, id, true);
  if (!before) throw notFound();
  if (version !== null && before.version !== version) throw conflict();
  const diff = effectiveChanges(ctx.keys, before, changes);
  if (!Object.keys(diff).length) return { changed: false, version: before.version };
  const levelChanged = diff.careLevel !== undefined && diff.careLevel !== before.careLevel;
  if (levelChanged && diff.nextDueOn === undefined) {
    const intervals = await loadVisitIntervals(db);
    diff.nextDueOn = nextDueDate(before.lastContactOn ?? before.registeredOn, intervals[diff.careLevel as CareLevel]);
  }
  const sets = Object.entries(diff).map(([k, v]) => sql`${sql.identifier(RESIDENT_COLUMNS[k]!)} = ${valueSql(k, v)}`);
  const [done] = await rows<{ version: number }>(
    db,
    sql`UPDATE residents SET ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
      WHERE id = ${id} AND version = ${before.version} RETURNING version`,
  );
  if (!done) throw conflict();
  const areaCode = (diff.areaCode as string | undefined) ?? before.areaCode;
  if (diff.householdId) {
    await db.execute(sql`UPDATE residents SET household_id = id WHERE id = ${diff.householdId as string} AND household_id IS NULL`);
  }
  if (levelChanged) {
    await db.execute(sql`INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_by)
      VALUES (${uuidv7()}, ${id}, ${areaCode}, ${before.careLevel}, ${diff.careLevel as number}, ${careLevelReason ?? null}, ${ctx.actor.id})`);
  }
  if (diff.areaCode) await moveSatellites(db, id, areaCode);
  const after = { ...before, ...diff };
  await appendAudit(
    db,
    byActor(ctx, {
      action,
      targetType: 'resident',
      targetId: id,
      areaCode,
      before: auditView(ctx.keys, before),
      after: {
        ...auditView(ctx.keys, after),
        ...(levelChanged ? { careLevelReason: careLevelReason ?? null } : {}),
        ...('healthCipher' in diff ? { healthNotesChanged: true } : {}),
      },
    }),
  );
  return { changed: true, version: done.version };
}

/** A resident moved to another community takes its records along (they are scoped by area). */
async function moveSatellites(db: Db, id: string, areaCode: string) {
  for (const t of ['care_level_changes', 'assessments', 'contacts', 'follow_ups']) {
    await db.execute(sql`UPDATE ${sql.identifier(t)} SET area_code = ${areaCode} WHERE resident_id = ${id}`);
  }
  await db.execute(
    sql`UPDATE attachments SET area_code = ${areaCode} WHERE contact_id IN (SELECT id FROM contacts WHERE resident_id = ${id})`,
  );
}
