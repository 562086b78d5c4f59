// Resolved sessions kept for a moment (WUSHE_SESSION_CACHE_MS, default 2 s), so a busy page's
// parallel requests cost one session round trip, not one each. Everything that changes what a
// session may do forgets it here at once (logout, lock, disable, role or password change); on
// another instance the change shows within the cache's lifetime. 0 turns it off.
import type { Actor } from '@wushe/core';

interface Entry {
  until: number;
  actor: Actor;
  lastSeen: number;
}

const MAX_ENTRIES = 20_000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  get(sessionId: string, now: number): Entry | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return e;
  }

  put(sessionId: string, actor: Actor, lastSeen: number, now: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, { until: now + this.ttlMs, actor, lastSeen });
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Every session of one account (lock, disable, password, role or TOTP change). */
  forgetUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.actor.id === userId) this.entries.delete(id);
  }

  /** A role changed: any account may hold it. */
  clear(): void {
    this.entries.clear();
  }
}
