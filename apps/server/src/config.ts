// The one place settings are read: from the environment, validated once.
import path from 'node:path';
import { parseAreaCode } from '@wushe/core';
import { z } from 'zod';
import type { JobSettings } from './jobs/queue.ts';
import { smsEnv, smsConfigFrom, type SmsConfig } from './modules/public-accounts/sms/sms.config.ts';

export const INSTALLATION_AREA_HINT = 'an area code of 2, 4, 6, 9 or 12 digits, e.g. 350206';

/** The installation's area (WUSHE_AREA, `seed --area`) as typed, in 12 digits; a grid cannot be one. */
export function installationArea(input: string): string | null {
  const code = parseAreaCode(input);
  return code && code.length === 12 ? code : null;
}

const bool = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  WUSHE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** The area this installation serves: a province, city or district code, short (`350206`) or 12 digits. */
  WUSHE_AREA: z
    .string()
    .default('350206')
    .transform((v, ctx) => installationArea(v) ?? (ctx.addIssue({ code: 'custom', message: INSTALLATION_AREA_HINT }), z.NEVER)),
  WUSHE_DEMO: bool.optional(),
  WUSHE_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  WUSHE_LOCK_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  WUSHE_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  WUSHE_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).max(64).default(8),
  WUSHE_PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  WUSHE_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  WUSHE_SECURE_COOKIE: bool.optional(),
  WUSHE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: one readable line per request (a terminal); `json`: pino's JSON lines (log collectors). */
  WUSHE_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  WUSHE_WEB_DIR: z.string().optional(),
  WUSHE_BENCH_FLOOR: bool.optional(),
  WUSHE_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  WUSHE_AREA_DASHBOARD_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(120_000),
  /** Reverse proxies whose X-Forwarded-For is believed: `true`, a hop count, or addresses/CIDRs. */
  WUSHE_TRUST_PROXY: z.string().optional(),
  /** Seconds without a heartbeat after which a running job's instance is taken as dead. */
  WUSHE_JOB_STALE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  WUSHE_IMPORT_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  WUSHE_JOB_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  ...smsEnv,
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  poolSize: number;
  areaCode: string;
  /** Load the demo on first start (embedded database only unless asked). */
  demo: boolean;
  idleMinutes: number;
  lockAttempts: number;
  lockMinutes: number;
  passwordPolicy: { minLength: number; minClasses: number };
  loginRateLimit: number;
  secureCookie: boolean;
  logLevel: string;
  /** Default: pretty when the output is a terminal, JSON otherwise (services, containers, pipes). */
  logFormat: 'json' | 'pretty';
  webDir?: string;
  /** Which proxies may set the client address (login rate limit, audit). Default: none. */
  trustProxy: boolean | number | string;
  /** How long a resolved session is reused in this process (0 = never). */
  sessionCacheMs: number;
  /** How long an official's 工作台 figures are reused for the same area and day (0 = never). */
  areaDashboardCacheMs: number;
  /** Bench only: registers the floor route. */
  benchFloor?: boolean;
  /** The job queue's timings (defaults: DEFAULT_JOB_SETTINGS). */
  jobs?: JobSettings;
  /** Public accounts' SMS codes: provider and limits (defaults: DEFAULT_SMS). */
  sms?: SmsConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTerminal = process.stdout.isTTY === true): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const sms = smsConfigFrom(e, env.NODE_ENV);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.WUSHE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    areaCode: e.WUSHE_AREA,
    demo: e.WUSHE_DEMO ?? !e.DATABASE_URL,
    idleMinutes: e.WUSHE_IDLE_MINUTES,
    lockAttempts: e.WUSHE_LOCK_ATTEMPTS,
    lockMinutes: e.WUSHE_LOCK_MINUTES,
    passwordPolicy: { minLength: e.WUSHE_PASSWORD_MIN_LENGTH, minClasses: e.WUSHE_PASSWORD_MIN_CLASSES },
    loginRateLimit: e.WUSHE_LOGIN_RATE_LIMIT,
    secureCookie: e.WUSHE_SECURE_COOKIE ?? false,
    logLevel: e.WUSHE_LOG_LEVEL,
    logFormat: e.WUSHE_LOG_FORMAT ?? (stdoutIsTerminal ? 'pretty' : 'json'),
    webDir: e.WUSHE_WEB_DIR,
    benchFloor: e.WUSHE_BENCH_FLOOR ?? false,
    trustProxy: parseTrustProxy(e.WUSHE_TRUST_PROXY),
    sessionCacheMs: e.WUSHE_SESSION_CACHE_MS,
    areaDashboardCacheMs: e.WUSHE_AREA_DASHBOARD_CACHE_MS,
    jobs: {
      staleSeconds: e.WUSHE_JOB_STALE_SECONDS,
      importAttempts: e.WUSHE_IMPORT_ATTEMPTS,
      shutdownGraceSeconds: e.WUSHE_JOB_SHUTDOWN_GRACE_SECONDS,
    },
    sms,
  };
}

function parseTrustProxy(v: string | undefined): boolean | number | string {
  if (!v || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}
