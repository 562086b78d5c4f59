// The validation pass of an import: every row checked and prepared in memory, then classified
// against what is stored, keyed on the ID number's blind index: new (accepted), stored in
// scope and different (updated), identical (unchanged), held outside the scope or repeated
// in the file (rejected). Lookups are a few set queries, never one per row.
import { backgroundTurn, openFamily, prepareResident, type Db, type Family, type Keys } from '@wushe/db';
import { maskIdNumber, type Lang, type ResidentInput, type VisitIntervals } from '@wushe/core';
import { codeLookup, type CodeEntry } from './import.columns.ts';
import type { SheetRow } from './import.parse.ts';
import { rowTexts, type RowTexts } from './import.record.ts';
import { storedByHash, type Stored } from './import.repo.ts';
import { cell, checkRow, rowError, type Lookups, type RowError } from './import.rows.ts';
import { withoutBadText } from '../../../http/input.ts';

export type OutcomeStatus = 'accepted' | 'updated' | 'unchanged' | 'rejected';

export interface Outcome {
  row: number;
  status: OutcomeStatus;
  name: string | null;
  idMasked: string | null;
  errors: RowError[];
  /** all_or_nothing with errors elsewhere: this good row was not written. */
  notImported?: boolean;
}

export interface PlannedRow {
  outcome: Outcome;
  /** Prepared (full plans only): the stored-form values, compared with a stored resident. */
  values?: Record<string, unknown>;
  /** Prepared (full plans only): what the row said. */
  input?: ResidentInput;
  /** Prepared: the record to insert and its audit entry, as text (import.record.ts). */
  texts?: RowTexts;
  /** updated: the stored resident and the columns that differ. */
  id?: string;
  changes?: Record<string, unknown>;
}

/** What an import compares with: a stored resident's row, sealed values as stored. */

/** JSON with sorted keys: jsonb does not keep key order, so plain stringify would differ. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * What an import row changes on a stored resident. An empty optional cell keeps what is
 * stored (a file never erases data), household members are not in the file and are kept.
 */
function diffStored(keys: Keys, s: Stored, v: Record<string, unknown>, input: ResidentInput): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const set = (k: string, differs: boolean, ...also: string[]) => {
    if (!differs) return;
    changes[k] = v[k];
    for (const a of also) changes[a] = v[a];
  };
  set('name', v.name !== s.name, 'nameInitials', 'nameGrams', 'namePinyin');
  set('documentType', v.documentType !== s.documentType);
  set('areaCode', v.areaCode !== s.areaCode);
  set('careLevel', v.careLevel !== s.careLevel);
  set('consent', stableJson(v.consent) !== stableJson(s.consent));
  if (input.phone) set('phoneCipher', v.phoneHash !== s.phoneHash, 'phoneHash', 'phoneMasked');
  if (input.address) set('address', v.address !== s.address);
  if (input.notes) set('notes', v.notes !== s.notes);
  if (input.assistanceStatus) set('assistanceStatus', v.assistanceStatus !== s.assistanceStatus);
  if (input.categories.length)
    set('categories', stableJson([...(v.categories as string[])].sort()) !== stableJson([...s.categories].sort()));
  if (input.healthNotes) set('healthCipher', !s.healthCipher || keys.open(s.healthCipher) !== input.healthNotes);
  if (input.guardian || input.emergencyContacts.length) {
    const before = openFamily(keys, s.familyCipher);
    const after: Family = { ...before };
    if (input.guardian) {
      const keepId = before.guardian?.name === input.guardian.name ? before.guardian.idNumber : undefined;
      after.guardian = { ...input.guardian, idNumber: input.guardian.idNumber ?? keepId };
    }
    if (input.emergencyContacts[0]) after.emergencyContacts = [input.emergencyContacts[0], ...before.emergencyContacts.slice(1)];
    if (stableJson(after) !== stableJson(before)) changes.familyCipher = keys.seal(JSON.stringify(after));
  }
  return changes;
}

export interface PlanInput {
  lookups: Lookups;
  keys: Keys;
  today: string;
  intervals: VisitIntervals;
  /** The uploader: the new residents' created_by. */
  createdBy: string;
}

/** What a PlanInput is made from, in plain data (it is posted to the import threads). */
export interface PlanSpec {
  index: Lookups['index'];
  categories: CodeEntry[];
  assistance: CodeEntry[];
  /** Area code → level, for the file's areas in the caller's scope. */
  areas: [string, string][];
  lang: Lang;
  /** The worker column's accounts: lower-cased username → account and station prefix. */
  workers: [string, { id: string; station: string }][];
  /** Set when the uploader may not assign others: their own id. */
  onlyWorker?: string;
  today: string;
  intervals: VisitIntervals;
  createdBy: string;
}

