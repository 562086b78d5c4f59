import { childPrefixLength, narrowScope, type Org, type OrgCreateBody, type orgListQuery, type orgUpdateBody } from '@wushe/core';
import type { z } from 'zod';
import { uuidv7, type Db } from '@wushe/db';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { insertOrg, listOrgs, orgById, orgStats, updateOrg, type OrgFilter } from './orgs.repo.ts';

export type OrgListInput = z.output<typeof orgListQuery>;

/** The list query as a repository filter; null when the asked-for area is outside the scope. */
export function orgFilter(ctx: Ctx, q: OrgListInput, limit: number, offset: number): OrgFilter | null {
  const prefix = narrowScope(ctx.scope, q.area);
  if (prefix === null) return null;
  const active = q.active === undefined ? undefined : q.active === 'true';
  return { prefix, q: q.q, kind: q.kind, active, sort: q.sort, limit, offset };
}

export async function findOrgs(ctx: Ctx, q: OrgListInput): Promise<{ items: Org[]; total: number }> {
  const f = orgFilter(ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
  if (!f) return { items: [], total: 0 };
  return ctx.db.run((db) => listOrgs(db, f));
}

export async function getOrg(ctx: Ctx, id: string): Promise<Org> {
  const org = await ctx.db.run((db) => orgById(db, ctx.scope, id));
  if (!org) throw notFound();
  return org;
}

async function assertArea(db: Db, ctx: Ctx, code: string) {
  if (!(await areaByCode(db, ctx.scope, code))) throw fieldError('areaCode', 'area.unknown');
}

export async function createOrg(ctx: Ctx, body: OrgCreateBody): Promise<Org> {
  return ctx.db.tx(async (db) => {
    await assertArea(db, ctx, body.areaCode);
    const id = uuidv7();
    await insertOrg(db, id, body);
    const org = (await orgById(db, ctx.scope, id))!;
    await appendAudit(db, byActor(ctx, { action: 'org.create', targetType: 'org', targetId: id, areaCode: org.areaCode, after: org }));
    return org;
  });
}

export async function updateOrgById(ctx: Ctx, id: string, body: z.output<typeof orgUpdateBody>): Promise<Org> {
  return ctx.db.tx(async (db) => {
    const before = await orgById(db, ctx.scope, id);
    if (!before) throw notFound();
    if (body.areaCode) await assertArea(db, ctx, body.areaCode);
    const { version, ...changes } = body;
    if (!(await updateOrg(db, ctx.scope, id, version, changes))) throw conflict();
    const after = (await orgById(db, ctx.scope, id))!;
    const action = before.active && after.active === false ? 'org.deactivate' : 'org.update';
    await appendAudit(db, byActor(ctx, { action, targetType: 'org', targetId: id, areaCode: after.areaCode, before, after }));
    return after;
  });
}

export function statsOfOrgs(ctx: Ctx) {
  return ctx.db.run((db) => orgStats(db, ctx.scope, ctx.actor.area.code, childPrefixLength(ctx.actor.area.code)));
}
