// The per-request context services receive: `{ db, actor, scope, log, now, … }`.
import type { Actor, Lang } from '@wushe/core';
import type { Database, Db } from '@wushe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from './config.ts';
import type { Keys } from '@wushe/db';
import type { SessionCache } from './modules/auth/session-cache.ts';
import type { JobQueue } from './jobs/queue.ts';

/** Database access bound to the caller's scope: RLS and the repositories see the same prefix. */
export interface ScopedDb {
  run<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

export interface Services {
  config: AppConfig;
  database: Database;
  keys: Keys;
  sessionCache: SessionCache;
  /** The job queue shared by every instance (started by buildApp, stopped by app.close()). */
  jobs: JobQueue;
  /** The installation's root area (12-digit code) and its prefix. */
  installation: { areaCode: string; areaName: string; scope: string; demo: boolean };
}

/** The public account signed in on a `public-account` route (never a staff actor). */
export interface PublicAccountRef {
  id: string;
  name: string;
  mobileMasked: string;
  csrfToken: string;
  sessionId: string;
}

export interface Ctx extends Services {
  db: ScopedDb;
  actor: Actor;
  scope: string;
  lang: Lang;
  ip: string;
  log: FastifyBaseLogger;
  now: Date;
  /** Set on `public-account` routes only. */
  account?: PublicAccountRef;
}

export function scopedDb(database: Database, scope: string): ScopedDb {
  return { run: (fn) => database.run(scope, fn), tx: (fn) => database.tx(scope, fn) };
}
