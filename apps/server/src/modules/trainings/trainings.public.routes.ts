import {
  accountRegistration as accountRegistrationSchema,
  accountSignUpBody,
  certificateCodeParams,
  evaluationBody,
  idParams,
  okResponse,
  publicCertificate,
  publicJoinBody,
  publicJoinResult,
  publicSignUpBody,
  publicSignUpResult,
  publicTraining as publicTrainingSchema,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { accountRegistration, accountSignUp } from './trainings.mine.ts';
import { publicEvaluate, publicJoin, publicSignUp, publicTraining, verifyCertificate } from './public.ts';

const tags = ['trainings'];
const PER_MINUTE = 120;

const publicEvaluationBody = evaluationBody
  .omit({ registrationId: true })
  .extend({ name: publicSignUpBody.shape.name, mobile: publicSignUpBody.shape.mobile });

export function trainingsPublicRoutes(app: FastifyInstance): void {
  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/trainings/:id',
      operationId: 'getPublicTraining',
      access: 'public',
      problems: { 429: true },
      summary: "A training's public page: title, level, organiser, sessions (time, mode, place), places left; no participant, no join code",
      tags,
      params: idParams,
      response: publicTrainingSchema,
      handler: (ctx, { params }) => publicTraining(ctx, params.id),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/trainings/:id/registrations',
      operationId: 'signUpPublicTraining',
      access: 'public',
      problems: { 409: true, 429: true },
      summary: 'Sign up by name, mobile and organisation: a place, or a waiting position; twice answers the first',
      tags,
      params: idParams,
      body: publicSignUpBody,
      response: publicSignUpResult,
      handler: (ctx, { params, body }) => publicSignUp(ctx, params.id, body),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/trainings/:id/join',
      operationId: 'joinPublicTrainingSession',
      access: 'public',
      problems: { 409: true, 429: true },
      summary: "Attend an online session: the join code shown to the class, within the session's window, by a registrant",
      tags,
      params: idParams,
      body: publicJoinBody,
      response: publicJoinResult,
      handler: (ctx, { params, body }) => publicJoin(ctx, params.id, body),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/trainings/:id/evaluation',
      operationId: 'evaluatePublicTraining',
      access: 'public',
      problems: { 409: true, 429: true },
      summary: 'Evaluate the course by the name and mobile signed up with (after attending)',
      tags,
      params: idParams,
      body: publicEvaluationBody,
      response: okResponse,
      handler: (ctx, { params, body }) => publicEvaluate(ctx, params.id, body),
    });
    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/certificates/:code',
      operationId: 'verifyTrainingCertificate',
      access: 'public',
      problems: { 404: true, 429: true },
      summary: "Verify a certificate of completion: the holder's masked name, course, hours and date only",
      tags,
      params: certificateCodeParams,
      response: publicCertificate,
      handler: (ctx, { params }) => verifyCertificate(ctx, params.code),
    });
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/trainings/:id/registrations',
    operationId: 'signUpTrainingAsAccount',
    access: 'public-account',
    problems: { 409: true },
    summary:
      'Sign up as the signed-in public account (its name and verified mobile): a place or a waiting position; twice answers the first',
    tags,
    params: idParams,
    body: accountSignUpBody,
    response: accountRegistrationSchema,
    handler: (ctx, { params, body }) => accountSignUp(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/trainings/:id/registration',
    operationId: 'getAccountTrainingRegistration',
    access: 'public-account',
    problems: { 404: true },
    summary: "The signed-in public account's registration on a training (404 when none): status, waiting position, hours, certificate",
    tags,
    params: idParams,
    response: accountRegistrationSchema,
    handler: (ctx, { params }) => accountRegistration(ctx, params.id),
  });
}
