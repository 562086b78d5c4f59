// PostgreSQL errors: read their code through the driver's or Drizzle's wrapping, and log them
// without the data they carry. Drizzle's message embeds the failed query's parameters (names,
// birth dates, addresses) and the driver's message and detail quote values too, so a logged
// database error keeps only its SQLSTATE code, where it happened and a name for the statement.
import { stdSerializers } from 'pino';

interface PgFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  schema?: unknown;
  severity?: unknown;
  query?: unknown;
  cause?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

// The chain of an error and its causes, as far as they are objects (a few levels suffice).
function chainOf(e: unknown): PgFields[] {
  const out: PgFields[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    out.push(cur as PgFields);
    cur = (cur as PgFields).cause;
  }
  return out;
}

function pgCode(e: unknown): string | undefined {
  for (const link of chainOf(e)) if (typeof link.code === 'string' && SQLSTATE.test(link.code)) return link.code;
  return undefined;
}

export const isUniqueViolation = (e: unknown) => pgCode(e) === '23505';
/** The name of the constraint a write broke, through the wrapping (undefined when none). */
export const brokenConstraint = (e: unknown): string | undefined =>
  chainOf(e)
    .map((l) => l.constraint)
    .find((c): c is string => typeof c === 'string');
export const isRlsViolation = (e: unknown) => pgCode(e) === '42501';

/**
 * A name for a statement without its values: its first words, string and number literals
 * blanked (parameters are `$n` placeholders already). `insert into "residents" ("id", …`.
 */
export function statementName(sqlText: string): string {
  const words = sqlText
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/(?<![$\w])\d+(\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  return words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '');
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Is this (or a cause of it) an error from the database or Drizzle's query wrapper? */
export function isDbError(e: unknown): boolean {
  return chainOf(e).some((l) => (typeof l.code === 'string' && SQLSTATE.test(l.code)) || typeof l.query === 'string');
}

interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/** What may be logged of a database error: never its message, detail or parameters. */
export function loggableDbError(e: unknown): LoggedError {
  const chain = chainOf(e);
  const pick = (k: keyof PgFields) => chain.map((l) => str(l[k])).find(Boolean);
  const query = pick('query');
  const code = pgCode(e);
  return {
    type: 'DatabaseError',
    message: `database error ${code ?? '(no code)'}`,
    code,
    severity: pick('severity'),
    schema: pick('schema'),
    table: pick('table'),
    column: pick('column'),
    constraint: pick('constraint'),
    statement: query ? statementName(query) : undefined,
    // Only the frames: the stack's head repeats the message, values and all.
    stack:
      e instanceof Error
        ? (e.stack ?? '')
            .split('\n')
            .filter((l) => /^\s+at /.test(l))
            .join('\n')
        : '',
  };
}

/** The logger's `err` serializer: database errors without their values, others as pino logs them. */
export function serializeError(e: Error): LoggedError {
  return isDbError(e) ? loggableDbError(e) : stdSerializers.err(e);
}
