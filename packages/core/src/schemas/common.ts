import { z } from 'zod';
import { AREA_CODE_INPUT_PATTERN, normalizeAreaCode } from '../area.ts';

export const uuid = z.uuid();
/** An area code in a query, body or path: 2/4/6/9 digits padded to 12, 12+ kept (see parseAreaCode). */
export const areaCode = z.string().trim().regex(AREA_CODE_INPUT_PATTERN, { error: 'area.invalid' }).transform(normalizeAreaCode);
export const isoDateTime = z.string();

/** `?page=&pageSize=` (1-based, pageSize capped at 100). */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const idParams = z.object({ id: uuid });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** RFC 9457 problem details, with a stable `code` and field errors. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

export const okResponse = z.object({ ok: z.literal(true) });

/** Optimistic concurrency: writes carry the version they read; a stale one answers 409. */
export const versioned = z.object({ version: z.number().int().min(1) });

/** Optional free text: trimmed, an empty string stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
