// The public routes of programmes: the notices (programmes taking applications, 公示 with the
// selected names and organisations only), objections by a verified mobile or a public account,
// and a public account's application; rate-limited per address. The "my" page lists a public
// account's applications with the stage and, when rejected, the reason.
import {
  accountObjectionBody,
  application,
  idParams,
  objectionReceipt,
  PROGRAMME_STAGE_LABELS,
  APPLICATION_STATUS_LABELS,
  publicApplyBody,
  publicObjectionBody,
  publicProgramme as publicProgrammeSchema,
  publicProgrammeSummary,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { registerMySection } from '../public-accounts/my-sections.ts';
import { applicationsOfPerson } from './applications.repo.ts';
import { publicApply } from './applications.service.ts';
import { accountObjection, publicObjection, publicProgramme, publicProgrammes } from './objections.service.ts';

const tags = ['programmes'];
const PER_MINUTE = 60;

registerMySection('applications', async ({ database, accountId }) => {
  const list = await database.owner((db) => applicationsOfPerson(db, { accountId }));
  return list.map((x) => ({
    id: x.id as string,
    title: x.programmeTitle as string,
    subtitle: `${PROGRAMME_STAGE_LABELS[x.stage as keyof typeof PROGRAMME_STAGE_LABELS].zh}${x.reason ? `：${x.reason as string}` : ''}`,
    status: APPLICATION_STATUS_LABELS[x.status as keyof typeof APPLICATION_STATUS_LABELS].zh,
    at: new Date(x.createdAt as string).toISOString(),
  }));
});

export function programmesPublicRoutes(app: FastifyInstance): void {
  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/programmes',
      operationId: 'listPublicProgrammes',
      access: 'public',
      problems: { 429: true },
      summary: 'Programmes and awards taking applications or in their 公示 (no applicant)',
      tags,
      response: z.array(publicProgrammeSummary),
      handler: (ctx) => publicProgrammes(ctx),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/programmes/:id',
      operationId: 'getPublicProgramme',
      access: 'public',
      problems: { 429: true },
      summary: 'A notice: in 公示, the selected names and organisations only, and the period',
      tags,
      params: idParams,
      response: publicProgrammeSchema,
      handler: (ctx, { params }) => publicProgramme(ctx, params.id),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/programmes/:id/objections',
      operationId: 'lodgePublicObjection',
      access: 'public',
      status: 201,
      problems: { 409: true, 429: true },
      summary: 'Lodge an objection during the 公示: name, mobile and its SMS code (purpose objection), the text',
      tags,
      params: idParams,
      body: publicObjectionBody,
      response: objectionReceipt,
      handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await publicObjection(ctx, params.id, body)),
    });
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/programmes/:id/objections',
    operationId: 'lodgeAccountObjection',
    access: 'public-account',
    status: 201,
    problems: { 409: true },
    summary: 'Lodge an objection during the 公示 as the signed-in public account',
    tags,
    params: idParams,
    body: accountObjectionBody,
    response: objectionReceipt,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await accountObjection(ctx, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/programmes/:id/apply',
    operationId: 'applyAsPublicAccount',
    access: 'public-account',
    status: 201,
    problems: { 409: true },
    summary: 'Apply to a programme as the signed-in public account (the application stage only)',
    tags,
    params: idParams,
    body: publicApplyBody,
    response: application,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await publicApply(ctx, params.id, body)),
  });
}
