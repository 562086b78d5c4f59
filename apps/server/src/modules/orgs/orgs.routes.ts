import { idParams, listOf, org, orgCreateBody, orgListQuery, orgUpdateBody } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { exportOrgs } from './orgs.export.ts';
import { createOrg, findOrgs, getOrg, statsOfOrgs, updateOrgById } from './orgs.service.ts';

const tags = ['orgs'];

export function orgsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/orgs',
    download: 'xlsx', // format=xlsx
    access: 'org.read',
    summary: "Organisations in the caller's scope: search, filter, sort, page; format=xlsx exports",
    tags,
    query: orgListQuery,
    response: listOf(org),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportOrgs(ctx, query, reply) : findOrgs(ctx, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/stats',
    operationId: 'getOrgStats',
    access: 'org.read',
    summary: "Active organisations by kind and by child area of the caller's area",
    tags,
    response: z.object({
      byKind: z.array(z.object({ kind: z.string(), count: z.number() })),
      byArea: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
    }),
    handler: (ctx) => statsOfOrgs(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/orgs',
    access: 'org.write',
    summary: "Create an organisation in an area within the caller's scope",
    tags,
    body: orgCreateBody,
    response: org,
    handler: (ctx, { body }) => createOrg(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id',
    access: 'org.read',
    summary: "One organisation (404 outside the caller's scope)",
    tags,
    params: idParams,
    response: org,
    handler: (ctx, { params }) => getOrg(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/orgs/:id',
    access: 'org.write',
    summary: 'Edit or deactivate an organisation (send the version you read; 409 if stale)',
    tags,
    params: idParams,
    body: orgUpdateBody,
    response: org,
    handler: (ctx, { params, body }) => updateOrgById(ctx, params.id, body),
  });
}
