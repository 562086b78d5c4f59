// The payment list of a policy: approved amounts to pay and those paid, in numbered batches,
// totalled against the budget; a batch marks the approved applications it lists paid (each
// an event and an audit record); exported to Excel for the finance office, as are the lists of
// applications and the review queues.
import {
  CERT_KIND_LABELS,
  inLang,
  shanghaiDay,
  SUBSIDY_STAGE_LABELS,
  translate,
  type MessageKey,
  type paymentBatchBody,
  type Policy,
  type policyListQuery,
  POLICY_KIND_LABELS,
  POLICY_STATUS_LABELS,
  type SubsidyApplication,
  type subsidyListQuery,
} from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { type Column, listPages, sendXlsx } from '../../http/excel.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { insertSubsidyEvent } from './applications.repo.ts';
import { findSubsidyApps } from './applications.service.ts';
import { approvedAmong, batchesOf, insertBatch, markPaid, payableOf } from './payments.repo.ts';
import { findPolicies, ownPolicy, toPolicy, type SCtx } from './policies.service.ts';

export async function paymentList(ctx: SCtx, policyId: string) {
  return ctx.db.run(async (db) => {
    const p = await ownPolicy(db, ctx, policyId);
    const items = await payableOf(db, ctx.scope, policyId);
    const batches = await batchesOf(db, ctx.scope, policyId);
    return {
      policyId,
      title: p.title,
      totals: toPolicy(p).totals,
      items: items.map(({ areaName: _a, ...i }) => i),
      batches: batches.map((b) => ({ ...b, createdAt: new Date(b.createdAt as string).toISOString() })),
    };
  });
}

type Payable = Awaited<ReturnType<typeof payableOf>>[number];

export async function exportPaymentList(ctx: Ctx, policyId: string, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const items = await ctx.db.run(async (db) => {
    await ownPolicy(db, ctx, policyId);
    return payableOf(db, ctx.scope, policyId);
  });
  const columns: Column<Payable>[] = [
    { header: t('export.subsidy.name'), value: (r) => r.name },
    { header: t('export.subsidy.org'), value: (r) => r.orgName, width: 32 },
    { header: t('export.subsidy.area'), value: (r) => r.areaName },
    { header: t('export.subsidy.level'), value: (r) => (r.level ? inLang(ctx.lang, CERT_KIND_LABELS[r.level as 'assistant']) : '') },
    { header: t('export.subsidy.amount'), value: (r) => r.amountFen / 100 },
    { header: t('export.subsidy.stage'), value: (r) => inLang(ctx.lang, SUBSIDY_STAGE_LABELS[r.stage]) },
    { header: t('export.subsidy.batch'), value: (r) => r.batchNo },
  ];
  return sendXlsx(reply, t('export.subsidy.file'), t('export.subsidy.sheet'), columns, items);
}

/** A numbered batch of approved applications marked paid together. */
export async function createPaymentBatch(ctx: SCtx, policyId: string, body: z.output<typeof paymentBatchBody>) {
  return ctx.db.tx(async (db) => {
    const p = await ownPolicy(db, ctx, policyId);
    const ids = [...new Set(body.applicationIds)];
    const found = await approvedAmong(db, ctx.scope, policyId, ids);
    if (found.length !== ids.length) throw new AppError(409, 'subsidy.notApproved');
    if (!found.length) throw fieldError('applicationIds', 'subsidy.batchEmpty');
    const id = uuidv7();
    const totalFen = found.reduce((s, a) => s + a.amountFen, 0);
    const no = await insertBatch(db, {
      id,
      policyId,
      areaCode: p.areaCode,
      note: body.note ?? null,
      count: found.length,
      totalFen,
      createdBy: ctx.actor.id,
    });
    if ((await markPaid(db, ctx.scope, ids, id)) !== ids.length) throw new AppError(409, 'subsidy.notApproved');
    for (const a of found)
      await insertSubsidyEvent(db, {
        id: uuidv7(),
        applicationId: a.id,
        areaCode: a.areaCode,
        action: 'pay',
        fromStage: 'approved',
        toStage: 'paid',
        reason: `#${no}`,
        byUser: ctx.actor.id,
        byName: ctx.actor.username,
        at: ctx.now,
      });
    const batch = {
      id,
      policyId,
      no,
      note: body.note ?? null,
      count: found.length,
      totalFen,
      createdByName: ctx.actor.username,
      createdAt: ctx.now.toISOString(),
    };
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'subsidy.pay',
        targetType: 'subsidy_batch',
        targetId: id,
        areaCode: p.areaCode,
        after: { ...batch, applicationIds: ids },
      }),
    );
    return batch;
  });
}

