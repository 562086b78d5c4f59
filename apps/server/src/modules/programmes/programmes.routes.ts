import {
  advanceBody,
  answerBody,
  application,
  applicationListQuery,
  appointee,
  decision,
  decisionBody,
  idParams,
  listOf,
  myApplication,
  myPanel as myPanelSchema,
  nominateBody,
  objection,
  panelBody,
  panelScoreBody,
  planItem,
  planItemBody,
  planItemUpdate,
  programme,
  programmeAppParams,
  programmeCreateBody,
  programmeItemParams,
  programmeListQuery,
  selfApplyBody,
  writtenImportBody,
  writtenImportResult,
  writtenScoresBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import {
  decide,
  findApplications,
  myApplications,
  myPanel,
  nominate,
  saveWrittenScores,
  scoreApplication,
  selfApply,
} from './applications.service.ts';
import { importWrittenScores } from './written-import.ts';
import { addPlanItem, answer, listObjections, trainingPlan, updatePlanItem } from './objections.service.ts';
import {
  advanceProgramme,
  createProgramme,
  findProgrammes,
  getProgramme,
  programmeDecisions,
  setProgrammePanel,
} from './programmes.service.ts';
import { programmesPublicRoutes } from './programmes.public.ts';

const tags = ['programmes'];
const illegal = { 409: true } as const;
const objParams = z.object({ id: z.uuid(), objectionId: z.uuid() });

export function programmesRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes',
    access: 'authenticated',
    summary: 'Talent programmes and awards seen from the scope: its own and those of the areas above it (to apply or score)',
    tags,
    query: programmeListQuery,
    response: listOf(programme),
    handler: (ctx, { query }) => findProgrammes(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes',
    access: 'programme.manage',
    status: 201,
    summary: 'Open a programme or award with its stages, criteria and rubric (a repeated requestId answers the first)',
    tags,
    body: programmeCreateBody,
    response: programme,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createProgramme(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/mine',
    operationId: 'listMyProgrammeApplications',
    access: 'authenticated',
    summary: "The caller's own applications: the stage reached and, when rejected, the reason",
    tags,
    response: z.array(myApplication),
    handler: (ctx) => myApplications(ctx, { userId: ctx.actor.id }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/:id',
    access: 'authenticated',
    summary: 'One programme with its counts, panel and open objections',
    tags,
    params: idParams,
    response: programme,
    handler: (ctx, { params }) => getProgramme(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/advance',
    access: 'programme.manage',
    summary: 'Move to the next stage (409 if not the next, undecided applicants, too many selected, 公示 running, objection open)',
    tags,
    params: idParams,
    body: advanceBody,
    response: programme,
    problems: illegal,
    handler: (ctx, { params, body }) => advanceProgramme(ctx, params.id, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/programmes/:id/panel',
    access: 'programme.manage',
    summary: 'Set the panel (staff accounts within the programme area) before it closes',
    tags,
    params: idParams,
    body: panelBody,
    response: programme,
    problems: illegal,
    handler: (ctx, { params, body }) => setProgrammePanel(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/:id/decisions',
    access: 'programme.review',
    summary: 'Every decision and transition with who made it',
    tags,
    params: idParams,
    response: z.array(decision),
    handler: (ctx, { params }) => programmeDecisions(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/:id/applications',
    access: 'programme.review',
    summary: 'Applicants with eligibility, written score and the panel mean, spread and who has not scored',
    tags,
    params: idParams,
    query: applicationListQuery,
    response: listOf(application),
    handler: (ctx, { params, query }) => findApplications(ctx, params.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/applications',
    access: 'worker.write',
    status: 201,
    summary: "Nominate a worker of the caller's register (an organisation's head); the application stage only",
    tags,
    params: idParams,
    body: nominateBody,
    response: application,
    problems: illegal,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await nominate(ctx, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/apply',
    access: 'authenticated',
    status: 201,
    summary: 'Apply for oneself (a staff account linked to a register entry); the application stage only',
    tags,
    params: idParams,
    body: selfApplyBody,
    response: application,
    problems: illegal,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await selfApply(ctx, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/applications/:appId/decision',
    access: 'programme.review',
    summary: 'Pass or reject (with the reason) at the current deciding stage; 409 at another stage',
    tags,
    params: programmeAppParams,
    body: decisionBody,
    response: application,
    problems: illegal,
    handler: (ctx, { params, body }) => decide(ctx, params.id, params.appId, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/programmes/:id/written-scores',
    access: 'programme.review',
    summary: 'Written-test scores from the grid (the written stage only)',
    tags,
    params: idParams,
    body: writtenScoresBody,
    response: writtenImportResult,
    problems: illegal,
    handler: (ctx, { params, body }) => saveWrittenScores(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/written-scores/import',
    access: 'programme.review',
    summary: 'Import written scores from Excel (姓名, 身份证后四位, 成绩): rows matched by name and ID tail',
    tags,
    params: idParams,
    body: writtenImportBody,
    bodyLimit: 6_000_000,
    response: writtenImportResult,
    problems: illegal,
    handler: (ctx, { params, body }) => importWrittenScores(ctx, params.id, body.file),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/:id/panel/mine',
    operationId: 'getMyPanel',
    access: 'programme.score',
    summary: "A panelist's view: the applicants and the panelist's own scores only",
    tags,
    params: idParams,
    response: myPanelSchema,
    handler: (ctx, { params }) => myPanel(ctx, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/programmes/:id/applications/:appId/score',
    access: 'programme.score',
    summary: "A panelist's rubric scores for one applicant (own only; 409 once the panel closes)",
    tags,
    params: programmeAppParams,
    body: panelScoreBody,
    response: myPanelSchema.shape.items.element,
    problems: illegal,
    handler: (ctx, { params, body }) => scoreApplication(ctx, params.id, params.appId, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/:id/objections',
    access: 'programme.manage',
    summary: '公示 objections, unanswered first (mobile masked)',
    tags,
    params: idParams,
    response: z.array(objection),
    handler: (ctx, { params }) => listObjections(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/objections/:objectionId/answer',
    access: 'programme.manage',
    summary: 'Answer an objection (recorded with who answered; 409 if answered already)',
    tags,
    params: objParams,
    body: answerBody,
    response: objection,
    problems: illegal,
    handler: (ctx, { params, body }) => answer(ctx, params.id, params.objectionId, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/programmes/:id/plan',
    access: 'programme.review',
    summary: 'The appointees and their training plans (hours planned and done)',
    tags,
    params: idParams,
    response: z.array(appointee),
    handler: (ctx, { params }) => trainingPlan(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/programmes/:id/applications/:appId/plan',
    access: 'programme.manage',
    status: 201,
    summary: "Add a course to an appointee's training plan",
    tags,
    params: programmeAppParams,
    body: planItemBody,
    response: planItem,
    problems: illegal,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addPlanItem(ctx, params.id, params.appId, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/programmes/:id/plan/:itemId',
    access: 'programme.manage',
    summary: 'Record the hours done on a course of the plan (version required)',
    tags,
    params: programmeItemParams,
    body: planItemUpdate,
    response: planItem,
    handler: (ctx, { params, body }) => updatePlanItem(ctx, params.id, params.itemId, body),
  });
  programmesPublicRoutes(app);
}
