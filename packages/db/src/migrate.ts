// Applies the committed SQL migrations (drizzle-kit's folder and journal) in order, each in
// its own transaction, as the owner. Safe to run at every start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './client.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

interface Journal {
  entries: { idx: number; tag: string }[];
}

export async function migrate(database: Database): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as Journal;
  return database.owner(async (db) => {
    await db.execute(
      sql`CREATE TABLE IF NOT EXISTS wushe_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied: string[] = [];
    await db.transaction(async (tx) => {
      // Two servers starting at once on one PostgreSQL must not both migrate.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(5714)`);
      const done = new Set((await rows<{ tag: string }>(tx as never, sql`SELECT tag FROM wushe_migrations`)).map((r) => r.tag));
      for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
        if (done.has(entry.tag)) continue;
        const text = fs.readFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), 'utf8');
        for (const statement of text.split('--> statement-breakpoint')) {
          if (statement.trim()) await tx.execute(sql.raw(statement));
        }
        await tx.execute(sql`INSERT INTO wushe_migrations (tag) VALUES (${entry.tag})`);
        applied.push(entry.tag);
      }
    });
    return applied;
  });
}
