// An official's 工作台 counts every resident of a district, city or province (1.2 s for a
// province of a million on two cores). The same figures serve every official of that area and
// move slowly, so they are counted at most once per `areaDashboardCacheMs` (default 2 minutes)
// for an area and day, in this process; the page shows when they were counted. A station's and
// a worker's 工作台 are read fresh every time (a few milliseconds).
import type { AreaDashboard } from '@wushe/core';

const kept = new Map<string, { at: number; value: Promise<AreaDashboard> }>();

/** The figures for `key` counted within the last `ttlMs`, else `count()`'s (callers at the same moment share one count). */
export function areaFigures(key: string, ttlMs: number, count: () => Promise<AreaDashboard>, now = Date.now()): Promise<AreaDashboard> {
  if (ttlMs <= 0) return count();
  const hit = kept.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value;
  for (const [k, v] of kept) if (now - v.at >= ttlMs) kept.delete(k);
  const value = count();
  kept.set(key, { at: now, value });
  value.catch(() => kept.delete(key)); // a failed count is not kept
  return value;
}
