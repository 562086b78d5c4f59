// Installation-wide settings: the editable code lists and the visit interval per care level.
// Both are reference data for the whole installation, so writes run in the installation's
// scope, and a new interval table moves every active resident's due date at once.
import type { CodeListName, visitIntervals } from '@wushe/core';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { badRequest, type FieldError } from '../../http/errors.ts';
import {
  codeInUse,
  codeListEntries,
  deactivateCode,
  loadVisitIntervals,
  recomputeDueDates,
  saveVisitIntervals,
  upsertCodeListEntry,
  type CodeListEntry,
} from './settings.repo.ts';

export async function getCodeList(ctx: Ctx, list: CodeListName) {
  const items = await ctx.db.run((db) => codeListEntries(db, list));
  return { items, total: items.length };
}

/**
 * Replaces a list with the given entries. Codes are never deleted (records keep pointing at
 * them): one left out is deactivated if unused, and refused if in use (deactivate it instead).
 */
export async function replaceCodeList(ctx: Ctx, list: CodeListName, items: CodeListEntry[]) {
  const seen = new Set<string>();
  const dupes: FieldError[] = [];
  items.forEach((e, i) => {
    if (seen.has(e.code)) dupes.push({ path: `items.${i}.code`, key: 'codeList.duplicate', params: { code: e.code } });
    seen.add(e.code);
  });
  if (dupes.length) throw badRequest(dupes);
  return ctx.database.tx(ctx.installation.scope, async (db) => {
    const before = await codeListEntries(db, list);
    const dropped = before.filter((e) => !seen.has(e.code));
    const problems: FieldError[] = [];
    for (const e of dropped) {
      if (e.active && (await codeInUse(db, list, e.code)))
        problems.push({ path: 'items', key: 'codeList.inUse', params: { code: e.code } });
    }
    if (problems.length) throw badRequest(problems);
    for (const e of items) await upsertCodeListEntry(db, list, e);
    for (const e of dropped) await deactivateCode(db, list, e.code);
    const after = await codeListEntries(db, list);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'codeList.update',
        targetType: 'code_list',
        targetId: list,
        areaCode: ctx.installation.areaCode,
        before,
        after,
      }),
    );
    return { items: after, total: after.length };
  });
}

export const getVisitIntervals = (ctx: Ctx) => ctx.db.run((db) => loadVisitIntervals(db));

/**
 * Stores the interval table and recomputes next_due_on of every active resident. The
 * version is not bumped: the due date is derived, and open edit forms must not go stale.
 */
export async function setVisitIntervals(ctx: Ctx, value: z.output<typeof visitIntervals>) {
  return ctx.database.tx(ctx.installation.scope, async (db) => {
    const before = await loadVisitIntervals(db);
    await saveVisitIntervals(db, value);
    const recomputed = await recomputeDueDates(db, value);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'settings.visitIntervals',
        targetType: 'settings',
        targetId: 'visit_intervals',
        areaCode: ctx.installation.areaCode,
        before,
        after: { ...value, recomputed },
      }),
    );
    return value;
  });
}
