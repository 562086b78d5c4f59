// Micro-wishes, the station's side: the list and one wish, recording wishes (one, or a batch from
// a needs survey: all or none), editing a draft, and the review moves (submit → publish or
// return, cancel, confirm with the resident). Public text is checked for the resident's name
// and for numbers before it is saved; the public label is fixed when the wish is published.
import {
  REASON_ACTIONS,
  REVIEW_ACTIONS,
  privateInWishText,
  shanghaiToday,
  narrowScope,
  wishEditable,
  wishMove,
  wishPublicLabel,
  type Wish,
  type WishStatus,
  type wishBatchBody,
  type wishCreateBody,
  type wishListQuery,
  type wishTransitionBody,
  type wishUpdateBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, badRequest, conflict, fieldError, forbidden, notFound, type FieldError } from '../../http/errors.ts';
import { attachmentsInScope } from '../contacts/attachments.repo.ts';
import { claimsOfWish, fulfilClaim, holdingClaim, type ClaimRow } from './claims.repo.ts';
import {
  insertWishEvent,
  insertWishes,
  listWishes,
  residentsForWishes,
  updateWish,
  wishById,
  wishCategories,
  wishEventsOf,
  type WishSummaryRow,
} from './wishes.repo.ts';

export type WishListInput = z.output<typeof wishListQuery>;
type Fields = z.output<typeof wishCreateBody>;

export const toSummary = (w: WishSummaryRow) => ({ ...w, status: w.status as WishStatus });

export const toClaim = (c: ClaimRow, today: string) => ({
  id: c.id,
  kind: c.kind as Wish['claims'][number]['kind'],
  name: c.name,
  mobileMasked: c.mobileMasked,
  byAccount: c.publicAccountId !== null,
  status: c.status as Wish['claims'][number]['status'],
  dueOn: c.dueOn,
  overdue: c.status === 'active' && c.dueOn < today,
  claimedAt: c.claimedAt,
  deliveryNote: c.deliveryNote,
  deliveryPhotoIds: c.deliveryPhotoIds,
  deliveredAt: c.deliveredAt,
  endedAt: c.endedAt,
  endReason: c.endReason,
});

