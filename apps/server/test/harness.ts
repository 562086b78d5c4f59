// Test harness: a real database (in-memory PGlite, or a fresh PostgreSQL database when
// TEST_DATABASE_URL is set), migrated and loaded with the demo, and the app driven through
// app.inject with a cookie session and CSRF token, like the browser. Every answer is checked
// against its route's declared response schema (http/contracts.ts): a broken contract turns
// the answer into a 500 and makes the request, or at the latest close(), throw.
import crypto from 'node:crypto';
import { openDatabase, type Database } from '@wushe/db';
import { DEMO_PASSWORD } from '@wushe/db/demo';
import type { Actor } from '@wushe/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import type { AppConfig } from '../src/config.ts';
import type { Services } from '../src/context.ts';
import { generateKeyFile, keysFrom } from '@wushe/db';
import { assembleServices, prepareDatabase } from '../src/services.ts';
import { templateFor } from './templates.ts';

export const testConfig = (over: Partial<AppConfig> = {}): AppConfig => ({
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  poolSize: 4,
  areaCode: '350206',
  demo: true,
  idleMinutes: 30,
  lockAttempts: 5,
  lockMinutes: 15,
  passwordPolicy: { minLength: 8, minClasses: 3 },
  loginRateLimit: 10_000,
  secureCookie: false,
  logLevel: 'silent',
  logFormat: 'json',
  trustProxy: false,
  // Off by default so tests that age sessions in the database see it at once; session-cache.test.ts covers the cache.
  sessionCacheMs: 0,
  // Off so tests see every write at once; dashboard-cache.test.ts covers the cache.
  areaDashboardCacheMs: 0,
  ...over,
});

/** A fresh UTF-8 (C.UTF-8 ctype) database on the server in TEST_DATABASE_URL, from `template` if given; dropped by the returned function. */
async function createPgDatabase(baseUrl: string, template = 'template0'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wushe_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Session {
  actor: Actor;
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  del(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  /** Broken response contracts not yet reported by a request helper (tests of the checker read and clear it). */
  contractViolations: string[];
  database: Database;
  services: Services;
  login(username: string, password?: string, extra?: Record<string, unknown>): Promise<Session>;
  /** A login attempt's raw response. */
  tryLogin(username: string, password: string, extra?: Record<string, unknown>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `demo.residents`: how many demo residents to load (0 for a test that builds its own register). */
export async function startTestApp(over: Partial<AppConfig> = {}, demo: { residents?: number } = {}): Promise<TestApp> {
  const base = process.env.TEST_DATABASE_URL;
  const residents = demo.residents ?? DEMO_RESIDENTS;
  // Prepared once per run and copied (templates.ts).
  const template = await templateFor(testConfig({ databaseUrl: base, ...over }), residents);
  const pgDb = base ? await createPgDatabase(base, template?.database) : undefined;
  const config = testConfig({ databaseUrl: pgDb?.url, ...over });
  const database = await openDatabase({ url: pgDb?.url, poolSize: config.poolSize, image: template?.image });
  const keys = keysFrom(template?.keyFile ?? generateKeyFile());
  // Migrations, built-in roles, reference data, the demo with a smaller set of residents (speed):
  // already there in a copy of a template, where this only checks.
  await prepareDatabase(config, database, undefined, keys, { residents });
  const services = await assembleServices(config, database, keys);
  const contractViolations: string[] = [];
  const app = await buildApp(services, { checkResponses: (v) => contractViolations.push(v) });
  /** Fails the request that broke a contract, naming the route and the offending field. */
  const checked = async (res: Promise<LightMyRequestResponse>) => {
    const answer = await res;
    if (contractViolations.length) throw new Error(contractViolations.splice(0).join('\n'));
    return answer;
  };

  const tryLogin = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    checked(app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra } }));

  const sessionFrom = (res: LightMyRequestResponse): Session => {
    const set = res.cookies.find((c) => c.name === 'wushe_sid');
    if (res.statusCode !== 200 || !set) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const actor = res.json() as Actor;
    const cookie = `wushe_sid=${set.value}`;
    const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      checked(
        app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': actor.csrfToken, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
      );
    return {
      actor,
      cookie,
      request,
      get: (url, h) => request('GET', url, undefined, h),
      post: (url, b, h) => request('POST', url, b ?? {}, h),
      patch: (url, b, h) => request('PATCH', url, b, h),
      del: (url, h) => request('DELETE', url, undefined, h),
    };
  };

  return {
    app,
    contractViolations,
    database,
    services,
    tryLogin,
    login: async (username, password = DEMO_PASSWORD, extra) => sessionFrom(await tryLogin(username, password, extra)),
    close: async () => {
      await app.close();
      await database.close();
      await pgDb?.drop();
      // Answers from direct app.inject calls are checked too: they fail the file here.
      if (contractViolations.length) throw new Error(contractViolations.join('\n'));
    },
  };
}

/** A password that meets the default policy. */
export const GOOD_PASSWORD = 'Gongzuo#2026';

/** How many demo residents each test database gets (the real demo has 3,000). */
export const DEMO_RESIDENTS = 300;

/** Well-known demo ids and codes. */
export const DEMO = {
  district: '350206000000',
  jiangtou: '350206004000',
  jinshan: '350206005000',
  jiangtouCommunity: '350206004001',
} as const;
