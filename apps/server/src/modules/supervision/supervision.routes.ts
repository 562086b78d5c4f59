import {
  caseloadQuery,
  caseloadRow,
  listOf,
  supervisionActionParams,
  supervisionCreate,
  supervisionListQuery,
  supervisionSession,
  versioned,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { caseload, completeAction, findSessions, recordSession } from './supervision.service.ts';

const tags = ['supervision'];

export function supervisionRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/supervision',
    access: 'case.approve',
    status: 201,
    summary: 'Record a supervision session (督导) with a worker or a team: cases discussed, advice (sealed), actions with due dates',
    tags,
    body: supervisionCreate,
    response: supervisionSession,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await recordSession(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supervision',
    access: 'case.read',
    summary: 'Supervision sessions in scope, newest first, by worker and period',
    tags,
    query: supervisionListQuery,
    response: listOf(supervisionSession),
    handler: (ctx, { query }) => findSessions(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supervision/:id/actions/:n/done',
    access: 'case.write',
    problems: { 409: true },
    summary: "Mark a session's action done (its worker, the supervisor or a head; version required)",
    tags,
    params: supervisionActionParams,
    body: versioned,
    response: supervisionSession,
    handler: (ctx, { params, body }) => completeAction(ctx, params.id, params.n, body.version),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supervision/caseload',
    access: 'case.approve',
    summary: "Each worker's active cases by stage, approvals waiting, overdue actions and days since each case's last contact",
    tags,
    query: caseloadQuery,
    response: z.object({ items: z.array(caseloadRow) }),
    handler: (ctx, { query }) => caseload(ctx, query),
  });
}