export const planInputOf = (s: PlanSpec, keys: Keys): PlanInput => ({
  lookups: {
    index: s.index,
    category: codeLookup(s.categories),
    assistance: codeLookup(s.assistance),
    areas: new Map(s.areas),
    lang: s.lang,
    workers: new Map(s.workers),
    onlyWorker: s.onlyWorker,
  },
  keys,
  today: s.today,
  intervals: s.intervals,
  createdBy: s.createdBy,
});

/** A row that passed every in-memory check, waiting to be classified against the register. */
export interface Candidate {
  entry: PlannedRow;
  hash: string;
  source: SheetRow;
}

/** One row checked and prepared; `hash` (its ID blind index) when it passed every check. */
export interface CheckedRow {
  entry: PlannedRow;
  hash?: string;
  /** The file row it came from (set by the main thread; never posted). */
  source?: SheetRow;
}

/** Prepares rows again with their values kept (a full plan), for those found stored. */
export type PlanAgain = (rows: SheetRow[]) => Promise<CheckedRow[]>;

/**
 * The in-memory work on one row of the file: checked and prepared (sealed, masked, indexed),
 * with the texts the writing pass inserts. Pure (no database, no state), so it runs in the
 * import threads (import.threads.ts) as well. A plan that is not `full` leaves out the values
 * and input objects (a thread's answer stays small; only a row found stored needs them).
 */
export function checkAndPrepare(p: PlanInput, row: SheetRow, full = true): CheckedRow {
  const checked = checkRow(row, p.lookups);
  // The report keeps the name and masked ID of a refused row: never with text the database cannot store.
  const rawId = withoutBadText(cell(row, p.lookups, 'idNumber'));
  const outcome: Outcome = {
    row: row.row,
    status: 'rejected', // until the checks below pass
    name: (checked.kind === 'ok' ? checked.input.name : withoutBadText(cell(row, p.lookups, 'name'))) || null,
    idMasked: rawId ? maskIdNumber(rawId) : null,
    errors: [],
  };
  const entry: PlannedRow = { outcome };
  if (checked.kind === 'bad') {
    outcome.errors = checked.errors;
    return { entry };
  }
  const prepared = prepareResident(p.keys, checked.input, p.today, p.intervals);
  if (!prepared.ok) {
    outcome.errors = prepared.problems.map((x) => rowError(x.path, x.key, x.params));
    return { entry };
  }
  outcome.idMasked = prepared.values.idMasked;
  entry.texts = rowTexts(p.keys, prepared.values, checked.input, row.row, p.createdBy);
  if (full) Object.assign(entry, { values: prepared.values, input: checked.input });
  return { entry, hash: prepared.values.idHash };
}

/** A slice's rows checked and prepared here, between background turns (@wushe/db turns.ts). */
export async function checkSlice(p: PlanInput, slice: SheetRow[]): Promise<CheckedRow[]> {
  const out: CheckedRow[] = [];
  for (const row of slice) {
    await backgroundTurn();
    out.push({ ...checkAndPrepare(p, row), source: row });
  }
  return out;
}

/**
 * A checked slice in file order against `seen` (blind index → file row), which carries across
 * slices, so an ID number repeated anywhere in the file is refused on its second row.
 */
export function dedupe(checked: CheckedRow[], seen: Map<string, number>): { planned: PlannedRow[]; candidates: Candidate[] } {
  const planned: PlannedRow[] = [];
  const candidates: Candidate[] = [];
  for (const { entry, hash, source } of checked) {
    planned.push(entry);
    if (hash === undefined) continue;
    const first = seen.get(hash);
    if (first !== undefined) {
      Object.assign(entry, { values: undefined, input: undefined, texts: undefined });
      entry.outcome.errors = [rowError('idNumber', 'import.duplicateInFile', { row: first })];
      continue;
    }
    seen.set(hash, entry.outcome.row);
    candidates.push({ entry, hash, source: source! });
  }
  return { planned, candidates };
}

/**
 * Classifies checked rows against the register in scope: stored and different (updated),
 * stored and identical (unchanged), or new (accepted; the insert itself refuses an ID number
 * held outside the scope, see insertAccepted).
 */
export async function classify(db: Db, keys: Keys, candidates: Candidate[], again: PlanAgain): Promise<void> {
  const stored = await storedByHash(
    db,
    candidates.map((c) => c.hash),
  );
  const found = candidates.filter((c) => stored.has(c.hash));
  const lacking = found.filter((c) => !c.entry.values);
  const full = lacking.length ? await again(lacking.map((c) => c.source)) : [];
  for (const [k, c] of lacking.entries()) Object.assign(c.entry, { values: full[k]!.entry.values, input: full[k]!.entry.input });
  for (const { entry, hash } of candidates) {
    const s = stored.get(hash);
    if (!s) {
      entry.outcome.status = 'accepted';
      continue;
    }
    entry.texts = undefined;
    const changes = diffStored(keys, s, entry.values!, entry.input!);
    Object.assign(entry, { values: undefined, input: undefined });
    if (Object.keys(changes).length) Object.assign(entry, { id: s.id, changes }).outcome.status = 'updated';
    else entry.outcome.status = 'unchanged';
  }
}
