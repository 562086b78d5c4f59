import {
  assessment,
  assessmentAnswers,
  assessmentCreate,
  assessmentExtras,
  idParams,
  instrumentDefinition,
  listOf,
  localizedText,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { createAssessment, getAssessmentAnswers, getInstrument, listAssessments, listInstruments } from './assessments.service.ts';

const tags = ['assessments'];

// The full definition travels so the web form renders the items and keeps a running score
// with core's scoreAssessment.
const instrumentOut = z.object({
  code: z.string(),
  version: z.string(),
  name: localizedText,
  kind: z.string(),
  definition: instrumentDefinition,
});

export function assessmentsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/instruments',
    access: 'resident.read',
    summary: 'Active assessment instruments (every active version) with their full definitions',
    tags,
    response: listOf(instrumentOut),
    handler: (ctx) => listInstruments(ctx),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/instruments/:code',
    access: 'resident.read',
    summary: 'The newest active version of an instrument (or ?version=)',
    tags,
    params: z.object({ code: z.string().min(1).max(40) }),
    query: z.object({ version: z.string().max(20).optional() }),
    response: instrumentOut,
    handler: (ctx, { params, query }) => getInstrument(ctx, params.code, query.version),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/residents/:id/assessments',
    access: 'assessment.write',
    summary:
      'Record an assessment: scored with the stored instrument version, answers sealed; may change the care level; urgent flags notify the station head',
    tags,
    params: idParams,
    body: assessmentCreate,
    response: assessment,
    handler: (ctx, { params, body }) => createAssessment(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/residents/:id/assessments',
    access: 'resident.read',
    summary: "A resident's assessments, newest first (results only, no answers)",
    tags,
    params: idParams,
    response: listOf(assessment),
    handler: (ctx, { params }) => listAssessments(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/assessments/:id',
    access: 'resident.read',
    summary: 'One assessment with its answers (needs resident.reveal or being the assessor; audited)',
    tags,
    params: idParams,
    response: assessment.extend({ answers: assessmentAnswers, extras: assessmentExtras }),
    handler: (ctx, { params }) => getAssessmentAnswers(ctx, params.id),
  });
}
