import { dashboardResponse, trendQuery, trendResponse } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { coverageTrend } from '../coverage/coverage.trend.ts';
import { dashboard } from './dashboard.service.ts';

export function dashboardRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/dashboard',
    access: 'coverage.read',
    summary:
      "The caller's 工作台: a worker's caseload, a station head's station by worker, or an official's area by child area (kind tells which)",
    tags: ['dashboard'],
    response: dashboardResponse,
    handler: (ctx) => dashboard(ctx),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/coverage/trend',
    problems: { 404: true }, // an area outside the caller's
    access: 'coverage.read',
    summary:
      'Monthly coverage of an area and its child areas from the daily snapshots (months=12); a month without a snapshot has date null',
    tags: ['coverage'],
    query: trendQuery,
    response: trendResponse,
    handler: (ctx, { query }) => coverageTrend(ctx, query),
  });
}
