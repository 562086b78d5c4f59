// Routes of the responsible worker (责任社工): bulk assignment and the workers one may pick.
import { assignableWorker, assignableWorkersQuery, listOf, residentAssignBody, residentAssignResult } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { assignableWorkers, assignResidents } from './residents.assign.ts';

const tags = ['residents'];

export function residentAssignRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/residents/assign',
    access: 'resident.assign',
    summary:
      "Assign a responsible worker to the selected residents (`ids`) or to all matching the list's `filter`; one audit record with the count; a repeat changes nothing",
    tags,
    body: residentAssignBody,
    problems: { 404: true },
    response: residentAssignResult,
    handler: (ctx, { body }) => assignResidents(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/assignable-workers',
    access: 'resident.read',
    summary: "Active casework accounts of the station serving `area` (default: the caller's own station)",
    tags,
    query: assignableWorkersQuery,
    response: listOf(assignableWorker),
    handler: async (ctx, { query }) => {
      const items = await assignableWorkers(ctx, query.area);
      return { items, total: items.length };
    },
  });
}
