import {
  jobApplicationListQuery,
  applicationRevealBody,
  applicationRevealResponse,
  applicationStageBody,
  fairCreateBody,
  fairListQuery,
  fairUpdateBody,
  idParams,
  job,
  jobApplication,
  jobCreateBody,
  jobFair,
  jobFairSummary,
  jobListQuery,
  jobStatusBody,
  jobUpdateBody,
  listOf,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { addHireToRegister, findApplications, moveApplication, revealApplicant, sendCv } from './applications.service.ts';
import { createFair, findFairs, getFair, updateFairById } from './fairs.service.ts';
import { exportFairs, exportJobs } from './jobs.export.ts';
import { createJob, findJobs, getJob, setJobStatus, updateJobById } from './jobs.service.ts';

const tags = ['jobs'];
const illegal = { 409: true } as const;

export function jobsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/jobs',
    download: 'xlsx',
    access: 'job.read',
    summary: 'Job posts in the scope: search title or employer, filter by area, employer, status, certificate level; format=xlsx exports',
    tags,
    query: jobListQuery,
    response: listOf(job),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportJobs(ctx, query, reply) : findJobs(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/jobs',
    access: 'job.manage',
    status: 201,
    summary: 'Post a job (a draft): employer in scope, area within the employer’s, salary in fen with min ≤ max',
    tags,
    body: jobCreateBody,
    response: job,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createJob(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/jobs/:id',
    access: 'job.read',
    summary: 'One post with its application counts',
    tags,
    params: idParams,
    response: job,
    handler: (ctx, { params }) => getJob(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/jobs/:id',
    access: 'job.manage',
    summary: 'Edit a post (not once closed: 409; send the version you read)',
    tags,
    params: idParams,
    body: jobUpdateBody,
    response: job,
    handler: (ctx, { params, body }) => updateJobById(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/jobs/:id/status',
    operationId: 'setJobStatus',
    access: 'job.manage',
    summary: 'Open or close a post: draft → open → closed only (409 otherwise)',
    tags,
    params: idParams,
    body: jobStatusBody,
    response: job,
    handler: (ctx, { params, body }) => setJobStatus(ctx, params.id, body.status, body.version),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/jobs/:id/applications',
    access: 'job.read',
    summary: 'The applications to a post (mobile masked), filter by stage or name',
    tags,
    params: idParams,
    query: jobApplicationListQuery,
    response: listOf(jobApplication),
    handler: (ctx, { params, query }) => findApplications(ctx, params.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/job-applications/:id/stage',
    operationId: 'moveJobApplication',
    access: 'job.manage',
    problems: illegal,
    summary: 'Move an application one step (applied → screened → interview → offer → hired) or decline it with a reason; 409 otherwise',
    tags,
    params: idParams,
    body: applicationStageBody,
    response: jobApplication,
    handler: (ctx, { params, body }) => moveApplication(ctx, params.id, body.stage, body.reason ?? null, body.version),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/job-applications/:id/reveal',
    operationId: 'revealJobApplicant',
    access: 'job.manage',
    summary: "The candidate's mobile in full, with the reason (audited)",
    tags,
    params: idParams,
    body: applicationRevealBody,
    response: applicationRevealResponse,
    handler: (ctx, { params, body }) => revealApplicant(ctx, params.id, body.reason),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/job-applications/:id/cv',
    operationId: 'downloadJobApplicationCv',
    access: 'job.manage',
    download: 'file',
    summary: "The candidate's CV (each download is audited)",
    tags,
    params: idParams,
    handler: (ctx, { params }, _req, reply) => sendCv(ctx, params.id, reply),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/job-applications/:id/register',
    operationId: 'registerJobHire',
    access: 'worker.write', // it writes the register: the register's own permission
    problems: illegal,
    summary: 'Add a hired candidate to the workforce register of the hiring organisation (prefilled; a repeat answers the same entry)',
    tags,
    params: idParams,
    response: jobApplication,
    handler: (ctx, { params }) => addHireToRegister(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/job-fairs',
    download: 'xlsx',
    access: 'job.read',
    summary: 'Job fairs in the scope with their counts of organisations and posts; format=xlsx exports',
    tags,
    query: fairListQuery,
    response: listOf(jobFairSummary),
    handler: (ctx, { query }, _req, reply) => (query.format === 'xlsx' ? exportFairs(ctx, query, reply) : findFairs(ctx, query)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/job-fairs',
    access: 'job.manage',
    status: 201,
    summary: 'Plan a job fair: time, place, organiser, participating organisations and their posts',
    tags,
    body: fairCreateBody,
    response: jobFair,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createFair(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/job-fairs/:id',
    access: 'job.read',
    summary: 'One fair with its organisations and their posts',
    tags,
    params: idParams,
    response: jobFair,
    handler: (ctx, { params }) => getFair(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/job-fairs/:id',
    access: 'job.manage',
    problems: illegal,
    summary: 'Edit a fair, its organisations and posts, or its status (draft → published → ended; 409 otherwise)',
    tags,
    params: idParams,
    body: fairUpdateBody,
    response: jobFair,
    handler: (ctx, { params, body }) => updateFairById(ctx, params.id, body),
  });
}
