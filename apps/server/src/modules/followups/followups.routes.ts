import {
  followUp,
  followUpComplete,
  followUpCreate,
  followUpReassign,
  followUpExportQuery,
  followUpListQuery,
  idParams,
  listOf,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportFollowUps } from './followups.export.ts';
import { completeFollowUp, findFollowUps } from './followups.service.ts';
import { createFollowUp, reassignFollowUp } from './followups.write.ts';

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
  route(app, {
    method: 'POST',
    url: '/api/v1/follow-ups',
    access: 'contact.write',
    summary:
      "Add a follow-up for a resident by hand: to the resident's responsible worker (or the caller) unless `assignedTo` names another worker (needs resident.assign); a repeat returns the same task",
    tags,
    body: followUpCreate,
    problems: { 404: true },
    response: followUp,
    handler: (ctx, { body }) => createFollowUp(ctx, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/follow-ups/:id/assign',
    problems: { 409: true }, // already done
    access: 'resident.assign',
    summary: 'Reassign an open follow-up to another worker of the station (409 when already done); the new assignee is notified',
    tags,
    params: idParams,
    body: followUpReassign,
    response: followUp,
    handler: (ctx, { params, body }) => reassignFollowUp(ctx, params.id, body.assignedTo),
  });
}
