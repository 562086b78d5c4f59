// Pairing agreements: 一校两社 (a university or college, an agency, a community) and 结对共建 (an
// agency or department with a community). Parties are organisations in the scope or outside
// ones typed by name; each side promises deliverables (what, how many, by when) whose progress is
// ticked while the agreement is in force. Status moves draft → active → ended only (core
// `canMove`; anything else is 409), each move audited; the signed agreement is an attachment.
import {
  agreementProgress,
  canMove,
  inLang,
  isLate,
  missingRoles,
  PARTY_ROLE_LABELS,
  progressPercent,
  shanghaiToday,
  type agreementUpload,
  type deliverableBody,
  type deliverableDoneBody,
  type Partnership,
  type partnershipBody,
  type partnershipListQuery,
  type partnershipStatusBody,
  type partnershipUpdateBody,
  type PartnershipSummary,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { sendAttachment, uploadAttachment } from '../contacts/attachments.ts';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import {
  attachmentInScope,
  deliverablesOf,
  insertDeliverable,
  insertPartnership,
  insertParty,
  listPartnerships,
  orgInScope,
  partnershipById,
  setDone,
  updatePartnership,
  type PartnershipRow,
} from './partnerships.repo.ts';

export type PartnershipListInput = z.output<typeof partnershipListQuery>;
type PCtx = Pick<Ctx, 'db' | 'scope' | 'now' | 'actor' | 'ip' | 'lang'>;

const summary = ({ totals, terms: _t, attachment: _a, ...p }: PartnershipRow): PartnershipSummary => ({
  ...p,
  progress: agreementProgress(totals),
});

export async function findPartnerships(ctx: PCtx, q: PartnershipListInput, limit = q.pageSize, offset = (q.page - 1) * q.pageSize) {
  const page = await ctx.db.run((db) => listPartnerships(db, { scope: ctx.scope, q: q.q, kind: q.kind, status: q.status, limit, offset }));
  return { items: page.items.map(summary), total: page.total };
}

async function load(db: Db, ctx: PCtx, id: string): Promise<Partnership | undefined> {
  const p = await partnershipById(db, ctx.scope, id);
  if (!p) return undefined;
  const today = shanghaiToday(ctx.now);
  const deliverables = (await deliverablesOf(db, ctx.scope, id)).map((d) => ({
    ...d,
    percent: progressPercent(d.done, d.quantity),
    late: isLate(d, today),
  }));
  return { ...summary(p), terms: p.terms, attachment: p.attachment, deliverables };
}

export async function getPartnership(ctx: PCtx, id: string): Promise<Partnership> {
  const p = await ctx.db.run((db) => load(db, ctx, id));
  if (!p) throw notFound();
  return p;
}

const statusConflict = () => new AppError(409, 'partnership.status');

export async function createPartnership(ctx: PCtx, b: z.output<typeof partnershipBody>): Promise<Partnership> {
  const missing = missingRoles(
    b.kind,
    b.parties.map((x) => x.role),
  );
  if (missing.length)
    throw fieldError('parties', 'partnership.parties', { roles: missing.map((r) => inLang(ctx.lang, PARTY_ROLE_LABELS[r])).join('、') });
  if (b.endOn && b.endOn < b.startOn) throw fieldError('endOn', 'partnership.dates');
  const id = uuidv7();
  return ctx.db.tx(async (db) => {
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'area.unknown');
    await insertPartnership(db, { id, ...b, endOn: b.endOn ?? null, terms: b.terms ?? null, createdBy: ctx.actor.id });
    const partyIds: string[] = [];
    for (const [i, x] of b.parties.entries()) {
      let name = x.name ?? null;
      if (x.orgId) {
        const org = await orgInScope(db, ctx.scope, x.orgId);
        if (!org) throw fieldError(`parties.${i}.orgId`, 'alliance.org');
        name = org.name;
      }
      if (!name) throw fieldError(`parties.${i}.name`, 'partnership.partyNeeded');
      const partyId = uuidv7();
      partyIds.push(partyId);
      await insertParty(db, {
        id: partyId,
        partnershipId: id,
        areaCode: b.areaCode,
        role: x.role,
        orgId: x.orgId ?? null,
        name,
        position: i,
      });
    }
    for (const [i, d] of b.deliverables.entries()) {
      const partyId = typeof d.party === 'number' ? partyIds[d.party] : undefined;
      if (!partyId) throw fieldError(`deliverables.${i}.party`, 'partnership.party');
      await insertDeliverable(db, {
        id: uuidv7(),
        partnershipId: id,
        areaCode: b.areaCode,
        partyId,
        what: d.what,
        quantity: d.quantity,
        dueOn: d.dueOn ?? null,
      });
    }
    const after = (await load(db, ctx, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'partnership.create', targetType: 'partnership', targetId: id, areaCode: b.areaCode, after }),
    );
    return after;
  });
}

