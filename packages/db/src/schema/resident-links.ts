// The one list of tables that hold rows about a resident. Merging a duplicate, moving a
// resident to another community, and any future "everything about this person" code read this
// list; apps/server/test/resident-links.test.ts fails when a foreign key to residents is missing.

/** A table with a column naming the resident a row is about. */
export interface ResidentLink {
  table: string;
  column: string;
  /**
   * On merge: `move` = the row goes to the surviving record (its resident and area).
   * `keep` = the row stays with its own record: a history of that record (care levels,
   * status), which judges its past, not the survivor's.
   */
  onMerge: 'move' | 'keep';
  /** On a move to another area: `follow` (default) takes area_code along; `keep` leaves a history row where it happened. */
  onAreaMove?: 'follow' | 'keep';
  /**
   * The rows carry areas of their own, not the resident's (a transfer names the two stations
   * involved): a move or merge changes their resident, never their areas.
   */
  keepsAreas?: true;
  /**
   * Columns naming the occasion a person can be at once (unique with the person): on merge,
   * the duplicate's rows at an occasion the survivor also has are removed before the move.
   */
  sameOccasion?: readonly string[];
}

/** A table whose rows belong to a row of a linked table (an attachment to a contact). */
export interface ResidentLinkThrough {
  table: string;
  column: string;
  parent: string;
  /** The row takes the area of the resident its parent row is about. */
  onMerge: 'followParent';
}

export const RESIDENT_LINKED_TABLES: readonly ResidentLink[] = [
  { table: 'contacts', column: 'resident_id', onMerge: 'move' },
  { table: 'assessments', column: 'resident_id', onMerge: 'move' },
  // Each record's care-level history stays its own: the survivor's past is judged at its own level.
  { table: 'care_level_changes', column: 'resident_id', onMerge: 'keep' },
  { table: 'resident_status_changes', column: 'resident_id', onMerge: 'keep', onAreaMove: 'keep' },
  { table: 'follow_ups', column: 'resident_id', onMerge: 'move' },
  { table: 'transfers', column: 'resident_id', onMerge: 'move', keepsAreas: true },
  // A case belongs to the station that works it: a merge moves it to the survivor, a move to
  // another street leaves it (and its timeline) with the station that held it.
  { table: 'cases', column: 'resident_id', onMerge: 'move', keepsAreas: true },
  // Groups, activities and answers belong to where they were held. A merge moves them to the
  // survivor (person_key follows resident_id); where both records were at the same occasion,
  // the duplicate's row is the same person counted twice and goes (sameOccasion).
  { table: 'group_members', column: 'resident_id', onMerge: 'move', keepsAreas: true, sameOccasion: ['group_id'] },
  { table: 'attendance', column: 'resident_id', onMerge: 'move', keepsAreas: true, sameOccasion: ['occasion_kind', 'occasion_id'] },
  { table: 'satisfaction', column: 'resident_id', onMerge: 'move', keepsAreas: true, sameOccasion: ['subject_kind', 'subject_id'] },
  // A wish belongs to the station that posted it (its claim and history too): a merge moves it to
  // the survivor, a move to another street leaves it with that station.
  { table: 'wishes', column: 'resident_id', onMerge: 'move', keepsAreas: true },
];

export const RESIDENT_LINKED_THROUGH: readonly ResidentLinkThrough[] = [
  { table: 'attachments', column: 'contact_id', parent: 'contacts', onMerge: 'followParent' },
  // A case's timeline stays where its case is (cases keep their areas: the parent never moves).
  { table: 'case_events', column: 'case_id', parent: 'cases', onMerge: 'followParent' },
  // A wish's claims and history stay with the wish (wishes keep their areas too).
  { table: 'wish_claims', column: 'wish_id', parent: 'wishes', onMerge: 'followParent' },
  { table: 'wish_events', column: 'wish_id', parent: 'wishes', onMerge: 'followParent' },
];