export async function findWishes(ctx: Ctx, q: WishListInput) {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return { items: [], total: 0 };
  const page = await ctx.db.run((db) =>
    listWishes(db, {
      prefix,
      q: q.q,
      status: q.status,
      category: q.category,
      resident: q.resident,
      sort: q.sort,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  );
  return { items: page.items.map(toSummary), total: page.total };
}

export async function wishIn(db: Db, ctx: Pick<Ctx, 'scope' | 'now'>, id: string): Promise<Wish> {
  const w = await wishById(db, ctx.scope, id);
  if (!w) throw notFound(); // another street's wish answers as a missing one
  const [claims, history] = await Promise.all([claimsOfWish(db, id), wishEventsOf(db, id)]);
  const { createdBy: _c, ...rest } = w;
  const today = shanghaiToday(ctx.now);
  return { ...toSummary(rest), ...rest, status: w.status as WishStatus, claims: claims.map((c) => toClaim(c, today)), history };
}

export const getWish = (ctx: Ctx, id: string) => ctx.db.run((db) => wishIn(db, ctx, id));

/** Field errors of one wish's public text and category, paths under `at` ("" or "items.3."). */
function checkFields(b: Partial<Fields>, residentName: string, categories: Set<string>, today: string, at: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of ['title', 'need'] as const) {
    const v = b[f];
    const found = v ? privateInWishText(v, residentName) : null;
    if (found) errors.push({ path: `${at}${f}`, key: found === 'name' ? 'wish.privateName' : 'wish.privateNumber' });
  }
  if (b.category !== undefined && !categories.has(b.category)) errors.push({ path: `${at}category`, key: 'wish.category' });
  if (b.deadline !== undefined && b.deadline < today) errors.push({ path: `${at}deadline`, key: 'wish.deadline' });
  return errors;
}

async function record(db: Db, ctx: Ctx, w: { id: string; areaCode: string }, action: string, note?: string | null) {
  await insertWishEvent(db, {
    id: uuidv7(),
    wishId: w.id,
    areaCode: w.areaCode,
    action,
    actorName: ctx.actor.displayName,
    note,
    at: ctx.now,
  });
}

/** Records wishes (one, or a survey's batch): all checked first, then all saved in one transaction. */
async function createMany(ctx: Ctx, items: Fields[], path: (i: number) => string): Promise<string[]> {
  return ctx.db.tx(async (db) => {
    const residents = new Map(
      (await residentsForWishes(db, ctx.scope, [...new Set(items.map((i) => i.residentId))])).map((r) => [r.id, r]),
    );
    const categories = await wishCategories(db);
    const today = shanghaiToday(ctx.now);
    const errors: FieldError[] = [];
    for (const [i, b] of items.entries()) {
      const r = residents.get(b.residentId);
      if (!r) errors.push({ path: `${path(i)}residentId`, key: 'wish.resident' });
      errors.push(...checkFields(b, r?.name ?? '', categories, today, path(i)));
      const photos = await attachmentsInScope(db, ctx.scope, b.photoIds);
      if (photos.length !== new Set(b.photoIds).size) errors.push({ path: `${path(i)}photoIds`, key: 'wish.photo' });
    }
    if (errors.length) throw badRequest(errors);
    const batchId = items.length > 1 ? uuidv7() : null;
    const ids = items.map(() => uuidv7());
    await insertWishes(
      db,
      items.map((b, i) => ({
        id: ids[i],
        area_code: residents.get(b.residentId)!.areaCode,
        resident_id: b.residentId,
        batch_id: batchId,
        title: b.title,
        need: b.need,
        reason: b.reason ?? null,
        category: b.category,
        value_fen: b.valueFen,
        deadline: b.deadline,
        photo_ids: b.photoIds,
        created_by: ctx.actor.id,
        created_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      })),
    );
    for (const [i, id] of ids.entries()) {
      const areaCode = residents.get(items[i]!.residentId)!.areaCode;
      await record(db, ctx, { id, areaCode }, 'create');
      await appendAudit(
        db,
        byActor(ctx, { action: 'wish.create', targetType: 'wish', targetId: id, areaCode, after: { ...items[i], batchId } }),
      );
    }
    return ids;
  });
}

export async function createWish(ctx: Ctx, b: Fields): Promise<Wish> {
  const [id] = await createMany(ctx, [b], () => '');
  return getWish(ctx, id!);
}

export async function createWishBatch(ctx: Ctx, b: z.output<typeof wishBatchBody>) {
  const ids = await createMany(ctx, b.items, (i) => `items.${i}.`);
  return { ids, count: ids.length };
}

export async function editWish(ctx: Ctx, id: string, b: z.output<typeof wishUpdateBody>): Promise<Wish> {
  return ctx.db.tx(async (db) => {
    const before = await wishIn(db, ctx, id);
    if (!wishEditable(before.status)) throw new AppError(409, 'wish.notEditable');
    const errors = checkFields(b, before.residentName, await wishCategories(db), shanghaiToday(ctx.now), '');
    if (b.photoIds && (await attachmentsInScope(db, ctx.scope, b.photoIds)).length !== new Set(b.photoIds).size)
      errors.push({ path: 'photoIds', key: 'wish.photo' });
    if (errors.length) throw badRequest(errors);
    const { version, ...changes } = b;
    if (!(await updateWish(db, ctx.scope, id, version, changes))) throw conflict();
    await record(db, ctx, before, 'edit');
    const after = await wishIn(db, ctx, id);
    await appendAudit(
      db,
      byActor(ctx, { action: 'wish.update', targetType: 'wish', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}

/** submit, publish, return, cancel, confirm: only the moves wishMove allows (409 otherwise). */
export async function transitionWish(ctx: Ctx, id: string, b: z.output<typeof wishTransitionBody>): Promise<Wish> {
  if (REVIEW_ACTIONS.includes(b.action) && !ctx.actor.permissions.includes('wish.review')) throw forbidden();
  if (REASON_ACTIONS.includes(b.action) && !b.note) throw badRequest([{ path: 'note', key: 'wish.reasonNeeded' }]);
  return ctx.db.tx(async (db) => {
    const before = await wishById(db, ctx.scope, id, true);
    if (!before) throw notFound();
    const to = wishMove(before.status as WishStatus, b.action);
    if (!to) throw new AppError(409, 'wish.status');
    const changes: Record<string, unknown> = { status: to };
    if (b.action === 'publish') {
      const [r] = await residentsForWishes(db, ctx.scope, [before.residentId]);
      changes.publicLabel = wishPublicLabel(r?.streetName ?? before.areaName, r?.categoryLabel ?? null);
      changes.publishedAt = ctx.now;
      changes.reviewNote = b.note ?? null;
    }
    if (b.action === 'return') changes.reviewNote = b.note;
    if (b.action === 'confirm') {
      // What the resident said goes to the claimant as thanks: no name, phone or ID number in it.
      const [r] = b.note ? await residentsForWishes(db, ctx.scope, [before.residentId]) : [];
      const found = b.note ? privateInWishText(b.note, r?.name ?? '') : null;
      if (found) throw fieldError('note', found === 'name' ? 'wish.privateName' : 'wish.privateNumber');
      changes.fulfilledAt = ctx.now;
      changes.confirmNote = b.note ?? null;
      const holder = await holdingClaim(db, id);
      if (holder) await fulfilClaim(db, holder.id, ctx.now);
    }
    if (!(await updateWish(db, ctx.scope, id, b.version, changes))) throw conflict();
    await record(db, ctx, before, b.action, b.note);
    const after = await wishIn(db, ctx, id);
    await appendAudit(
      db,
      byActor(ctx, { action: `wish.${b.action}`, targetType: 'wish', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}
