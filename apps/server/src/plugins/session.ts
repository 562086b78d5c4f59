// Builds the request context: language, client address, and, from the session cookie, the
// actor with its scope. Cookie-authenticated writes must carry the session's CSRF token.
import crypto from 'node:crypto';
import { pickLang, type Actor } from '@wushe/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopedDb, type Ctx, type Services } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx | null;
    sessionId: string | null;
    publicCtx(): Ctx;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function registerSession(app: FastifyInstance, services: Services): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('publicCtx', function (this: FastifyRequest): Ctx {
    // Public routes get the services and the request facts, never an actor or a scope.
    return {
      ...services,
      db: scopedDb(services.database, 'none'),
      actor: undefined as unknown as Actor,
      scope: 'none',
      lang: pickLang(this.headers['accept-language']),
      ip: this.ip,
      log: this.log,
      now: new Date(),
    };
  });

  app.addHook('preHandler', async (req) => {
    // Public routes (login, health) ignore any cookie: a stale one must not block a new login.
    // Public-account routes read their own cookie (public-session.ts), never a staff one.
    const access = (req.routeOptions.config as { access?: string }).access;
    if (!req.url.startsWith('/api/') || access === 'public' || access === 'public-account') return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = new Date();
    const resolved = await resolveSession(services, token, now);
    if (!resolved) return;
    if ('expired' in resolved) throw new AppError(401, 'auth.sessionExpired');
    const { actor, sessionId } = resolved;
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) throw new AppError(403, 'auth.csrf');
    }
    req.sessionId = sessionId;
    req.ctx = {
      ...services,
      db: scopedDb(services.database, actor.scope),
      actor,
      scope: actor.scope,
      lang: pickLang(req.headers['accept-language']),
      ip: req.ip,
      log: req.log,
      now,
    };
  });
}
