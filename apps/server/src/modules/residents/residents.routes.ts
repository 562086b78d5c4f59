import {
  duplicateCandidate,
  idParams,
  listOf,
  mergeBody,
  possibleDuplicateProblem,
  residentDetail,
  residentInput,
  residentListQuery,
  residentSummary,
  residentUpdate,
  revealBody,
  revealResponse,
  translate,
  unmaskedExportBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { exportResidents } from './residents.export.ts';
import { mergeResident } from './residents.merge.ts';
import { residentAssignRoutes } from './residents.assign.routes.ts';
import { createResident, findResidents, getResident, PossibleDuplicate, revealResident, updateResident } from './residents.service.ts';

const tags = ['residents'];

/** residentUpdate is residentInput made partial, whose defaults ([] …) would still fill absent fields: keep only what was sent. */
function onlyGiven<T extends Record<string, unknown>>(parsed: T, raw: unknown): T {
  const sent = new Set(Object.keys((raw ?? {}) as object));
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => sent.has(k))) as T;
}

export function residentsRoutes(app: FastifyInstance): void {
  residentAssignRoutes(app); // the responsible worker (residents.assign.*)
  route(app, {
    method: 'GET',
    url: '/api/v1/residents',
    access: 'resident.read',
    summary:
      'Residents in scope: one search box (name fragment, pinyin initials or full pinyin, exact ID or phone, last 4 or 6 ID characters; 429 past the tail-search cap), filters, sort, page',
    tags,
    query: residentListQuery,
    problems: { 429: true },
    response: listOf(residentSummary),
    handler: (ctx, { query }) => findResidents(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/export',
    download: 'xlsx',
    access: 'resident.read',
    summary: 'The filtered list as .xlsx (≤ 50,000 rows), ID and phone masked; audited with the filter and the row count',
    tags,
    query: residentListQuery,
    handler: (ctx, { query }, _req, reply) => exportResidents(ctx, query, reply),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents/export',
    operationId: 'exportResidentsUnmasked',
    download: 'xlsx',
    access: 'resident.export.unmasked',
    summary:
      'The filtered list as .xlsx with clear ID numbers and phones: needs the purpose (`reason`), audited with it, the filter and the count',
    tags,
    query: residentListQuery,
    body: unmaskedExportBody,
    handler: (ctx, { query, body }, _req, reply) => exportResidents(ctx, query, reply, body.reason),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents',
    problems: { 409: possibleDuplicateProblem },
    access: 'resident.write',
    summary: 'Register a resident; 400 resident.idTaken if the ID is registered anywhere; 409 resident.possibleDuplicate with `candidates`',
    tags,
    body: residentInput,
    response: residentDetail,
    handler: async (ctx, { body }, _req, reply) => {
      try {
        return await createResident(ctx, body);
      } catch (e) {
        if (!(e instanceof PossibleDuplicate)) throw e;
        const candidates = e.candidates.map((c) => duplicateCandidate.parse(c));
        return reply
          .code(409)
          .type('application/problem+json; charset=utf-8')
          .send({
            type: `/problems/${e.code}`,
            title: 'Conflict',
            status: 409,
            detail: translate(ctx.lang, e.code),
            code: e.code,
            candidates,
          });
      }
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/:id',
    access: 'resident.read',
    summary: "One resident with masked identity and care-level history (404 outside the caller's scope)",
    tags,
    params: idParams,
    response: residentDetail,
    handler: (ctx, { params }) => getResident(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/residents/:id',
    access: 'resident.write',
    summary: 'Edit a resident (send the version you read; 409 if stale); a care-level change needs careLevelReason',
    tags,
    params: idParams,
    body: residentUpdate,
    response: residentDetail,
    handler: (ctx, { params, body }, req) => updateResident(ctx, params.id, onlyGiven(body, req.body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents/:id/reveal',
    access: 'resident.reveal',
    summary: 'One sensitive value in clear, with a reason; audited (the value never is)',
    tags,
    params: idParams,
    body: revealBody,
    response: revealResponse,
    handler: (ctx, { params, body }) => revealResident(ctx, params.id, body.field, body.reason),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents/:id/merge',
    access: 'resident.merge',
    summary: 'Merge this (duplicate) resident into intoId: history moves over, this one is kept as merged',
    tags,
    params: idParams,
    body: mergeBody,
    response: residentDetail,
    handler: (ctx, { params, body }) => mergeResident(ctx, params.id, body),
  });
}
