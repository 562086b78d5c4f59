// Code-list labels for everything that shows a code to a person (exports, the audit log, print):
// inactive codes included, since old records still carry them.
import type { Lang } from '@wushe/core';
import { inLang } from '@wushe/core';
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';

/** list → code → label in the language; an unknown code reads as itself. */
export type CodeLabels = (list: string, code: string) => string;

export async function codeLabels(db: Db, lang: Lang): Promise<CodeLabels> {
  const found = await rows<{ list: string; code: string; zh: string; en: string }>(
    db,
    sql`SELECT list, code, label_zh AS zh, label_en AS en FROM code_lists`,
  );
  const map = new Map(found.map((r) => [`${r.list}\u0000${r.code}`, inLang(lang, r)]));
  return (list, code) => map.get(`${list}\u0000${code}`) ?? code;
}
