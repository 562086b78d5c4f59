// The heads' review queue of outside continuing-education hours: the entries of a status
// (pending first of all) in the caller's scope, with the worker's name and organisation, oldest
// first so nothing waits long. The review itself is ce-hours.ts (reviewCeEntry).
import { narrowScope, type ceEntryListQuery } from '@wushe/core';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { queueEntries } from './ce-queue.repo.ts';

export async function reviewQueue(ctx: Pick<Ctx, 'db' | 'scope'>, q: z.output<typeof ceEntryListQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  return ctx.db.run((db) => queueEntries(db, { prefix, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }));
}
