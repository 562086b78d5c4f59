// API contract for the responsible worker (责任社工): assigning residents in bulk by their ids
// or by the resident list's filter, and the workers one may assign to.
import { z } from 'zod';
import { uuid } from './common.ts';
import { residentListQuery } from './residents.ts';

/** A bulk assignment touches at most this many residents (a street's register fits many times). */
export const ASSIGN_MAX = 50_000;

/** The list's filters without paging or sort: "all matching the filter". */
export const residentFilterBody = residentListQuery.omit({ page: true, pageSize: true, sort: true });

export const residentAssignBody = z
  .object({
    workerId: uuid,
    /** The selected rows, or… */
    ids: z.array(uuid).min(1).max(1000).optional(),
    /** …every resident matching the list's filter. */
    filter: residentFilterBody.optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.filter === undefined), { path: ['ids'], error: 'assign.selection' });
export type ResidentAssignBody = z.output<typeof residentAssignBody>;

export const residentAssignResult = z.object({
  workerId: uuid,
  workerName: z.string(),
  /** Residents selected (found in scope). */
  matched: z.number().int(),
  /** Of those, how many had another (or no) worker: a repeat changes none. */
  changed: z.number().int(),
});

/** A worker one may assign residents to: active, may record visits, of the given area's station. */
export const assignableWorker = z.object({ id: uuid, username: z.string(), displayName: z.string(), areaCode: z.string() });
export const assignableWorkersQuery = z.object({
  area: z
    .string()
    .regex(/^\d{2,15}$/)
    .optional(),
});
