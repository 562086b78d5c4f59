import {
  idParams,
  listOf,
  referral,
  referralClose,
  referralCreate,
  referralDecision,
  referralListQuery,
  referralOutcome,
  referralTarget,
  referralTargetQuery,
  referredCase,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import {
  caseReferrals,
  closeReferral,
  decideReferral,
  findReferrals,
  readReferral,
  recordOutcome,
  referCase,
  targets,
} from './referrals.service.ts';

const tags = ['cases'];

export function referralsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/referrals',
    access: 'case.write',
    status: 201,
    summary: 'Refer the case (转介) to an organisation in Wushe (its head decides) or outside it (by name), with the reason',
    tags,
    params: idParams,
    body: referralCreate,
    response: referral,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await referCase(ctx, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/referrals',
    access: 'case.read',
    summary: "The case's referrals and their outcomes, newest first",
    tags,
    params: idParams,
    response: z.object({ items: z.array(referral) }),
    handler: (ctx, { params }) => caseReferrals(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/referrals',
    access: 'case.approve',
    summary: "Referrals to the caller's organisation (incoming, pending first) or from the caller's scope (outgoing)",
    tags,
    query: referralListQuery,
    response: listOf(referral),
    handler: (ctx, { query }) => findReferrals(ctx, query),
  });
  // Before /referrals/:id, so `targets` is never read as an id.
  route(app, {
    method: 'GET',
    url: '/api/v1/referrals/targets',
    access: 'case.write',
    summary: 'Organisations in Wushe a case can be referred to: name, kind and area only',
    tags,
    query: referralTargetQuery,
    response: z.object({ items: z.array(referralTarget) }),
    handler: (ctx, { query }) => targets(ctx, query.q),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/referrals/:id',
    access: 'case.approve',
    summary: 'A referral; to the receiving organisation while pending or accepted also the case and its timeline (read-only, audited)',
    tags,
    params: idParams,
    response: referredCase,
    handler: (ctx, { params }) => readReferral(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/referrals/:id/decision',
    access: 'case.approve',
    summary: "The receiving organisation's head accepts (optionally opening a case of theirs) or declines with a reason",
    tags,
    params: idParams,
    body: referralDecision,
    response: referral,
    handler: (ctx, { params, body }) => decideReferral(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/referrals/:id/outcome',
    access: 'case.write',
    summary: 'The referring worker records the answer of an organisation outside Wushe',
    tags,
    params: idParams,
    body: referralOutcome,
    response: referral,
    handler: (ctx, { params, body }) => recordOutcome(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/referrals/:id/close',
    access: 'case.write',
    summary: 'Withdraw a pending referral or end an accepted one (the receiving side stops reading the case)',
    tags,
    params: idParams,
    body: referralClose,
    response: referral,
    handler: (ctx, { params, body }) => closeReferral(ctx, params.id, body),
  });
}
