// Applications to a policy: a staff worker applies for themselves, an organisation reviewer for
// a worker of theirs, a public account through the public page (linked to the register entry
// with the same mobile). Each is checked against the register on the way in; reviewers move it
// only along the legal transitions (409 otherwise), the department's approval within the
// remaining budget (409 with the sums); every move is an event and an audit record.
import {
  areaPrefix,
  budgetTotals,
  fitsBudget,
  maxAmount,
  shanghaiToday,
  subsidyTransition,
  type AmountRule,
  type SubsidyApplication,
  type SubsidyStage,
  type subsidyApplyBody,
  type subsidyListQuery,
  type subsidyPublicApplyBody,
  type subsidyTransitionBody,
} from '@wushe/core';
import { uuidv7, type Db } from '@wushe/db';
import type { z } from 'zod';
import { appendAudit, type AuditEvent } from '../../audit/audit.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { workerById, workerIdOfUser } from '../workforce/workforce.repo.ts';
import { checkedUpload } from '../contacts/attachments.ts';
import { insertAttachment, type StoredAttachment } from '../contacts/attachments.repo.ts';
import {
  attachmentsInScope,
  existingSubsidyApp,
  insertSubsidyApp,
  insertSubsidyEvent,
  listSubsidyApps,
  moveSubsidyApp,
  policyTitles,
  subsidyAppById,
  subsidyAppsOfPerson,
  subsidyEvents,
  workerOfAccount,
  type SubsidyAppRow,
} from './applications.repo.ts';
import { assess } from './assess.ts';
import { lockPolicy, policyById, type PolicyRow } from './policies.repo.ts';
import type { SCtx } from './policies.service.ts';

type ACtx = SCtx & { account?: { id: string; name: string; mobileMasked: string } };
const illegal = () => new AppError(409, 'subsidy.transition');
const yuan = (fen: number) => (fen / 100).toFixed(2);

export function toSubsidyApp(r: SubsidyAppRow, policyTitle: string): SubsidyApplication {
  const { userId: _u, publicAccountId: _p, attachmentIds: _a, ...rest } = r;
  return { ...rest, policyTitle, createdAt: new Date(r.createdAt).toISOString() } as SubsidyApplication;
}

/** With their policies' titles, read as the owner after the scoped read. */
async function titled(ctx: SCtx, list: SubsidyAppRow[]): Promise<SubsidyApplication[]> {
  const titles = new Map(
    (await ctx.database.owner((db) => policyTitles(db, [...new Set(list.map((a) => a.policyId))]))).map((p) => [p.id, p.title]),
  );
  return list.map((a) => toSubsidyApp(a, titles.get(a.policyId) ?? ''));
}

/** Reviewers and the policy's managers read applications of their scope; anyone else only their own. */
const reviews = (ctx: SCtx) =>
  ['subsidy.review.org', 'subsidy.review.dept', 'policy.manage'].some((x) => ctx.actor.permissions.includes(x as never));

