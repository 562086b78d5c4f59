import { idParams, listOf, org, ORG_KIND_LABELS, orgCreateBody, orgListQuery, orgUpdateBody, type Org } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EXPORT_LIMIT, sendXlsx } from '../../http/excel.ts';
import { route } from '../../http/route.ts';
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
    handler: async (ctx, { query }, _req, reply) => {
      if (query.format !== 'xlsx') return findOrgs(ctx, query);
      const { items } = await findOrgs(ctx, { ...query, page: 1 }, EXPORT_LIMIT);
      const en = ctx.lang === 'en';
      return sendXlsx<Org>(
        reply,
        en ? 'organisations.xlsx' : '组织.xlsx',
        en ? 'Organisations' : '组织',
        [
          { header: en ? 'Name' : '名称', value: (o) => o.name, width: 36 },
          { header: en ? 'Kind' : '类型', value: (o) => (en ? ORG_KIND_LABELS[o.kind].en : ORG_KIND_LABELS[o.kind].zh) },
          { header: en ? 'Area code' : '区划代码', value: (o) => o.areaCode, width: 16 },
          { header: en ? 'Area' : '所在区划', value: (o) => o.areaName },
          { header: en ? 'Credit code' : '统一社会信用代码', value: (o) => o.creditCode, width: 22 },
          { header: en ? 'Contact' : '联系人', value: (o) => o.contactName },
          { header: en ? 'Phone' : '联系电话', value: (o) => o.contactPhone },
          { header: en ? 'Address' : '地址', value: (o) => o.address, width: 30 },
          { header: en ? 'Active' : '状态', value: (o) => (o.active ? (en ? 'active' : '正常') : en ? 'inactive' : '停用') },
        ],
        items,
      );
    },
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
