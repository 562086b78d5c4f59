// Continuing-education hours (继续教育学时): a worker's registration cycles with the hours
// credited from trainings attended in Wushe and the manual entries (with proof) a head approved;
// the list of who is behind in an area; the required hours per level (a setting). The arithmetic
// is core's (ceCycles). Sessions attended count wherever the training was held: after the worker
// is found in the caller's scope, their attendance is read as the owner.
import {
  DEFAULT_REQUIRED_HOURS,
  ceCycles,
  ceRequirements,
  narrowScope,
  type CeWorkerHours,
  type RequiredHours,
  type ceBehindQuery,
  type ceEntryBody,
  type ceReviewBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { certificatesOf } from '../workforce/workforce.certs.repo.ts';
import { behindPage, noJit } from './ce-cycles.repo.ts';
import { workerById, workerIdOfUser } from '../workforce/workforce.repo.ts';
import { todayOf } from '../workforce/workforce.service.ts';
import {
  attachmentInScope,
  attendedSessions,
  entriesOf,
  entryById,
  insertEntry,
  loadRequiredHours,
  reviewEntry,
  saveRequiredHours,
} from './ce-hours.repo.ts';

type CCtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'now' | 'actor' | 'ip'>;

export async function requiredHoursOf(db: Db): Promise<RequiredHours> {
  const parsed = ceRequirements.safeParse(await loadRequiredHours(db));
  return parsed.success ? parsed.data : DEFAULT_REQUIRED_HOURS;
}

/** The worker's own entry when it is the caller's, else one in scope with worker.read. */
async function workerFor(db: Db, ctx: CCtx, workerId: string, write: boolean) {
  const mine = await workerIdOfUser(db, ctx.actor.id);
  const own = mine?.id === workerId;
  if (!own && !ctx.actor.permissions.includes(write ? 'worker.write' : 'worker.read')) throw forbidden();
  const w = await workerById(db, own ? '' : ctx.scope, workerId, todayOf(ctx));
  if (!w) throw notFound();
  return { w, own };
}

export async function workerHours(ctx: CCtx, workerId: string): Promise<CeWorkerHours> {
  const { certs, entries, required } = await ctx.db.run(async (db) => {
    const { own } = await workerFor(db, ctx, workerId, false);
    const scope = own ? '' : ctx.scope;
    return {
      certs: await certificatesOf(db, scope, workerId),
      entries: (await entriesOf(db, scope, [workerId])).map(({ areaCode: _a, ...e }) => e),
      required: await requiredHoursOf(db),
    };
  });
  // after the scope check, not inside it: one connection at a time
  const attended = (await ctx.database.owner((o) => attendedSessions(o, [workerId]))).map(({ workerId: _w, ...s }) => s);
  const credited = [...attended, ...entries.filter((e) => e.status === 'approved').map((e) => ({ day: e.onDate, hours: e.hours }))];
  return { workerId, cycles: ceCycles(certs, credited, todayOf(ctx), required), attended, entries };
}

export async function myHours(ctx: CCtx): Promise<CeWorkerHours> {
  const mine = await ctx.db.run((db) => workerIdOfUser(db, ctx.actor.id));
  if (!mine) throw notFound();
  return workerHours(ctx, mine.id);
}

export async function addEntry(ctx: CCtx, workerId: string, b: z.output<typeof ceEntryBody>) {
  return ctx.db.tx(async (db) => {
    const { w, own } = await workerFor(db, ctx, workerId, true);
    const scope = own ? '' : ctx.scope;
    if (b.onDate > todayOf(ctx)) throw fieldError('onDate', 'workforce.futureDate');
    if (!(await attachmentInScope(db, own ? ctx.actor.area.code : ctx.scope, b.attachmentId)))
      throw fieldError('attachmentId', 'ce.attachment');
    const id = b.requestId ?? uuidv7();
    const existing = await entryById(db, scope, id);
    if (existing) return stripArea(existing); // a repeated submit
    await insertEntry(db, {
      id,
      workerId,
      areaCode: w.areaCode,
      title: b.title,
      provider: b.provider,
      onDate: b.onDate,
      hours: b.hours,
      attachmentId: b.attachmentId,
      createdBy: ctx.actor.id,
    });
    const after = (await entryById(db, scope, id))!;
    await appendAudit(db, byActor(ctx, { action: 'ce.entry.add', targetType: 'worker', targetId: workerId, areaCode: w.areaCode, after }));
    return stripArea(after);
  });
}

const stripArea = <T extends { areaCode: string }>({ areaCode: _a, ...rest }: T) => rest;

export async function reviewCeEntry(ctx: CCtx, id: string, b: z.output<typeof ceReviewBody>) {
  return ctx.db.tx(async (db) => {
    const before = await entryById(db, ctx.scope, id);
    if (!before) throw notFound();
    if (before.status !== 'pending') throw new AppError(409, 'ce.reviewed');
    const changes = { status: b.decision, reviewNote: b.note ?? null, reviewedBy: ctx.actor.id, reviewedAt: ctx.now };
    if (!(await reviewEntry(db, ctx.scope, id, b.version, changes))) throw conflict();
    const after = (await entryById(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'ce.entry.review',
        targetType: 'worker',
        targetId: before.workerId,
        areaCode: before.areaCode,
        before,
        after,
      }),
    );
    return stripArea(after);
  });
}

/**
 * Who is behind in the current cycle, nearest end first: computed and paged in SQL over the
 * ce_credits rollup (migration 0041), as the owner once the scope has narrowed the area.
 */
export async function behindList(ctx: CCtx, q: z.output<typeof ceBehindQuery>) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  const required = await ctx.db.run((db) => requiredHoursOf(db));
  const page = await ctx.database.owner((o) =>
    o.transaction(async (tx) => {
      const owner = tx as unknown as Db;
      await noJit(owner);
      return behindPage(owner, {
        prefix,
        day: todayOf(ctx),
        today: true,
        required,
        level: q.level,
        withinDays: q.withinDays,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
    }),
  );
  return { total: page.total, items: page.items.map(({ areaCode: _a, userId: _u, ...r }) => r) };
}

export const getRequirements = (ctx: CCtx) => ctx.db.run((db) => requiredHoursOf(db));

export async function setRequirements(ctx: CCtx, value: RequiredHours) {
  return ctx.db.tx(async (db) => {
    const before = await requiredHoursOf(db);
    await saveRequiredHours(db, value);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'ce.requirements',
        targetType: 'settings',
        targetId: 'ce_required_hours',
        areaCode: ctx.actor.area.code,
        before,
        after: value,
      }),
    );
    return value;
  });
}
