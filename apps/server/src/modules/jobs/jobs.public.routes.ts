import {
  idParams,
  listOf,
  myJobApplication,
  myJobApplicationAnswer,
  publicJob,
  publicJobApplyBody,
  publicJobFair,
  publicJobFairSummary,
  publicJobListQuery,
  publicJobSummary,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { applyToJob, MAX_CV_BYTES, myApplicationFor, withdrawApplication } from './candidates.ts';
import { publicFair, publicFairs, publicJob as publicJobOf, publicJobs } from './jobs.public.ts';

const tags = ['jobs'];
const PER_MINUTE = 120;

export function jobsPublicRoutes(app: FastifyInstance): void {
  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/jobs',
      operationId: 'listPublicJobs',
      access: 'public',
      problems: { 429: true },
      summary: 'Open posts (before their deadline), searchable by area, certificate level and keyword; no applicant',
      tags,
      query: publicJobListQuery,
      response: listOf(publicJobSummary),
      handler: (ctx, { query }) => publicJobs(ctx, query),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/jobs/:id',
      operationId: 'getPublicJob',
      access: 'public',
      problems: { 429: true },
      summary: 'A post’s page (open or closed, never a draft) with the fairs it is at',
      tags,
      params: idParams,
      response: publicJob,
      handler: (ctx, { params }) => publicJobOf(ctx, params.id),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/job-fairs',
      operationId: 'listPublicJobFairs',
      access: 'public',
      problems: { 429: true },
      summary: 'Published and past job fairs',
      tags,
      response: z.array(publicJobFairSummary),
      handler: (ctx) => publicFairs(ctx),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/job-fairs/:id',
      operationId: 'getPublicJobFair',
      access: 'public',
      problems: { 429: true },
      summary: 'A job fair: time, place, organiser, the participating organisations and their posts',
      tags,
      params: idParams,
      response: publicJobFair,
      handler: (ctx, { params }) => publicFair(ctx, params.id),
    });
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/jobs/:id/applications',
    operationId: 'applyToJob',
    access: 'public-account',
    status: 201,
    problems: { 409: true, 413: true },
    bodyLimit: Math.ceil(MAX_CV_BYTES * 1.4) + 16_384,
    summary: 'Apply as the signed-in public account with a CV (PDF/Word, 2 MB); once per post, a repeat answers the first',
    tags,
    params: idParams,
    body: publicJobApplyBody,
    response: myJobApplication,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await applyToJob(ctx, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/jobs/:id/application',
    operationId: 'getMyJobApplication',
    access: 'public-account',
    summary: "The signed-in account's application to a post (its stage), or null",
    tags,
    params: idParams,
    response: myJobApplicationAnswer,
    handler: (ctx, { params }) => myApplicationFor(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/job-applications/:id/withdraw',
    operationId: 'withdrawJobApplication',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Withdraw one’s own application while it is open (409 once hired, declined or withdrawn)',
    tags,
    params: idParams,
    response: myJobApplication,
    handler: (ctx, { params }) => withdrawApplication(ctx, params.id),
  });
}
