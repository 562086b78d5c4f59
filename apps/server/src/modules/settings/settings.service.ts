// Installation-wide settings: the editable code lists and the visit interval per care level.
// Both are reference data for the whole installation, so writes run in the installation's
// scope, and a new interval table moves every active resident's due date at once.
import { visitIntervals, type codeListEntry, type CodeListName, type VisitInterval } from '@wushe/core';
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { badRequest, type FieldError } from '../../http/errors.ts';
import { loadVisitIntervals } from '../residents/residents.write.ts';

type Entry = z.output<typeof codeListEntry>;

const entriesOf = (db: Db, list: string) =>
  rows<Entry>(
    db,
    sql`SELECT code, label_zh AS "labelZh", label_en AS "labelEn", sort, active FROM code_lists WHERE list = ${list} ORDER BY sort, code`,
  );

export async function getCodeList(ctx: Ctx, list: CodeListName) {
  const items = await ctx.db.run((db) => entriesOf(db, list));
  return { items, total: items.length };
}

/** Is a code referenced by a resident or a contact anywhere in the installation? */
async function codeInUse(db: Db, list: CodeListName, code: string): Promise<boolean> {
  const q =
    list === 'resident_category'
      ? sql`SELECT EXISTS (SELECT 1 FROM residents WHERE categories @> ARRAY[${code}]::text[]) AS used`
      : list === 'assistance_status'
        ? sql`SELECT EXISTS (SELECT 1 FROM residents WHERE assistance_status = ${code}) AS used`
        : sql`SELECT EXISTS (SELECT 1 FROM contacts WHERE service_type = ${code}) AS used`;
  const [r] = await rows<{ used: boolean }>(db, q);
  return r?.used === true;
}

/**
 * Replaces a list with the given entries. Codes are never deleted (records keep pointing at
 * them): one left out is deactivated if unused, and refused if in use (deactivate it instead).
 */
export async function replaceCodeList(ctx: Ctx, list: CodeListName, items: Entry[]) {
  const seen = new Set<string>();
  const dupes: FieldError[] = [];
  items.forEach((e, i) => {
    if (seen.has(e.code)) dupes.push({ path: `items.${i}.code`, key: 'codeList.duplicate', params: { code: e.code } });
    seen.add(e.code);
  });
  if (dupes.length) throw badRequest(dupes);
  return ctx.database.tx(ctx.installation.scope, async (db) => {
    const before = await entriesOf(db, list);
    const dropped = before.filter((e) => !seen.has(e.code));
    const problems: FieldError[] = [];
    for (const e of dropped) {
      if (e.active && (await codeInUse(db, list, e.code)))
        problems.push({ path: 'items', key: 'codeList.inUse', params: { code: e.code } });
    }
    if (problems.length) throw badRequest(problems);
    for (const e of items) {
      await db.execute(sql`INSERT INTO code_lists (list, code, label_zh, label_en, sort, active)
        VALUES (${list}, ${e.code}, ${e.labelZh}, ${e.labelEn}, ${e.sort}, ${e.active})
        ON CONFLICT (list, code) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en, sort = excluded.sort, active = excluded.active`);
    }
    for (const e of dropped) await db.execute(sql`UPDATE code_lists SET active = false WHERE list = ${list} AND code = ${e.code}`);
    const after = await entriesOf(db, list);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'codeList.update',
        targetType: 'code_list',
        targetId: list,
        areaCode: ctx.installation.areaCode,
        before,
        after,
      }),
    );
    return { items: after, total: after.length };
  });
}

export const getVisitIntervals = (ctx: Ctx) => ctx.db.run((db) => loadVisitIntervals(db));

const intervalSql = (i: VisitInterval) => `${i.count} ${i.unit}s`;

/**
 * Stores the interval table and recomputes next_due_on of every active resident in one
 * UPDATE (PostgreSQL's month arithmetic clamps to month end, as the core rules do). The
 * version is not bumped: the due date is derived, and open edit forms must not go stale.
 */
export async function setVisitIntervals(ctx: Ctx, value: z.output<typeof visitIntervals>) {
  return ctx.database.tx(ctx.installation.scope, async (db) => {
    const before = await loadVisitIntervals(db);
    await db.execute(sql`INSERT INTO settings (key, value, updated_at) VALUES ('visit_intervals', ${JSON.stringify(value)}::jsonb, now())
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
    const levels = ([1, 2, 3, 4] as const).map((l) => sql`WHEN ${l} THEN ${intervalSql(value[l])}::interval`);
    const res = await rows<{ n: string }>(
      db,
      sql`WITH u AS (UPDATE residents SET next_due_on = (coalesce(last_contact_on, registered_on) + CASE care_level ${sql.join(levels, sql` `)} END)::date
        WHERE status = 'active' RETURNING 1) SELECT count(*) AS n FROM u`,
    );
    const recomputed = Number(res[0]?.n ?? 0);
    await appendAudit(
      db,
      byActor(ctx, {
        action: 'settings.visitIntervals',
        targetType: 'settings',
        targetId: 'visit_intervals',
        areaCode: ctx.installation.areaCode,
        before,
        after: { ...value, recomputed },
      }),
    );
    return value;
  });
}
