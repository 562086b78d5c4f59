import {
  caseClosureSubmit,
  caseCreate,
  caseDecision,
  caseDetail,
  caseExportQuery,
  caseEvent,
  caseListQuery,
  caseNote,
  casePlanSave,
  caseProgress,
  caseSatisfaction,
  caseSatisfactionBody,
  caseReassign,
  caseSummary,
  caseTimelineQuery,
  caseTransition,
  caseUpdate,
  idParams,
  listOf,
  okResponse,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { exportCases } from './cases.export.ts';
import { caseSatisfactionOf, rateCase } from './cases.satisfaction.ts';
import { decide, moveCase, recordProgress, savePlan, submitClosure } from './cases.flow.ts';
import { addNote, caseTimeline, editCase, findCases, getCase, openCase, reassignCase } from './cases.service.ts';

const tags = ['cases'];

export function casesRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/cases',
    access: 'case.write',
    status: 201,
    summary: 'Open a case (个案) for a resident of your scope: type, risk level, presenting problem, the worker in charge',
    tags,
    body: caseCreate,
    response: caseDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await openCase(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases',
    access: 'case.read',
    summary:
      'Cases in scope: search by resident or case number, filters (stage, type, risk, worker, resident), the approval queue (awaiting)',
    tags,
    query: caseListQuery,
    response: listOf(caseSummary),
    handler: (ctx, { query }) => findCases(ctx, query),
  });
  // Before /cases/:id, so `export` is never read as an id.
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/export',
    download: 'xlsx',
    access: 'case.read',
    summary: 'The filtered cases as .xlsx (≤ 50,000 rows, facts only, no narrative); Chinese headers, English with Accept-Language: en',
    tags,
    query: caseExportQuery,
    handler: (ctx, { query }, _req, reply) => exportCases(ctx, query, reply),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/:id',
    access: 'case.read',
    summary: 'A case; the narrative of a sensitive case only for its worker, a supervisor and case.sensitive',
    tags,
    params: idParams,
    response: caseDetail,
    handler: (ctx, { params }) => getCase(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/cases/:id',
    access: 'case.write',
    summary: 'Edit type, risk level or presenting problem (version required; 409 when stale)',
    tags,
    params: idParams,
    body: caseUpdate,
    response: caseDetail,
    handler: (ctx, { params, body }) => editCase(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/transition',
    access: 'case.write',
    problems: { 409: true },
    summary:
      'Move the case to a next stage (reopening a closed case needs a reason); an illegal move answers 409 naming the allowed stages',
    tags,
    params: idParams,
    body: caseTransition,
    response: caseDetail,
    handler: (ctx, { params, body }) => moveCase(ctx, params.id, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/cases/:id/plan',
    access: 'case.write',
    problems: { 409: true },
    summary: 'Save the plan (goals with a measure and target date, 5+N services), optionally sending it to the head for approval',
    tags,
    params: idParams,
    body: casePlanSave,
    response: caseDetail,
    handler: (ctx, { params, body }) => savePlan(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/progress',
    access: 'case.write',
    problems: { 409: true },
    summary: "Record a goal's progress and state during intervention or review",
    tags,
    params: idParams,
    body: caseProgress,
    response: caseDetail,
    handler: (ctx, { params, body }) => recordProgress(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/closure',
    access: 'case.write',
    problems: { 409: true },
    summary: "Ask for closure at review: a closing summary and every goal's final state, for the head's approval",
    tags,
    params: idParams,
    body: caseClosureSubmit,
    response: caseDetail,
    handler: (ctx, { params, body }) => submitClosure(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/approvals',
    access: 'case.approve',
    problems: { 409: true },
    summary: 'The head approves or returns (with a comment) the plan or the closure waiting for a decision',
    tags,
    params: idParams,
    body: caseDecision,
    response: caseDetail,
    handler: (ctx, { params, body }) => decide(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/worker',
    access: 'case.approve',
    problems: { 409: true },
    summary: 'Hand the case to another worker of the station, with a handover note (head only)',
    tags,
    params: idParams,
    body: caseReassign,
    response: caseDetail,
    handler: (ctx, { params, body }) => reassignCase(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/notes',
    access: 'case.write',
    status: 201,
    summary: 'A case note on the timeline (sealed at rest)',
    tags,
    params: idParams,
    body: caseNote,
    response: okResponse,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addNote(ctx, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/timeline',
    access: 'case.read',
    summary: 'Every event of the case in order, filterable by kind; texts hidden with a sensitive case’s narrative',
    tags,
    params: idParams,
    query: caseTimelineQuery,
    response: z.object({ items: z.array(caseEvent) }),
    handler: (ctx, { params, query }) => caseTimeline(ctx, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/satisfaction',
    access: 'case.read',
    summary: "The resident's satisfaction with the case (1–5 with a comment), or null",
    tags,
    params: idParams,
    response: caseSatisfaction,
    handler: (ctx, { params }) => caseSatisfactionOf(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/satisfaction',
    access: 'case.write',
    summary: "The worker records the resident's satisfaction at review or after closing (again replaces it)",
    tags,
    params: idParams,
    body: caseSatisfactionBody,
    response: caseSatisfaction,
    handler: (ctx, { params, body }) => rateCase(ctx, params.id, body),
  });
}
