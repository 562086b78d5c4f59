// Panel scoring arithmetic (人才选拔 interview, 评优 panel score): per applicant the mean of the
// panelists' totals, the spread (max − min and the population standard deviation) and who has
// not scored; ranks by mean with ties sharing a rank. Computed once here, used by the server.

/** One criterion of a rubric and its maximum. */
export interface RubricCriterion {
  key: string;
  label: string;
  max: number;
}

export interface ScoreSummary {
  /** Panelists who scored. */
  scored: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** max − min; 0 with one score, null with none. */
  range: number | null;
  /** Population standard deviation of the totals; 0 with one score, null with none. */
  sd: number | null;
  /** Panelists (ids, in panel order) without a score. */
  missing: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A panelist's total: the sum of the criteria scores (each 0..max); null when any is missing or out of range. */
export function rubricTotal(criteria: readonly RubricCriterion[], scores: Record<string, number>): number | null {
  let total = 0;
  for (const c of criteria) {
    const v = scores[c.key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.max) return null;
    total += v;
  }
  return round2(total);
}

/** Mean and spread of the totals given by the panel; scores by someone not on the panel are ignored. */
export function summariseScores(panel: readonly string[], totals: ReadonlyMap<string, number>): ScoreSummary {
  const given = panel.filter((p) => totals.has(p)).map((p) => totals.get(p)!);
  const missing = panel.filter((p) => !totals.has(p));
  if (!given.length) return { scored: 0, mean: null, min: null, max: null, range: null, sd: null, missing };
  const mean = given.reduce((s, v) => s + v, 0) / given.length;
  const min = Math.min(...given);
  const max = Math.max(...given);
  const variance = given.reduce((s, v) => s + (v - mean) ** 2, 0) / given.length;
  return {
    scored: given.length,
    mean: round2(mean),
    min,
    max,
    range: round2(max - min),
    sd: round2(Math.sqrt(variance)),
    missing,
  };
}

/** Competition ranking by value, highest first (1, 1, 3); null values come last, unranked. */
export function rankBy<T>(items: readonly T[], value: (t: T) => number | null): (T & { rank: number | null })[] {
  const sorted = [...items].sort((a, b) => (value(b) ?? -Infinity) - (value(a) ?? -Infinity));
  let prev: number | null = null;
  let rank = 0;
  return sorted.map((t, i) => {
    const v = value(t);
    if (v === null) return { ...t, rank: null };
    if (v !== prev) rank = i + 1;
    prev = v;
    return { ...t, rank };
  });
}
