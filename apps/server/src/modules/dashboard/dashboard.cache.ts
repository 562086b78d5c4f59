// An official's 工作台 counts every resident of a district, city or province (1.2 s for a
// province of a million on two cores). The same figures serve every official of that area and
// move slowly, so they are counted at most once per `areaDashboardCacheMs` (default 2 minutes)
// for an area and day, in this process; the page shows when they were counted. A station's and
// a worker's 工作台 are read fresh every time (a few milliseconds).
import type { AreaDashboard } from '@wushe/core';
import { keptAnswers } from '../../kept.ts';

const figures = keptAnswers<AreaDashboard>();

/** The figures for `key` counted within the last `ttlMs`, else `count()`'s (callers at the same moment share one count). */
export const areaFigures = (key: string, ttlMs: number, count: () => Promise<AreaDashboard>, now = Date.now()): Promise<AreaDashboard> =>
  figures.get(key, ttlMs, count, now);
