// The responsible worker (责任社工, issue 8 item 1): assigning residents in bulk, by the selected
// rows or by the list's filter, as one UPDATE and one audit record carrying the count; and the
// rule every path shares (registration, profile, import): the worker is an active casework
// account of the resident's station, and only holders of resident.assign assign someone else.
import { ASSIGN_MAX, normalizeAreaCode, stationPrefix, type ResidentAssignBody } from '@wushe/core';
import type { Db } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { fieldError, forbidden, notFound } from '../../http/errors.ts';
import type { FieldProblem } from './residents.write.ts';
import { filterSql } from './residents.repo.ts';
import { listFilter } from './residents.service.ts';
import { assignSelection, countSelection, idsSelection, workerById, workersServing } from './residents.assign.repo.ts';

const longer = (a: string, b: string) => (a.length >= b.length ? a : b);

export async function assignResidents(ctx: Ctx, body: ResidentAssignBody) {
  return ctx.db.tx(async (db) => {
    const worker = await workerById(db, ctx.scope, body.workerId);
    if (!worker) throw fieldError('workerId', 'assign.worker');
    const station = stationPrefix(worker.areaCode);
    let selection;
    let where: string;
    if (body.ids) {
      selection = idsSelection(ctx.scope, body.ids);
      where = ctx.scope;
    } else {
      const f = listFilter(ctx, { ...body.filter!, sort: 'nextDueOn', page: 1, pageSize: 1 }, 1, 0);
      if (!f) throw notFound(); // an area outside the caller's scope
      selection = filterSql(f);
      where = f.prefix;
    }
    const counts = await countSelection(db, selection, station);
    // Any id not visible answers as if none were: an id elsewhere is not confirmed to exist.
    if (body.ids && counts.matched < new Set(body.ids).size) throw notFound();
    if (counts.matched > ASSIGN_MAX) throw fieldError('filter', 'assign.tooMany', { max: ASSIGN_MAX });
    if (counts.outside) throw fieldError('workerId', 'assign.outsideStation', { count: counts.outside });
    const changed = counts.matched ? await assignSelection(db, selection, worker.id) : 0;
    if (changed) {
      // One record for the whole action: the count, the worker and what selected them.
      await appendAudit(
        db,
        byActor(ctx, {
          action: 'resident.assign',
          targetType: 'user',
          targetId: worker.id,
          areaCode: normalizeAreaCode(longer(where, station) || ctx.installation.areaCode),
          after: {
            workerId: worker.id,
            workerName: worker.displayName,
            matched: counts.matched,
            changed,
            ids: body.ids,
            filter: body.filter,
          },
        }),
      );
    }
    return { workerId: worker.id, workerName: worker.displayName, matched: counts.matched, changed };
  });
}

/** Workers one may assign a resident of `area` to (the caller's station when no area is given). */
export function assignableWorkers(ctx: Ctx, area?: string) {
  const prefix = stationPrefix(normalizeAreaCode(area ?? ctx.actor.area.code));
  return ctx.db.run((db) => workersServing(db, ctx.scope, prefix));
}

/**
 * The worker given for one resident (registration, edit): an active casework account whose
 * station covers the resident's area; someone other than the caller only with resident.assign.
 */
export async function checkWorkerFor(
  db: Db,
  ctx: Pick<Ctx, 'scope' | 'actor'>,
  workerId: string | null | undefined,
  areaCode: string,
  path = 'assignedWorkerId',
): Promise<FieldProblem[]> {
  if (!workerId) return [];
  if (workerId !== ctx.actor.id && !ctx.actor.permissions.includes('resident.assign')) throw forbidden('assign.notYours');
  const worker = await workerById(db, ctx.scope, workerId);
  if (!worker || !areaCode.startsWith(stationPrefix(worker.areaCode))) return [{ path, key: 'assign.worker' }];
  return [];
}

/**
 * Registration's default: the registering worker when they do casework and their station covers
 * the resident's area (a head or official registering leaves it to be assigned); an explicit
 * choice, null included, stands.
 */
export function defaultWorker(ctx: Pick<Ctx, 'actor'>, given: string | null | undefined, areaCode: string): string | null | undefined {
  if (given !== undefined) return given;
  const a = ctx.actor;
  const works = a.permissions.includes('contact.write') && !a.permissions.includes('resident.assign');
  return works && areaCode.startsWith(stationPrefix(a.area.code)) ? a.id : null;
}
