// Volunteering on the public site (issue 11 items 5–7): open posts and the QR page's facts for
// anyone (rate-limited); registering, signing up, withdrawing and checking in or out for the
// signed-in public account.
import {
  idParams,
  listOf,
  mySignup,
  myVolunteerAnswer,
  okResponse,
  publicCheckinQuery,
  publicOccasion,
  publicPost,
  publicPostQuery,
  publicSignupBody,
  publicVolunteerBody,
  publicVolunteerCheckinBody,
  publicVolunteerCheckinResult,
  volunteerOptions as volunteerOptionsSchema,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { phoneTap } from './hours.service.ts';
import { mySignups, openPosts, volunteerOccasion, volunteerOptions } from './public.service.ts';
import { applyForPost, withdrawSignup } from './recruitment.service.ts';
import { myVolunteer, registerSelf } from './volunteers.service.ts';

const tags = ['volunteers'];
const PER_MINUTE = 120;

export function volunteersPublicRoutes(app: FastifyInstance): void {
  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/volunteer-posts',
      operationId: 'listPublicVolunteerPosts',
      access: 'public',
      problems: { 429: true },
      summary: 'Open volunteer posts of activities not yet ended, by area and skill; no volunteer is named',
      tags,
      query: publicPostQuery,
      response: listOf(publicPost),
      handler: (ctx, { query }) => openPosts(ctx, query),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/volunteer-options',
      operationId: 'getVolunteerOptions',
      access: 'public',
      problems: { 429: true },
      summary: "What the registration form offers: the installation's communities and the skills list",
      tags,
      response: volunteerOptionsSchema,
      handler: (ctx) => volunteerOptions(ctx),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/volunteer-checkin/:id',
      operationId: 'getPublicVolunteerCheckin',
      access: 'public',
      problems: { 429: true },
      summary: "The volunteer QR page: the activity's title, place, time and organiser only, and whether the code is live",
      tags,
      params: idParams,
      query: publicCheckinQuery,
      response: publicOccasion,
      handler: (ctx, { params, query }) => volunteerOccasion(ctx, params.id, query.t),
    });
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/volunteer',
    operationId: 'getMyVolunteer',
    access: 'public-account',
    summary: "The signed-in account's volunteer registration (null before registering)",
    tags,
    response: myVolunteerAnswer,
    handler: (ctx) => myVolunteer(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/volunteer',
    operationId: 'registerAsVolunteer',
    access: 'public-account',
    problems: { 409: true },
    summary:
      'Register as a volunteer of a community with the account’s verified mobile; pending until the station confirms; twice answers the first',
    tags,
    body: publicVolunteerBody,
    response: myVolunteerAnswer,
    handler: (ctx, { body }) => registerSelf(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/volunteer/signups',
    operationId: 'listMyVolunteerSignups',
    access: 'public-account',
    summary: "The confirmed volunteer's sign-ups with their check-in and hours, newest activity first",
    tags,
    response: z.object({ items: z.array(mySignup) }),
    handler: (ctx) => mySignups(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/volunteer/signups',
    operationId: 'signUpForVolunteerPost',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Apply for an open post (a confirmed volunteer only; twice answers the first)',
    tags,
    body: publicSignupBody,
    response: okResponse,
    handler: (ctx, { body }) => applyForPost(ctx, body.postId),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/volunteer/signups/:id/withdraw',
    operationId: 'withdrawVolunteerSignup',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Withdraw one’s sign-up before the activity starts',
    tags,
    params: idParams,
    response: okResponse,
    handler: (ctx, { params }) => withdrawSignup(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/volunteer/checkins/:id',
    operationId: 'volunteerCheckinByPhone',
    access: 'public-account',
    problems: { 409: true },
    summary: 'Check in or out of an activity one is accepted for, with the code on the screen; twice answers "already"',
    tags,
    params: idParams,
    body: publicVolunteerCheckinBody,
    response: publicVolunteerCheckinResult,
    handler: (ctx, { params, body }) => phoneTap(ctx, params.id, body.t, body.action),
  });
}