export async function editPartnership(ctx: PCtx, id: string, b: z.output<typeof partnershipUpdateBody>): Promise<Partnership> {
  return ctx.db.tx(async (db) => {
    const before = await load(db, ctx, id);
    if (!before) throw notFound();
    if (before.status === 'ended') throw statusConflict();
    const startOn = b.startOn ?? before.startOn;
    const endOn = b.endOn === undefined ? before.endOn : b.endOn;
    if (endOn && endOn < startOn) throw fieldError('endOn', 'partnership.dates');
    if (b.attachmentId && !(await attachmentInScope(db, ctx.scope, b.attachmentId)))
      throw fieldError('attachmentId', 'partnership.attachment');
    const { version, ...changes } = b;
    if (!(await updatePartnership(db, ctx.scope, id, version, changes))) throw conflict();
    const after = (await load(db, ctx, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'partnership.update', targetType: 'partnership', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return after;
  });
}

/** draft → active → ended; any other move is a 409 (and so is a stale version). */
export async function moveStatus(ctx: PCtx, id: string, b: z.output<typeof partnershipStatusBody>): Promise<Partnership> {
  return ctx.db.tx(async (db) => {
    const before = await load(db, ctx, id);
    if (!before) throw notFound();
    if (!canMove(before.status, b.to)) throw statusConflict();
    if (!(await updatePartnership(db, ctx.scope, id, b.version, { status: b.to }))) throw conflict();
    const after = (await load(db, ctx, id))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: `partnership.${b.to === 'active' ? 'activate' : 'end'}`,
        targetType: 'partnership',
        targetId: id,
        areaCode: after.areaCode,
        before: { status: before.status },
        after: { status: after.status },
      }),
    );
    return after;
  });
}

/** A deliverable added later (by a party id); not once the agreement has ended. */
export async function addDeliverable(ctx: PCtx, id: string, d: z.output<typeof deliverableBody>): Promise<Partnership> {
  return ctx.db.tx(async (db) => {
    const p = await load(db, ctx, id);
    if (!p) throw notFound();
    if (p.status === 'ended') throw statusConflict();
    const party = p.parties.find((x) => x.id === d.party);
    if (!party) throw fieldError('party', 'partnership.party');
    const row = {
      id: uuidv7(),
      partnershipId: id,
      areaCode: p.areaCode,
      partyId: party.id,
      what: d.what,
      quantity: d.quantity,
      dueOn: d.dueOn ?? null,
    };
    await insertDeliverable(db, row);
    await appendAudit(
      db,
      byActor(ctx, { action: 'partnership.deliverable.add', targetType: 'partnership', targetId: id, areaCode: p.areaCode, after: row }),
    );
    return (await load(db, ctx, id))!;
  });
}

/** Ticks progress: how many of the promised units are done. Only while the agreement is in force. */
export async function tickDeliverable(ctx: PCtx, id: string, itemId: string, b: z.output<typeof deliverableDoneBody>) {
  return ctx.db.tx(async (db) => {
    const p = await load(db, ctx, id);
    if (!p) throw notFound();
    const before = p.deliverables.find((d) => d.id === itemId);
    if (!before) throw notFound();
    if (p.status !== 'active') throw statusConflict();
    if (b.done > before.quantity) throw badRequest([{ path: 'done', key: 'partnership.done' }]);
    if (!(await setDone(db, ctx.scope, id, itemId, b.version, b.done))) throw conflict();
    const after = (await load(db, ctx, id))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'partnership.deliverable.tick',
        targetType: 'partnership',
        targetId: id,
        areaCode: p.areaCode,
        before: { id: itemId, done: before.done },
        after: { id: itemId, done: b.done },
      }),
    );
    return after;
  });
}

/** Uploads the signed agreement (PDF or photo, checked by content) and puts it on the agreement. */
export async function attachAgreement(ctx: Ctx, id: string, b: z.output<typeof agreementUpload>): Promise<Partnership> {
  const p = await getPartnership(ctx, id); // 404 before storing anything
  if (p.status === 'ended') throw statusConflict();
  if (p.version !== b.version) throw conflict();
  const { version, ...file } = b;
  const stored = await uploadAttachment(ctx, file);
  return editPartnership(ctx, id, { attachmentId: stored.id, version });
}

export async function sendAgreement(ctx: Ctx, id: string, reply: FastifyReply) {
  const p = await getPartnership(ctx, id);
  if (!p.attachment) throw notFound();
  return sendAttachment(ctx, p.attachment.id, reply);
}
