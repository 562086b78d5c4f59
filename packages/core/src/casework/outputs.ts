// Person-time arithmetic (人次) for service outputs (domain brief §7): attendance summed over
// sessions and activities. One person at one session counts once however often they were
// ticked or scanned; one person at ten sessions counts ten person-times and one person served.
// Every output figure (the outputs page, exports, dashboards) counts through these functions
// or SQL that tests check against them.

/** One attendance mark: who (a resident id, or a name for a walk-in) at which session. */
export interface AttendanceMark {
  /** The group session, activity or case contact the mark belongs to. */
  occasion: string;
  /** A stable key of the person: `r:<resident id>` for a registered resident, `n:<name>` otherwise. */
  person: string;
  attended: boolean;
}

/**
 * The person key: a registered resident by id; someone not registered by their mobile number's
 * keyed hash when given (two people of one name stay two), else by their name without spaces.
 * The database generates the same key (migration 0025, person_key) so SQL counts agree.
 */
export const personKey = (p: { residentId?: string | null; mobileHash?: string | null; name?: string | null }): string | null =>
  p.residentId ? `r:${p.residentId}` : p.mobileHash ? `m:${p.mobileHash}` : p.name?.trim() ? `n:${p.name.replace(/\s+/g, '')}` : null;

const attendedPairs = (marks: readonly AttendanceMark[]) => {
  const pairs = new Set<string>();
  for (const m of marks) if (m.attended) pairs.add(`${m.occasion}\u0000${m.person}`);
  return pairs;
};

/** 人次: distinct (occasion, person) pairs attended. */
export const personTimes = (marks: readonly AttendanceMark[]): number => attendedPairs(marks).size;

/** 服务人数: distinct people who attended at least once. */
export function distinctPeople(marks: readonly AttendanceMark[]): number {
  const people = new Set<string>();
  for (const m of marks) if (m.attended) people.add(m.person);
  return people.size;
}

/** Occasions (sessions, activities) that took place: at least one person attended. */
export function heldOccasions(marks: readonly AttendanceMark[]): number {
  const held = new Set<string>();
  for (const m of marks) if (m.attended) held.add(m.occasion);
  return held.size;
}

/** Mean satisfaction (1–5) to one decimal, or null when nobody answered. */
export function meanSatisfaction(scores: readonly number[]): number | null {
  const valid = scores.filter((s) => Number.isInteger(s) && s >= 1 && s <= 5);
  if (!valid.length) return null;
  return Math.round((valid.reduce((a, b) => a + b, 0) / valid.length) * 10) / 10;
}
