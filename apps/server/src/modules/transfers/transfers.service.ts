// Transfers (调入/调出): the receiving station asks for a resident by exact ID number; the
// holding station approves or declines with a reason. An approval moves the record and every
// row about it (RESIDENT_LINKED_TABLES) to the receiver's community and worker in one
// transaction, so the record is never in both stations or neither. Before approval the
// receiver learns only masks and the holding station.
import {
  areaAncestors,
  maskName,
  parseDocumentNumber,
  shanghaiToday,
  translate,
  type Actor,
  type Transfer,
  type transferDecision,
  type transferListQuery,
  type transferRequest,
} from '@wushe/core';
import { idBlindIndex, RESIDENT_LINKED_TABLES, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, badRequest, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { isUniqueViolation } from '../../http/db-errors.ts';
import { insertNotification } from '../assessments/urgent.repo.ts';
import { checkResidentRefs, problemsToFields } from '../residents/residents.write.ts';
import { moveLinkedRows } from '../residents/residents.write.repo.ts';
import { recordStatusChange } from '../residents/status-history.repo.ts';
import {
  acrossStations,
  countLinkedIn,
  decidersAt,
  insertTransfer,
  listTransfers,
  moveResident,
  recordDecision,
  residentForTransfer,
  transferById,
  workerInScope,
} from './transfers.repo.ts';

export type TransferRequestInput = z.output<typeof transferRequest>;
export type TransferListInput = z.output<typeof transferListQuery>;
export type TransferDecisionInput = z.output<typeof transferDecision>;

/**
 * What a transfer needs of its caller: a request's context, or the demo's (transfers.demo.ts,
 * which asks and decides as the demo accounts on past dates; no request, so no IP).
 */
export type TransferCtx = Pick<Ctx, 'db' | 'database' | 'keys' | 'scope' | 'now'> & {
  actor: Pick<Actor, 'id' | 'username' | 'displayName'>;
  ip: string | null;
};

const within = (code: string, scope: string) => code.startsWith(scope);

/** The transfer as the caller sees it: which way it goes for them. */
const seen = (ctx: Pick<TransferCtx, 'scope'>, t: Omit<Transfer, 'direction'>): Transfer => {
  const inn = within(t.toAreaCode, ctx.scope);
  const out = within(t.fromAreaCode, ctx.scope);
  return { ...t, direction: inn && out ? 'within' : inn ? 'in' : 'out' };
};

/** The nearest area (2/4/6/9-digit prefix) covering both communities: the scope of the cross-station statements. */
export function coveringScope(a: string, b: string): string {
  for (const len of [9, 6, 4, 2]) if (a.slice(0, len) === b.slice(0, len)) return a.slice(0, len);
  return '';
}

/**
 * The record's change of community, kept in its status/community history (so coverage for an
 * earlier date still counts it where it was) and in both stations' audit trails. Runs in the
 * scope covering both stations: the history row belongs to the receiving community.
 */
export async function recordAreaChange(
  db: Db,
  ctx: TransferCtx,
  change: { residentId: string; fromArea: string; toArea: string; transferId: string; on: string; moved: Record<string, number> },
): Promise<void> {
  await recordStatusChange(db, {
    residentId: change.residentId,
    fromStatus: 'active',
    toStatus: 'active',
    fromArea: change.fromArea,
    toArea: change.toArea,
    reason: `transfer ${change.transferId}`,
    changedBy: ctx.actor.id,
    changedAt: ctx.now,
  });
  const common = { targetType: 'resident', targetId: change.residentId };
  const after = { areaCode: change.toArea, transferId: change.transferId, on: change.on, moved: change.moved };
  const before = { areaCode: change.fromArea };
  await appendAudit(db, byActor(ctx, { action: 'resident.transfer.out', ...common, areaCode: change.fromArea, before, after }));
  await appendAudit(db, byActor(ctx, { action: 'resident.transfer.in', ...common, areaCode: change.toArea, before, after }));
}

export async function requestTransfer(ctx: TransferCtx, body: TransferRequestInput): Promise<Transfer> {
  const parsed = parseDocumentNumber(body.documentType, body.idNumber, shanghaiToday(ctx.now));
  if (!parsed.ok) throw fieldError('idNumber', parsed.messageKey as never, parsed.params);
  const hash = idBlindIndex(ctx.keys, body.documentType, parsed.id);
  const found = await ctx.db.run((db) => residentForTransfer(db, hash));
  if (!found) throw fieldError('idNumber', 'transfer.notFound');
  if (within(found.areaCode, ctx.scope)) throw fieldError('idNumber', 'transfer.alreadyHere');
  // Who decides: read in the system scope (the requester cannot see the other station's accounts); ids only.
  const deciders = await ctx.database.run('', (db) => decidersAt(db, [...areaAncestors(found.areaCode), found.areaCode]));
  try {
    return await ctx.db.tx(async (db) => {
      const refs = await checkResidentRefs(db, ctx, { areaCode: body.toAreaCode });
      const problems = refs.map((p) => ({ ...p, path: 'toAreaCode' }));
      const workerId = body.toWorkerId ?? ctx.actor.id;
      const worker = await workerInScope(db, ctx.scope, workerId);
      if (!worker) problems.push({ path: 'toWorkerId', key: 'error.notFound' });
      if (problems.length) throw badRequest(problemsToFields(problems));
      const id = uuidv7();
      const nameMasked = maskName(found.name);
      await insertTransfer(db, {
        id,
        residentId: found.id,
        fromAreaCode: found.areaCode,
        toAreaCode: body.toAreaCode,
        toWorkerId: worker!.id,
        toWorkerName: worker!.displayName,
        note: body.note ?? null,
        residentNameMasked: nameMasked,
        idMasked: found.idMasked,
        requestedBy: ctx.actor.id,
        requestedByName: ctx.actor.displayName,
        requestedAt: ctx.now,
      });
      const t = (await transferById(db, ctx.scope, id))!;
      await acrossStations(db, coveringScope(found.areaCode, body.toAreaCode), ctx.scope, async () => {
        const params = { name: nameMasked, id: found.idMasked, station: t.toStreetName || t.toAreaName };
        for (const userId of deciders) {
          await insertNotification(db, {
            userId,
            areaCode: found.areaCode,
            kind: 'transfer.requested',
            title: translate('zh-CN', 'transfer.requestedTitle', params),
            body: translate('zh-CN', 'transfer.requestedBody', params),
            link: '/transfers',
            at: ctx.now,
          });
        }
      });
      const after = { residentId: found.id, residentName: nameMasked, idMasked: found.idMasked, to: body.toAreaCode, from: found.areaCode };
      for (const areaCode of [body.toAreaCode, found.areaCode]) {
        await appendAudit(db, byActor(ctx, { action: 'transfer.request', targetType: 'transfer', targetId: id, areaCode, after }));
      }
      return seen(ctx, t);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(409, 'transfer.pending'); // one open request per resident
    throw e;
  }
}

export async function findTransfers(ctx: Ctx, q: TransferListInput) {
  const page = await ctx.db.run((db) =>
    listTransfers(db, ctx.scope, { direction: q.direction, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
  return { items: page.items.map((t) => seen(ctx, t)), total: page.total };
}

export async function decideTransfer(ctx: TransferCtx, id: string, body: TransferDecisionInput): Promise<Transfer> {
  const approve = body.decision === 'approve';
  return ctx.db.tx(async (db) => {
    const t = await transferById(db, ctx.scope, id, true);
    if (!t) throw notFound(); // neither station is the caller's: as if it did not exist
    if (!within(t.fromAreaCode, ctx.scope)) throw forbidden(); // the requester cannot decide its own request
    if (t.status !== 'pending') throw new AppError(409, 'transfer.decided');
    const reason = body.reason ?? null;
    if (
      !(await recordDecision(db, id, {
        status: approve ? 'approved' : 'declined',
        by: ctx.actor.id,
        byName: ctx.actor.displayName,
        reason,
        at: ctx.now,
      }))
    )
      throw new AppError(409, 'transfer.decided');
    const cover = coveringScope(t.fromAreaCode, t.toAreaCode);
    await acrossStations(db, cover, ctx.scope, async () => {
      if (approve) {
        // Still held where it was asked for: otherwise nothing moves (and the decision rolls back).
        if (!(await moveResident(db, t.residentId, t.fromAreaCode, t.toAreaCode, t.toWorkerId))) throw new AppError(409, 'transfer.moved');
        await moveLinkedRows(db, t.residentId, t.toAreaCode);
        const moved = await countLinkedIn(
          db,
          t.residentId,
          RESIDENT_LINKED_TABLES.filter((l) => !l.keepsAreas),
          t.toAreaCode,
        );
        const change = { residentId: t.residentId, fromArea: t.fromAreaCode, toArea: t.toAreaCode, transferId: id, moved };
        await recordAreaChange(db, ctx, { ...change, on: shanghaiToday(ctx.now) });
      }
      const params = { name: t.residentNameMasked, station: t.fromStreetName || t.fromAreaName, reason: reason ?? '—' };
      await insertNotification(db, {
        userId: t.requestedBy,
        areaCode: t.toAreaCode,
        kind: approve ? 'transfer.approved' : 'transfer.declined',
        title: translate('zh-CN', approve ? 'transfer.approvedTitle' : 'transfer.declinedTitle', params),
        body: translate('zh-CN', 'transfer.decidedBody', params),
        link: approve ? `/residents/${t.residentId}` : '/transfers',
        at: ctx.now,
      });
    });
    const after = { decision: body.decision, reason, residentName: t.residentNameMasked, idMasked: t.idMasked };
    for (const areaCode of [t.fromAreaCode, t.toAreaCode]) {
      await appendAudit(
        db,
        byActor(ctx, { action: `transfer.${approve ? 'approve' : 'decline'}`, targetType: 'transfer', targetId: id, areaCode, after }),
      );
    }
    return seen(ctx, (await transferById(db, ctx.scope, id))!);
  });
}
