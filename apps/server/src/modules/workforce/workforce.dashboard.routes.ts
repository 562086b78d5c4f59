// The workforce dashboard (人才看板) for officials, and its table as .xlsx.
import { workforceDashboard as dashboard, workforceDashboardQuery } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportDashboard } from './workforce.dashboard.export.ts';
import { workforceDashboard } from './workforce.dashboard.ts';

const tags = ['workforce'];

export function workforceDashboardRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/workforce/dashboard',
    access: 'workforce.stats',
    summary:
      'Workforce dashboard for an area on a day (asOf, default today): headcount, 持证率 and its 12-month trend, exam pass rate vs the area above, CE standing, training this year, programmes; by child area or organisation',
    tags,
    query: workforceDashboardQuery,
    response: dashboard,
    problems: { 404: true },
    handler: (ctx, { query }) => workforceDashboard(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/workforce/dashboard/export',
    download: 'xlsx',
    access: 'workforce.stats',
    summary:
      'The workforce dashboard table (total and each child area or organisation) as .xlsx; Chinese headers, English with Accept-Language: en',
    tags,
    query: workforceDashboardQuery,
    problems: { 404: true },
    handler: (ctx, { query }, _req, reply) => exportDashboard(ctx, query, reply),
  });
}
