// Coverage (覆盖率): residents with a qualifying contact inside their care level's window ending
// on the date, over registered residents, for an area and each child area.
//
// SQL shape, for 1,000,000 residents and 10,000,000 contacts: one grouped scan of residents by
// left(area_code, n) with the four window starts as parameters (no per-row date arithmetic).
// Today reads residents.last_contact_on, kept current with every contact. A past date first
// reduces contacts inside the widest window to max(occurred_on) per resident, then hash-joins
// that to the same grouped residents scan. EXPLAIN ANALYZE on PostgreSQL 15 with 1M/10M
// generated rows (2 shared cores): province today ≈ 0.3 s (parallel seq scan), a district today
// ≈ 25 ms (residents_area_idx), a district past date ≈ 0.1 s (contacts_area_idx), the province
// on a past date ≈ 3.3 s (an index-only scan of contacts_on_idx, which holds area_code for the
// RLS check). A past date uses the care level, status and community in force then
// (care_level_changes, resident_status_changes) through resident_standing_on() (migration 0015).
// Overdue is its own count (the due date has passed: standing.repo.ts), not "not covered": someone
// due today or newly registered and not yet due is neither covered nor overdue.
import { areaPrefix, childPrefixLength, shanghaiToday } from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { boundsOn } from './standing.repo.ts';
import { areaNamed, areasAtLevel, breakdownCounts, childAreas, coverageCounts, jitOff } from './coverage.repo.ts';

export interface CoverageCell {
  code: string;
  name: string;
  registered: number;
  covered: number;
  overdue: number;
  rate: number;
}

const cell = (code: string, name: string, registered: number, covered: number, overdue: number): CoverageCell => ({
  code,
  name,
  registered,
  covered,
  overdue,
  rate: registered ? Math.round((covered / registered) * 10_000) / 10_000 : 0,
});

/** `by`: rows for the direct children (default), or every street / community below the area. */
export type CoverageBy = 'child' | 'street' | 'community';
const BY_LENGTH: Record<Exclude<CoverageBy, 'child'>, number> = { street: 9, community: 12 };

export async function coverage(ctx: Ctx, q: { area?: string; date?: string; by?: CoverageBy }) {
  const { today, date, areaCode, prefix } = place(ctx, q);
  const by = q.by ?? 'child';
  const deep = by === 'child' ? null : BY_LENGTH[by];
  // A level at or above the area itself has no rows below it.
  const childLen = deep !== null ? (deep > prefix.length ? deep : null) : childPrefixLength(areaCode);

  return ctx.db.tx(async (db) => {
    await jitOff(db);
    const area = await areaNamed(db, areaCode);
    if (!area) throw notFound();
    const children = !childLen ? [] : deep === null ? await childAreas(db, areaCode) : await areasAtLevel(db, by, prefix);
    const counts = await coverageCounts(db, prefix, childLen ?? prefix.length, await boundsOn(db, date, today));
    const byCode = new Map(counts.map((c) => [c.code, c]));
    const sum = (k: 'registered' | 'covered' | 'overdue') => counts.reduce((s, c) => s + Number(c[k]), 0);
    return {
      date,
      area: cell(area.code, area.name, sum('registered'), sum('covered'), sum('overdue')),
      children: children.map((ch) => {
        const c = byCode.get(ch.code.slice(0, childLen!));
        return cell(ch.code, ch.name, Number(c?.registered ?? 0), Number(c?.covered ?? 0), Number(c?.overdue ?? 0));
      }),
    };
  });
}

/** The date and area a coverage request names, checked: not after today, inside the caller's scope. */
function place(ctx: Ctx, q: { area?: string; date?: string }) {
  const today = shanghaiToday(ctx.now);
  const date = q.date ?? today;
  if (date > today) throw fieldError('date', 'coverage.futureDate');
  const areaCode = q.area ?? ctx.actor.area.code;
  const prefix = areaPrefix(areaCode);
  if (!prefix.startsWith(ctx.scope)) throw notFound();
  return { today, date, areaCode, prefix };
}

const rated = (r: { key: string; registered: number; covered: number; overdue: number }) => ({
  key: r.key,
  registered: Number(r.registered),
  covered: Number(r.covered),
  overdue: Number(r.overdue),
  rate: r.registered ? Math.round((r.covered / r.registered) * 10_000) / 10_000 : 0,
});

/** Coverage of an area by care level (in force on the date) and by category, each figure a resident-list filter. */
export async function coverageBreakdown(ctx: Ctx, q: { area?: string; date?: string }) {
  const { today, date, areaCode, prefix } = place(ctx, q);
  return ctx.db.tx(async (db) => {
    await jitOff(db);
    const area = await areaNamed(db, areaCode);
    if (!area) throw notFound();
    const b = await boundsOn(db, date, today);
    const [levels, categories] = [await breakdownCounts(db, prefix, b, 'careLevel'), await breakdownCounts(db, prefix, b, 'category')];
    return { date, area, byCareLevel: levels.map(rated), byCategory: categories.map(rated) };
  });
}
