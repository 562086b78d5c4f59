// The public side of rewards and subsidies: published policies (rules, amounts, budget; no
// applicant), applying and resubmitting as a signed-in public account, and the "my" page's
// applications section. The notices are rate-limited per address.
import {
  idParams,
  publicPolicy,
  shanghaiToday,
  SUBSIDY_STAGE_LABELS,
  subsidyApplication,
  subsidyPublicApplyBody,
  subsidyTransitionBody,
  type SubsidyStage,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { perMinute } from '../../http/rate-limit.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { registerMySection } from '../public-accounts/my-sections.ts';
import { subsidyAppsOfPerson } from './applications.repo.ts';
import { moveSubsidyAppById, publicApplyForSubsidy } from './applications.service.ts';
import { publishedPolicies } from './policies.repo.ts';

const tags = ['subsidies'];
const PER_MINUTE = 60;

registerMySection('applications', async ({ database, accountId }) => {
  const list = await database.owner((db) => subsidyAppsOfPerson(db, { accountId }));
  return list.map((x) => ({
    id: x.id as string,
    title: x.policyTitle as string,
    subtitle: x.reason ? `${SUBSIDY_STAGE_LABELS[x.stage as SubsidyStage].zh}：${x.reason as string}` : '奖补申请',
    status: SUBSIDY_STAGE_LABELS[x.stage as SubsidyStage].zh,
    at: new Date(x.createdAt as string).toISOString(),
  }));
});

async function notices(ctx: Pick<Ctx, 'database' | 'now'>, id?: string) {
  const today = shanghaiToday(ctx.now);
  const list = await ctx.database.owner((db) => publishedPolicies(db, id));
  return list.map((p) => ({ ...p, open: p.opensOn <= today && today <= p.closesOn }));
}

export function subsidiesPublicRoutes(app: FastifyInstance): void {
  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/policies',
      operationId: 'listPublicPolicies',
      access: 'public',
      problems: { 429: true },
      summary: 'Published reward and subsidy policies: rules, amounts, budget and dates (no applicant)',
      tags,
      response: z.array(publicPolicy),
      handler: (ctx) => notices(ctx),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/policies/:id',
      operationId: 'getPublicPolicy',
      access: 'public',
      problems: { 429: true },
      summary: 'One published policy (a draft or closed one answers 404)',
      tags,
      params: idParams,
      response: publicPolicy,
      handler: async (ctx, { params }) => {
        const [p] = await notices(ctx, params.id);
        if (!p) throw notFound();
        return p;
      },
    });
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/policies/:id/apply',
    operationId: 'applyToPolicyAsPublicAccount',
    access: 'public-account',
    status: 201,
    problems: { 409: true },
    summary:
      'Apply as the signed-in public account with up to three proof files (base64, each ≤ 5 MB, type checked by content); linked to the register entry with the same mobile when there is one',
    tags,
    params: idParams,
    body: subsidyPublicApplyBody,
    bodyLimit: 24 * 1024 * 1024,
    response: subsidyApplication,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await publicApplyForSubsidy(ctx, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/subsidy-applications/:id/transitions',
    operationId: 'resubmitAsPublicAccount',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Resubmit a returned application as the public account that made it (other moves are the reviewers’)',
    tags,
    params: idParams,
    body: subsidyTransitionBody,
    response: subsidyApplication,
    handler: (ctx, { params, body }) => moveSubsidyAppById(ctx, params.id, body, true),
  });
}
