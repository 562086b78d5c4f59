// An activity's volunteers (issue 11 items 6–7), for staff: posts, sign-ups, the volunteer QR
// code, check-in by list, and the hours decisions.
import {
  activityVolunteers as activityVolunteersSchema,
  hoursCorrectionBody,
  hoursDecisionBody,
  hoursDecisionResult,
  hoursHistory,
  hoursParams,
  idParams,
  postBody,
  postParams,
  postUpdateBody,
  serviceHoursRecord,
  signupDecisionBody,
  signupParams,
  stationCheckinBody,
  stationSignupBody,
  volunteerCheckinCode,
  volunteerPost,
  volunteerSignup,
} from '@wushe/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { correctHours, decideHours, hoursHistoryOf, stationTap, volunteerCode } from './hours.service.ts';
import { activityVolunteers, addToPost, createPost, decideSignup, editPost } from './recruitment.service.ts';

const tags = ['volunteers'];
const illegal = { 409: true } as const;

export function volunteerServiceRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id/volunteers',
    access: 'volunteer.read',
    summary: "An activity's volunteer posts, sign-ups and hours records",
    tags,
    params: idParams,
    response: activityVolunteersSchema,
    handler: (ctx, { params }) => activityVolunteers(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/volunteers',
    access: 'volunteer.write',
    status: 201,
    problems: illegal,
    summary: 'Open a post: N volunteers with given skills (409 when the activity ended or was cancelled)',
    tags,
    params: idParams,
    body: postBody,
    response: volunteerPost,
    handler: async (ctx, { params, body }, _req, reply) => reply.code(201).send(await createPost(ctx, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/activities/:id/volunteers/posts/:postId',
    access: 'volunteer.write',
    summary: 'Edit a post, or close or reopen it (version required)',
    tags,
    params: postParams,
    body: postUpdateBody,
    response: volunteerPost,
    handler: (ctx, { params, body }) => editPost(ctx, params.id, params.postId, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/volunteers/signups',
    access: 'volunteer.write',
    problems: illegal,
    summary: 'Put an active volunteer of the scope on a post (accepted at once; 409 when full or closed)',
    tags,
    params: idParams,
    body: stationSignupBody,
    response: volunteerSignup,
    handler: (ctx, { params, body }) => addToPost(ctx, params.id, body.postId, body.volunteerId),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/volunteers/signups/:signupId/decision',
    access: 'volunteer.write',
    problems: illegal,
    summary: 'Accept or decline a sign-up (409 when the post is full or closed, or the sign-up was withdrawn)',
    tags,
    params: signupParams,
    body: signupDecisionBody,
    response: volunteerSignup,
    handler: (ctx, { params, body }) => decideSignup(ctx, params.id, params.signupId, body.decision, body.version),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id/checkins/code',
    access: 'volunteer.write',
    summary: "The volunteers' rotating check-in code (new every minute, valid two) and the counts, for the QR screen",
    tags,
    params: idParams,
    response: volunteerCheckinCode,
    handler: (ctx, { params }) => volunteerCode(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/checkins',
    access: 'volunteer.write',
    problems: illegal,
    summary: 'Check an accepted volunteer in or out from the list (twice changes nothing)',
    tags,
    params: idParams,
    body: stationCheckinBody,
    response: serviceHoursRecord,
    handler: (ctx, { params, body }) => stationTap(ctx, params.id, body.volunteerId, body.action),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/checkins/decisions',
    access: 'volunteer.write',
    summary: 'Approve or decline hours records in bulk (decline needs a reason); open or already decided ones are skipped',
    tags,
    params: idParams,
    body: hoursDecisionBody,
    response: hoursDecisionResult,
    handler: (ctx, { params, body }) => decideHours(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/checkins/:hoursId/correction',
    access: 'volunteer.write',
    problems: illegal,
    summary: 'Correct the credited minutes with a reason (within the activity’s length; version required)',
    tags,
    params: hoursParams,
    body: hoursCorrectionBody,
    response: serviceHoursRecord,
    handler: (ctx, { params, body }) => correctHours(ctx, params.id, params.hoursId, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id/checkins/:hoursId/history',
    access: 'volunteer.read',
    summary: "A hours record's history: check-in, check-out, closing, approvals, corrections, declines",
    tags,
    params: hoursParams,
    response: hoursHistory,
    handler: (ctx, { params }) => hoursHistoryOf(ctx, params.id, params.hoursId),
  });
}
