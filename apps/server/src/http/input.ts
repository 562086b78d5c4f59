// The shared input guard: text PostgreSQL cannot store (a NUL) or that is not valid Unicode
// (a lone UTF-16 surrogate) is refused once, here, for the params, query and JSON body of
// every route, public ones included, before any handler or database sees it. Raw uploads
// (Buffers) are not walked: the import checks each cell and rejects that row only.
import type { FastifyInstance } from 'fastify';
import { badRequest, type FieldError } from './errors.ts';

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Does this string hold a NUL or a lone surrogate? */
export const isBadText = (s: string): boolean => BAD_TEXT.test(s);

/** The string with each NUL or lone surrogate replaced by U+FFFD, for echoing refused text back (a report). */
export const withoutBadText = (s: string): string => s.replace(new RegExp(BAD_TEXT.source, 'g'), '\ufffd');

const MAX_DEPTH = 32;

/** The paths (as route validation names them: `a.b.0`) of every bad string or key in a value. */
export function badTextPaths(value: unknown, path: string[] = [], out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (isBadText(value)) out.push(path.join('.'));
    return out;
  }
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value) || depth > MAX_DEPTH) return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => badTextPaths(v, [...path, String(i)], out, depth + 1));
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    // A bad key names itself by its position: the key cannot be echoed back safely.
    if (isBadText(k)) out.push([...path, '(key)'].join('.'));
    else badTextPaths(v, [...path, k], out, depth + 1);
  }
  return out;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const fields: FieldError[] = [];
    for (const [where, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      for (const p of badTextPaths(value)) fields.push({ path: p || where, key: 'error.badText' });
    }
    if (fields.length) throw badRequest(fields);
  });
}
