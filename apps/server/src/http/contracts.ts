// Response contracts, checked in tests: every JSON answer is validated against the strict JSON
// Schema of what its route declared (success) or of the problem it may answer (4xx/5xx), so
// an undeclared field anywhere in the tree (an unmasked phone, say) fails the test that
// produced it. Off in production: buildApp registers the hook only when asked, so the hot path
// does no work for it and Ajv is never loaded.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Contract } from './route.ts';
import { DOWNLOAD_TYPES, problemJsonSchema, type JsonSchema } from './openapi.ts';

/** Called with each broken contract; the answer itself is replaced by a 500 naming it. */
export type ContractViolationSink = (message: string) => void;

type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params: Record<string, unknown> }[] | null;
};

export async function registerContractCheck(app: FastifyInstance, report: ContractViolationSink): Promise<void> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: typeof ajv) => void)(ajv);
  const compiled = new WeakMap<JsonSchema, Validate>();
  const validator = (schema: JsonSchema): Validate => {
    let v = compiled.get(schema);
    if (!v) compiled.set(schema, (v = ajv.compile(schema) as Validate));
    return v;
  };

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const contract = (req.routeOptions.config as { contract?: Contract } | undefined)?.contract;
    const status = reply.statusCode;
    const type = String(reply.getHeader('content-type') ?? '')
      .split(';')[0]!
      .trim();
    const name = contract?.route ?? `${req.method} ${req.url.split('?')[0]}`;
    const fail = (why: string) => {
      const message = `response contract: ${name} answered ${status}: ${why}`;
      report(message);
      reply.code(500).type('application/problem+json; charset=utf-8');
      reply.removeHeader('content-disposition');
      return JSON.stringify({
        type: '/problems/error.contract',
        title: 'Internal Server Error',
        status: 500,
        detail: message,
        code: 'error.internal',
      });
    };
    const isJson = type === 'application/json' || type === 'application/problem+json';
    if (status < 200 || status === 204 || (status >= 300 && status < 400)) return payload;
    if (!contract && !req.url.startsWith('/api/')) return payload; // the web app, its fallback
    if ((req.routeOptions.schema as { hide?: boolean } | undefined)?.hide) return payload; // the OpenAPI document itself
    if (status >= 400) {
      if (type !== 'application/problem+json') return fail(`a ${type || 'untyped'} error instead of application/problem+json`);
      const documented = contract?.problems;
      if (documented && status < 500 && !(status in documented) && status !== 405 && status !== 413 && status !== 415 && status !== 429) {
        return fail(
          `status ${status} is not among the documented problems (${Object.keys(documented).join(', ') || 'none'}): declare it in the route's problems`,
        );
      }
      return check(parse(payload), documented?.[status] ?? problemJsonSchema) ?? payload;
    }
    if (!contract) return isJson ? fail('JSON from a route that declares no response (use route())') : payload;
    if (status !== contract.status) return fail(`the route declares status ${contract.status}`);
    if (!isJson) {
      if (contract.download && type === (contract.download === 'xlsx' ? DOWNLOAD_TYPES.xlsx : type)) return payload;
      return fail(`content type ${type || 'none'} is not declared`);
    }
    if (!contract.json) return fail('JSON, but the route declares no `response` schema');
    return check(parse(payload), contract.json) ?? payload;

    function parse(body: unknown): unknown {
      try {
        return JSON.parse(typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '');
      } catch {
        return Symbol.for('unparsable');
      }
    }
    function check(data: unknown, schema: JsonSchema): string | undefined {
      if (data === Symbol.for('unparsable')) return fail('the body is not JSON (a stream or unparsable text)');
      const validate = validator(schema);
      if (validate(data)) return undefined;
      const why = (validate.errors ?? []).slice(0, 5).map((e) => {
        const extra = e.params.additionalProperty;
        return extra !== undefined
          ? `${e.instancePath || '/'}: undeclared field "${String(extra)}"`
          : `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`;
      });
      return fail(why.join('; '));
    }
  });
}
