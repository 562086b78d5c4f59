import { coverageBreakdownQuery, coverageBreakdownResponse, coverageQuery, coverageResponse, dueQuery, dueResponse } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { coverage, coverageBreakdown } from './coverage.ts';
import { exportCoverage } from './coverage.export.ts';
import { dueVisits } from './due.ts';

const tags = ['coverage'];

export function coverageRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/due',
    access: 'coverage.read',
    summary: 'Due and overdue visits, nearest first: mine (and unassigned in my area) or all in scope with counts per worker',
    tags,
    query: dueQuery,
    response: dueResponse,
    handler: (ctx, { query }) => dueVisits(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/coverage',
    download: 'xlsx', // format=xlsx
    problems: { 404: true }, // an area outside the caller's
    access: 'coverage.read',
    summary:
      "Coverage of an area and its child areas (or every street/community below, by=) on a date (default: the caller's area, today); format=xlsx exports",
    tags,
    // `by` (street | community) lists every street or community below the area, e.g. a province by street.
    query: coverageQuery.extend({ by: z.enum(['child', 'street', 'community']).default('child') }),
    response: coverageResponse,
    handler: async (ctx, { query }, _req, reply) => {
      const result = await coverage(ctx, query);
      if (query.format !== 'xlsx') return result;
      return exportCoverage(ctx, result, reply);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/coverage/breakdown',
    problems: { 404: true }, // an area outside the caller's
    access: 'coverage.read',
    summary: 'Coverage of an area on a date by care level (in force then) and by resident category',
    tags,
    query: coverageBreakdownQuery,
    response: coverageBreakdownResponse,
    handler: (ctx, { query }) => coverageBreakdown(ctx, query),
  });
}
