import {
  certParams,
  idParams,
  listOf,
  okResponse,
  requirement,
  requirementBody,
  titleParams,
  versionQuery,
  worker,
  workerCertificate,
  workerCertificateBody,
  workerCertificateUpdate,
  workerClaimBody,
  workerCreateBody,
  workerDetail,
  workerLeaveBody,
  workerLinkBody,
  workerListQuery,
  workerRevealBody,
  workerRevealResponse,
  workerTitle,
  workerTitleBody,
  workerUpdateBody,
  workforceStats,
  workforceStatsQuery,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import {
  addCertificate,
  addTitle,
  editCertificate,
  listCertificates,
  listTitles,
  removeCertificate,
  removeTitle,
} from './workforce.certs.ts';
import { exportWorkers } from './workforce.export.ts';
import {
  claimWorker,
  createWorker,
  findWorkers,
  getWorker,
  leaveWorker,
  linkWorker,
  myWorker,
  revealWorker,
  updateWorkerById,
} from './workforce.service.ts';
import { createRequirement, removeRequirement, workforceStats as statsOf } from './workforce.stats.ts';

const tags = ['workforce'];
const stale = { 409: true } as const;

export function workforceRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/workers',
    download: 'xlsx',
    access: 'worker.read',
    summary: 'The workforce register: search by name or ID tail, filter by org, post, level, certified, title, status; format=xlsx exports',
    tags,
    query: workerListQuery,
    response: listOf(worker),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportWorkers(ctx, query, reply) : findWorkers(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workers',
    access: 'worker.write',
    status: 201,
    summary: 'Register a worker (a repeated requestId answers the entry already made)',
    tags,
    body: workerCreateBody,
    response: workerDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createWorker(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/workers/me',
    operationId: 'getMyWorker',
    access: 'authenticated',
    summary: "The caller's own register entry (404 when none is linked)",
    tags,
    problems: { 404: true },
    response: workerDetail,
    handler: (ctx) => myWorker(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workers/me/claim',
    operationId: 'claimMyWorker',
    access: 'authenticated',
    summary: 'Link the caller to their entry: the ID number matches, and the name or mobile the account’s',
    tags,
    body: workerClaimBody,
    response: workerDetail,
    handler: (ctx, { body }) => claimWorker(ctx, body.idNumber),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/workers/:id',
    access: 'worker.read',
    summary: 'One entry with certificates (and their current registration cycle) and titles',
    tags,
    params: idParams,
    response: workerDetail,
    handler: (ctx, { params }) => getWorker(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/workers/:id',
    access: 'worker.write',
    summary: 'Edit an entry (send the version you read; 409 if stale)',
    tags,
    params: idParams,
    body: workerUpdateBody,
    response: workerDetail,
    handler: (ctx, { params, body }) => updateWorkerById(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workers/:id/leave',
    access: 'worker.write',
    summary: 'Record that a worker left (409 if stale or already left)',
    tags,
    params: idParams,
    body: workerLeaveBody,
    response: workerDetail,
    problems: stale,
    handler: (ctx, { params, body }) => leaveWorker(ctx, params.id, body.leftOn, body.version),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/workers/:id/account',
    access: 'worker.write',
    summary: 'Link the entry to a staff account in the scope, or unlink it (userId null)',
    tags,
    params: idParams,
    body: workerLinkBody,
    response: workerDetail,
    handler: (ctx, { params, body }) => linkWorker(ctx, params.id, body.userId, body.version),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workers/:id/reveal',
    access: 'worker.write',
    summary: 'Reveal the ID number or mobile for one view (audited with the reason)',
    tags,
    params: idParams,
    body: workerRevealBody,
    response: workerRevealResponse,
    handler: (ctx, { params, body }) => revealWorker(ctx, params.id, body.field, body.reason),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/workers/:id/certificates',
    access: 'worker.read',
    summary: "A worker's certificates with the current registration cycle",
    tags,
    params: idParams,
    response: z.array(workerCertificate),
    handler: (ctx, { params }) => listCertificates(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workers/:id/certificates',
    access: 'worker.write',
    status: 201,
    summary: 'Add a certificate (one per kind; the same one again answers the stored row)',
    tags,
    params: idParams,
    body: workerCertificateBody,
    response: workerCertificate,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addCertificate(ctx, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/workers/:id/certificates/:certId',
    access: 'worker.write',
    summary: 'Edit a certificate (409 if stale)',
    tags,
    params: certParams,
    body: workerCertificateUpdate,
    response: workerCertificate,
    handler: (ctx, { params, body }) => editCertificate(ctx, params.id, params.certId, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/workers/:id/certificates/:certId',
    access: 'worker.write',
    summary: 'Remove a certificate (?version=; 409 if stale)',
    tags,
    params: certParams,
    query: versionQuery,
    response: okResponse,
    problems: stale,
    handler: (ctx, { params, query }) => removeCertificate(ctx, params.id, params.certId, query.version),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/workers/:id/titles',
    access: 'worker.read',
    summary: "A worker's titles and honours",
    tags,
    params: idParams,
    response: z.array(workerTitle),
    handler: (ctx, { params }) => listTitles(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workers/:id/titles',
    access: 'worker.write',
    status: 201,
    summary: 'Add a title (once per title and year)',
    tags,
    params: idParams,
    body: workerTitleBody,
    response: workerTitle,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addTitle(ctx, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/workers/:id/titles/:titleId',
    access: 'worker.write',
    summary: 'Remove a title',
    tags,
    params: titleParams,
    response: okResponse,
    handler: (ctx, { params }) => removeTitle(ctx, params.id, params.titleId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/workforce/stats',
    access: 'workforce.stats',
    summary: 'Headcount by level and 持证率 for an area on a day, by child area or by organisation, with required posts',
    tags,
    query: workforceStatsQuery,
    response: workforceStats,
    problems: { 404: true },
    handler: (ctx, { query }) => statsOf(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/workforce/requirements',
    access: 'worker.write',
    status: 201,
    summary: 'Require a certificate for a post in an area or organisation by a deadline (持证上岗)',
    tags,
    body: requirementBody,
    response: requirement,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createRequirement(ctx, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/workforce/requirements/:id',
    access: 'worker.write',
    summary: 'Remove a certification requirement',
    tags,
    params: idParams,
    response: okResponse,
    handler: (ctx, { params }) => removeRequirement(ctx, params.id),
  });
}
