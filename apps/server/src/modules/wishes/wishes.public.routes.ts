import {
  idParams,
  listOf,
  myWishClaim,
  publicClaimBody,
  publicDeliveryBody,
  publicStatsQuery,
  publicWish,
  publicWishListQuery,
  publicWishStats,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { changingBoard, publicStats, publicWish as publicWishOf, publicWishes } from './board.service.ts';
import { claimAsAccount, deliverAsClaimant, myClaims, withdrawClaim } from './claims.service.ts';

const tags = ['wishes'];
const PER_MINUTE = 120;

export function wishesPublicRoutes(app: FastifyInstance): void {
  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/wishes',
      operationId: 'listPublicWishes',
      access: 'public',
      problems: { 429: true },
      summary: 'The wish board: published, taken and fulfilled wishes by area and category; a generic label, never the resident',
      tags,
      query: publicWishListQuery,
      response: listOf(publicWish),
      handler: (ctx, { query }) => publicWishes(ctx, query),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/wishes/:id',
      operationId: 'getPublicWish',
      access: 'public',
      problems: { 429: true },
      summary: 'One wish as the board shows it',
      tags,
      params: idParams,
      response: publicWish,
      handler: (ctx, { params }) => publicWishOf(ctx, params.id),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/stats',
      operationId: 'getPublicWishStats',
      access: 'public',
      problems: { 429: true },
      summary: 'The board’s totals for an area and period (this year by default): posted, claimed, fulfilled, value fulfilled',
      tags,
      query: publicStatsQuery,
      response: publicWishStats,
      handler: (ctx, { query }) => publicStats(ctx, query),
    });
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/wish-claims',
    operationId: 'listMyWishClaims',
    access: 'public-account',
    summary: 'The signed-in account’s claims, newest first',
    tags,
    response: z.array(myWishClaim),
    handler: (ctx) => myClaims(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/wishes/:id/claims',
    operationId: 'claimWish',
    access: 'public-account',
    status: 201,
    problems: { 409: true },
    summary: 'Claim a wish on the board as the signed-in account (one holder at a time; a repeat answers the first)',
    tags,
    params: idParams,
    body: publicClaimBody,
    response: myWishClaim,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await changingBoard(claimAsAccount(ctx, params.id, body))),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/wish-claims/:id/withdraw',
    operationId: 'withdrawWishClaim',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Give one’s claim up while it is active; the wish goes back on the board',
    tags,
    params: idParams,
    response: myWishClaim,
    handler: (ctx, { params }) => changingBoard(withdrawClaim(ctx, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/wish-claims/:id/delivery',
    operationId: 'deliverWishClaim',
    access: 'public-account',
    problems: { 409: true, 413: true },
    bodyLimit: 24 * 1024 * 1024,
    summary: 'Record the delivery with a note and up to three photos (5 MB each); the station then confirms with the resident',
    tags,
    params: idParams,
    body: publicDeliveryBody,
    response: myWishClaim,
    handler: (ctx, { params, body }) => changingBoard(deliverAsClaimant(ctx, params.id, body)),
  });
}
