// An accepted import row as the writing pass needs it, made where the row is prepared (in an
// import thread for a large file): the stored-form record as JSON text, with its new id and
// first care-level record's id, and the masked view the audit record lists. Text crosses
// from the thread as one flat string per row instead of an object graph, and the main thread
// joins the accepted ones into one statement parameter (insertAccepted) and one audit record:
// it never rebuilds, copies or encodes the row values itself.
import { uuidv7, type Family, type Keys } from '@wushe/db';
import type { ResidentInput } from '@wushe/core';
import { auditView } from '../residents.write.ts';
import { RESIDENT_COLUMNS, type ResidentRow } from '../residents.write.repo.ts';

export interface RowTexts {
  /** The new resident's id (the record carries it; a refused insert is matched back by it). */
  newId: string;
  /** The residents row as JSON with column names, plus created_by and level_change_id. */
  record: string;
  /** The row's entry in the batch's audit record: id, file row and the masked view. */
  audit: string;
}

export function rowTexts(keys: Keys, values: Record<string, unknown>, input: ResidentInput, row: number, createdBy: string): RowTexts {
  const newId = uuidv7();
  const record: Record<string, unknown> = { id: newId, created_by: createdBy, level_change_id: uuidv7() };
  for (const k in values) {
    const column = RESIDENT_COLUMNS[k];
    if (column && values[k] !== undefined) record[column] = values[k];
  }
  const family: Family = {
    householdMembers: input.householdMembers,
    emergencyContacts: input.emergencyContacts,
    guardian: input.guardian ?? null,
  };
  return {
    newId,
    record: JSON.stringify(record),
    audit: JSON.stringify({ id: newId, row, ...auditView(keys, values as Partial<ResidentRow>, family) }),
  };
}

/** The residents columns a record sets (every record of an import sets the same ones). */
export const recordColumns = (record: string): string[] => Object.keys(JSON.parse(record) as object).filter((c) => c !== 'level_change_id');
