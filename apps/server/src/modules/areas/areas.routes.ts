import { area, areaCode, areasQuery, gridCreateBody, listOf } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { createGrid, getArea, listAreas } from './areas.service.ts';

const tags = ['areas'];

export function areasRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/areas',
    access: 'area.read',
    summary: "Children of an area (?parent=), a search by name or pinyin initials (?q=), or the caller's root",
    tags,
    query: areasQuery,
    response: listOf(area),
    handler: async (ctx, { query }) => {
      const items = await listAreas(ctx, query);
      return { items, total: items.length };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/areas/:code',
    access: 'area.read',
    summary: "One area within the caller's scope",
    tags,
    params: z.object({ code: areaCode }),
    response: area,
    handler: (ctx, { params }) => getArea(ctx, params.code),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/areas/grids',
    operationId: 'createGrid',
    access: 'area.write',
    summary: 'Add a grid (网格) under a community',
    tags,
    body: gridCreateBody,
    response: area,
    handler: (ctx, { body }) => createGrid(ctx, body),
  });
}
