// Talent-base alliances: set up by an area's officials (the lead organisation and members are
// organisations on the platform, or outside bases typed with their area), with joint events and
// shared trainings. Reads see the scope's own alliances and those a current member base of the
// scope belongs to (alliances.repo.ts explains why as the owner); writes are the owning scope's,
// under RLS, each in one transaction with its audit record.
import type {
  Alliance,
  allianceBody,
  allianceEventBody,
  allianceListQuery,
  allianceMemberBody,
  allianceMemberUpdateBody,
  allianceTrainingBody,
  allianceUpdateBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import {
  allianceById,
  deleteItem,
  eventsOf,
  insertAlliance,
  insertEvent,
  insertMember,
  insertSharedTraining,
  listAlliances,
  membersOf,
  trainingsOf,
  moveAllianceRows,
  orgAnywhere,
  trainingAnywhere,
  updateAlliance,
  updateMember,
} from './alliances.repo.ts';

export type AllianceListInput = z.output<typeof allianceListQuery>;
type ACtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'now' | 'actor' | 'ip'>;

export function findAlliances(ctx: ACtx, q: AllianceListInput, limit = q.pageSize, offset = (q.page - 1) * q.pageSize) {
  return ctx.database.owner(async (db) => {
    const page = await listAlliances(db, { scope: ctx.scope, q: q.q, limit, offset });
    return { items: page.items.map(({ charter: _c, ...a }) => a), total: page.total };
  });
}

async function loadAlliance(db: Db, scope: string, id: string, own = false): Promise<Alliance | undefined> {
  const al = await allianceById(db, scope, id, own);
  if (!al) return undefined;
  return { ...al, memberList: await membersOf(db, id), eventList: await eventsOf(db, id), trainingList: await trainingsOf(db, id) };
}

/** One alliance the scope sees (its own, or through a member base). */
export async function getAlliance(ctx: ACtx, id: string): Promise<Alliance> {
  const found = await ctx.database.owner((db) => loadAlliance(db, ctx.scope, id));
  if (!found) throw notFound();
  return found;
}

/**
 * Before a write (as the owner, outside the transaction): a member area that sees the alliance
 * but does not own it answers 403, an unseen one 404 (as a missing one).
 */
async function assertOwn(ctx: ACtx, id: string) {
  const seen = await ctx.database.owner((o) => allianceById(o, ctx.scope, id));
  if (!seen) throw notFound();
  if (!seen.own) throw forbidden();
}

/** The alliance for a write, under RLS in the caller's transaction. */
async function ownAlliance(ctx: ACtx, db: Db, id: string) {
  const al = await allianceById(db, ctx.scope, id, true);
  if (!al) throw notFound();
  return al;
}

/** A write to an alliance: the checks, the transaction, then the alliance as the caller sees it. */
async function writeAlliance(ctx: ACtx, id: string, fn: (db: Db) => Promise<void>): Promise<Alliance> {
  await assertOwn(ctx, id);
  await ctx.db.tx(fn);
  return getAlliance(ctx, id);
}

async function leadOrg(ctx: ACtx, id: string) {
  const org = await ctx.database.owner((db) => orgAnywhere(db, id));
  if (!org) throw fieldError('leadOrgId', 'alliance.lead');
  return org;
}

export async function createAlliance(ctx: ACtx, b: z.output<typeof allianceBody>): Promise<Alliance> {
  const lead = await leadOrg(ctx, b.leadOrgId);
  const id = uuidv7();
  await ctx.db.tx(async (db) => {
    if (!(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'area.unknown');
    await insertAlliance(db, { id, ...b, charter: b.charter ?? null, createdBy: ctx.actor.id });
    // The lead is a member base from the day the charter was signed.
    const m = { id: uuidv7(), allianceId: id, areaCode: b.areaCode, orgId: lead.id, name: lead.name, memberAreaCode: lead.areaCode };
    await insertMember(db, { ...m, joinedOn: b.signedOn, note: null });
    const after = await allianceById(db, ctx.scope, id, true);
    await appendAudit(db, byActor(ctx, { action: 'alliance.create', targetType: 'alliance', targetId: id, areaCode: b.areaCode, after }));
  });
  return getAlliance(ctx, id);
}

export async function editAlliance(ctx: ACtx, id: string, b: z.output<typeof allianceUpdateBody>): Promise<Alliance> {
  if (b.leadOrgId) await leadOrg(ctx, b.leadOrgId);
  return writeAlliance(ctx, id, async (db) => {
    const before = await ownAlliance(ctx, db, id);
    if (b.areaCode && !(await areaByCode(db, ctx.scope, b.areaCode))) throw fieldError('areaCode', 'area.unknown');
    const { version, ...changes } = b;
    if (!(await updateAlliance(db, ctx.scope, id, version, changes))) throw conflict();
    if (b.areaCode && b.areaCode !== before.areaCode) await moveAllianceRows(db, id, b.areaCode);
    const after = await allianceById(db, ctx.scope, id, true);
    await appendAudit(
      db,
      byActor(ctx, { action: 'alliance.update', targetType: 'alliance', targetId: id, areaCode: before.areaCode, before, after }),
    );
  });
}

/** Adds a member base: an organisation anywhere on the platform, or an outside one by name and area. */
export async function addMember(ctx: ACtx, id: string, b: z.output<typeof allianceMemberBody>): Promise<Alliance> {
  let base: { orgId: string | null; name: string; memberAreaCode: string; memberAreaName?: string | null };
  if (b.orgId) {
    const org = await ctx.database.owner((db) => orgAnywhere(db, b.orgId!));
    if (!org) throw fieldError('orgId', 'alliance.org');
    base = { orgId: org.id, name: org.name, memberAreaCode: org.areaCode, memberAreaName: b.areaName ?? null };
  } else if (b.name && b.areaCode) base = { orgId: null, name: b.name, memberAreaCode: b.areaCode, memberAreaName: b.areaName ?? null };
  else throw fieldError(b.name ? 'areaCode' : 'name', 'alliance.memberNeeded');
  return writeAlliance(ctx, id, async (db) => {
    const al = await ownAlliance(ctx, db, id);
    const m = { id: uuidv7(), allianceId: id, areaCode: al.areaCode, ...base, joinedOn: b.joinedOn, note: b.note ?? null };
    if (!(await insertMember(db, m))) throw fieldError('orgId', 'alliance.memberTaken');
    await appendAudit(
      db,
      byActor(ctx, { action: 'alliance.member.add', targetType: 'alliance', targetId: id, areaCode: al.areaCode, after: m }),
    );
  });
}

/** Records a base leaving (or corrects it back to current with leftOn null). */
export async function editMember(ctx: ACtx, id: string, memberId: string, b: z.output<typeof allianceMemberUpdateBody>) {
  return writeAlliance(ctx, id, async (db) => {
    const al = await ownAlliance(ctx, db, id);
    const before = (await membersOf(db, id)).find((m) => m.id === memberId);
    if (!before) throw notFound();
    if (b.leftOn && b.leftOn < before.joinedOn) throw fieldError('leftOn', 'alliance.leftBeforeJoined');
    if (!(await updateMember(db, id, memberId, b.version, b.leftOn, b.note))) throw conflict();
    const after = (await membersOf(db, id)).find((m) => m.id === memberId);
    const action = b.leftOn ? 'alliance.member.leave' : 'alliance.member.update';
    await appendAudit(db, byActor(ctx, { action, targetType: 'alliance', targetId: id, areaCode: al.areaCode, before, after }));
  });
}

async function hostOf(db: Db, allianceId: string, hostMemberId: string | null | undefined) {
  if (!hostMemberId) return null;
  if (!(await membersOf(db, allianceId)).some((m) => m.id === hostMemberId)) throw fieldError('hostMemberId', 'alliance.member');
  return hostMemberId;
}

export async function addEvent(ctx: ACtx, id: string, b: z.output<typeof allianceEventBody>): Promise<Alliance> {
  return writeAlliance(ctx, id, async (db) => {
    const al = await ownAlliance(ctx, db, id);
    const hostMemberId = await hostOf(db, id, b.hostMemberId);
    const e = { id: uuidv7(), allianceId: id, areaCode: al.areaCode, ...b, hostMemberId, notes: b.notes ?? null };
    await insertEvent(db, e);
    await appendAudit(
      db,
      byActor(ctx, { action: 'alliance.event.add', targetType: 'alliance', targetId: id, areaCode: al.areaCode, after: e }),
    );
  });
}

export async function addSharedTraining(ctx: ACtx, id: string, b: z.output<typeof allianceTrainingBody>): Promise<Alliance> {
  let title = b.title ?? null;
  if (b.trainingId) {
    const t = await ctx.database.owner((db) => trainingAnywhere(db, b.trainingId!));
    if (!t) throw fieldError('trainingId', 'alliance.training');
    title = t.title;
  }
  if (!title) throw fieldError('title', 'alliance.trainingNeeded');
  return writeAlliance(ctx, id, async (db) => {
    const al = await ownAlliance(ctx, db, id);
    const hostMemberId = await hostOf(db, id, b.hostMemberId);
    const t = { id: uuidv7(), allianceId: id, areaCode: al.areaCode, trainingId: b.trainingId ?? null, title, heldOn: b.heldOn ?? null };
    await insertSharedTraining(db, { ...t, hostMemberId, note: b.note ?? null });
    await appendAudit(
      db,
      byActor(ctx, { action: 'alliance.training.add', targetType: 'alliance', targetId: id, areaCode: al.areaCode, after: t }),
    );
  });
}

export async function removeItem(ctx: ACtx, id: string, kind: 'event' | 'training', itemId: string): Promise<Alliance> {
  return writeAlliance(ctx, id, async (db) => {
    const al = await ownAlliance(ctx, db, id);
    if (!(await deleteItem(db, kind === 'event' ? 'alliance_events' : 'alliance_trainings', id, itemId))) throw notFound();
    const before = { id: itemId };
    await appendAudit(
      db,
      byActor(ctx, { action: `alliance.${kind}.remove`, targetType: 'alliance', targetId: id, areaCode: al.areaCode, before }),
    );
  });
}
