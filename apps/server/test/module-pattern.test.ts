// The module recipe (docs/adding-a-module.md), checked on the source: SQL lives only in
// *.repo.ts files, and "this area and below" is written one way, inArea(), never as a
// LIKE on the scope. Reads files only; no database.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Files other parts of issue 7 are rewriting in parallel (the job queue, the hardening).
// lead: remove each entry once its branch is merged and the file follows the recipe.
const NOT_YET: Record<string, string> = {};

function sourceFiles(dir: string, ext = /\.ts$/): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel, ext);
    return ext.test(e.name) ? [rel] : [];
  });
}

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const SERVER = [...sourceFiles('apps/server/src/modules'), ...sourceFiles('apps/server/src/audit')];

describe('the module pattern', () => {
  it('keeps SQL in *.repo.ts files: nothing else in a module imports drizzle-orm or writes sql``', () => {
    const offending = SERVER.filter((f) => !f.endsWith('.repo.ts') && !(f in NOT_YET)).filter((f) => {
      const text = read(f);
      return /from 'drizzle-orm'/.test(text) || /\bsql`/.test(text);
    });
    expect(offending).toEqual([]);
    expect(SERVER.filter((f) => f.endsWith('.repo.ts')).length).toBeGreaterThan(10);
  });

  it('writes "this area and below" with inArea(), never as LIKE on a scope', () => {
    const files = [...sourceFiles('apps/server/src'), ...sourceFiles('packages/db/src')].filter((f) => !(f in NOT_YET));
    // `LIKE ${scope + '%'}` and the policy-style `LIKE current_setting(…) || '%'`.
    const idiom = /LIKE\s+\$\{[^}]*\+\s*'%'\s*\}|LIKE\s+current_setting/;
    expect(files.filter((f) => idiom.test(read(f)))).toEqual([]);
  });

  it('types service inputs from the zod schemas, not hand-kept copies', () => {
    // An interface named like a request (…Input, …Body, …Query, …Create, …Update) in a service
    // is a copy of a schema; use z.output<typeof schema> (or a type core exports from it).
    const services = SERVER.filter((f) => f.endsWith('.service.ts') && !(f in NOT_YET));
    const copies = services.flatMap((f) =>
      [...read(f).matchAll(/^export interface (\w+(?:Input|Body|Query|Create|Update))\b/gm)].map((m) => `${f}: ${m[1]}`),
    );
    expect(copies).toEqual([]);
  });

  it('takes texts from the catalogs, never from an inline language ternary', () => {
    // `lang === 'en' ? … : …` or `en ? … : …` scatters translations: texts belong in a
    // catalog (translate/t), a { zh, en } pair goes through inLang().
    const files = [
      ...sourceFiles('apps/server/src'),
      ...sourceFiles('apps/web/src/pages', /\.tsx?$/),
      ...sourceFiles('apps/web/src/components', /\.tsx?$/),
    ];
    // Across line breaks too (prettier wraps long ternaries); `en?.x`, `en ?? x`, `en?: T` are not ternaries.
    const ternary = /={2,3}\s*['"]en['"]\s*\?|\ben\s*\?\s*[^.?:\s]/g;
    const offending = files.flatMap((f) => {
      const text = read(f);
      const lines = text.split('\n');
      return [...text.matchAll(ternary)].map((m) => {
        const n = text.slice(0, m.index).split('\n').length;
        return `${f}:${n}: ${lines[n - 1]!.trim()}`;
      });
    });
    expect(offending).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });
});
