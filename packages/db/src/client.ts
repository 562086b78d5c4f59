// The database client factory: embedded PGlite (default) or PostgreSQL, the same schema and
// queries on both. Application work always runs as the `wushe_app` role, which RLS applies
// to, with `wushe.scope` set to the caller's area prefix. Owner work (migrations, seeding,
// audit verification) is explicit.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  /** Runs fn on one connection as wushe_app with `wushe.scope` = scope ('' = every area: system work only). */
  run<T>(scope: string, fn: (db: Db) => Promise<T>): Promise<T>;
  /** As run, inside a transaction: everything or nothing. */
  tx<T>(scope: string, fn: (db: Db) => Promise<T>): Promise<T>;
  /** Runs fn as wushe_app in whatever scope the connection has (for SECURITY DEFINER calls). */
  any<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Runs fn as the database owner; RLS does not apply. */
  owner<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Raw SQL as the owner, as node-postgres answers it: the job queue's own statements (its
   * schema install sends several statements in one string, without parameters).
   */
  ownerSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
  /** PGlite only: the whole database as one tarball (test templates load it with `image`). */
  dumpImage?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… ; without it an embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; undefined = in memory. */
  dataDir?: string;
  /** PGlite: start from this tarball (dumpImage) instead of an empty database. */
  image?: Blob;
  poolSize?: number;
}

// Digits, or `none` (matches no area: a connection before any caller's scope is known).
const SCOPE_PATTERN = /^(\d{0,18}|none)$/;

function scopeStatement(scope: string): string {
  // The scope is digits only, checked here, so it can be inlined into one round trip.
  if (!SCOPE_PATTERN.test(scope)) throw new Error(`invalid scope ${JSON.stringify(scope)}`);
  return `SET ROLE wushe_app; SELECT set_config('wushe.scope', '${scope}', false)`;
}

/** Rows of a raw SQL query, on either driver. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

// drizzle's own query preparation, which it does not type for raw SQL.
interface Preparable {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ): { execute(): Promise<unknown> };
  };
}

const statementNames = new Map<string, string>();

/**
 * As rows, as a named prepared statement: PostgreSQL keeps the plan per connection instead of
 * planning on every call (on the hot list reads planning cost as much as running). Only for
 * queries whose text takes a few shapes (values must be parameters), since every shape stays
 * prepared on every pooled connection. Plans are still checked against the role and RLS.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const d = db as unknown as Preparable;
  const built = d.dialect.sqlToQuery(query);
  let name = statementNames.get(built.sql);
  if (!name) {
    name = `w_${crypto.createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
    if (statementNames.size < 1000) statementNames.set(built.sql, name);
  }
  const res = (await d.session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return res.rows;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 10) : openPglite(opts.dataDir, opts.image);
}

type TaggedClient = pg.PoolClient & { wusheScope?: string; wusheDb?: Db };

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const withClient = async <T>(scope: string | null | undefined, fn: (db: Db) => Promise<T>): Promise<T> => {
    const client = (await pool.connect()) as TaggedClient;
    let broken: Error | undefined;
    try {
      if (scope === undefined) {
        if (client.wusheScope === undefined) {
          await client.query(scopeStatement('none'));
          client.wusheScope = 'none';
        }
      } else if (scope === null) {
        await client.query('RESET ROLE');
        client.wusheScope = undefined;
      } else if (client.wusheScope !== scope) {
        await client.query(scopeStatement(scope));
        client.wusheScope = scope;
      }
      client.wusheDb ??= drizzleNodePg(client, { schema }) as unknown as Db;
      return await fn(client.wusheDb);
    } catch (e) {
      // Connection-level failures retire the client; query errors keep it.
      if (!(e instanceof Error) || !('code' in e)) broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      if (scope === null) client.wusheScope = undefined;
      client.release(broken);
    }
  };
  return {
    kind: 'postgres',
    run: (scope, fn) => withClient(scope, fn),
    tx: (scope, fn) => withClient(scope, (db) => db.transaction((t) => fn(t as unknown as Db))),
    any: (fn) => withClient(undefined, fn),
    owner: (fn) => withClient(null, fn),
    ownerSql: async (text, values) => {
      const client = (await pool.connect()) as TaggedClient;
      try {
        if (client.wusheScope !== undefined) await client.query('RESET ROLE');
        client.wusheScope = undefined;
        return await client.query(text, values);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** One process owns a PGlite folder; a second opener is refused with a clear message. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'wushe.lock');
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first (or set WUSHE_DATA_DIR to another folder).`,
        );
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

async function openPglite(dataDir?: string, image?: Blob): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
    extensions: { pg_trgm },
    ...(image ? { loadDataDir: image } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let current: string | undefined; // the scope in force; undefined = owner
  let queue: Promise<unknown> = Promise.resolve();
  // PGlite is one connection: units of work take turns so a scope cannot change under one.
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };
  const withScope = <T>(scope: string | null | undefined, fn: (db: Db) => Promise<T>) =>
    exclusive(async () => {
      if (scope === undefined) {
        if (current === undefined) {
          await client.exec(scopeStatement('none'));
          current = 'none';
        }
      } else if (scope === null) {
        if (current !== undefined) await client.exec('RESET ROLE');
        current = undefined;
      } else if (current !== scope) {
        await client.exec(scopeStatement(scope));
        current = scope;
      }
      return fn(db);
    });
  return {
    kind: 'pglite',
    run: (scope, fn) => withScope(scope, fn),
    tx: (scope, fn) => withScope(scope, (d) => d.transaction((t) => fn(t as unknown as Db))),
    any: (fn) => withScope(undefined, fn),
    owner: (fn) => withScope(null, fn),
    ownerSql: (text, values) =>
      withScope(null, async () => {
        // PGlite's query() takes one statement; exec() takes several but no parameters.
        if (values?.length) return client.query(text, values);
        const results = await client.exec(text);
        return (results.length === 1 ? results[0] : results) as { rows: unknown[] };
      }),
    close: async () => {
      await queue;
      await client.close();
      unlock();
    },
    dumpImage: () => exclusive(() => client.dumpDataDir('none')),
  };
}

export { sql };
