// Error mapping: every failure leaves as RFC 9457 problem details with a stable code and
// text in the request's language. Unknown routes 404, wrong methods 405.
import { pickLang, translate, type Lang, type MessageKey } from '@wushe/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import { registeredRoutes, translateField } from '../http/route.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function sendProblem(
  reply: FastifyReply,
  lang: Lang,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  errors?: { path: string; message: string }[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `/problems/${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail: translate(lang, code, params),
      code,
      ...(errors ? { errors } : {}),
    });
}

const langOf = (req: FastifyRequest): Lang => pickLang(req.headers['accept-language']);

export function registerProblems(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const lang = langOf(req);
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      const errors = err.fields.length ? err.fields.map((f) => translateField(lang, f)) : undefined;
      return sendProblem(reply, lang, err.status, err.code, err.params, errors);
    }
    const status = (err as FastifyError).statusCode ?? 500;
    const code = (err as FastifyError).code;
    if (status === 429) return sendProblem(reply, lang, 429, 'auth.rateLimited');
    if (status === 413) return sendProblem(reply, lang, 413, 'error.tooLarge');
    if (status === 415) return sendProblem(reply, lang, 415, 'error.validation');
    if (status === 400 && (code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError)) {
      return sendProblem(reply, lang, 400, 'error.malformedJson');
    }
    if (status >= 400 && status < 500) {
      return sendProblem(reply, lang, status, status === 404 ? 'error.notFound' : 'error.validation');
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, lang, 500, 'error.internal');
  });

  app.setNotFoundHandler((req, reply) => {
    const lang = langOf(req);
    const path = req.url.split('?')[0] ?? '';
    const allowed = registeredRoutes.filter((r) => r.pattern.test(path)).map((r) => r.method);
    if (allowed.length) {
      reply.header('allow', [...new Set(allowed)].join(', '));
      return sendProblem(reply, lang, 405, 'error.methodNotAllowed');
    }
    return sendProblem(reply, lang, 404, path.startsWith('/api/') ? 'error.routeNotFound' : ('error.notFound' as MessageKey));
  });
}
