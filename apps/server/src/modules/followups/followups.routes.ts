import { followUp, followUpComplete, followUpExportQuery, followUpListQuery, idParams, listOf } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportFollowUps } from './followups.export.ts';
import { completeFollowUp, findFollowUps } from './followups.service.ts';

const tags = ['follow-ups'];

export function followUpsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/follow-ups',
    access: 'resident.read',
    summary: 'Follow-up tasks in scope: open (soonest due first, overdue included), overdue, done (latest first) or all',
    tags,
    query: followUpListQuery,
    response: listOf(followUp),
    handler: (ctx, { query }) => findFollowUps(ctx, query),
  });
  // Before any /follow-ups/:id route, so `export` is never read as an id.
  route(app, {
    method: 'GET',
    url: '/api/v1/follow-ups/export',
    download: 'xlsx',
    access: 'resident.read',
    summary: 'The filtered follow-ups as .xlsx (≤ 50,000 rows, no paging); Chinese headers, English with Accept-Language: en',
    tags,
    query: followUpExportQuery,
    handler: (ctx, { query }, _req, reply) => exportFollowUps(ctx, query, reply),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/follow-ups/:id/complete',
    problems: { 409: true }, // already done
    access: 'contact.write',
    summary: 'Complete a follow-up with what was done, optionally linking the contact recorded for it (409 when already done)',
    tags,
    params: idParams,
    body: followUpComplete,
    response: followUp,
    handler: (ctx, { params, body }) => completeFollowUp(ctx, params.id, body),
  });
}
