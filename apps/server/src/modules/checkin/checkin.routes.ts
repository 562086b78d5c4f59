import {
  checkinCode,
  checkinParams,
  okResponse,
  publicCheckinBody,
  publicCheckinQuery,
  publicCheckinResult,
  publicOccasion,
  publicSatisfactionBody,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { checkinCodeFor, publicCheckin, publicOccasion as occasionFacts, publicSatisfaction } from './checkin.service.ts';

const tags = ['checkin'];

/** Scans per client address per minute on the public routes (a room of phones shares one NAT). */
const PUBLIC_PER_MINUTE = 120;

export function checkinRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/checkin/:kind/:id/code',
    operationId: 'getCheckinCode',
    // The kind's own write permission (activity.write, …) is checked by the service.
    access: 'authenticated',
    summary: "The rotating check-in code (new every minute, valid two) and the live counts, for the occasion's QR screen",
    tags,
    params: checkinParams,
    response: checkinCode,
    handler: (ctx, { params }) => checkinCodeFor(ctx, params.kind, params.id),
  });

  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PUBLIC_PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/checkin/:kind/:id',
      operationId: 'getPublicCheckin',
      access: 'public',
      problems: { 429: true },
      summary: 'The check-in page: the occasion’s title, place, time and organising organisation only (no participant)',
      tags,
      params: checkinParams,
      query: publicCheckinQuery,
      response: publicOccasion,
      handler: (ctx, { params, query }) => occasionFacts(ctx, params.kind, params.id, query.t),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/checkin/:kind/:id',
      operationId: 'checkInPublic',
      access: 'public',
      problems: { 409: true, 429: true },
      summary:
        'Check in by name and mobile with the code on the screen (30 min before the start to the end); twice answers "already"; returns a receipt for satisfaction',
      tags,
      params: checkinParams,
      body: publicCheckinBody,
      response: publicCheckinResult,
      handler: (ctx, { params, body }) => publicCheckin(ctx, params.kind, params.id, body),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/checkin/:kind/:id/satisfaction',
      operationId: 'answerPublicSatisfaction',
      access: 'public',
      problems: { 409: true, 429: true },
      summary: 'Satisfaction (1–5, comment) by the phone that checked in, with its receipt; from the start to 7 days after the end',
      tags,
      params: checkinParams,
      body: publicSatisfactionBody,
      response: okResponse,
      handler: (ctx, { params, body }) => publicSatisfaction(ctx, params.kind, params.id, body),
    });
  });
}
