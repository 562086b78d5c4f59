// The route table helper: each route declares its schemas (zod, from packages/core) and the
// permission it needs. Validation runs here, in the request's language; the JSON Schema
// copies feed the OpenAPI document and, in tests, the response contract check (contracts.ts).
import { inLang, translate, type Permission } from '@wushe/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { AppError, forbidden, unauthenticated, type FieldError } from './errors.ts';
import { deriveOperationId, docResponses, problemStatuses, toJsonSchema, type Download, type JsonSchema } from './openapi.ts';

/**
 * `public`: no login; `public-account`: a public account's own session (never a staff one);
 * `authenticated`: any logged-in staff account; else a named permission.
 */
export type Access = Permission | 'authenticated' | 'public' | 'public-account';

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: HTTPMethods;
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON answer, exactly: in tests every answer is checked against it, an undeclared field fails. */
  response?: z.ZodType;
  /** The success status when not 200 (e.g. 202 for a job started). */
  status?: 201 | 202;
  /** The route answers a file: an .xlsx workbook or a stored file (with `response`, JSON on request too). */
  download?: Download;
  /**
   * Problem answers beyond those the route's shape implies (400 with input, 401/403 unless
   * public, 404 with an id in the path): e.g. `{ 409: true }`, or a schema extending `problem`.
   */
  problems?: Partial<Record<401 | 403 | 404 | 409 | 413 | 423 | 429, true | z.ZodType>>;
  /** Defaults to one derived from method and path (`listResidents`, `getResident`, …). */
  operationId?: string;
  /** Allowed before a forced password change or TOTP set-up. */
  allowPending?: boolean;
  /** A larger request body than the app's default (e.g. a base64 attachment). */
  bodyLimit?: number;
  handler: (
    ctx: Ctx,
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    req: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

/** What the contract check needs to know about a route's answers (kept in the route's config). */
export interface Contract {
  route: string;
  operationId: string;
  status: number;
  json?: JsonSchema;
  download?: Download;
  /** Problem statuses the route documents, with the schema of each. */
  problems: Record<number, JsonSchema | undefined>;
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string, lang: Ctx['lang']): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const res = schema.safeParse(value ?? (where === 'body' ? undefined : {}), {
    error: inLang(lang, { zh: z.locales.zhCN, en: z.locales.en })().localeError as never,
  });
  if (res.success) return res.data;
  const fields: FieldError[] = res.error.issues.map((i) => ({
    path: i.path.length ? i.path.join('.') : where,
    key: i.message,
  }));
  throw new AppError(400, 'error.validation', {}, fields);
}

/** The permission gate: deny by default. */
export function checkAccess(ctx: Pick<Ctx, 'actor'> | null, access: Access, allowPending = false): void {
  if (access === 'public') return;
  if (!ctx || access === 'public-account') throw unauthenticated();
  const { actor } = ctx;
  if (!allowPending) {
    if (actor.mustChangePassword) throw forbidden('auth.mustChangePassword');
    if (actor.totpRequired && !actor.totpEnabled) throw forbidden('auth.totpSetupRequired');
  }
  if (access !== 'authenticated' && !actor.permissions.includes(access)) throw forbidden();
}

export const registeredRoutes: { method: string; pattern: RegExp }[] = [];

export function route<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  app: FastifyInstance,
  def: RouteDef<P, Q, B>,
): void {
  const method = def.method as string;
  registeredRoutes.push({
    method,
    pattern: new RegExp(`^${def.url.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
  });
  const extra = Object.fromEntries(
    Object.entries(def.problems ?? {}).map(([k, v]) => [k, v === true ? true : toJsonSchema(v, 'output')] as const),
  ) as Record<number, JsonSchema | true>;
  const doc = {
    method,
    url: def.url,
    access: def.access,
    hasInput: Boolean(def.params ?? def.query ?? def.body),
    status: def.status ?? 200,
    json: def.response && toJsonSchema(def.response, 'output'),
    download: def.download,
    // A body carrying the version it read can be stale: 409.
    problems: def.body && carriesVersion(def.body) ? { 409: true as const, ...extra } : extra,
  };
  const contract: Contract = {
    route: `${method} ${def.url}`,
    operationId: def.operationId ?? deriveOperationId(method, def.url),
    status: doc.status,
    json: doc.json,
    download: def.download,
    problems: Object.fromEntries(problemStatuses(doc).map((s) => [s, doc.problems[s] === true ? undefined : doc.problems[s]])),
  };
  app.route({
    method: def.method,
    url: def.url,
    config: { access: def.access, contract },
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    schema: {
      operationId: contract.operationId,
      summary: def.summary,
      tags: def.tags,
      description: `Permission: \`${def.access}\``,
      ...(def.access === 'public' ? { security: [] } : def.access === 'public-account' ? { security: [{ publicSession: [] }] } : {}),
      ...(def.params ? { params: toJsonSchema(def.params, 'input') } : {}),
      ...(def.query ? { querystring: toJsonSchema(def.query, 'input') } : {}),
      ...(def.body ? { body: toJsonSchema(def.body, 'input') } : {}),
      response: docResponses(doc),
    },
    handler: async (req, reply) => {
      let ctx: Ctx;
      if (def.access === 'public-account') {
        // A public account's routes: its own session or 401; it holds no actor and no permission.
        if (!req.publicAccount) throw unauthenticated('publicAccount.unauthenticated');
        ctx = { ...req.publicCtx(), account: req.publicAccount };
      } else {
        checkAccess(req.ctx, def.access, def.allowPending);
        ctx = req.ctx ?? req.publicCtx();
      }
      const input = {
        params: parse(def.params, req.params, 'params', ctx.lang),
        query: parse(def.query, req.query, 'query', ctx.lang),
        body: parse(def.body, req.body, 'body', ctx.lang),
      };
      const out = await def.handler(ctx, input, req, reply);
      return out;
    },
  });
}

function carriesVersion(schema: z.ZodType): boolean {
  const def = (schema as unknown as { _zod: { def: { shape?: object; in?: z.ZodType } } })._zod.def;
  return def.shape ? 'version' in def.shape : def.in ? carriesVersion(def.in) : false;
}

export function translateField(lang: Ctx['lang'], f: FieldError): { path: string; message: string } {
  return { path: f.path, message: translate(lang, f.key, f.params) };
}
