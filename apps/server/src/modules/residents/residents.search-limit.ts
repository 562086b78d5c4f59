// Searches by the last digits of an ID number are capped per person: a tail matches many
// people, so trying every tail in turn would be a way to walk the register. Counted per
// instance in a one-minute window; the cap is far above what a person types.
import { AppError } from '../../http/errors.ts';

export const TAIL_SEARCHES_PER_MINUTE = 30;
const WINDOW_MS = 60_000;
const recent = new Map<string, number[]>();

/** Takes one tail search for this person, or throws 429 when the minute's share is used. */
export function takeTailSearch(actorId: string, now: number): void {
  const kept = (recent.get(actorId) ?? []).filter((t) => now - t < WINDOW_MS);
  if (kept.length >= TAIL_SEARCHES_PER_MINUTE) {
    recent.set(actorId, kept);
    const retry = Math.ceil((WINDOW_MS - (now - kept[0]!)) / 1000);
    throw new AppError(429, 'resident.searchRateLimited', {}, [], { 'retry-after': String(retry) });
  }
  kept.push(now);
  recent.set(actorId, kept);
  if (recent.size > 10_000) recent.clear(); // a bound on memory; losing counts only loosens the cap briefly
}
