// Public sessions: a cookie of their own (wushe_pub) resolved against public_sessions only. The
// staff resolver reads wushe_sid against sessions, so neither cookie opens the other's routes.
import crypto from 'node:crypto';
import type { Db } from '@wushe/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PublicAccountRef, Services } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { sessionIdOf } from '../auth/session.ts';
import { deletePublicSession, insertPublicSession, publicSessionById } from './public-accounts.repo.ts';

export const PUBLIC_SESSION_COOKIE = 'wushe_pub';
/** A public session ends after this many days without use. */
export const PUBLIC_SESSION_IDLE_DAYS = 30;

export async function createPublicSession(db: Db, accountId: string, ip: string, userAgent: string | undefined, at: Date) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await insertPublicSession(db, {
    id: sessionIdOf(token),
    accountId,
    csrfToken,
    ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
    at,
  });
  return { token, csrfToken };
}

declare module 'fastify' {
  interface FastifyRequest {
    publicAccount: PublicAccountRef | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/** Resolves the public cookie on `public-account` routes only; writes carry its CSRF token. */
export function registerPublicSession(app: FastifyInstance, services: Services): void {
  app.decorateRequest('publicAccount', null);
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if ((req.routeOptions.config as { access?: string }).access !== 'public-account') return;
    const token = req.cookies[PUBLIC_SESSION_COOKIE];
    if (!token) return;
    const id = sessionIdOf(token);
    const now = new Date();
    const row = await services.database.run('none', (db) => publicSessionById(db, id, now));
    if (!row) return;
    if (now.getTime() - new Date(row.lastSeenAt).getTime() > PUBLIC_SESSION_IDLE_DAYS * 86_400_000 || row.status !== 'active') {
      await services.database.run('none', (db) => deletePublicSession(db, id));
      throw new AppError(401, 'auth.sessionExpired');
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, row.csrfToken)) throw new AppError(403, 'auth.csrf');
    }
    req.publicAccount = { id: row.accountId, name: row.name, mobileMasked: row.mobileMasked, csrfToken: row.csrfToken, sessionId: id };
  });
}
