// Test databases start from a template. Migrations, built-in roles, reference data and the demo
// are prepared once per test run for each kind of database a test asks for (demo size), and
// every test app starts from a copy: on PGlite the prepared database's tarball (loading it
// skips initdb too), on PostgreSQL `CREATE DATABASE … TEMPLATE`. The first test process to need
// a template builds it under a lock folder; the others wait for its files. The folder belongs
// to the run (global-setup.ts makes and removes it). Outside vitest there is no folder, and a
// test app prepares its own database as before.
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyFile, keysFrom, openDatabase, type KeyFile } from '@wushe/db';
import pg from 'pg';
import { inject } from 'vitest';
import type { AppConfig } from '../src/config.ts';
import { prepareDatabase } from '../src/services.ts';

export interface Template {
  keyFile: KeyFile;
  /** PGlite: the prepared database. */
  image?: Blob;
  /** PostgreSQL: the template database's name. */
  database?: string;
}

const WAIT_MS = 180_000;

function runFolder(): { dir: string; run: string } | undefined {
  try {
    return inject('wusheTemplates');
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function build(config: AppConfig, residents: number, pgName: string | undefined): Promise<Template> {
  const keyFile = generateKeyFile();
  let url: string | undefined;
  if (pgName) {
    const admin = new pg.Client({ connectionString: config.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.end();
    const u = new URL(config.databaseUrl!);
    u.pathname = `/${pgName}`;
    url = u.toString();
  }
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await prepareDatabase({ ...config, databaseUrl: url }, database, undefined, keysFrom(keyFile), { residents });
    return { keyFile, image: pgName ? undefined : await database.dumpImage!(), database: pgName };
  } finally {
    await database.close();
  }
}

/**
 * The run's template for this configuration and demo size, built on first use; undefined
 * outside a vitest run. `config.databaseUrl`: the PostgreSQL server's base URL, if any.
 */
export async function templateFor(config: AppConfig, residents: number): Promise<Template | undefined> {
  const folder = runFolder();
  if (!folder) return undefined;
  const key = `${config.databaseUrl ? 'pg' : 'pglite'}_${config.demo ? 'demo' : 'base'}_${config.areaCode}_${residents}`;
  const meta = path.join(folder.dir, `${key}.json`);
  const tar = path.join(folder.dir, `${key}.tar`);
  const failed = path.join(folder.dir, `${key}.failed`);
  const read = async (): Promise<Template> => {
    const m = JSON.parse(fs.readFileSync(meta, 'utf8')) as Omit<Template, 'image'>;
    return { ...m, image: m.database ? undefined : new Blob([fs.readFileSync(tar)]) };
  };
  try {
    fs.mkdirSync(path.join(folder.dir, `${key}.lock`));
  } catch {
    // Another test process builds it: wait for its files.
    for (const until = Date.now() + WAIT_MS; Date.now() < until; await sleep(200)) {
      if (fs.existsSync(meta)) return read();
      if (fs.existsSync(failed)) throw new Error(`test template ${key} could not be built: ${fs.readFileSync(failed, 'utf8')}`);
    }
    throw new Error(`test template ${key} was not built within ${WAIT_MS / 1000} s`);
  }
  let t: Template;
  try {
    t = await build(config, residents, config.databaseUrl ? `wushe_tpl_${folder.run}_${key.toLowerCase()}` : undefined);
  } catch (e) {
    fs.writeFileSync(failed, e instanceof Error ? e.message : String(e));
    throw e;
  }
  if (t.image) fs.writeFileSync(tar, Buffer.from(await t.image.arrayBuffer()));
  fs.writeFileSync(`${meta}.tmp`, JSON.stringify({ keyFile: t.keyFile, database: t.database }));
  fs.renameSync(`${meta}.tmp`, meta); // the files are complete once this name exists
  return t;
}
