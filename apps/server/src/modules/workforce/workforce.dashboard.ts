// The workforce dashboard (人才看板, issue 10 item 11) for an official: for an area and each child
// area (or organisation, within a street) on a day — headcount and 持证率 with its 12-month trend,
// the latest exam year's pass rate against the area above, continuing-education standing,
// training delivered this year and talent programmes by stage. Rates are core's.
import {
  areaAncestors,
  areaLevel,
  areaPrefix,
  certificationRate,
  childPrefixLength,
  complianceRate,
  narrowScope,
  passRate,
  pointsAbove,
  PROGRAMME_STAGES,
  roundHours,
  trendDays,
  type DashboardFigures,
  type WorkforceDashboard,
  type workforceDashboardQuery,
} from '@wushe/core';
import type { Db } from '@wushe/db';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { latestExamYear, passCounts } from '../exams/exams.repo.ts';
import { requiredHoursOf } from '../trainings/ce-hours.ts';
import {
  ceCounts,
  certCounts,
  dashboardSettings,
  programmeCounts,
  rewardTotals,
  trainingCounts,
  wideArea,
  type CeRow,
  type CertRow,
  type ProgrammeRow,
} from './workforce.dashboard.repo.ts';
import { todayOf } from './workforce.service.ts';
import { areaNames, childAreas, orgNames } from './workforce.stats.repo.ts';

type DCtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'now' | 'actor'>;
export type DashboardInput = z.output<typeof workforceDashboardQuery>;

const zero = (): Omit<DashboardFigures, 'rate'> & { rate: null } => ({
  workers: 0,
  certified: 0,
  assistant: 0,
  intermediate: 0,
  senior: 0,
  rate: null,
  ce: { counted: 0, complete: 0, onPace: 0, behind: 0, rate: null },
  exam: { registered: 0, passed: 0, rate: null },
  training: { hours: 0, personTimes: 0 },
  programmes: { open: 0, closed: 0, places: 0, selected: 0 },
});

/** Adds one key's raw counts into figures (rates are set once all are in). */
function addInto(
  f: DashboardFigures,
  c?: CertRow,
  ce?: CeRow,
  exam?: { registered: number; passed: number },
  tr?: { hours: number; personTimes: number },
  pr?: ProgrammeRow[],
) {
  if (c) for (const k of ['workers', 'certified', 'assistant', 'intermediate', 'senior'] as const) f[k] += c[k];
  if (ce) for (const k of ['counted', 'complete', 'onPace', 'behind'] as const) f.ce[k] += ce[k];
  if (exam) {
    f.exam.registered += exam.registered;
    f.exam.passed += exam.passed;
  }
  if (tr) {
    f.training.hours = roundHours(f.training.hours + tr.hours);
    f.training.personTimes += tr.personTimes;
  }
  for (const p of pr ?? []) {
    f.programmes[p.stage === 'done' ? 'closed' : 'open'] += p.programmes;
    f.programmes.places += p.places;
    f.programmes.selected += p.selected;
  }
}

const withRates = (f: DashboardFigures): DashboardFigures => ({
  ...f,
  rate: certificationRate(f),
  ce: { ...f.ce, rate: complianceRate(f.ce) },
  exam: { ...f.exam, rate: passRate(f.exam) },
});

