import { actor, changePasswordBody, loginBody, okResponse, totpDisableBody, totpEnableBody, totpSetupResponse } from '@wushe/core';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../context.ts';
import { perMinute } from '../../http/rate-limit.ts';
import { forbidden } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { changePassword, login, logout, totpDisable, totpEnable, totpSetup } from './auth.service.ts';
import { actorForSession, SESSION_COOKIE } from './session.ts';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, services: Services): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: services.config.secureCookie,
      path: '/',
    });

  app.register(async (scoped) => {
    // Login is rate limited per client address on top of the per-account lock-out.
    await scoped.register(rateLimit, perMinute(services.config.loginRateLimit));
    route(scoped, {
      method: 'POST',
      url: '/api/v1/auth/login',
      operationId: 'login',
      problems: { 401: true, 403: true, 423: true, 429: true }, // 403: a disabled account
      access: 'public',
      summary: 'Log in with username and password (and a TOTP code when enabled)',
      tags,
      body: loginBody,
      response: actor,
      handler: async (ctx, { body }, req, reply) => {
        const token = await login(services, { ...body, ip: ctx.ip, userAgent: req.headers['user-agent'], now: ctx.now });
        setCookie(reply, token);
        return actorForSession(services, token);
      },
    });
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    operationId: 'logout',
    access: 'authenticated',
    allowPending: true,
    summary: 'Log out: ends this session',
    tags,
    response: okResponse,
    handler: async (ctx, _in, req, reply) => {
      await logout(ctx, req.sessionId!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    operationId: 'getMe',
    access: 'authenticated',
    allowPending: true,
    summary: 'The signed-in account, its permissions, scope and CSRF token',
    tags,
    response: actor,
    handler: async (ctx) => ctx.actor,
  });

  const reread = async (token: string | undefined) => actorForSession(services, token!);

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/password',
    problems: { 423: true }, // wrong current passwords count toward the lock-out
    operationId: 'changePassword',
    access: 'authenticated',
    allowPending: true,
    summary: 'Change my password',
    tags,
    body: changePasswordBody,
    response: actor,
    handler: async (ctx, { body }, req) => {
      await changePassword(ctx, req.sessionId!, body.currentPassword, body.newPassword);
      return reread(req.cookies[SESSION_COOKIE]);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/setup',
    operationId: 'setupTotp',
    access: 'authenticated',
    allowPending: true,
    summary: 'Start two-factor set-up: a new TOTP secret',
    tags,
    response: totpSetupResponse,
    handler: (ctx) => totpSetup(ctx),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/enable',
    operationId: 'enableTotp',
    access: 'authenticated',
    allowPending: true,
    summary: 'Confirm a code from the authenticator and turn two-factor login on',
    tags,
    body: totpEnableBody,
    response: actor,
    handler: async (ctx, { body }, req) => {
      await totpEnable(ctx, body.code);
      return reread(req.cookies[SESSION_COOKIE]);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/disable',
    problems: { 423: true }, // wrong current passwords count toward the lock-out
    operationId: 'disableTotp',
    access: 'authenticated',
    summary: 'Turn two-factor login off (needs the password)',
    tags,
    body: totpDisableBody,
    response: actor,
    handler: async (ctx, { body }, req) => {
      if (ctx.actor.totpRequired) throw forbidden();
      await totpDisable(ctx, body.password);
      return reread(req.cookies[SESSION_COOKIE]);
    },
  });
}
