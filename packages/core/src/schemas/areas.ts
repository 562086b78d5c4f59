import { z } from 'zod';
import { areaCode } from './common.ts';

export const areaLevelSchema = z.enum(['province', 'city', 'county', 'street', 'community', 'grid']);

export const area = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevelSchema,
  parentCode: z.string().nullable(),
  initials: z.string(),
  hasChildren: z.boolean(),
  /** Full path name, e.g. 厦门市 / 湖里区 / 江头街道. */
  path: z.string(),
});
export type Area = z.infer<typeof area>;

/** `GET /areas?parent=CODE` children, or `?q=TEXT` search (name or pinyin initials). */
export const areasQuery = z.object({
  parent: areaCode.optional(),
  q: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const gridCreateBody = z.object({
  parentCode: areaCode,
  name: z.string().trim().min(1, { error: 'field.required' }).max(60),
  /** Local suffix, 3 digits by default; the grid code is the community code + suffix. */
  suffix: z.string().regex(/^\d{3}$/),
});