/** The applications of a list or review queue as .xlsx (its filters applied), labels in the caller's language. */
export async function exportSubsidyApps(ctx: SCtx, q: z.output<typeof subsidyListQuery>, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<SubsidyApplication>[] = [
    { header: t('export.subsidy.name'), value: (r) => r.name },
    { header: t('export.subsidy.org'), value: (r) => r.orgName, width: 32 },
    { header: t('export.subsidyApps.policy'), value: (r) => r.policyTitle, width: 32 },
    { header: t('export.subsidyApps.route'), value: (r) => t(`export.subsidyApps.route.${r.route}`) },
    { header: t('export.subsidyApps.check'), value: (r) => t(`export.subsidyApps.check.${r.checkResult}`) },
    { header: t('export.subsidy.level'), value: (r) => (r.level ? inLang(ctx.lang, CERT_KIND_LABELS[r.level]) : '') },
    { header: t('export.subsidy.amount'), value: (r) => (r.amountFen === null ? '' : r.amountFen / 100) },
    { header: t('export.subsidy.stage'), value: (r) => inLang(ctx.lang, SUBSIDY_STAGE_LABELS[r.stage]) },
    { header: t('export.subsidyApps.reason'), value: (r) => r.reason, width: 32 },
    { header: t('export.subsidyApps.submitted'), value: (r) => shanghaiDay(r.createdAt), width: 12 },
  ];
  return sendXlsx(
    reply,
    t('export.subsidyApps.file'),
    t('export.subsidyApps.sheet'),
    columns,
    listPages((page, pageSize) => findSubsidyApps(ctx, { ...q, page, pageSize })),
  );
}

/** The policies list as .xlsx (its filters applied): budget, approved, paid and remaining in yuan. */
export async function exportPolicies(ctx: SCtx, q: z.output<typeof policyListQuery>, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const yuanOf = (fen: number) => fen / 100;
  const columns: Column<Policy>[] = [
    { header: t('export.policies.title'), value: (r) => r.title, width: 36 },
    { header: t('export.policies.kind'), value: (r) => inLang(ctx.lang, POLICY_KIND_LABELS[r.kind]) },
    { header: t('export.subsidy.area'), value: (r) => r.areaName },
    { header: t('export.policies.year'), value: (r) => r.year, width: 8 },
    { header: t('export.policies.period'), value: (r) => `${r.opensOn} ~ ${r.closesOn}`, width: 24 },
    { header: t('export.subsidy.stage'), value: (r) => inLang(ctx.lang, POLICY_STATUS_LABELS[r.status]) },
    { header: t('export.policies.budget'), value: (r) => yuanOf(r.totals.budget) },
    { header: t('export.policies.approved'), value: (r) => yuanOf(r.totals.approved) },
    { header: t('export.policies.paid'), value: (r) => yuanOf(r.totals.paid) },
    { header: t('export.policies.remaining'), value: (r) => yuanOf(r.totals.remaining) },
    { header: t('export.policies.applications'), value: (r) => Object.values(r.counts).reduce((a, b) => a + b, 0), width: 8 },
  ];
  return sendXlsx(
    reply,
    t('export.policies.file'),
    t('export.policies.sheet'),
    columns,
    listPages((page, pageSize) => findPolicies(ctx, { ...q, page, pageSize })),
  );
}
