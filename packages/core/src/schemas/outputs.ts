// API contract for service outputs (服务成效, issue 9 item 9): for an area (or its workers) and a
// period, what the three methods produced. Definitions (docs/api.md, outputs):
// - casesOpened / casesClosed: opened / closed on a day of the period; casesActive: open on at
//   least one day of it (opened on or before its end, not closed before its start);
// - groups: groups with a session held in the period; groupSessions: sessions held in it;
// - activities: community activities held in it;
// - personTimes (人次): attendance over those sessions and activities, one per person per occasion;
// - people: distinct people served: attendees and the residents of active cases, each once;
// - satisfaction: mean of the answers given in the period (1–5, one decimal), with their count.
// Days are Asia/Shanghai days.
import { z } from 'zod';
import { areaCode } from './common.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' });

export const outputsQuery = z
  .object({
    /** Default: the caller's area. */
    area: areaCode.optional(),
    /** Default: the first of the month a year before `to`'s month… */
    from: isoDate.optional(),
    /** …and today (Asia/Shanghai). */
    to: isoDate.optional(),
    /** Rows per child area (default) or per worker of the area. */
    by: z.enum(['area', 'worker']).default('area'),
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], error: 'outputs.period' });
export type OutputsQuery = z.output<typeof outputsQuery>;

export const outputFigures = z.object({
  casesOpened: z.number().int(),
  casesActive: z.number().int(),
  casesClosed: z.number().int(),
  groups: z.number().int(),
  groupSessions: z.number().int(),
  activities: z.number().int(),
  personTimes: z.number().int(),
  people: z.number().int(),
  satisfaction: z.number().nullable(),
  satisfactionAnswers: z.number().int(),
});
export type OutputFigures = z.infer<typeof outputFigures>;

export const outputsRow = z.object({
  /** A child area's code, or a worker's id. */
  key: z.string(),
  name: z.string(),
  /** A child area can be opened in turn (drill-down; a community opens on its workers). */
  drill: z.boolean(),
  figures: outputFigures,
});

export const outputsMonth = z.object({
  month: z.string(),
  casesOpened: z.number().int(),
  groupSessions: z.number().int(),
  activities: z.number().int(),
  personTimes: z.number().int(),
});

export const outputsResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  /** The area's parents up to the caller's own area, for the way back up. */
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  from: z.string(),
  to: z.string(),
  by: z.enum(['area', 'worker']),
  totals: outputFigures,
  rows: z.array(outputsRow),
  months: z.array(outputsMonth),
});
export type OutputsResponse = z.infer<typeof outputsResponse>;
