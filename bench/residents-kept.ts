// Keeping the residents benchmark's database between runs (development only): BENCH_KEEP_DB=1
// keeps the database and writes what a later run needs (key file, sample people, counts) to
// bench/.tmp/<db>.json; BENCH_DB=<name> measures against that database without loading it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { generateKeyFile } from '@wushe/db';
import pg from 'pg';
import type { Counts } from './data.ts';
import { withDatabaseName } from './data.ts';
import type { Sample } from './residents-data.ts';

const TMP = path.join(path.dirname(fileURLToPath(import.meta.url)), '.tmp');

export interface Prepared {
  dbName: string;
  url: string;
  keyFile: ReturnType<typeof generateKeyFile>;
  sample: Sample[];
  importCommunities: string[];
  counts: Counts;
  load: Record<string, number>;
}

export function saveKept(p: Prepared, log: (m: string) => void): void {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `${p.dbName}.json`);
  fs.writeFileSync(file, JSON.stringify(p), { mode: 0o600 });
  log(`Kept ${p.dbName}; measure it again with BENCH_DB=${p.dbName} (state in ${path.relative(process.cwd(), file)})`);
}

export async function reuseKept(adminUrl: string, dbName: string, log: (m: string) => void): Promise<Prepared> {
  const file = path.join(TMP, `${dbName}.json`);
  if (!fs.existsSync(file)) throw new Error(`BENCH_DB=${dbName}: no ${file}; keep a database with BENCH_KEEP_DB=1 first`);
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Prepared;
  log(`Reusing database ${dbName} (loaded earlier; load figures are from that run)`);
  return { ...p, url: withDatabaseName(adminUrl, dbName) };
}

/** Removes what earlier runs imported into a kept database, so the files import as new again. */
export async function forgetImports(url: string, importer: string, log: (m: string) => void): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    const ids = `SELECT id FROM residents WHERE created_by = $1`;
    await c.query(`DELETE FROM care_level_changes WHERE resident_id IN (${ids})`, [importer]);
    const r = await c.query(`DELETE FROM residents WHERE created_by = $1`, [importer]);
    await c.query('COMMIT');
    if (r.rowCount) log(`  removed ${r.rowCount} residents imported by an earlier run`);
    await c.query('VACUUM ANALYZE residents');
  } finally {
    await c.end();
  }
}
