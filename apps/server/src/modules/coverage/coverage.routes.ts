import { coverageQuery, coverageResponse, dueQuery, dueResponse } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendXlsx } from '../../http/excel.ts';
import { route } from '../../http/route.ts';
import { coverage, type CoverageCell } from './coverage.ts';
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
      const en = ctx.lang === 'en';
      return sendXlsx<CoverageCell>(
        reply,
        en ? `coverage-${result.area.code}-${result.date}.xlsx` : `覆盖率-${result.area.name}-${result.date}.xlsx`,
        en ? 'Coverage' : '覆盖率',
        [
          { header: en ? 'Area code' : '区划代码', value: (c) => c.code, width: 16 },
          { header: en ? 'Area' : '区划', value: (c) => c.name, width: 24 },
          { header: en ? 'Registered' : '在册人数', value: (c) => c.registered },
          { header: en ? 'Covered' : '已覆盖', value: (c) => c.covered },
          { header: en ? 'Overdue' : '逾期未访', value: (c) => c.overdue },
          { header: en ? 'Rate (%)' : '覆盖率（%）', value: (c) => Math.round(c.rate * 1000) / 10 },
        ],
        [result.area, ...result.children],
      );
    },
  });
}
