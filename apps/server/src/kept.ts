// Answers kept for a while in this process: the same figures serve everyone who asks within
// `ttlMs` (callers at the same moment share one computation; a failure is not kept). Used by
// the officials' 工作台 counts and by the public wish board's pages.
export function keptAnswers<T>() {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return {
    /** The answer for `key` computed within the last `ttlMs`, else `compute()`'s. */
    get(key: string, ttlMs: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
      if (ttlMs <= 0) return compute();
      const hit = kept.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      for (const [k, v] of kept) if (now - v.at >= ttlMs) kept.delete(k);
      const value = compute();
      kept.set(key, { at: now, value });
      value.catch(() => kept.delete(key));
      return value;
    },
    /** Forgets everything (after a write that changes the answers). */
    clear(): void {
      kept.clear();
    },
  };
}
