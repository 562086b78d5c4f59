// Claims on a published wish: by a signed-in public account (for itself, or for its merchant,
// company or team), or by the station on behalf of someone without an account. One claim holds a
// wish at a time: the wish row is locked and the holding-claim index refuses a second, so of many
// concurrent claims exactly one wins and the rest get "already claimed"; a repeat by the holder
// answers its own claim. The claimant may withdraw; the station releases a claim past its due
// day; the claimant or the worker records delivery, the worker then confirms (wishes.service).
import {
  CLAIM_STATUS_LABELS,
  areaPrefix,
  claimDueOn,
  shanghaiToday,
  type ClaimStatus,
  type publicClaimBody,
  type publicDeliveryBody,
  type releaseClaimBody,
  type staffClaimBody,
  type staffDeliveryBody,
} from '@wushe/core';
import { sealPhone, uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, badRequest, conflict, fieldError, notFound, unauthenticated } from '../../http/errors.ts';
import { checkedUpload } from '../contacts/attachments.ts';
import { attachmentsInScope, insertAttachment } from '../contacts/attachments.repo.ts';
import { accountMobile } from '../jobs/applications.repo.ts';
import { volunteerOfAccount } from '../volunteers/volunteers.repo.ts';
import { registerMySection } from '../public-accounts/my-sections.ts';
import { claimById, claimsOfAccount, claimsOfWish, deliverClaim, endClaim, holdingClaim, insertClaim } from './claims.repo.ts';
import { insertWishEvent, publicWishArea, updateWish, wishById } from './wishes.repo.ts';
import { wishIn } from './wishes.service.ts';

registerMySection('wishes', async ({ database, accountId }) => {
  const list = await database.owner((db) => claimsOfAccount(db, accountId));
  return list.map((c) => ({
    id: c.id,
    title: `${c.title} · ${c.label}`,
    subtitle: c.thanks ? `感谢：${c.thanks}` : `请于 ${c.dueOn} 前送达`,
    status: CLAIM_STATUS_LABELS[c.status as ClaimStatus].zh,
    at: c.claimedAt,
  }));
});

interface Claimant {
  kind: string;
  name: string;
  publicAccountId: string | null;
  mobileCipher: string | null;
  mobileMasked: string | null;
  createdBy: string | null;
  actorName: string | null;
}

/** Takes the wish for the claimant in the wish's own area, or answers why not. */
async function take(db: Db, ctx: Ctx, scope: string, wishId: string, who: Claimant, version: number | null) {
  const w = await wishById(db, scope, wishId, true); // the lock queues concurrent claims
  if (!w) throw notFound();
  const holder = await holdingClaim(db, wishId);
  if (holder && who.publicAccountId && holder.publicAccountId === who.publicAccountId) return holder.id; // a double tap
  if (holder || w.status === 'claimed' || w.status === 'delivered') throw new AppError(409, 'wish.taken');
  if (w.status !== 'published') throw new AppError(409, 'wish.notOpen');
  const today = shanghaiToday(ctx.now);
  if (w.deadline < today) throw new AppError(409, 'wish.pastDeadline');
  if (version !== null && version !== w.version) throw conflict();
  const id = uuidv7();
  const ok = await insertClaim(db, {
    id,
    wishId,
    areaCode: w.areaCode,
    kind: who.kind,
    publicAccountId: who.publicAccountId,
    name: who.name,
    mobileCipher: who.mobileCipher,
    mobileMasked: who.mobileMasked,
    dueOn: claimDueOn(today, w.deadline),
    at: ctx.now,
    createdBy: who.createdBy,
  });
  if (!ok) throw new AppError(409, 'wish.taken');
  const firstClaim = (await claimsOfWish(db, wishId)).length === 1;
  await updateWish(db, scope, wishId, null, { status: 'claimed', ...(firstClaim ? { firstClaimedAt: ctx.now } : {}) });
  await insertWishEvent(db, {
    id: uuidv7(),
    wishId,
    areaCode: w.areaCode,
    action: 'claim',
    actorName: who.actorName,
    note: who.name,
    at: ctx.now,
  });
  await appendAudit(db, {
    actorId: who.createdBy,
    actorName: who.actorName,
    ip: ctx.ip,
    action: 'wishClaim.create',
    targetType: 'wish',
    targetId: wishId,
    areaCode: w.areaCode,
    after: { claimId: id, kind: who.kind, name: who.name, publicAccountId: who.publicAccountId },
  });
  return id;
}

