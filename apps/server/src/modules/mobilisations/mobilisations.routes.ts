// 一呼百应 (issue 11 item 9): staff routes, and the volunteer's calls on the phone.
import {
  callAnswerBody,
  idParams,
  listOf,
  mobilisation,
  mobilisationBody,
  mobilisationCloseBody,
  mobilisationListQuery,
  mobilisationSummary,
  myCall,
  proposal,
  sendCallsBody,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { exportMobilisations } from './mobilisations.export.ts';
import {
  answer,
  closeCallOut,
  createMobilisation,
  findMobilisations,
  getMobilisation,
  myCalls,
  proposeFor,
  sendCalls,
} from './mobilisations.service.ts';

const tags = ['volunteers'];

export function mobilisationsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/mobilisations',
    download: 'xlsx',
    access: 'volunteer.read',
    summary:
      'Call-outs (一呼百应) in the scope, newest first, with places and acceptances: search the titles, filter status; format=xlsx exports',
    tags,
    query: mobilisationListQuery,
    response: listOf(mobilisationSummary),
    handler: (ctx, { query }, _req, reply) =>
      query.format === 'xlsx' ? exportMobilisations(ctx, query, reply) : findMobilisations(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/mobilisations/:id/close',
    access: 'volunteer.write',
    summary: 'End a call-out: nobody else is called and calls still waiting expire; 409 when closed already or stale',
    tags,
    params: idParams,
    body: mobilisationCloseBody,
    response: mobilisation,
    handler: (ctx, { params, body }) => closeCallOut(ctx, params.id, body.version),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/mobilisations',
    access: 'volunteer.write',
    status: 201,
    summary: 'Describe one or several needs (skills, community, place, time window, people)',
    tags,
    body: mobilisationBody,
    response: mobilisation,
    handler: async (ctx, { body }, _req, reply) => reply.code(201).send(await createMobilisation(ctx, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/mobilisations/:id',
    access: 'volunteer.read',
    summary: 'A call-out with its needs, how full each is, and the calls sent',
    tags,
    params: idParams,
    response: mobilisation,
    handler: (ctx, { params }) => getMobilisation(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/mobilisations/:id/proposals',
    problems: { 409: true }, // the call-out is closed
    access: 'volunteer.write',
    summary: 'The exact best assignment of the open places to active volunteers of the district not yet asked, each with why',
    tags,
    params: idParams,
    response: proposal,
    handler: (ctx, { params }) => proposeFor(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/mobilisations/:id/calls',
    problems: { 409: true }, // the call-out is closed
    access: 'volunteer.write',
    summary: 'Send the chosen calls (each volunteer must fit the need); a call already sent is not sent twice',
    tags,
    params: idParams,
    body: sendCallsBody,
    response: mobilisation,
    handler: (ctx, { params, body }) => sendCalls(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/volunteer/calls',
    operationId: 'listMyMobilisationCalls',
    access: 'public-account',
    summary: "The confirmed volunteer's calls, newest first",
    tags,
    response: z.object({ items: z.array(myCall) }),
    handler: (ctx) => myCalls(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/volunteer/calls/:id/answer',
    operationId: 'answerMobilisationCall',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Accept (while the need has room; 409 when full) or decline a call; a decline calls the next best volunteer',
    tags,
    params: idParams,
    body: callAnswerBody,
    response: myCall,
    handler: (ctx, { params, body }) => answer(ctx, params.id, body.answer),
  });
}