/** The next day (YYYY-MM-DD). */
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function workforceDashboard(ctx: DCtx, q: DashboardInput): Promise<WorkforceDashboard> {
  const code = q.area ?? ctx.actor.area.code;
  const prefix = narrowScope(ctx.scope, code);
  const today = todayOf(ctx);
  const asOf = q.asOf ?? today;
  if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || nextDay(asOf) <= asOf) throw fieldError('asOf', 'field.date');
  if (asOf > today) throw fieldError('asOf', 'workforce.futureDate');
  const days = trendDays(asOf);
  const year = Number(asOf.slice(0, 4));
  const level = areaLevel(code);
  const childLen = ['province', 'city', 'county'].includes(level) ? childPrefixLength(code) : null;
  // Sessions of the business year so far, in Asia/Shanghai: [1 January 00:00, the day after asOf 00:00).
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${nextDay(asOf)}T00:00:00+08:00`;

  const wide = prefix !== null && wideArea(prefix);
  const read = await ctx.db.tx(async (db) => {
    const area = prefix === null ? undefined : await areaByCode(db, ctx.scope, code);
    if (!area || prefix === null) throw notFound();
    await dashboardSettings(db, wide);
    const examYear = await latestExamYear(db, prefix, year);
    const trailCodes = [...areaAncestors(code), code].filter((c) => c.startsWith(areaPrefix(ctx.actor.area.code)));
    return {
      area,
      prefix,
      examYear,
      certs: await certCounts(db, prefix, asOf, days, childLen),
      exams: examYear === null ? [] : await passCounts(db, prefix, examYear, childLen),
      programmes: await programmeCounts(db, prefix, year, childLen),
      rewards: await rewardTotals(db, prefix, year),
      required: await requiredHoursOf(db),
      children: childLen ? await childAreas(db, code) : [],
      trail: await areaNames(db, trailCodes),
    };
  });
  // Hours count wherever the session was held, the rollups of CE and training are owner only,
  // and the area above is a published aggregate: read as the owner, after the scope check above,
  // counts only.
  const parentCode = areaAncestors(code).at(-1);
  const { ce, training, parentExam, parentName } = await ctx.database.owner((o) =>
    o.transaction(async (tx) => {
      const owner = tx as unknown as Db;
      await dashboardSettings(owner, wide);
      return {
        ce: await ceCounts(owner, read.prefix, asOf, asOf === today, read.required, childLen),
        training: await trainingCounts(owner, read.prefix, from, to, childLen),
        parentExam: parentCode && read.examYear !== null ? await passCounts(owner, areaPrefix(parentCode), read.examYear, 0) : [],
        parentName: parentCode ? (await areaNames(owner, [parentCode]))[0]?.name : undefined,
      };
    }),
  );

  const group = <T extends { key: string | null }>(list: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of list) m.set(r.key ?? '', [...(m.get(r.key ?? '') ?? []), r]);
    return m;
  };
  const certBy = group(read.certs);
  const ceBy = group(ce);
  const examBy = group(read.exams);
  const trBy = group(training);
  const prBy = group(read.programmes);
  const keys = new Set([...certBy.keys(), ...ceBy.keys(), ...examBy.keys(), ...trBy.keys(), ...prBy.keys()]);
  const figuresOf = (k: string) => {
    const f = zero() as DashboardFigures;
    const ex = (examBy.get(k) ?? []).reduce((s, r) => ({ registered: s.registered + r.registered, passed: s.passed + r.passed }), {
      registered: 0,
      passed: 0,
    });
    addInto(f, certBy.get(k)?.[0], ceBy.get(k)?.[0], ex, trBy.get(k)?.[0], prBy.get(k));
    return f;
  };

  const total = zero() as DashboardFigures;
  for (const k of keys) addInto(total, certBy.get(k)?.[0], ceBy.get(k)?.[0], figuresOf(k).exam, trBy.get(k)?.[0], prBy.get(k));

  let rows: WorkforceDashboard['rows'];
  if (childLen) {
    const keyOf = (c: string) => c.slice(0, childLen);
    const known = new Set(read.children.map((c) => keyOf(c.code)));
    // what is placed on the area itself (a district's own staff, its own trainings) is a row of its own
    const rest = [...keys].filter((k) => !known.has(k));
    rows = [
      ...read.children.map((c) => ({ key: c.code, name: c.name, drill: c.code, ...withRates(figuresOf(keyOf(c.code))) })),
      ...rest.map((k) => ({ key: k.padEnd(12, '0'), name: read.area.name, drill: null, ...withRates(figuresOf(k)) })),
    ];
  } else {
    const names = new Map((await ctx.db.run((db) => orgNames(db, [...keys].filter(Boolean)))).map((o) => [o.id, o.name]));
    rows = [...keys]
      .map((k) => ({ key: k, name: names.get(k) ?? '', drill: null, ...withRates(figuresOf(k)) }))
      .sort((a, b) => b.workers - a.workers || a.name.localeCompare(b.name, 'zh-CN'));
  }

  const trend = days.map((day, i) => {
    let workers = 0;
    let certified = 0;
    for (const c of read.certs) {
      workers += c.trendWorkers[i] ?? 0;
      certified += c.trendCertified[i] ?? 0;
    }
    return { day, workers, certified, rate: certificationRate({ workers, certified }) };
  });
  const parentCounts = parentExam.reduce((s, r) => ({ registered: s.registered + r.registered, passed: s.passed + r.passed }), {
    registered: 0,
    passed: 0,
  });
  const totals = withRates(total);
  const trailNames = new Map(read.trail.map((a) => [a.code, a.name]));
  return {
    area: { code, name: read.area.name, level },
    trail: [...areaAncestors(code), code].filter((c) => trailNames.has(c)).map((c) => ({ code: c, name: trailNames.get(c)! })),
    asOf,
    examYear: read.examYear,
    total: totals,
    examParent:
      parentCode && read.examYear !== null
        ? { code: parentCode, name: parentName ?? parentCode, ...parentCounts, rate: passRate(parentCounts) }
        : null,
    examPointsAbove: parentCode && read.examYear !== null ? pointsAbove(totals.exam, parentCounts) : null,
    trend,
    programmeStages: PROGRAMME_STAGES.map((stage) => ({
      stage,
      count: read.programmes.filter((p) => p.stage === stage).reduce((s, p) => s + p.programmes, 0),
    })),
    // Rewards and subsidies paid against the budget of the area's policies of the year (fen).
    rewards: read.rewards,
    groupBy: childLen ? 'area' : 'org',
    rows,
  };
}
