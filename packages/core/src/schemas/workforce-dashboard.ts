// The workforce dashboard (人才看板): the query and the answer, for the area and each child area
// (or organisation, within a street). Rates are fractions 0–1 computed in packages/core.
import { z } from 'zod';
import { PROGRAMME_STAGES } from '../workforce/programmes.ts';
import { areaCode } from './common.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' });

export const workforceDashboardQuery = z.object({ area: areaCode.optional(), asOf: isoDate.optional() });

const int = z.number().int();
const rate = z.number().nullable();

export const dashboardFigures = z.object({
  /** Workers on the register on the day. */
  workers: int,
  certified: int,
  assistant: int,
  intermediate: int,
  senior: int,
  rate,
  /** Continuing education of the workers with a registered cycle: complete, on pace, behind. */
  ce: z.object({ counted: int, complete: int, onPace: int, behind: int, rate }),
  /** The latest exam year's registrations (the dashboard's `examYear`). */
  exam: z.object({ registered: int, passed: int, rate }),
  /** Sessions held here from 1 January to the day: hours credited to attendees, and person-times. */
  training: z.object({ hours: z.number(), personTimes: int }),
  /** Talent programmes of the day's year owned here. */
  programmes: z.object({ open: int, closed: int, places: int, selected: int }),
});
export type DashboardFigures = z.infer<typeof dashboardFigures>;

export const workforceDashboard = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  /** The way back up: the caller's area down to this one. */
  trail: z.array(z.object({ code: z.string(), name: z.string() })),
  asOf: z.string(),
  examYear: int.nullable(),
  total: dashboardFigures,
  /** Pass rate of the area above in the same year, and this area's points above (+) or below (−) it. */
  examParent: z.object({ code: z.string(), name: z.string(), registered: int, passed: int, rate }).nullable(),
  examPointsAbove: z.number().nullable(),
  /** 持证率 at each of the previous 11 month ends and on the day. */
  trend: z.array(z.object({ day: z.string(), workers: int, certified: int, rate })),
  programmeStages: z.array(z.object({ stage: z.enum(PROGRAMME_STAGES), count: int })),
  /** Rewards and subsidies of the area's published policies of the year: budget and paid, in fen (null: not available). */
  rewards: z.object({ budget: int, paid: int }).nullable(),
  groupBy: z.enum(['area', 'org']),
  rows: z.array(dashboardFigures.extend({ key: z.string(), name: z.string(), drill: z.string().nullable() })),
});
export type WorkforceDashboard = z.infer<typeof workforceDashboard>;
