import {
  okResponse,
  publicAccountConfig,
  publicAccountMe,
  publicLoginBody,
  publicProfileBody,
  requestCodeBody,
  requestCodeResult,
  signupBody,
  signupResult,
  testCodeQuery,
  testCodeResult,
} from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../context.ts';
import { perMinute } from '../../http/rate-limit.ts';
import { route } from '../../http/route.ts';
import { DEFAULT_SMS } from './sms/sms.config.ts';
import { createSmsSender } from './sms/sms.ts';
import { login, logout, me, rename, requestCode, signup } from './public-accounts.service.ts';
import { PUBLIC_SESSION_COOKIE, PUBLIC_SESSION_IDLE_DAYS } from './public-session.ts';

const tags = ['public-accounts'];

/** Requests per client address per minute on these routes, on top of the per-number and per-address code limits. */
const PER_MINUTE = 60;

export function publicAccountsRoutes(app: FastifyInstance, services: Services): void {
  const sms = services.config.sms ?? DEFAULT_SMS;
  const lastCodes = sms.testHook ? new Map<string, string>() : undefined;
  const sender = createSmsSender(sms, app.log, lastCodes);
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(PUBLIC_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: services.config.secureCookie,
      path: '/',
      maxAge: PUBLIC_SESSION_IDLE_DAYS * 86_400,
    });

  app.register(async (scoped) => {
    await scoped.register(rateLimit, perMinute(PER_MINUTE));

    route(scoped, {
      method: 'GET',
      url: '/api/v1/public/account/config',
      operationId: 'getPublicAccountConfig',
      access: 'public',
      problems: { 429: true },
      summary: 'What the sign-up and login pages need: whether codes go to the server log (no SMS provider), the resend wait',
      tags,
      response: publicAccountConfig,
      handler: async () => ({ demo: sms.provider === 'log', demoAccounts: services.installation.demo, resendSeconds: sms.resendSeconds }),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/account/code',
      operationId: 'requestPublicAccountCode',
      access: 'public',
      problems: { 429: true },
      summary: 'Send a 6-digit code by SMS (1 per 60 s and 5 per hour per number, 20 per hour per address; 429 with Retry-After)',
      tags,
      body: requestCodeBody,
      response: requestCodeResult,
      handler: (ctx, { body }) => requestCode(ctx, sender, body),
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/account/signup',
      operationId: 'signUpPublicAccount',
      access: 'public',
      problems: { 403: true, 409: true, 429: true },
      summary: 'Sign up with name, mobile and code; a number that has an account is logged in (created: false)',
      tags,
      body: signupBody,
      response: signupResult,
      handler: async (ctx, { body }, req, reply) => {
        const r = await signup(ctx, body, req.headers['user-agent']);
        setCookie(reply, r.token);
        return { ...(await me(ctx, r.account.id, r.csrfToken)), created: r.created };
      },
    });
    route(scoped, {
      method: 'POST',
      url: '/api/v1/public/account/login',
      operationId: 'logInPublicAccount',
      access: 'public',
      problems: { 403: true, 404: true, 429: true },
      summary: 'Log in with mobile and code (404 only after a valid code, when the number has no account)',
      tags,
      body: publicLoginBody,
      response: publicAccountMe,
      handler: async (ctx, { body }, req, reply) => {
        const r = await login(ctx, body, req.headers['user-agent']);
        setCookie(reply, r.token);
        return me(ctx, r.account.id, r.csrfToken);
      },
    });
    if (lastCodes)
      route(scoped, {
        method: 'GET',
        url: '/api/v1/public/account/test/last-code',
        operationId: 'getLastPublicAccountCode',
        access: 'public',
        summary: 'Browser tests only (NODE_ENV=test, WUSHE_SMS_TEST_HOOK=1): the last code the log provider sent to a number',
        tags,
        query: testCodeQuery,
        response: testCodeResult,
        handler: async (_ctx, { query }) => ({ code: lastCodes.get(query.mobile) ?? null }),
      });
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/public/account/me',
    operationId: 'getPublicAccountMe',
    access: 'public-account',
    summary: 'The "my" page: name, masked mobile and the sections (applications, trainings, hours, certificates)',
    tags,
    response: publicAccountMe,
    handler: (ctx) => me(ctx),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/public/account/me',
    operationId: 'updatePublicAccountMe',
    access: 'public-account',
    summary: 'Change my name (version required; 409 when stale)',
    tags,
    body: publicProfileBody,
    response: publicAccountMe,
    handler: (ctx, { body }) => rename(ctx, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/account/logout',
    operationId: 'logOutPublicAccount',
    access: 'public-account',
    summary: 'Log out: ends this public session',
    tags,
    response: okResponse,
    handler: async (ctx, _in, _req, reply) => {
      const out = await logout(ctx);
      reply.clearCookie(PUBLIC_SESSION_COOKIE, { path: '/' });
      return out;
    },
  });
}
