// Outputs of 微心愿 and 志愿服务 (issue 11 item 11), for an area and a period of Asia/Shanghai
// days, as they stood at the end of the period (so a past period's report does not change when
// later events arrive):
// - wishes posted / first claimed / fulfilled on a day of the period, and the fulfilled ones'
//   estimated value; every wish counts, including one cancelled later (the public board's
//   totals leave those out: wishTotals);
// - wishes by status and value at the end of the period, from each wish's history;
// - volunteers on the register (active) at the end of the period, by their home community, and
//   those who registered in the period;
// - service hours: the credited minutes of service done in the period (served_on), as decided by
//   its end (the last approve, correct or decline before then; a decline credits 0); services are
//   the records credited more than 0, and active volunteers those who have one. Hours belong to
//   the activity's area (the station that organised it).
// The SQL (apps/server/src/modules/outputs/volunteering.repo.ts) reads the same maps; its test
// checks it against these functions on records worked out by hand.
import type { WishStatus } from '../wishes/wishes.ts';

/** The status each recorded wish event leads to ('edit' changes nothing and is not listed). */
export const WISH_EVENT_STATUS: Record<string, WishStatus> = {
  create: 'draft',
  submit: 'submitted',
  return: 'returned',
  publish: 'published',
  cancel: 'cancelled',
  claim: 'claimed',
  deliver: 'delivered',
  confirm: 'fulfilled',
  withdraw: 'published',
  release: 'published',
};

/** Hour events that decide the credited minutes (minutes_after; a decline's is 0). */
export const HOUR_DECISIONS = ['approve', 'correct', 'decline'] as const;

export interface TimedEvent {
  action: string;
  at: Date;
}

/** The last event before `until` among those `counts` accepts (ties: the later in the list). */
function lastBefore<E extends TimedEvent>(events: readonly E[], until: Date, counts: (e: E) => boolean): E | undefined {
  let last: E | undefined;
  for (const e of events) if (counts(e) && e.at < until && (!last || e.at >= last.at)) last = e;
  return last;
}

/** A wish's status just before `until`, or null when it did not exist yet. */
export const wishStatusAt = (events: readonly TimedEvent[], until: Date): WishStatus | null => {
  const e = lastBefore(events, until, (x) => x.action in WISH_EVENT_STATUS);
  return e ? WISH_EVENT_STATUS[e.action]! : null;
};

/** A volunteer's status just before `until` (events carry the status they led to). */
export const volunteerStatusAt = (events: readonly (TimedEvent & { status: string })[], until: Date): string | null =>
  lastBefore(events, until, () => true)?.status ?? null;

/** Credited minutes of an hours record as decided just before `until`, or null if undecided. */
export const creditedAt = (events: readonly (TimedEvent & { minutesAfter: number | null })[], until: Date): number | null => {
  const e = lastBefore(events, until, (x) => (HOUR_DECISIONS as readonly string[]).includes(x.action));
  return e ? (e.action === 'decline' ? 0 : (e.minutesAfter ?? 0)) : null;
};

/** [from 00:00, to + 1 day 00:00) in Asia/Shanghai. */
export function shanghaiPeriod(from: string, to: string): { start: Date; until: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const until = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { start, until };
}

export interface WishRecord {
  valueFen: number;
  publishedAt: Date | null;
  firstClaimedAt: Date | null;
  fulfilledAt: Date | null;
  events: TimedEvent[];
}
export interface VolunteerRecord {
  events: (TimedEvent & { status: string })[];
}
export interface ServiceRecord {
  volunteerId: string;
  servedOn: string;
  events: (TimedEvent & { minutesAfter: number | null })[];
}

export interface VolunteeringFigures {
  wishesPosted: number;
  wishesClaimed: number;
  wishesFulfilled: number;
  fulfilledValueFen: number;
  wishesOpen: number;
  volunteersRegistered: number;
  volunteersNew: number;
  volunteersActive: number;
  services: number;
  serviceMinutes: number;
}

/** Every figure 0: an area with nothing recorded. */
export const noVolunteeringFigures = (): VolunteeringFigures => ({
  wishesPosted: 0,
  wishesClaimed: 0,
  wishesFulfilled: 0,
  fulfilledValueFen: 0,
  wishesOpen: 0,
  volunteersRegistered: 0,
  volunteersNew: 0,
  volunteersActive: 0,
  services: 0,
  serviceMinutes: 0,
});

/** The figures of one area from its records (the reference the SQL is tested against). */
export function volunteeringFigures(
  r: { wishes: readonly WishRecord[]; volunteers: readonly VolunteerRecord[]; hours: readonly ServiceRecord[] },
  from: string,
  to: string,
): VolunteeringFigures {
  const { start, until } = shanghaiPeriod(from, to);
  const inside = (d: Date | null) => d !== null && d >= start && d < until;
  const f = noVolunteeringFigures();
  for (const w of r.wishes) {
    if (inside(w.publishedAt)) f.wishesPosted++;
    if (inside(w.firstClaimedAt)) f.wishesClaimed++;
    if (inside(w.fulfilledAt)) {
      f.wishesFulfilled++;
      f.fulfilledValueFen += w.valueFen;
    }
    if (wishStatusAt(w.events, until) === 'published') f.wishesOpen++;
  }
  for (const v of r.volunteers) {
    if (volunteerStatusAt(v.events, until) === 'active') f.volunteersRegistered++;
    if (v.events.some((e) => e.action === 'register' && inside(e.at))) f.volunteersNew++;
  }
  const active = new Set<string>();
  for (const h of r.hours) {
    if (h.servedOn < from || h.servedOn > to) continue;
    const c = creditedAt(h.events, until);
    if (!c) continue;
    f.services++;
    f.serviceMinutes += c;
    active.add(h.volunteerId);
  }
  f.volunteersActive = active.size;
  return f;
}
