// Once per test run (vitest globalSetup): a folder for the run's database templates
// (templates.ts), removed at the end with the PostgreSQL template databases made in it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    wusheTemplates: { dir: string; run: string };
  }
}

export default function setup(project: TestProject) {
  const run = crypto.randomBytes(4).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wushe-templates-${run}-`));
  project.provide('wusheTemplates', { dir, run });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      const found = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`wushe_tpl_${run}_%`]);
      for (const { datname } of found.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
}