export async function findSubsidyApps(ctx: SCtx, q: z.output<typeof subsidyListQuery>) {
  if (!reviews(ctx)) throw forbidden();
  const stages = q.queue === 'org' ? ['submitted', 'org_review'] : q.queue === 'dept' ? ['dept_review'] : q.stage ? [q.stage] : undefined;
  const page = await ctx.db.run((db) =>
    listSubsidyApps(db, { scope: ctx.scope, policyId: q.policyId, q: q.q, stages, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  );
  return { items: await titled(ctx, page.items), total: page.total };
}

export async function getSubsidyApp(ctx: SCtx, id: string) {
  const a = await ctx.db.run((db) => subsidyAppById(db, ctx.scope, id));
  if (!a || !(reviews(ctx) || a.userId === ctx.actor.id)) throw notFound();
  return (await titled(ctx, [a]))[0]!;
}

export async function subsidyAppEvents(ctx: SCtx, id: string) {
  return ctx.db.run(async (db) => {
    const a = await subsidyAppById(db, ctx.scope, id);
    if (!a || !(reviews(ctx) || a.userId === ctx.actor.id)) throw notFound();
    const list = await subsidyEvents(db, ctx.scope, id);
    return list.map((e) => ({ ...e, at: new Date(e.at as string).toISOString() }));
  });
}

/** The policy as an applicant in `scope` sees it: published and open on the day. */
async function openPolicy(ctx: SCtx, scope: string, id: string): Promise<PolicyRow> {
  const p = await ctx.database.owner((db) => policyById(db, scope, id, false));
  if (!p || p.status === 'draft') throw fieldError('policyId', 'subsidy.notOpen');
  const today = shanghaiToday(ctx.now);
  if (p.status !== 'published' || today < p.opensOn || today > p.closesOn) throw new AppError(409, 'subsidy.notOpen');
  return p;
}

type Who = { actorId: string | null; actorName: string };
const staff = (ctx: SCtx): Who => ({ actorId: ctx.actor.id, actorName: ctx.actor.username });
const publicWho = (ctx: ACtx): Who => ({ actorId: ctx.account!.id, actorName: `公众 ${ctx.account!.mobileMasked}` });

async function record(
  db: Db,
  ctx: SCtx,
  who: Who,
  a: { id: string; areaCode: string },
  m: { action: string; from: string | null; to: string; reason?: string | null; before?: unknown; after?: unknown },
) {
  await insertSubsidyEvent(db, {
    id: uuidv7(),
    applicationId: a.id,
    areaCode: a.areaCode,
    action: m.action,
    fromStage: m.from,
    toStage: m.to,
    reason: m.reason ?? null,
    byUser: ctx.actor && who.actorId === ctx.actor.id ? ctx.actor.id : null,
    byName: who.actorName,
    at: ctx.now,
  });
  const e: AuditEvent = {
    ...who,
    ip: ctx.ip,
    action: `subsidy.${m.action}`,
    targetType: 'subsidy_application',
    targetId: a.id,
    areaCode: a.areaCode,
    before: m.before,
    after: m.after,
  };
  await appendAudit(db, e);
}

async function file(
  ctx: ACtx,
  p: PolicyRow,
  scope: string,
  who: Who,
  row: Record<string, unknown> & { id: string; areaCode: string },
  by: { workerId?: string | null; accountId?: string },
  uploads: Omit<StoredAttachment, 'areaCode' | 'createdBy'>[] = [],
) {
  const today = shanghaiToday(ctx.now);
  return ctx.database.tx(scope, async (db) => {
    const again = await existingSubsidyApp(db, p.id, by);
    if (again) {
      if (again.id !== row.id) throw fieldError('policyId', 'subsidy.applied');
      return toSubsidyApp((await subsidyAppById(db, areaPrefix(again.areaCode), again.id))!, p.title);
    }
    // a public applicant's proof is stored in the application's area with it, in the same transaction
    for (const u of uploads) await insertAttachment(db, { ...u, areaCode: row.areaCode, createdBy: null });
    const ids = [...((row.attachmentIds as string[]) ?? []), ...uploads.map((u) => u.id)];
    if ((await attachmentsInScope(db, scope, ids)) !== new Set(ids).size) throw fieldError('attachmentIds', 'subsidy.attachment');
    const check = await assess(db, p, (row.workerId as string | null) ?? null, today, (row.arrivedOn as string | null) ?? null);
    if (!(await insertSubsidyApp(db, { ...row, attachmentIds: ids, ...check, policyId: p.id }))) throw conflict();
    const a = toSubsidyApp((await subsidyAppById(db, scope, row.id))!, p.title);
    await record(db, ctx, who, a, { action: 'submit', from: null, to: 'submitted', after: a });
    return a;
  });
}

/** A staff worker for themselves, or (with subsidy.review.org) an organisation for a worker in its scope. */
export async function applyForSubsidy(ctx: ACtx, body: z.output<typeof subsidyApplyBody>): Promise<SubsidyApplication> {
  const today = shanghaiToday(ctx.now);
  let w;
  if (body.workerId) {
    if (!ctx.actor.permissions.includes('subsidy.review.org')) throw forbidden();
    w = await ctx.db.run((db) => workerById(db, ctx.scope, body.workerId!, today));
    if (!w || w.status !== 'active') throw fieldError('workerId', 'subsidy.worker');
  } else {
    const mine = await ctx.database.owner((db) => workerIdOfUser(db, ctx.actor.id));
    if (!mine) throw fieldError('workerId', 'subsidy.noWorker');
    w = (await ctx.database.run(areaPrefix(mine.areaCode), (db) => workerById(db, areaPrefix(mine.areaCode), mine.id, today)))!;
  }
  const scope = areaPrefix(w.areaCode);
  const p = await openPolicy(ctx, scope, body.policyId);
  const row = {
    id: body.requestId ?? uuidv7(),
    areaCode: w.areaCode,
    workerId: w.id,
    userId: w.userId,
    name: w.name,
    orgName: w.orgName,
    route: body.workerId ? 'org' : 'self',
    appliedBy: ctx.actor.id,
    statement: body.statement,
    arrivedOn: body.arrivedOn ?? null,
    attachmentIds: body.attachmentIds,
  };
  // Proof is uploaded in the uploader's area; an organisation's upload is within its own scope.
  return file(ctx, p, body.workerId ? ctx.scope : scope, staff(ctx), row, { workerId: w.id });
}

/** A public account applies; linked to the register entry with the same mobile when there is one. */
export async function publicApplyForSubsidy(ctx: ACtx, policyId: string, body: z.output<typeof subsidyPublicApplyBody>) {
  const p = await openPolicy(ctx, '', policyId);
  const a = ctx.account!;
  const w = await ctx.database.owner((db) => workerOfAccount(db, a.id));
  const inPolicy = w && areaPrefix(w.areaCode).startsWith(areaPrefix(p.areaCode));
  const row = {
    id: uuidv7(),
    areaCode: inPolicy ? w.areaCode : p.areaCode,
    workerId: inPolicy ? w.id : null,
    publicAccountId: a.id,
    name: a.name,
    orgName: body.orgName ?? (inPolicy ? w.orgName : null),
    route: 'public',
    statement: body.statement,
    arrivedOn: body.arrivedOn ?? null,
    attachmentIds: [],
  };
  const uploads = body.files.map((f, i) => {
    const bytes = checkedUpload(f, `files.${i}.data`);
    return { id: uuidv7(), filename: f.filename, contentType: f.contentType, size: bytes.length, content: bytes.toString('base64') };
  });
  return file(ctx, p, areaPrefix(row.areaCode), publicWho(ctx), row, { accountId: a.id }, uploads);
}

/** Reviewers' moves and the applicant's resubmission, along the legal transitions only. */
export async function moveSubsidyAppById(ctx: ACtx, id: string, body: z.output<typeof subsidyTransitionBody>, asAccount = false) {
  const scope = asAccount ? await accountScope(ctx, id) : ctx.scope;
  const seen = await ctx.database.run(scope, (db) => subsidyAppById(db, scope, id));
  if (!seen) throw notFound();
  // The policy is often an area above the reviewer's (a district policy, a street reviewer): read as the owner.
  const p = (await ctx.database.owner((db) => policyById(db, '', seen.policyId, true)))!;
  return ctx.database.tx(scope, async (db) => {
    const a = await subsidyAppById(db, scope, id);
    if (!a) throw notFound();
    const t = subsidyTransition(a.stage as SubsidyStage, body.action);
    if (!t) throw illegal();
    if (t.by === 'applicant') {
      const mine = asAccount ? a.publicAccountId === ctx.account!.id : a.userId === ctx.actor.id;
      if (!mine) throw forbidden('subsidy.notYours');
    } else if (asAccount || !ctx.actor.permissions.includes(t.by === 'org' ? 'subsidy.review.org' : 'subsidy.review.dept'))
      throw forbidden();
    const change: Record<string, unknown> = { stage: t.to, reason: t.to === 'returned' || t.to === 'rejected' ? body.reason : null };
    if (t.action === 'approve') {
      if (!(await lockPolicy(db, scope, a.policyId))) throw forbidden(); // the department of another area's policy
      const amount = body.amountFen ?? a.amountFen;
      if (amount === null) throw fieldError('amountFen', 'subsidy.amountNeeded');
      const cap = maxAmount(p.amount as AmountRule);
      if (body.amountFen !== undefined && body.amountFen > cap) throw fieldError('amountFen', 'subsidy.amountCap', { max: yuan(cap) });
      const fresh = (await policyById(db, scope, a.policyId))!;
      const totals = budgetTotals(fresh.budgetFen, [
        { stage: 'approved', amountFen: fresh.approvedFen },
        { stage: 'paid', amountFen: fresh.paidFen },
      ]);
      if (!fitsBudget(totals, amount))
        throw new AppError(409, 'subsidy.overBudget', { amount: yuan(amount), remaining: yuan(totals.remaining) });
      change.amountFen = amount;
    }
    if (t.action === 'resubmit') {
      const ids = body.attachmentIds ?? a.attachmentIds;
      if ((await attachmentsInScope(db, scope, ids)) !== new Set(ids).size) throw fieldError('attachmentIds', 'subsidy.attachment');
      const arrivedOn = body.arrivedOn === undefined ? a.arrivedOn : body.arrivedOn;
      Object.assign(change, await assess(db, p, a.workerId, shanghaiToday(ctx.now), arrivedOn), {
        statement: body.statement,
        arrivedOn,
        attachmentIds: body.attachmentIds,
      });
    }
    if (!(await moveSubsidyApp(db, scope, id, body.version, change))) throw conflict();
    const after = toSubsidyApp((await subsidyAppById(db, scope, id))!, p.title);
    const who = asAccount ? publicWho(ctx) : staff(ctx);
    await record(db, ctx, who, a, {
      action: t.action,
      from: a.stage,
      to: t.to,
      reason: change.reason as string | null,
      before: { stage: a.stage, amountFen: a.amountFen },
      after: { stage: after.stage, amountFen: after.amountFen, reason: after.reason },
    });
    return after;
  });
}

/** A public account's own application's area (as the owner, to then write in that scope). */
async function accountScope(ctx: ACtx, id: string): Promise<string> {
  const mine = await ctx.database.owner((db) => subsidyAppsOfPerson(db, { accountId: ctx.account!.id }));
  const found = await ctx.database.owner((db) => subsidyAppById(db, '', id));
  if (!found || !mine.some((m) => m.id === id)) throw notFound();
  return areaPrefix(found.areaCode);
}

/** The applicant's own applications: stage, amount and, when returned or rejected, the reason. */
export async function mySubsidyApps(ctx: ACtx) {
  const list = await ctx.database.owner(async (db) => {
    const w = await workerIdOfUser(db, ctx.actor.id);
    return subsidyAppsOfPerson(db, { userId: ctx.actor.id, workerId: w?.id ?? null });
  });
  return list.map((x) => ({ ...x, createdAt: new Date(x.createdAt as string).toISOString() }));
}
