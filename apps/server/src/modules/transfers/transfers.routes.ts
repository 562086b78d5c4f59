import { idParams, listOf, transfer, transferDecision, transferListQuery, transferRequest } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { decideTransfer, findTransfers, requestTransfer } from './transfers.service.ts';

const tags = ['transfers'];

export function transfersRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/transfers',
    access: 'transfer.request',
    problems: { 409: true }, // a request for this resident is already waiting
    summary:
      'Ask for a resident held by another station (exact ID number), into a community and worker of your scope; the holding station is notified. Answers masks only',
    tags,
    body: transferRequest,
    response: transfer,
    handler: (ctx, { body }) => requestTransfer(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/transfers',
    access: 'resident.read',
    summary: 'Transfers in (to your area), out (from it) or both, by status; pending first',
    tags,
    query: transferListQuery,
    response: listOf(transfer),
    handler: (ctx, { query }) => findTransfers(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/transfers/:id/decision',
    access: 'transfer.decide',
    problems: { 409: true }, // already decided, or the record has moved since
    summary:
      'The holding station approves (the record, its history, assessments and contacts move in one transaction) or declines with a reason',
    tags,
    params: idParams,
    body: transferDecision,
    response: transfer,
    handler: (ctx, { params, body }) => decideTransfer(ctx, params.id, body),
  });
}
