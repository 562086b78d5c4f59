// The OpenAPI document: what each route declares (route.ts) becomes an operation with an
// operationId, its success answer (JSON or a file) and the problem answers it can give; the
// document-wide pieces (servers, the shared Problem schema) and the hoisting of the `$defs`
// that zod emits for recursive schemas live here, so every `$ref` in the document resolves.
import { problem } from '@wushe/core';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** File downloads: an .xlsx workbook, or a stored file of any type (attachments). */
export type Download = 'xlsx' | 'file';
export const DOWNLOAD_TYPES: Record<Download, string> = { xlsx: XLSX_TYPE, file: 'application/octet-stream' };

export type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema; `output` schemas are strict (`additionalProperties: false` at every level). */
export const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

export const problemJsonSchema = toJsonSchema(problem, 'output');

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid input: field-level messages in `errors`',
  401: 'Not logged in, or the session expired',
  403: 'Permission missing, CSRF token wrong, or a password change / TOTP set-up pending',
  404: "Not found, or outside the caller's area",
  409: 'Conflict: a stale version or a clashing record',
  413: 'Request body too large',
  423: 'Account locked',
  429: 'Too many attempts',
};

const toWords = (s: string) => s.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const singular = (w: string) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/**
 * A readable operationId from the route's shape: `GET /residents` → listResidents,
 * `GET /residents/:id` → getResident, `POST /residents` → createResident, `PATCH` → update…,
 * `PUT` → set…, `DELETE` → delete…, `POST /residents/:id/merge` → mergeResident,
 * `GET /residents/export` → exportResidents. Routes of another shape name theirs in RouteDef.
 */
export function deriveOperationId(method: string, url: string): string {
  const segs = url
    .replace(/^\/api\/v\d+\//, '')
    .split('/')
    .filter(Boolean);
  const isParam = (s: string | undefined) => s?.startsWith(':') ?? false;
  let last = segs.length - 1;
  let verb = { GET: 'get', POST: 'create', PUT: 'set', PATCH: 'update', DELETE: 'delete' }[method.toUpperCase()] ?? method.toLowerCase();
  if (method === 'GET' && segs[last] === 'export') {
    verb = 'export';
    last--;
  } else if (method === 'POST' && last > 0 && isParam(segs[last - 1]) && !segs[last]!.endsWith('s')) {
    verb = segs[last]!.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()); // an action on one record
    last--;
  } else if (method === 'GET' && !isParam(segs[last]) && segs[last]!.endsWith('s')) {
    verb = 'list';
  }
  const words = segs
    .slice(0, last + 1)
    .map((s, i) => {
      if (isParam(s)) return '';
      const one = isParam(segs[i + 1]) || (i === last && verb !== 'list' && verb !== 'export' && verb !== 'get');
      return toWords(one ? singular(s) : s).join('');
    })
    .join('');
  return verb + words;
}

export interface DocInput {
  method: string;
  url: string;
  access: string;
  hasInput: boolean;
  /** The success status and its JSON schema (output), if the route answers JSON. */
  status: number;
  json?: JsonSchema;
  download?: Download;
  /** Problem statuses beyond the ones derived from the route's shape, with their own schema if they extend Problem. */
  problems: Record<number, JsonSchema | true>;
}

