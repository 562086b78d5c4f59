// API contract for the outputs of 微心愿 and 志愿服务 (issue 11 item 11): an area's figures for
// a period, by child area (drill-down from a city to its districts, streets, communities), by
// month, and its wishes by status and value at the end of the period. Definitions in
// packages/core/src/volunteers/outputs.ts.
import { z } from 'zod';
import { WISH_STATUSES } from '../wishes/wishes.ts';
import { areaCode } from './common.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' });
/** As the service outputs': the caller's area and the last twelve months by default. */
export const volunteeringOutputsQuery = z
  .object({
    area: areaCode.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], error: 'outputs.period' });
export type VolunteeringOutputsQuery = z.output<typeof volunteeringOutputsQuery>;

const n = z.number().int();
export const volunteeringFiguresSchema = z.object({
  wishesPosted: n,
  wishesClaimed: n,
  wishesFulfilled: n,
  /** In fen. */
  fulfilledValueFen: n,
  /** Published and waiting for a claimant at the end of the period. */
  wishesOpen: n,
  volunteersRegistered: n,
  volunteersNew: n,
  volunteersActive: n,
  services: n,
  serviceMinutes: n,
});

export const volunteeringOutputsResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  from: z.string(),
  to: z.string(),
  totals: volunteeringFiguresSchema,
  rows: z.array(z.object({ key: z.string(), name: z.string(), drill: z.boolean(), figures: volunteeringFiguresSchema })),
  months: z.array(
    z.object({
      month: z.string(),
      wishesPosted: n,
      wishesFulfilled: n,
      fulfilledValueFen: n,
      volunteersNew: n,
      volunteersActive: n,
      serviceMinutes: n,
    }),
  ),
  /** Every status, in lifecycle order, with the wishes in it and their estimated value (fen). */
  statuses: z.array(z.object({ status: z.enum(WISH_STATUSES), count: n, valueFen: n })),
});
export type VolunteeringOutputsResponse = z.infer<typeof volunteeringOutputsResponse>;
