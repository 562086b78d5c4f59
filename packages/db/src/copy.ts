// Bulk loading with COPY … FROM STDIN on either driver, inside the caller's unit of work (same
// connection, same transaction). Values are encoded in COPY's text format here; the statement
// is built from fixed identifiers only (PGlite: one JSON parameter, see below). COPY is refused on tables under RLS, so callers copy
// into a temporary table and INSERT … SELECT from it (the policies then apply row by row).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { Db } from './client.ts';
import { insertJson } from './queries.ts';
import { backgroundTurn } from './turns.ts';

export type CopyValue = string | number | boolean | null | undefined | string[] | Record<string, unknown>;

/** One value in COPY text format: \N for NULL, backslash escapes for \ tab newline CR. */
function copyText(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (Array.isArray(v)) s = `{${v.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/** Rows as COPY text: columns separated by tabs, one line per row. */
export function copyLines(rows: CopyValue[][]): string {
  let out = '';
  for (const r of rows) out += r.map(copyText).join('\t') + '\n';
  return out;
}

/** The same text in pieces of up to 500 rows, made between background turns. */
async function* copyChunks(rows: CopyValue[][]): AsyncIterable<Buffer> {
  for (let i = 0; i < rows.length; i += 500) {
    await backgroundTurn();
    yield Buffer.from(copyLines(rows.slice(i, i + 500)), 'utf8');
  }
}

/** The driver client under a drizzle database or transaction object. */
const clientOf = (db: Db) => (db as unknown as { session: { client: unknown } }).session.client;

/**
 * COPY `rows` into `table` (columns in order). `table` and `columns` must be trusted
 * identifiers (they are quoted, not bound). Runs on the connection `db` is bound to.
 */
export async function copyRows(db: Db, table: string, columns: string[], rows: CopyValue[][]): Promise<void> {
  if (!rows.length) return;
  const client = clientOf(db);
  if (typeof (client as pg.PoolClient).connection === 'object') {
    const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const target = `${ident(table)} (${columns.map(ident).join(', ')})`;
    const stream = (client as pg.PoolClient).query(copyFromStream(`COPY ${target} FROM STDIN`));
    await pipeline(Readable.from(copyChunks(rows)), stream);
    return;
  }
  // PGlite's COPY reads only a server-side file ('/dev/blob'), which the application role may
  // not read; there the rows go in as one JSON parameter instead (same result, one statement).
  await insertJson(
    db,
    table,
    rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))),
    rows.length,
  );
}