/** The station claims on behalf of a person, merchant, company or team it names (mobile sealed). */
export async function claimForSomeone(ctx: Ctx, wishId: string, b: z.output<typeof staffClaimBody>) {
  const seal = sealPhone(ctx.keys, b.mobile);
  await ctx.db.tx((db) =>
    take(
      db,
      ctx,
      ctx.scope,
      wishId,
      {
        kind: b.kind,
        name: b.name,
        publicAccountId: null,
        mobileCipher: seal.phoneCipher!,
        mobileMasked: seal.phoneMasked!,
        createdBy: ctx.actor.id,
        actorName: ctx.actor.displayName,
      },
      b.version,
    ),
  );
  return ctx.db.run((db) => wishIn(db, ctx, wishId));
}

const accountOf = (ctx: Ctx) => {
  if (!ctx.account) throw unauthenticated('publicAccount.unauthenticated');
  return ctx.account;
};

async function myClaim(ctx: Ctx, accountId: string, claimId: string) {
  const list = await ctx.database.owner((db) => claimsOfAccount(db, accountId));
  const c = list.find((x) => x.id === claimId);
  if (!c) throw notFound();
  return { ...c, status: c.status as ClaimStatus };
}

export async function myClaims(ctx: Ctx) {
  const account = accountOf(ctx);
  const list = await ctx.database.owner((db) => claimsOfAccount(db, account.id));
  return list.map((c) => ({ ...c, status: c.status as ClaimStatus }));
}

/** A signed-in public account claims a wish on the board (found as the owner, written in its area). */
export async function claimAsAccount(ctx: Ctx, wishId: string, b: z.output<typeof publicClaimBody>) {
  const account = accountOf(ctx);
  if (b.kind !== 'person' && !b.orgName) throw fieldError('orgName', 'wish.orgNeeded');
  const person = await ctx.database.owner((db) => accountMobile(db, account.id));
  if (!person) throw unauthenticated('publicAccount.unauthenticated');
  // A donor claims with a plain account; a self-registered volunteer waits for the station first.
  const volunteer = await ctx.database.owner((db) => volunteerOfAccount(db, account.id));
  if (volunteer && volunteer.status !== 'active') throw new AppError(403, 'volunteer.notActive');
  const found = await ctx.database.owner((db) => publicWishArea(db, wishId));
  if (!found) throw notFound();
  const id = await ctx.database.tx(areaPrefix(found.areaCode), (db) =>
    take(
      db,
      ctx,
      areaPrefix(found.areaCode),
      wishId,
      {
        kind: b.kind,
        name: b.kind === 'person' ? person.name : `${b.orgName}（${person.name}）`,
        publicAccountId: account.id,
        mobileCipher: person.mobileCipher,
        mobileMasked: person.mobileMasked,
        createdBy: null,
        actorName: null,
      },
      null,
    ),
  );
  return myClaim(ctx, account.id, id);
}

/** The claimant gives a claim up while it is active: the wish goes back on the board. */
export async function withdrawClaim(ctx: Ctx, claimId: string) {
  const account = accountOf(ctx);
  const c = await ctx.database.owner((db) => claimById(db, claimId));
  if (!c || c.publicAccountId !== account.id) throw notFound();
  await ctx.database.tx(areaPrefix(c.areaCode), async (db) => {
    if (!(await endClaim(db, c.id, 'withdrawn', null, ctx.now))) throw new AppError(409, 'wish.claimEnded');
    await reopen(db, ctx, areaPrefix(c.areaCode), c.wishId, c.areaCode, 'withdraw', { id: null, name: c.name }, null);
  });
  return myClaim(ctx, account.id, claimId);
}

type By = { id: string | null; name: string | null };

