// Merging a duplicate into the record that stays (station heads): every row about the
// duplicate (RESIDENT_LINKED_TABLES: contacts, assessments, follow-ups, and the attachments of
// its contacts) and its household links move over (its care-level and status histories stay its
// own, so the survivor's past is judged at the survivor's levels), the
// duplicate is kept as `merged` with a pointer, and the survivor's due date is recomputed.
import { nextDueDate, shanghaiToday, type CareLevel, type mergeBody } from '@wushe/core';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { getResidentIn } from './residents.service.ts';
import { loadVisitIntervals } from '../settings/settings.repo.ts';
import { recordStatusChange } from './status-history.repo.ts';
import { markMerged, reassignLinkedRows, rehouse, residentRowById, updateSurvivor } from './residents.write.repo.ts';

export async function mergeResident(ctx: Ctx, id: string, body: z.output<typeof mergeBody>) {
  if (id === body.intoId) throw fieldError('intoId', 'resident.mergeSelf');
  return ctx.db.tx(async (db) => {
    const source = await residentRowById(db, ctx.scope, id, true);
    const target = await residentRowById(db, ctx.scope, body.intoId, true);
    if (!source || !target) throw notFound();
    if (source.version !== body.version || source.status === 'merged' || target.status === 'merged') throw conflict();
    const moved = await reassignLinkedRows(db, source.id, target.id, target.areaCode);
    // Household: the survivor keeps its own; else it takes over the duplicate's.
    const household =
      target.householdId ?? (source.householdId ? (source.householdId === source.id ? target.id : source.householdId) : null);
    if (household) await rehouse(db, source.id, household);
    const last =
      [source.lastContactOn, target.lastContactOn]
        .filter((d): d is string => Boolean(d))
        .sort()
        .at(-1) ?? null;
    const intervals = await loadVisitIntervals(db);
    const nextDue = nextDueDate(last ?? target.registeredOn, intervals[target.careLevel as CareLevel]);
    const categories = [...new Set([...target.categories, ...source.categories])];
    await markMerged(db, source.id, target.id);
    const reason = `merged into ${target.id}: ${body.reason}`;
    const merged = { fromStatus: source.status, toStatus: 'merged', fromArea: source.areaCode, toArea: source.areaCode };
    await recordStatusChange(db, { residentId: source.id, ...merged, reason, changedBy: ctx.actor.id });
    await updateSurvivor(db, target.id, { lastContactOn: last, nextDueOn: nextDue, householdId: household, categories });
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'resident.merge',
        targetType: 'resident',
        targetId: source.id,
        areaCode: source.areaCode,
        before: { name: source.name, idMasked: source.idMasked, status: source.status },
        after: {
          status: 'merged',
          mergedInto: target.id,
          intoName: target.name,
          intoIdMasked: target.idMasked,
          reason: body.reason,
          moved,
          asOf: shanghaiToday(ctx.now),
        },
      }),
    );
    return getResidentIn(db, ctx, target.id);
  });
}
