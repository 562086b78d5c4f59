import { codeListEntry, codeListParams, codeListQuery, codeListReplace, listOf, visitIntervals } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { urgentSettingRoutes } from './settings.urgent.ts';
import { getCodeList, getVisitIntervals, replaceCodeList, setVisitIntervals } from './settings.service.ts';

const tags = ['settings'];

export function settingsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/code-lists',
    access: 'authenticated',
    summary: 'A code list (resident categories, assistance statuses, 5+N service types), inactive entries included',
    tags,
    query: codeListQuery,
    response: listOf(codeListEntry),
    handler: (ctx, { query }) => getCodeList(ctx, query.list),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/code-lists/:list',
    access: 'settings.write',
    summary: 'Replace a code list; codes in use can be deactivated but not left out',
    tags,
    params: codeListParams,
    body: codeListReplace,
    response: listOf(codeListEntry),
    handler: (ctx, { params, body }) => replaceCodeList(ctx, params.list, body.items),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/settings/visit-intervals',
    operationId: 'getVisitIntervals',
    access: 'authenticated',
    summary: 'The visit interval per care level',
    tags,
    response: visitIntervals,
    handler: (ctx) => getVisitIntervals(ctx),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/settings/visit-intervals',
    operationId: 'setVisitIntervals',
    access: 'settings.write',
    summary: "Set the visit interval per care level; every active resident's next due date is recomputed",
    tags,
    body: visitIntervals,
    response: visitIntervals,
    handler: (ctx, { body }) => setVisitIntervals(ctx, body),
  });
  urgentSettingRoutes(app, tags); // issue 8: the urgent follow-up's deadline
}
