// Routes of rewards and subsidies (奖补): policies, applications and their review stages, the
// payment list with batches and its Excel export. Handlers are one call each.
import {
  idParams,
  listOf,
  mySubsidyApplication,
  paymentBatch,
  paymentBatchBody,
  paymentList as paymentListSchema,
  paymentListQuery,
  policy,
  policyCreateBody,
  policyListQuery,
  policyStatusBody,
  policyUpdateBody,
  subsidyApplication,
  subsidyApplyBody,
  subsidyEvent,
  subsidyListQuery,
  subsidyTransitionBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import {
  applyForSubsidy,
  findSubsidyApps,
  getSubsidyApp,
  moveSubsidyAppById,
  mySubsidyApps,
  subsidyAppEvents,
} from './applications.service.ts';
import { createPaymentBatch, exportPaymentList, exportPolicies, exportSubsidyApps, paymentList } from './payments.service.ts';
import { createPolicy, findPolicies, getPolicy, setPolicyStatus, updatePolicyById } from './policies.service.ts';
import { subsidiesPublicRoutes } from './subsidies.public.ts';

const tags = ['subsidies'];
const P = '/api/v1/policies';
const A = '/api/v1/subsidy-applications';

export function subsidiesRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: P,
    access: 'authenticated',
    summary: 'Reward and subsidy policies: the scope’s own (drafts too) and the published ones of the areas above it; format=xlsx exports',
    tags,
    query: policyListQuery,
    download: 'xlsx',
    response: listOf(policy),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportPolicies(ctx, query, reply) : findPolicies(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: P,
    access: 'policy.manage',
    status: 201,
    summary: 'Draft a policy: kind, budget in fen, dates, eligibility and amount rules (a repeated requestId answers the first)',
    tags,
    body: policyCreateBody,
    response: policy,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createPolicy(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: `${P}/:id`,
    access: 'authenticated',
    summary: 'One policy with its budget totals (approved, paid, remaining) and applications by stage',
    tags,
    params: idParams,
    response: policy,
    handler: (ctx, { params }) => getPolicy(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: `${P}/:id`,
    access: 'policy.manage',
    summary: 'Edit a draft policy (409 once published, or when the version is stale)',
    tags,
    params: idParams,
    body: policyUpdateBody,
    response: policy,
    problems: { 409: true },
    handler: (ctx, { params, body }) => updatePolicyById(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: `${P}/:id/status`,
    access: 'policy.manage',
    summary: 'Publish or close a policy (draft → published → closed only; 409 otherwise)',
    tags,
    params: idParams,
    body: policyStatusBody,
    response: policy,
    problems: { 409: true },
    handler: (ctx, { params, body }) => setPolicyStatus(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: `${P}/:id/payments`,
    download: 'xlsx',
    access: 'policy.manage',
    summary: 'The payment list: approved and paid amounts with their batches, totals against the budget; format=xlsx exports',
    tags,
    params: idParams,
    query: paymentListQuery,
    response: paymentListSchema,
    handler: (ctx, { params, query }, _req, reply) =>
      query.format === 'xlsx' ? exportPaymentList(ctx, params.id, reply) : paymentList(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: `${P}/:id/payment-batches`,
    access: 'policy.manage',
    status: 201,
    summary: 'Mark approved applications paid in a numbered batch (409 if one is not approved)',
    tags,
    params: idParams,
    body: paymentBatchBody,
    response: paymentBatch,
    problems: { 409: true },
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await createPaymentBatch(ctx, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: A,
    access: 'authenticated',
    summary:
      'Applications within the scope: by policy, stage, or the review queue (org: submitted and in review; dept); format=xlsx exports',
    tags,
    query: subsidyListQuery,
    download: 'xlsx',
    response: listOf(subsidyApplication),
    handler: (ctx, { query }, _req, reply) =>
      query.format === 'xlsx' ? exportSubsidyApps(ctx, query, reply) : findSubsidyApps(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: A,
    access: 'authenticated',
    status: 201,
    summary: 'Apply: a worker for themselves, or with subsidy.review.org for a worker of the scope; checked against the register',
    tags,
    body: subsidyApplyBody,
    response: subsidyApplication,
    problems: { 409: true },
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await applyForSubsidy(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: `${A}/mine`,
    operationId: 'listMySubsidyApplications',
    access: 'authenticated',
    summary: "The caller's own applications: stage, amount and the reason when returned or rejected",
    tags,
    response: z.array(mySubsidyApplication),
    handler: (ctx) => mySubsidyApps(ctx),
  });
  route(app, {
    method: 'GET',
    url: `${A}/:id`,
    access: 'authenticated',
    summary: 'One application with each rule of the auto-check (pass, fail, unknown) and its attachments',
    tags,
    params: idParams,
    response: subsidyApplication,
    handler: (ctx, { params }) => getSubsidyApp(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: `${A}/:id/events`,
    access: 'authenticated',
    summary: 'Every transition of the application with who made it and why',
    tags,
    params: idParams,
    response: z.array(subsidyEvent),
    handler: (ctx, { params }) => subsidyAppEvents(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: `${A}/:id/transitions`,
    access: 'authenticated',
    summary:
      'accept/pass/return/reject (organisation), approve/return/reject (department), resubmit (applicant); 409 off the legal moves or over budget',
    tags,
    params: idParams,
    body: subsidyTransitionBody,
    response: subsidyApplication,
    problems: { 409: true },
    handler: (ctx, { params, body }) => moveSubsidyAppById(ctx, params.id, body),
  });
  subsidiesPublicRoutes(app);
}
