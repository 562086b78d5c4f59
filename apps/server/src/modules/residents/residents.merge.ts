// Merging a duplicate into the record that stays (station heads): the duplicate's history
// (contacts, assessments, care-level changes, follow-ups, household links) moves over, the
// duplicate is kept as `merged` with a pointer, and the survivor's due date is recomputed.
import { nextDueDate, shanghaiToday, type CareLevel } from '@wushe/core';
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { getResidentIn } from './residents.service.ts';
import { textArray } from '@wushe/db';
import { loadVisitIntervals, residentRowById } from './residents.write.ts';

const MOVED_TABLES = ['contacts', 'assessments', 'care_level_changes', 'follow_ups'] as const;

async function moveHistory(db: Db, fromId: string, toId: string, areaCode: string): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  await db.execute(
    sql`UPDATE attachments SET area_code = ${areaCode} WHERE contact_id IN (SELECT id FROM contacts WHERE resident_id = ${fromId})`,
  );
  for (const t of MOVED_TABLES) {
    const res = await rows<{ id: string }>(
      db,
      sql`UPDATE ${sql.identifier(t)} SET resident_id = ${toId}, area_code = ${areaCode} WHERE resident_id = ${fromId} RETURNING id`,
    );
    moved[t] = res.length;
  }
  return moved;
}

export async function mergeResident(ctx: Ctx, id: string, body: { intoId: string; version: number; reason: string }) {
  if (id === body.intoId) throw fieldError('intoId', 'resident.mergeSelf');
  return ctx.db.tx(async (db) => {
    const source = await residentRowById(db, ctx.scope, id, true);
    const target = await residentRowById(db, ctx.scope, body.intoId, true);
    if (!source || !target) throw notFound();
    if (source.version !== body.version || source.status === 'merged' || target.status === 'merged') throw conflict();
    const moved = await moveHistory(db, source.id, target.id, target.areaCode);
    // Household: the survivor keeps its own; else it takes over the duplicate's.
    const household =
      target.householdId ?? (source.householdId ? (source.householdId === source.id ? target.id : source.householdId) : null);
    if (household)
      await db.execute(sql`UPDATE residents SET household_id = ${household} WHERE household_id = ${source.id} AND id <> ${source.id}`);
    const last =
      [source.lastContactOn, target.lastContactOn]
        .filter((d): d is string => Boolean(d))
        .sort()
        .at(-1) ?? null;
    const intervals = await loadVisitIntervals(db);
    const nextDue = nextDueDate(last ?? target.registeredOn, intervals[target.careLevel as CareLevel]);
    const categories = [...new Set([...target.categories, ...source.categories])];
    await db.execute(
      sql`UPDATE residents SET status = 'merged', merged_into = ${target.id}, version = version + 1, updated_at = now() WHERE id = ${source.id}`,
    );
    await db.execute(sql`UPDATE residents SET last_contact_on = ${last}::date, next_due_on = ${nextDue}::date, household_id = ${household},
        categories = ${textArray(categories)}, version = version + 1, updated_at = now() WHERE id = ${target.id}`);
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
