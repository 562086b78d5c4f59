import { outputsQuery, outputsResponse, volunteeringOutputsQuery, volunteeringOutputsResponse } from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportOutputs } from './outputs.export.ts';
import { outputs } from './outputs.ts';
import { exportVolunteeringOutputs } from './volunteering.export.ts';
import { volunteeringOutputs } from './volunteering.ts';

export function outputsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/outputs',
    download: 'xlsx', // format=xlsx
    problems: { 404: true }, // an area outside the caller's
    access: 'outputs.read',
    summary:
      'Service outputs (服务成效) of an area for a period: cases opened/active/closed, groups and sessions, activities, person-times, people served, satisfaction; by child area (drill-down) or by worker, with months; format=xlsx exports',
    tags: ['outputs'],
    query: outputsQuery,
    response: outputsResponse,
    handler: async (ctx, { query }, _req, reply) => {
      const result = await outputs(ctx, query);
      if (query.format !== 'xlsx') return result;
      return exportOutputs(ctx, result, reply);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/outputs/volunteering',
    download: 'xlsx', // format=xlsx
    problems: { 404: true }, // an area outside the caller's
    access: 'outputs.read',
    summary:
      'Outputs of micro-wishes and volunteering (微心愿与志愿服务) of an area for a period, as they stood at its end: wishes posted, claimed, fulfilled and their value, open wishes, volunteers on the register, new and active, services and hours; by child area and month, with wishes by status and value; format=xlsx exports',
    tags: ['outputs'],
    query: volunteeringOutputsQuery,
    response: volunteeringOutputsResponse,
    handler: async (ctx, { query }, _req, reply) => {
      const result = await volunteeringOutputs(ctx, query);
      if (query.format !== 'xlsx') return result;
      return exportVolunteeringOutputs(ctx, result, reply);
    },
  });
}
