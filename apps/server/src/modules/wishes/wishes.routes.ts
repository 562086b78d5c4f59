import {
  claimParams,
  idParams,
  likelyClaimantsOfWish,
  likelyClaimantsQuery,
  listOf,
  releaseClaimBody,
  staffClaimBody,
  staffDeliveryBody,
  wish,
  wishBatchBody,
  wishCreateBody,
  wishListQuery,
  wishSummary,
  wishLikelyClaimants,
  wishTransitionBody,
  wishUpdateBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { changingBoard } from './board.service.ts';
import { findLikelyClaimants, likelyClaimantsOf } from './claimants.service.ts';
import { claimForSomeone, deliverForClaimant, releaseClaim } from './claims.service.ts';
import { exportWishes } from './wishes.export.ts';
import { createWish, createWishBatch, editWish, findWishes, getWish, transitionWish } from './wishes.service.ts';

const tags = ['wishes'];
const illegal = { 409: true } as const;

export function wishesRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/wishes',
    download: 'xlsx',
    access: 'wish.read',
    summary: 'Micro-wishes in the scope: search title or resident, filter status, category, area, resident; format=xlsx exports',
    tags,
    query: wishListQuery,
    response: listOf(wishSummary),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportWishes(ctx, query, reply) : findWishes(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/wishes',
    access: 'wish.write',
    status: 201,
    summary: "Record a resident's wish as a draft (public text may not carry the resident's name or a number)",
    tags,
    body: wishCreateBody,
    response: wish,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createWish(ctx, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/wishes/batch',
    access: 'wish.write',
    status: 201,
    summary: 'Record several residents’ wishes from one needs survey: all saved, or none (errors under items.N)',
    tags,
    body: wishBatchBody,
    response: z.object({ ids: z.array(z.uuid()), count: z.number().int() }),
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createWishBatch(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/wishes/likely-claimants',
    access: 'wish.read',
    summary:
      'Open wishes in the scope (soonest deadline first) with likely claimants: an exact assignment, then alternatives, each with why',
    tags,
    query: likelyClaimantsQuery,
    response: listOf(wishLikelyClaimants),
    handler: (ctx, { query }) => findLikelyClaimants(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/wishes/:id/likely-claimants',
    access: 'wish.read',
    summary: 'Likely claimants of an open wish: public accounts that claimed in its district before, assigned exactly, each with why',
    tags,
    params: idParams,
    response: likelyClaimantsOfWish,
    handler: (ctx, { params }) => likelyClaimantsOf(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/wishes/:id',
    access: 'wish.read',
    summary: 'One wish with its claims and history',
    tags,
    params: idParams,
    response: wish,
    handler: (ctx, { params }) => getWish(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/wishes/:id',
    access: 'wish.write',
    problems: illegal,
    summary: 'Edit a draft or returned wish (version required; 409 when stale or past review)',
    tags,
    params: idParams,
    body: wishUpdateBody,
    response: wish,
    handler: (ctx, { params, body }) => editWish(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/wishes/:id/transition',
    access: 'wish.write',
    problems: illegal,
    summary:
      'submit; publish, return (reason) or cancel (reason) with wish.review; confirm fulfilment with the resident (409 when not allowed)',
    tags,
    params: idParams,
    body: wishTransitionBody,
    response: wish,
    handler: (ctx, { params, body }) => changingBoard(transitionWish(ctx, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/wishes/:id/claims',
    access: 'wish.write',
    problems: illegal,
    summary: 'Claim a published wish on behalf of a person, merchant, company or team (409 when already claimed)',
    tags,
    params: idParams,
    body: staffClaimBody,
    response: wish,
    handler: (ctx, { params, body }) => changingBoard(claimForSomeone(ctx, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/wishes/:id/claims/:claimId/release',
    access: 'wish.review',
    problems: illegal,
    summary: 'Release a stalled claim after its due day, with a reason; the wish goes back on the board',
    tags,
    params: claimParams,
    body: releaseClaimBody,
    response: wish,
    handler: (ctx, { params, body }) => changingBoard(releaseClaim(ctx, params.id, params.claimId, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/wishes/:id/delivery',
    access: 'wish.write',
    problems: illegal,
    summary: 'Record the delivery of a claimed wish (note and photos), to be confirmed with the resident',
    tags,
    params: idParams,
    body: staffDeliveryBody,
    response: wish,
    handler: (ctx, { params, body }) => changingBoard(deliverForClaimant(ctx, params.id, body)),
  });
}
