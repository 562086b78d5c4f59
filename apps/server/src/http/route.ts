// The route table helper: each route declares its schemas (zod, from packages/core) and the
// permission it needs. Validation runs here, in the request's language; the JSON Schema
// copies only feed the OpenAPI document.
import { translate, type Permission } from '@wushe/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { AppError, forbidden, unauthenticated, type FieldError } from './errors.ts';

/** `public`: no login; `authenticated`: any logged-in account; else a named permission. */
export type Access = Permission | 'authenticated' | 'public';

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: HTTPMethods;
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
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

const toJson = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string, lang: Ctx['lang']): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const res = schema.safeParse(value ?? (where === 'body' ? undefined : {}), {
    error: (lang === 'en' ? z.locales.en() : z.locales.zhCN()).localeError as never,
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
  if (!ctx) throw unauthenticated();
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
  registeredRoutes.push({
    method: def.method as string,
    pattern: new RegExp(`^${def.url.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
  });
  app.route({
    method: def.method,
    url: def.url,
    config: { access: def.access },
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    schema: {
      summary: def.summary,
      tags: def.tags,
      description: `Permission: \`${def.access}\``,
      ...(def.params ? { params: toJson(def.params, 'input') } : {}),
      ...(def.query ? { querystring: toJson(def.query, 'input') } : {}),
      ...(def.body ? { body: toJson(def.body, 'input') } : {}),
      ...(def.response ? { response: { 200: toJson(def.response, 'output') } } : {}),
    },
    handler: async (req, reply) => {
      const base = req.ctx;
      checkAccess(base, def.access, def.allowPending);
      const ctx = base ?? req.publicCtx();
      const input = {
        params: parse(def.params, req.params, 'params', ctx.lang),
        query: parse(def.query, req.query, 'query', ctx.lang),
        body: parse(def.body, req.body, 'body', ctx.lang),
      };
      const out = await def.handler(ctx as Ctx, input, req, reply);
      return out;
    },
  });
}

export function translateField(lang: Ctx['lang'], f: FieldError): { path: string; message: string } {
  return { path: f.path, message: translate(lang, f.key, f.params) };
}
