// The exam routes: sittings (/api/v1/exams), a sitting's registrations (list, export, add,
// import), results, removal and the certificate of a passed level, and the pass-rate statistics.
import {
  examRegistration,
  examRegistrationBody,
  examRegistrationQuery,
  examResultsBody,
  examSitting,
  examSittingBody,
  examStats,
  examStatsQuery,
  idParams,
  importReport,
  listOf,
  okResponse,
  versionQuery,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { exportRegistrations } from './exams.export.ts';
import { importExamList } from './exams.import.ts';
import {
  certifyRegistration,
  createRegistration,
  createSitting,
  enterResults,
  findRegistrations,
  getRegistration,
  listSittings,
  removeRegistration,
} from './exams.service.ts';
import { examStats as statsOf } from './exams.stats.ts';

const tags = ['exams'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const LIST_UPLOAD_TYPES = [XLSX_TYPE, 'text/csv', 'application/octet-stream'];
export const LIST_BODY_LIMIT = 5 * 1024 * 1024;

export function examsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/exams',
    access: 'worker.read',
    summary: 'Exam sittings in the scope, newest year first, with registered and passed counts',
    tags,
    response: z.array(examSitting),
    handler: (ctx) => listSittings(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/exams',
    access: 'worker.write',
    status: 201,
    summary: "Open a year's sitting for an area (one per area and year)",
    tags,
    body: examSittingBody,
    response: examSitting,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createSitting(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/exams/stats',
    access: 'workforce.stats',
    summary: 'Pass rate by child area or organisation and by level for a year, compared with the area above in points',
    tags,
    query: examStatsQuery,
    response: examStats,
    problems: { 404: true },
    handler: (ctx, { query }) => statsOf(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/exams/:id/registrations',
    download: 'xlsx',
    access: 'worker.read',
    summary: "A sitting's registrations with results: search by name, filter by area, level, outcome; format=xlsx exports",
    tags,
    params: idParams,
    query: examRegistrationQuery,
    response: listOf(examRegistration),
    handler: (ctx, { params, query }, _req, reply) =>
      query.format === 'xlsx' ? exportRegistrations(ctx, params.id, query, reply) : findRegistrations(ctx, params.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/exams/:id/registrations',
    access: 'worker.write',
    status: 201,
    summary: 'Register a worker, or a person by name and ID number, for a level (subjects left after the carry-over)',
    tags,
    params: idParams,
    body: examRegistrationBody,
    response: examRegistration,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await createRegistration(ctx, params.id, body)),
  });
  void app.register(async (scoped) => {
    scoped.addContentTypeParser(LIST_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: LIST_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    route(scoped, {
      method: 'POST',
      url: '/api/v1/exams/:id/import',
      operationId: 'importExamList',
      access: 'worker.write',
      summary: 'Import registrations and results from an .xlsx or .csv (raw body): all or nothing, with a per-row report',
      tags,
      params: idParams,
      problems: { 413: true },
      response: importReport,
      handler: (ctx, { params }, req) => importExamList(ctx, params.id, req.body),
    });
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/exams/registrations/:id',
    access: 'worker.read',
    summary: 'One registration with its results',
    tags,
    params: idParams,
    response: examRegistration,
    handler: (ctx, { params }) => ctx.db.run((db) => getRegistration(db, ctx, params.id)),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/exams/registrations/:id/results',
    access: 'worker.write',
    summary: "Enter a registration's results per subject (score or pass); recomputes the level's outcome (409 if stale)",
    tags,
    params: idParams,
    body: examResultsBody,
    response: examRegistration,
    handler: (ctx, { params, body }) => enterResults(ctx, params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/exams/registrations/:id',
    access: 'worker.write',
    summary: 'Remove a registration (?version=; 409 if stale)',
    tags,
    params: idParams,
    query: versionQuery,
    response: okResponse,
    problems: { 409: true },
    handler: (ctx, { params, query }) => removeRegistration(ctx, params.id, query.version),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/exams/registrations/:id/certificate',
    access: 'worker.write',
    summary: "Put a passed level's certificate on the register (the number is confirmed later); once",
    tags,
    params: idParams,
    response: examRegistration,
    handler: (ctx, { params }) => certifyRegistration(ctx, params.id),
  });
}
