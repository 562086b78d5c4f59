import {
  ceBehindQuery,
  ceBehindRow,
  ceEntry,
  ceEntryBody,
  ceEntryListQuery,
  ceQueueEntry,
  ceRequirements,
  ceReviewBody,
  ceWorkerHours,
  idParams,
  listOf,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { reviewQueue } from './ce-queue.ts';
import { exportBehind } from './trainings.export.ts';
import { addEntry, behindList, getRequirements, myHours, reviewCeEntry, setRequirements, workerHours } from './ce-hours.ts';

const tags = ['ce-hours'];

export function ceHoursRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/ce-hours/me',
    operationId: 'getMyCeHours',
    access: 'authenticated',
    problems: { 404: true },
    summary: "The caller's own cycles and hours (404 when no register entry is linked)",
    tags,
    response: ceWorkerHours,
    handler: (ctx) => myHours(ctx),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/ce-hours/workers/:id',
    operationId: 'getWorkerCeHours',
    // worker.read, or the worker's own entry (checked by the service)
    access: 'authenticated',
    summary: "A worker's registration cycles: hours credited from trainings and approved entries against the requirement",
    tags,
    params: idParams,
    response: ceWorkerHours,
    handler: (ctx, { params }) => workerHours(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/ce-hours/workers/:id/entries',
    operationId: 'addCeEntry',
    // worker.write, or the worker's own entry (checked by the service)
    access: 'authenticated',
    status: 201,
    summary: 'Add hours from an outside training with proof (an uploaded attachment); pending until a head reviews it',
    tags,
    params: idParams,
    body: ceEntryBody,
    response: ceEntry,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addEntry(ctx, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/ce-hours/entries',
    operationId: 'listCeEntries',
    access: 'ce.review',
    summary: 'The review queue: outside hours of a status (pending by default) in scope, oldest first, with the worker',
    tags,
    query: ceEntryListQuery,
    response: listOf(ceQueueEntry),
    handler: (ctx, { query }) => reviewQueue(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/ce-hours/entries/:id/review',
    operationId: 'reviewCeEntry',
    access: 'ce.review',
    problems: { 409: true },
    summary: 'Approve or reject a pending entry (409 once reviewed or when stale)',
    tags,
    params: idParams,
    body: ceReviewBody,
    response: ceEntry,
    handler: (ctx, { params, body }) => reviewCeEntry(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/ce-hours/behind',
    operationId: 'listCeBehind',
    download: 'xlsx',
    access: 'worker.read',
    summary: 'Workers behind on hours in their current cycle: missing hours and the cycle end, nearest end first; format=xlsx exports',
    tags,
    query: ceBehindQuery,
    response: listOf(ceBehindRow),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportBehind(ctx, query, reply) : behindList(ctx, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/ce-hours/requirements',
    operationId: 'getCeRequirements',
    access: 'authenticated',
    summary: 'Required hours per cycle by level (default 72 / 90 / 90)',
    tags,
    response: ceRequirements,
    handler: (ctx) => getRequirements(ctx),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/ce-hours/requirements',
    operationId: 'setCeRequirements',
    access: 'settings.write',
    summary: 'Set the required hours per cycle by level',
    tags,
    body: ceRequirements,
    response: ceRequirements,
    handler: (ctx, { body }) => setRequirements(ctx, body),
  });
}