/** Problem statuses a route can answer: 400 with input, 401/403 unless public, 404 with an id in the path, plus declared ones. */
export function problemStatuses(d: Pick<DocInput, 'url' | 'access' | 'hasInput' | 'problems'>): number[] {
  const s = new Set<number>();
  if (d.hasInput) s.add(400);
  if (d.access !== 'public') s.add(401).add(403);
  if (/\/:[A-Za-z]+/.test(d.url)) s.add(404);
  for (const k of Object.keys(d.problems)) s.add(Number(k));
  return [...s].sort((a, b) => a - b);
}

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The `response` part of the route's fastify schema, as @fastify/swagger reads it. */
export function docResponses(d: DocInput): Record<string, unknown> {
  const content: Record<string, { schema: JsonSchema }> = {};
  if (d.json) content['application/json'] = { schema: d.json };
  if (d.download) content[DOWNLOAD_TYPES[d.download]] = { schema: { type: 'string', format: 'binary' } };
  const out: Record<string, unknown> = {
    [d.status]: Object.keys(content).length ? { description: 'Success', content } : { description: 'Success', type: 'null' },
  };
  for (const status of problemStatuses(d)) {
    const own = d.problems[status];
    out[status] = {
      description: PROBLEM_TEXT[status] ?? 'Error',
      content: { 'application/problem+json': { schema: own && own !== true ? own : PROBLEM_REF } },
    };
  }
  return out;
}

/**
 * Moves every `$defs` block of the document's schemas into `components/schemas` and points
 * their `$ref`s there: zod writes `#/$defs/X` relative to the schema it generated, which
 * inside an OpenAPI document resolves against the document root and misses.
 */
export function hoistDefs(doc: Record<string, unknown>): Record<string, unknown> {
  const components = (doc.components ??= {}) as Record<string, Record<string, unknown>>;
  const schemas = (components.schemas ??= {});
  const walk = (node: unknown, visit: (obj: Record<string, unknown>) => void): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
    if (!node || typeof node !== 'object') return;
    visit(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, visit);
  };
  walk(doc.paths, (obj) => {
    const defs = obj.$defs as Record<string, unknown> | undefined;
    if (!defs) return;
    delete obj.$defs;
    // Names like `__schema0` are local to one generated schema: rename them before they meet another's.
    const names = new Map(Object.keys(defs).map((n) => [`#/$defs/${n}`, n]));
    const relink = (o: Record<string, unknown>) => {
      if (typeof o.$ref === 'string' && names.has(o.$ref)) o.$ref = `#/components/schemas/${names.get(o.$ref)}`;
    };
    for (const [name, def] of Object.entries(defs)) if (name.startsWith('__')) names.set(`#/$defs/${name}`, nameFor(schemas, def));
    walk(obj, relink);
    walk(defs, relink);
    for (const [ref, target] of names) {
      const def = defs[ref.slice('#/$defs/'.length)];
      const seen = schemas[target];
      if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(def))
        throw new Error(`OpenAPI: two different schemas named ${target}`);
      schemas[target] = def;
    }
  });
  // A draft marker per schema is noise inside the document (OpenAPI 3.1 declares the dialect).
  walk(doc, (obj) => {
    if (typeof obj.$schema === 'string') delete obj.$schema;
  });
  return doc;
}

/** An anonymous definition gets a name from its content, so the same one in two routes is stored once. */
function nameFor(schemas: Record<string, unknown>, def: unknown): string {
  const text = JSON.stringify(def);
  for (const [k, v] of Object.entries(schemas)) if (k.startsWith('Schema') && JSON.stringify(v) === text) return k;
  let i = 1;
  while (schemas[`Schema${i}`] !== undefined) i++;
  return `Schema${i}`;
}

/** The document-wide part of the @fastify/swagger options (a fresh object: hoistDefs adds to it). */
export const openapiBase = () => ({
  openapi: '3.1.0',
  info: {
    title: 'Wushe API (五社)',
    version: '0.1.0',
    description: 'REST API of the Wushe platform. Errors are RFC 9457 problem details (`application/problem+json`).',
  },
  servers: [{ url: '/', description: 'This server' }],
  components: {
    securitySchemes: {
      session: { type: 'apiKey' as const, in: 'cookie' as const, name: 'wushe_sid' },
      publicSession: { type: 'apiKey' as const, in: 'cookie' as const, name: 'wushe_pub' },
    },
    schemas: { Problem: structuredClone(problemJsonSchema) } as Record<string, JsonSchema>,
  },
  security: [{ session: [] }],
});
