// Sessions: the cookie holds a random token; the database keeps only its SHA-256. A session
// resolves to the actor in one round trip (session_resolve), and ends after the idle timeout.
import crypto from 'node:crypto';
import { areaPrefix, type Actor, type Permission } from '@wushe/core';
import type { Db } from '@wushe/db';
import type { Services } from '../../context.ts';
import { deleteSession, insertSession, resolveSessionRows } from './auth.repo.ts';

export const SESSION_COOKIE = 'wushe_sid';
const TOUCH_SECONDS = 60;

export const sessionIdOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  csrf_token: string;
  last_seen_at: string | Date;
  user_id: string;
  username: string;
  display_name: string;
  area_code: string;
  area_name: string;
  org_id: string | null;
  org_name: string | null;
  status: string;
  must_change_password: boolean;
  totp_enabled: boolean;
  role_id: string;
  role_code: string;
  role_name: string;
  role_name_en: string;
  permissions: Permission[];
  require_totp: boolean;
}

export type Resolved = { actor: Actor; sessionId: string } | { expired: true } | null;

export async function resolveSession(services: Services, token: string, now: Date, useCache = true): Promise<Resolved> {
  const id = sessionIdOf(token);
  const idle = services.config.idleMinutes * 60;
  const cached = useCache ? services.sessionCache.get(id, now.getTime()) : undefined;
  if (cached && now.getTime() - cached.lastSeen <= idle * 1000) return { sessionId: id, actor: cached.actor };
  const found = await services.database.any((db) => resolveSessionRows(db, id, idle, TOUCH_SECONDS));
  const r = found[0];
  if (!r) return null;
  const lastSeen = new Date(r.last_seen_at).getTime();
  if (now.getTime() - lastSeen > idle * 1000 || r.status !== 'active') {
    services.sessionCache.forget(id);
    await services.database.run('', (db) => deleteSession(db, id));
    return { expired: true };
  }
  const actor = actorFromRow(r, services);
  if (useCache) services.sessionCache.put(id, actor, lastSeen, now.getTime());
  return { sessionId: id, actor };
}

function actorFromRow(r: SessionRow, services: Services): Actor {
  return {
    id: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: { id: r.role_id, code: r.role_code, name: r.role_name, nameEn: r.role_name_en },
    permissions: r.permissions,
    org: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
    area: { code: r.area_code, name: r.area_name },
    scope: areaPrefix(r.area_code),
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_enabled,
    totpRequired: r.require_totp,
    csrfToken: r.csrf_token,
    idleTimeoutMinutes: services.config.idleMinutes,
    demo: services.installation.demo,
  };
}

export async function createSession(db: Db, userId: string, ip: string, userAgent: string | undefined): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await insertSession(db, {
    id: sessionIdOf(token),
    userId,
    csrfToken: crypto.randomBytes(24).toString('base64url'),
    ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** Reads an account as the actor it would be, for responses right after login or a change. */
export async function actorForSession(services: Services, token: string): Promise<Actor> {
  const res = await resolveSession(services, token, new Date(), false);
  if (!res || 'expired' in res) throw new Error('session vanished');
  return res.actor;
}
