// Rules that need the database, shared by registration, editing and the import: reference
// checks, duplicate lookups, and the one way a resident row is inserted or changed (with its
// care-level history and a masked audit record in the same transaction).
import { maskPhone, nextDueDate, type CareLevel } from '@wushe/core';
import { openFamily, uuidv7, type Db, type Family, type FieldProblem, type Keys } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import { conflict, notFound, type FieldError } from '../../http/errors.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import {
  foundHousehold,
  insertCareLevelChange,
  insertResidentRow,
  moveLinkedRows,
  referenceFacts,
  residentRowById,
  RESIDENT_COLUMNS,
  updateResidentColumns,
  type ResidentRow,
} from './residents.write.repo.ts';
import { recordStatusChange } from './status-history.repo.ts';

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
  const cats = [...new Set(input.categories ?? [])];
  const r = await referenceFacts(db, ctx.scope, { ...input, categories: cats });
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

// The import and the register read these from here.

/** Rule problems as field errors for the error handler (400 with translated messages). */
export const problemsToFields = (problems: FieldProblem[]): FieldError[] =>
  problems.map((p) => ({ path: p.path, key: p.key, params: p.params }));

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
  await insertResidentRow(db, id, ctx.actor.id, values);
  const areaCode = values.areaCode as string;
  // A household named by another resident's id: that resident joins the household too.
  if (values.householdId) await foundHousehold(db, values.householdId as string);
  const toLevel = values.careLevel as number;
  await insertCareLevelChange(db, { residentId: id, areaCode, fromLevel: null, toLevel, reason: null, changedBy: ctx.actor.id });
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
  const newVersion = await updateResidentColumns(db, id, before.version, diff);
  if (newVersion === undefined) throw conflict();
  const areaCode = (diff.areaCode as string | undefined) ?? before.areaCode;
  if (diff.householdId) await foundHousehold(db, diff.householdId as string);
  if (levelChanged) {
    const change = { fromLevel: before.careLevel, toLevel: diff.careLevel as number, reason: careLevelReason ?? null };
    await insertCareLevelChange(db, { residentId: id, areaCode, ...change, changedBy: ctx.actor.id });
  }
  if (diff.areaCode) await moveLinkedRows(db, id, areaCode);
  const status = (diff.status as string | undefined) ?? before.status;
  await recordStatusChange(db, {
    residentId: id,
    fromStatus: before.status,
    toStatus: status,
    fromArea: before.areaCode,
    toArea: areaCode,
    reason: careLevelReason ?? null,
    changedBy: ctx.actor.id,
  });
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
  return { changed: true, version: newVersion };
}
