// Pass rates (考试通过率) for an area, a year and optionally a level: by child area down to the
// street, then by organisation, each compared with the area shown; the area itself compared
// with the area above (石城's "6.8 points above the province"). The area above is usually
// outside the caller's scope: its rate is a published aggregate, read as the owner as counts
// only, never rows.
import {
  areaAncestors,
  areaLevel,
  areaPrefix,
  childPrefixLength,
  narrowScope,
  passRate,
  pointsAbove,
  SW_LEVELS,
  type ExamStats,
  type PassCounts,
  type SwLevel,
} from '@wushe/core';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { areaNames, childAreas, orgNames } from '../workforce/workforce.stats.repo.ts';
import { examYears, passCounts, type PassRow } from './exams.repo.ts';

type SCtx = Pick<Ctx, 'db' | 'scope' | 'actor' | 'database'>;

const zero = (): PassCounts => ({ registered: 0, passed: 0 });
const sum = (rows: readonly PassRow[]) =>
  rows.reduce((c, r) => ({ registered: c.registered + r.registered, passed: c.passed + r.passed }), zero());
const compared = (c: PassCounts, above: PassCounts | null) => ({
  ...c,
  rate: passRate(c),
  pointsAbove: above ? pointsAbove(c, above) : null,
});

export async function examStats(ctx: SCtx, q: { area?: string; year?: number; level?: SwLevel }): Promise<ExamStats> {
  const code = q.area ?? ctx.actor.area.code;
  const prefix = narrowScope(ctx.scope, code);
  const level = q.level ?? null;
  const { area, years, counts, groupNames } = await ctx.db.run(async (db) => {
    const area = prefix === null ? undefined : await areaByCode(db, ctx.scope, code);
    if (!area || prefix === null) throw notFound();
    const years = (await examYears(db, prefix)).map((y) => y.year);
    const year = q.year ?? years[0];
    const childLen = ['province', 'city', 'county'].includes(areaLevel(code)) ? childPrefixLength(code) : null;
    const counts = year === undefined ? [] : await passCounts(db, prefix, year, childLen, level ?? undefined);
    const groupNames = childLen
      ? { children: await childAreas(db, code), childLen, orgs: [] }
      : { children: [], childLen: null, orgs: await orgNames(db, [...new Set(counts.map((c) => c.key).filter((k): k is string => !!k))]) };
    return { area, years, counts, groupNames };
  });
  const year = q.year ?? years[0] ?? null;
  const total = sum(counts);
  const parentCode = areaAncestors(code).at(-1);
  let parent: ExamStats['parent'] = null;
  let parentCounts: PassRow[] = [];
  if (parentCode && year !== null) {
    parentCounts = await ctx.database.owner((db) => passCounts(db, areaPrefix(parentCode), year, 0, level ?? undefined));
    const [named] = await ctx.db.run((db) => areaNames(db, [parentCode]));
    const p = sum(parentCounts);
    parent = { code: parentCode, name: named?.name ?? parentCode, ...p, rate: passRate(p) };
  }
  const byLevel = SW_LEVELS.filter((l) => !level || l === level).map((l) => {
    const mine = sum(counts.filter((c) => c.level === l));
    return { level: l, ...compared(mine, parent ? sum(parentCounts.filter((c) => c.level === l)) : null) };
  });
  const byKey = new Map<string, PassRow[]>();
  for (const c of counts) byKey.set(c.key ?? '', [...(byKey.get(c.key ?? '') ?? []), c]);
  let rows: ExamStats['rows'];
  if (groupNames.childLen) {
    const len = groupNames.childLen;
    const known = new Set(groupNames.children.map((c) => c.code.slice(0, len)));
    const rest = [...byKey.keys()].filter((k) => !known.has(k));
    rows = [
      ...groupNames.children.map((c) => ({
        key: c.code,
        name: c.name,
        drill: c.code,
        ...compared(sum(byKey.get(c.code.slice(0, len)) ?? []), total),
      })),
      ...rest.map((k) => ({ key: k.padEnd(12, '0'), name: area.name, drill: null, ...compared(sum(byKey.get(k)!), total) })),
    ];
  } else {
    const names = new Map(groupNames.orgs.map((o) => [o.id, o.name]));
    rows = [...byKey.entries()]
      .map(([k, c]) => ({ key: k, name: names.get(k) ?? '', drill: null, ...compared(sum(c), total) }))
      .sort((a, b) => b.registered - a.registered || a.name.localeCompare(b.name));
  }
  return {
    area: { code, name: area.name, level: areaLevel(code) },
    parent,
    year,
    years,
    level,
    total: compared(total, parent),
    byLevel,
    groupBy: groupNames.childLen ? 'area' : 'org',
    rows,
  };
}
