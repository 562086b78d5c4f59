// API contract for the 工作台 (each role's first page) and the 12-month coverage trend.
// Every count carries what it counts; the web app turns each into a link to the list behind it.
import { z } from 'zod';
import { areaCode, uuid } from './common.ts';

/** Assessments older than this leave a resident "without an assessment in the past year". */
export const ASSESSMENT_STALE_MONTHS = 12;

export const trendQuery = z.object({
  area: areaCode.optional(), // default: the caller's area
  months: z.coerce.number().int().min(1).max(24).default(12),
});

/** One month of the trend: the latest snapshot in that month (month end; the last night for the current month), or none. */
export const trendPoint = z.object({
  month: z.string(), // YYYY-MM
  /** The snapshot's date; null: no snapshot was taken in this month. */
  date: z.string().nullable(),
  registered: z.number().int().nullable(),
  covered: z.number().int().nullable(),
  /** covered / registered, 0..1; null without a snapshot or with nobody registered. */
  rate: z.number().nullable(),
  /** Computed after the fact (a past month-end of a new installation), not on the night itself. */
  backfilled: z.boolean(),
});
export const trendSeries = z.object({ code: z.string(), name: z.string(), points: z.array(trendPoint) });
export const trendResponse = z.object({
  months: z.array(z.string()),
  area: trendSeries,
  /** Child areas (cities of a province, districts of a city, streets of a district); none below a street. */
  children: z.array(trendSeries),
});
export type TrendResponse = z.infer<typeof trendResponse>;

const coverageFigure = z.object({ registered: z.number().int(), covered: z.number().int(), rate: z.number() });

/** Casework on a home page: active cases, plans/closures waiting for a head, returned to the worker, case tasks overdue. */
const caseFigures = z.object({
  active: z.number().int(),
  awaitingApproval: z.number().int(),
  returned: z.number().int(),
  overdueTasks: z.number().int(),
});
export type CaseFigures = z.infer<typeof caseFigures>;

/** 社工: my caseload (residents whose responsible worker I am). */
export const workerDashboard = z.object({
  kind: z.literal('worker'),
  asOf: z.string(),
  caseload: z.number().int(),
  dueThisWeek: z.number().int(), // next visit due today … today + 7, not overdue
  overdue: z.number().int(), // next visit due before today
  visitsThisMonth: z.number().int(), // contacts I recorded since the 1st
  coverage: coverageFigure, // my caseload's coverage today
  urgentFollowUps: z.number().int(), // open follow-ups assigned to me
  withoutAssessment: z.number().int(), // no assessment in the past 12 months
  cases: caseFigures, // the cases I am in charge of
});

const workerRow = z.object({
  workerId: uuid.nullable(), // null: unassigned
  workerName: z.string().nullable(),
  caseload: z.number().int(),
  overdue: z.number().int(),
  visitsThisMonth: z.number().int(),
});

/** 站长: the station's area. */
export const stationDashboard = z.object({
  kind: z.literal('station'),
  asOf: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  coverage: coverageFigure,
  overdue: z.number().int(),
  workers: z.array(workerRow),
  unassigned: z.number().int(),
  urgentOpen: z.number().int(),
  urgentOverdue: z.number().int(),
  unreadAlerts: z.number().int(),
  cases: caseFigures, // the station's cases
});

const areaRow = z.object({
  code: z.string(),
  name: z.string(),
  registered: z.number().int(),
  covered: z.number().int(),
  overdue: z.number().int(),
  rate: z.number(),
});

/** District / city / province official: by child area. */
export const areaDashboard = z.object({
  kind: z.literal('area'),
  asOf: z.string(),
  /** When these figures were counted (an official's are reused for a short while: dashboard.cache.ts). */
  computedAt: z.string(),
  area: areaRow,
  children: z.array(areaRow),
  byCategory: z.array(z.object({ code: z.string(), count: z.number().int() })),
  byCareLevel: z.array(z.object({ level: z.number().int(), count: z.number().int() })),
  assessmentsThisMonth: z.number().int(),
  visitsThisMonth: z.number().int(),
  urgentOverdue: z.number().int(), // urgent follow-ups open past their deadline
});

export const dashboardResponse = z.discriminatedUnion('kind', [workerDashboard, stationDashboard, areaDashboard]);
export type DashboardResponse = z.infer<typeof dashboardResponse>;
export type WorkerDashboard = z.infer<typeof workerDashboard>;
export type StationDashboard = z.infer<typeof stationDashboard>;
export type AreaDashboard = z.infer<typeof areaDashboard>;
