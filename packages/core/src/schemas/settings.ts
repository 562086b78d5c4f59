// API contract for installation settings: editable code lists and visit intervals.
import { z } from 'zod';
import { CODE_LISTS, codeListEntry } from './residents.ts';

export const codeListName = z.enum(CODE_LISTS);
export type CodeListName = z.infer<typeof codeListName>;
export const codeListQuery = z.object({ list: codeListName });
export const codeListParams = z.object({ list: codeListName });
/** The whole list as it should be; a code left out that is in use must be deactivated instead. */
export const codeListReplace = z.object({ items: z.array(codeListEntry).min(1).max(200) });
