// Reward and subsidy policies: publish one (draft → published → closed, forward only), edit a
// draft, list and read them with their budget totals (packages/core) and counts by stage.
// Writes are transactional and audited.
import {
  budgetTotals,
  narrowScope,
  POLICY_NEXT,
  type Policy,
  type PolicyCreateBody,
  type policyListQuery,
  type policyStatusBody,
  type policyUpdateBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import { areaByCode } from '../areas/areas.repo.ts';
import { insertPolicy, listPolicies, policyById, updatePolicy, type PolicyRow } from './policies.repo.ts';

export type SCtx = Pick<Ctx, 'db' | 'database' | 'scope' | 'actor' | 'ip' | 'now' | 'lang'>;

const manages = (ctx: SCtx) => ctx.actor.permissions.includes('policy.manage');

export function toPolicy(r: PolicyRow): Policy {
  const { approvedFen, paidFen, ...rest } = r;
  const totals = budgetTotals(r.budgetFen, [
    { stage: 'approved', amountFen: approvedFen },
    { stage: 'paid', amountFen: paidFen },
  ]);
  return { ...rest, totals, createdAt: new Date(r.createdAt).toISOString() } as Policy;
}

export async function findPolicies(ctx: SCtx, q: z.output<typeof policyListQuery>) {
  const page = await ctx.database.owner((db) =>
    listPolicies(db, { scope: ctx.scope, ...q, drafts: manages(ctx), limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
  return { items: page.items.map(toPolicy), total: page.total };
}

/** A policy seen from the scope: its officials', or a published one above (to apply). */
export async function getPolicy(ctx: SCtx, id: string): Promise<Policy> {
  const p = await ctx.database.owner((db) => policyById(db, ctx.scope, id, false, manages(ctx)));
  if (!p) throw notFound();
  return toPolicy(p);
}

/** The policy as its officials hold it (its area within the scope), in the caller's transaction. */
export async function ownPolicy(db: Db, ctx: SCtx, id: string): Promise<PolicyRow> {
  const p = await policyById(db, ctx.scope, id, true);
  if (!p) throw notFound();
  return p;
}

export async function createPolicy(ctx: SCtx, body: PolicyCreateBody): Promise<Policy> {
  return ctx.db.tx(async (db) => {
    const id = body.requestId ?? uuidv7();
    const again = await policyById(db, ctx.scope, id);
    if (again) return toPolicy(again);
    if (!narrowScope(ctx.scope, body.areaCode) || !(await areaByCode(db, ctx.scope, body.areaCode)))
      throw fieldError('areaCode', 'area.unknown');
    const row = { ...body, id, description: body.description ?? null, createdBy: ctx.actor.id };
    if (!(await insertPolicy(db, row))) throw conflict();
    const p = (await policyById(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'policy.create', targetType: 'subsidy_policy', targetId: id, areaCode: p.areaCode, after: p }),
    );
    return toPolicy(p);
  });
}

/** Edits a draft (a published policy's rules are what people applied under). */
export async function updatePolicyById(ctx: SCtx, id: string, body: z.output<typeof policyUpdateBody>): Promise<Policy> {
  return ctx.db.tx(async (db) => {
    const before = await ownPolicy(db, ctx, id);
    if (before.status !== 'draft') throw new AppError(409, 'subsidy.policyEdit');
    const { version, ...changes } = body;
    const opens = changes.opensOn ?? before.opensOn;
    const closes = changes.closesOn ?? before.closesOn;
    if (closes < opens) throw fieldError('closesOn', 'subsidy.dates');
    const stored = {
      ...changes,
      rules: changes.rules && JSON.stringify(changes.rules),
      amount: changes.amount && JSON.stringify(changes.amount),
    };
    if (!(await updatePolicy(db, ctx.scope, id, version, stored))) throw conflict();
    const after = (await policyById(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, { action: 'policy.update', targetType: 'subsidy_policy', targetId: id, areaCode: after.areaCode, before, after }),
    );
    return toPolicy(after);
  });
}

/** Publishes or closes a policy: the next status only (409 otherwise). */
export async function setPolicyStatus(ctx: SCtx, id: string, body: z.output<typeof policyStatusBody>): Promise<Policy> {
  return ctx.db.tx(async (db) => {
    const before = await ownPolicy(db, ctx, id);
    if (POLICY_NEXT[before.status] !== body.status) throw new AppError(409, 'subsidy.policyStatus');
    if (!(await updatePolicy(db, ctx.scope, id, body.version, { status: body.status }))) throw conflict();
    const after = (await policyById(db, ctx.scope, id))!;
    await appendAudit(
      db,
      byActor(ctx, {
        action: `policy.${body.status === 'published' ? 'publish' : 'close'}`,
        targetType: 'subsidy_policy',
        targetId: id,
        areaCode: after.areaCode,
        before: { status: before.status },
        after: { status: after.status },
      }),
    );
    return toPolicy(after);
  });
}
