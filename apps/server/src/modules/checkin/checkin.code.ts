// The rotating check-in code: an HMAC of the occasion and the current minute, cut to 12
// characters. The screen shows a new one every minute; a code is accepted during its minute
// and the next, so a photo of the screen sent home stops working within two minutes. The
// receipt a phone keeps after checking in is the attendance id with an HMAC of it.
import crypto from 'node:crypto';
import type { Keys } from '@wushe/db';

const MINUTE = 60_000;
export const minuteOf = (at: Date): number => Math.floor(at.getTime() / MINUTE);

export const checkinToken = (keys: Keys, kind: string, id: string, minute: number): string =>
  keys.blindIndex(`checkin:${kind}:${id}:${minute}`).slice(0, 12);

const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The current or the previous minute's code. */
export function tokenValid(keys: Keys, kind: string, id: string, token: string, now: Date): boolean {
  const m = minuteOf(now);
  return [m, m - 1].some((minute) => same(checkinToken(keys, kind, id, minute), token));
}

export function currentCode(keys: Keys, kind: string, id: string, now: Date) {
  const minute = minuteOf(now);
  return { token: checkinToken(keys, kind, id, minute), expiresAt: new Date((minute + 1) * MINUTE).toISOString() };
}

const receiptMac = (keys: Keys, attendanceId: string) => keys.blindIndex(`receipt:${attendanceId}`).slice(0, 22);

export const receiptFor = (keys: Keys, attendanceId: string): string => `${attendanceId}.${receiptMac(keys, attendanceId)}`;

/** The attendance id a receipt stands for, or null when it was not issued by us. */
export function readReceipt(keys: Keys, receipt: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/.exec(receipt);
  if (!m) return null;
  return same(receiptMac(keys, m[1]!), m[2]!) ? m[1]! : null;
}

/** Check-in opens 30 minutes before the start and closes at the end. */
export function checkinWindow(o: { startsAt: string; endsAt: string; cancelled: boolean }, now: Date): 'early' | 'open' | 'closed' {
  if (o.cancelled || now.getTime() > Date.parse(o.endsAt)) return 'closed';
  if (now.getTime() < Date.parse(o.startsAt) - 30 * MINUTE) return 'early';
  return 'open';
}
