// Installation-wide reference data (code lists, settings): no area scope (see NOT_AREA_SCOPED
// in the RLS test). Recomputing due dates touches residents, which RLS scopes as usual.
import {
  DEFAULT_VISIT_INTERVALS,
  visitIntervals,
  type codeListEntry,
  type CodeListName,
  type VisitInterval,
  type VisitIntervals,
} from '@wushe/core';
import { rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';

export type CodeListEntry = z.output<typeof codeListEntry>;

export const codeListEntries = (db: Db, list: string) =>
  rows<CodeListEntry>(
    db,
    sql`SELECT code, label_zh AS "labelZh", label_en AS "labelEn", sort, active FROM code_lists WHERE list = ${list} ORDER BY sort, code`,
  );

/** Is a code referenced by a resident or a contact anywhere the scope reaches? */
export async function codeInUse(db: Db, list: CodeListName, code: string): Promise<boolean> {
  const q =
    list === 'resident_category'
      ? sql`SELECT EXISTS (SELECT 1 FROM residents WHERE categories @> ARRAY[${code}]::text[]) AS used`
      : list === 'assistance_status'
        ? sql`SELECT EXISTS (SELECT 1 FROM residents WHERE assistance_status = ${code}) AS used`
        : list === 'visit_checklist'
          ? sql`SELECT EXISTS (SELECT 1 FROM contacts WHERE checklist @> jsonb_build_array(jsonb_build_object('item', ${code}::text))) AS used`
          : sql`SELECT EXISTS (SELECT 1 FROM contacts WHERE service_type = ${code}) AS used`;
  const [r] = await rows<{ used: boolean }>(db, q);
  return r?.used === true;
}

export async function upsertCodeListEntry(db: Db, list: CodeListName, e: CodeListEntry): Promise<void> {
  await db.execute(sql`INSERT INTO code_lists (list, code, label_zh, label_en, sort, active)
    VALUES (${list}, ${e.code}, ${e.labelZh}, ${e.labelEn}, ${e.sort}, ${e.active})
    ON CONFLICT (list, code) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en, sort = excluded.sort, active = excluded.active`);
}

export async function deactivateCode(db: Db, list: CodeListName, code: string): Promise<void> {
  await db.execute(sql`UPDATE code_lists SET active = false WHERE list = ${list} AND code = ${code}`);
}

/** The visit interval per care level from settings (the default table if unset or damaged). */
export async function loadVisitIntervals(db: Db): Promise<VisitIntervals> {
  const [row] = await rows<{ value: unknown }>(db, sql`SELECT value FROM settings WHERE key = 'visit_intervals'`);
  const parsed = visitIntervals.safeParse(row?.value);
  return parsed.success ? (parsed.data as VisitIntervals) : DEFAULT_VISIT_INTERVALS;
}

export async function saveVisitIntervals(db: Db, value: z.output<typeof visitIntervals>): Promise<void> {
  await db.execute(sql`INSERT INTO settings (key, value, updated_at) VALUES ('visit_intervals', ${JSON.stringify(value)}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
}

const intervalSql = (i: VisitInterval) => `${i.count} ${i.unit}s`;

/**
 * next_due_on of every active resident the scope reaches, in one UPDATE (PostgreSQL's month
 * arithmetic clamps to month end, as the core rules do); how many were recomputed.
 */
export async function recomputeDueDates(db: Db, value: z.output<typeof visitIntervals>): Promise<number> {
  const levels = ([1, 2, 3, 4] as const).map((l) => sql`WHEN ${l} THEN ${intervalSql(value[l])}::interval`);
  const res = await rows<{ n: string }>(
    db,
    sql`WITH u AS (UPDATE residents SET next_due_on = (coalesce(last_contact_on, registered_on) + CASE care_level ${sql.join(levels, sql` `)} END)::date
      WHERE status = 'active' RETURNING 1) SELECT count(*) AS n FROM u`,
  );
  return Number(res[0]?.n ?? 0);
}
