import crypto from 'node:crypto';

// Random bytes are cut from a pooled buffer refilled 64 KiB at a time: a randomBytes call per
// id or IV cost more than the AES-GCM seal itself on a 100,000-row import.
const POOL_BYTES = 65_536;
let pool = Buffer.alloc(0);
let next = 0;

/** `n` (≤ 64) fresh random bytes from the pool; the caller may keep or modify them. */
export function randomFromPool(n: number): Buffer {
  if (next + n > pool.length) {
    pool = crypto.randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    next = 0;
  }
  const out = pool.subarray(next, next + n);
  next += n;
  return out;
}

/** UUIDv7: time-ordered, creatable offline (RFC 9562). */
export function uuidv7(now = Date.now()): string {
  const bytes = randomFromPool(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
