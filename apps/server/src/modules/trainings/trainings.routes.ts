import {
  certificateIssue,
  certificatePrint,
  evaluationBody,
  evaluationSummary,
  idParams,
  listOf,
  okResponse,
  registration,
  registrationBody,
  registrationParams,
  sessionAttendanceBody,
  teacher,
  teacherBody,
  teacherDetail,
  teacherListQuery,
  teacherUpdateBody,
  training,
  trainingCreateBody,
  trainingDetail,
  trainingListQuery,
  trainingSession,
  trainingSessionBody,
  trainingSessionParams,
  trainingSessionUpdate,
  trainingUpdateBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import {
  addRegistration,
  cancelRegistration,
  certificateFor,
  evaluate,
  getEvaluations,
  issueCertificates,
  listRegistrations,
  markSession,
} from './registrations.ts';
import { createTeacher, editTeacher, findTeachers, getTeacher } from './teachers.ts';
import { registerTrainingCheckin } from './trainings.checkin.ts';
import { exportTrainings } from './trainings.export.ts';
import { addSession, createTraining, editSession, editTraining, findTrainings, getTraining } from './trainings.service.ts';

const tags = ['trainings'];
const stale = { 409: true } as const;

export function trainingsRoutes(app: FastifyInstance): void {
  registerTrainingCheckin();
  route(app, {
    method: 'GET',
    url: '/api/v1/trainings',
    download: 'xlsx',
    access: 'training.read',
    summary: 'Trainings (培训) in scope: search by title, filter by level, status, session mode and year; format=xlsx exports',
    tags,
    query: trainingListQuery,
    response: listOf(training),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportTrainings(ctx, query, reply) : findTrainings(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings',
    access: 'training.write',
    status: 201,
    summary: 'Open a training (a repeated requestId answers the one made)',
    tags,
    body: trainingCreateBody,
    response: trainingDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createTraining(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/trainings/:id',
    access: 'training.read',
    summary: 'A training with its sessions (join codes included: staff only)',
    tags,
    params: idParams,
    response: trainingDetail,
    handler: (ctx, { params }) => getTraining(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/trainings/:id',
    access: 'training.write',
    problems: stale,
    summary: 'Edit a training or move its status (open ⇄ closed → cancelled; 409 otherwise or when stale)',
    tags,
    params: idParams,
    body: trainingUpdateBody,
    response: trainingDetail,
    handler: (ctx, { params, body }) => editTraining(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings/:id/sessions',
    access: 'training.write',
    status: 201,
    problems: stale,
    summary: 'Add a session: offline (place), online (live-stream link, join code) or mixed, with hours and a teacher',
    tags,
    params: idParams,
    body: trainingSessionBody,
    response: trainingSession,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await addSession(ctx, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/trainings/:id/sessions/:sessionId',
    operationId: 'updateTrainingSession',
    access: 'training.write',
    summary: 'Edit or cancel a session (version; 409 when stale)',
    tags,
    params: trainingSessionParams,
    body: trainingSessionUpdate,
    response: trainingSession,
    handler: (ctx, { params, body }) => editSession(ctx, params.id, params.sessionId, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings/:id/sessions/:sessionId/attendance',
    operationId: 'markTrainingAttendance',
    access: 'training.write',
    summary: 'Tick registrants present at a session by list (or un-tick)',
    tags,
    params: trainingSessionParams,
    body: sessionAttendanceBody,
    response: z.array(registration),
    handler: (ctx, { params, body }) => markSession(ctx, params.id, params.sessionId, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/trainings/:id/registrations',
    access: 'training.read',
    summary: 'Registrations: registered, then the waiting list in order, then cancelled; hours attended, completion, certificate',
    tags,
    params: idParams,
    response: z.array(registration),
    handler: (ctx, { params }) => listRegistrations(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings/:id/registrations',
    access: 'training.write',
    problems: stale,
    summary: 'Register a worker from the register or a person by name, mobile and organisation (waiting list when full)',
    tags,
    params: idParams,
    body: registrationBody,
    response: registration,
    handler: (ctx, { params, body }) => addRegistration(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings/:id/registrations/:registrationId/cancel',
    operationId: 'cancelTrainingRegistration',
    access: 'training.write',
    problems: stale,
    summary: 'Cancel a registration: the waiting list moves up in order',
    tags,
    params: registrationParams,
    response: okResponse,
    handler: (ctx, { params }) => cancelRegistration(ctx, params.id, params.registrationId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/trainings/:id/registrations/:registrationId/certificate',
    operationId: 'getTrainingCertificate',
    access: 'training.read',
    summary: 'A certificate of completion to print (404 before it is issued)',
    tags,
    params: registrationParams,
    response: certificatePrint,
    handler: (ctx, { params }) => certificateFor(ctx, params.id, params.registrationId),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings/:id/certificates',
    operationId: 'issueTrainingCertificates',
    access: 'training.write',
    summary: 'Issue certificates of completion to every registrant who attended the required share of hours (once each)',
    tags,
    params: idParams,
    response: certificateIssue,
    handler: (ctx, { params }) => issueCertificates(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/trainings/:id/evaluations',
    access: 'training.read',
    summary: 'The course evaluation: answers, means per question, comments',
    tags,
    params: idParams,
    response: evaluationSummary,
    handler: (ctx, { params }) => getEvaluations(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/trainings/:id/evaluations',
    access: 'training.write',
    problems: stale,
    summary: 'Record a registrant’s evaluation (4 answers 1–5; once attended; again replaces it)',
    tags,
    params: idParams,
    body: evaluationBody,
    response: evaluationSummary,
    handler: (ctx, { params, body }) => evaluate(ctx, params.id, body),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/teachers',
    access: 'training.read',
    summary: 'The teacher pool (师资库): search by name, filter by subject; sessions taught and rating',
    tags,
    query: teacherListQuery,
    response: listOf(teacher),
    handler: (ctx, { query }) => findTeachers(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/teachers',
    access: 'training.write',
    status: 201,
    summary: 'Add a teacher (from the register or from outside)',
    tags,
    body: teacherBody,
    response: teacherDetail,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createTeacher(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/teachers/:id',
    access: 'training.read',
    summary: 'A teacher with the sessions they taught and their rating',
    tags,
    params: idParams,
    response: teacherDetail,
    handler: (ctx, { params }) => getTeacher(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/teachers/:id',
    access: 'training.write',
    summary: 'Edit or deactivate a teacher (version; 409 when stale)',
    tags,
    params: idParams,
    body: teacherUpdateBody,
    response: teacherDetail,
    handler: (ctx, { params, body }) => editTeacher(ctx, params.id, body),
  });
}