async function reopen(db: Db, ctx: Ctx, scope: string, wishId: string, areaCode: string, action: string, by: By, note: string | null) {
  await updateWish(db, scope, wishId, null, { status: 'published' });
  await insertWishEvent(db, { id: uuidv7(), wishId, areaCode, action, actorName: by.name, note, at: ctx.now });
  await appendAudit(db, {
    actorId: by.id,
    actorName: by.name,
    ip: ctx.ip,
    action: `wishClaim.${action}`,
    targetType: 'wish',
    targetId: wishId,
    areaCode,
    after: { note },
  });
}

/** The station releases a stalled claim once its due day has passed, with a reason. */
export async function releaseClaim(ctx: Ctx, wishId: string, claimId: string, b: z.output<typeof releaseClaimBody>) {
  await ctx.db.tx(async (db) => {
    const w = await wishById(db, ctx.scope, wishId, true);
    if (!w) throw notFound();
    const c = await claimById(db, claimId);
    if (!c || c.wishId !== wishId) throw notFound();
    if (c.status !== 'active') throw new AppError(409, 'wish.claimEnded');
    if (c.dueOn >= shanghaiToday(ctx.now)) throw new AppError(409, 'wish.notDue');
    await endClaim(db, c.id, 'released', b.reason, ctx.now);
    await reopen(db, ctx, ctx.scope, wishId, w.areaCode, 'release', { id: ctx.actor.id, name: ctx.actor.displayName }, b.reason);
  });
  return ctx.db.run((db) => wishIn(db, ctx, wishId));
}

async function delivered(db: Db, ctx: Ctx, scope: string, wishId: string, claimId: string, note: string, photoIds: string[], by: By) {
  if (!(await deliverClaim(db, claimId, note, photoIds, ctx.now))) throw new AppError(409, 'wish.claimEnded');
  const w = await wishById(db, scope, wishId);
  await updateWish(db, scope, wishId, null, { status: 'delivered' });
  await insertWishEvent(db, { id: uuidv7(), wishId, areaCode: w!.areaCode, action: 'deliver', actorName: by.name, note, at: ctx.now });
  await appendAudit(db, {
    actorId: by.id,
    actorName: by.name,
    ip: ctx.ip,
    action: 'wishClaim.deliver',
    targetType: 'wish',
    targetId: wishId,
    areaCode: w!.areaCode,
    after: { claimId, note, photoIds },
  });
}

/** The worker records the delivery (photos uploaded beforehand, in scope). */
export async function deliverForClaimant(ctx: Ctx, wishId: string, b: z.output<typeof staffDeliveryBody>) {
  await ctx.db.tx(async (db) => {
    const w = await wishById(db, ctx.scope, wishId, true);
    if (!w) throw notFound();
    if (w.version !== b.version) throw conflict();
    const holder = await holdingClaim(db, wishId);
    if (!holder || holder.status !== 'active') throw new AppError(409, 'wish.status');
    if ((await attachmentsInScope(db, ctx.scope, b.photoIds)).length !== new Set(b.photoIds).size)
      throw badRequest([{ path: 'photoIds', key: 'wish.photo' }]);
    await delivered(db, ctx, ctx.scope, wishId, holder.id, b.note, b.photoIds, { id: ctx.actor.id, name: ctx.actor.displayName });
  });
  return ctx.db.run((db) => wishIn(db, ctx, wishId));
}

/** The claimant records the delivery from the phone, photos sent with it (checked, stored with it). */
export async function deliverAsClaimant(ctx: Ctx, claimId: string, b: z.output<typeof publicDeliveryBody>) {
  const account = accountOf(ctx);
  const c = await ctx.database.owner((db) => claimById(db, claimId));
  if (!c || c.publicAccountId !== account.id) throw notFound();
  const files = b.photos.map((f, i) => ({ ...f, bytes: checkedUpload(f, `photos.${i}.data`) }));
  const scope = areaPrefix(c.areaCode);
  await ctx.database.tx(scope, async (db) => {
    const ids: string[] = [];
    for (const f of files) {
      const id = uuidv7();
      await insertAttachment(db, {
        id,
        areaCode: c.areaCode,
        filename: f.filename,
        contentType: f.contentType,
        size: f.bytes.length,
        content: f.bytes.toString('base64'),
        createdBy: null,
      });
      ids.push(id);
    }
    await delivered(db, ctx, scope, c.wishId, c.id, b.note, ids, { id: null, name: c.name });
  });
  return myClaim(ctx, account.id, claimId);
}
