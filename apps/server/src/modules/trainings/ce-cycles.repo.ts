// Continuing-education cycles in SQL, for many workers at once (as packages/core ceCycle and
// ceStandingOn count one): the cycle containing a day from the earliest registration in
// three-year steps (ce_cycle_index, migration 0042), the requirement of the highest level held,
// and the hours credited from the cycle's start to `until` — sessions attended (the ce_credits
// rollup, migration 0041) and approved entries. For today, `standingCte` reads the standing kept
// in worker_rollup (0042) and computes live only the rows it does not hold for the day.
// Read as the owner (ce_credits is owner only) after the caller's scope has narrowed `prefix`.
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

export interface CycleSqlInput {
  prefix: string;
  /** The day the cycle contains; certificates and registrations after it are not counted. */
  day: string;
  /** Hours credited up to this day (the day itself for a past date, the cycle's end for today's list). */
  until: 'day' | 'end';
  required: Record<string, number>;
  /** An extra column of the worker row (`w.`), carried as `key`. */
  key: SQL;
  /** Only these workers (a subquery of ids), each read by an index probe; and the last CTE's name (`cyc`). */
  only?: SQL;
  as?: string;
}

/** The hours required of a level's rank (1–3). */
const needOf = (rank: SQL, required: Record<string, number>) =>
  sql`(CASE ${rank} WHEN 1 THEN ${required.assistant ?? 0} WHEN 2 THEN ${required.intermediate ?? 0} ELSE ${required.senior ?? 0} END)::numeric`;

/**
 * CTEs ending in `cyc`: one row per worker on the register on the day with a registered
 * social-work certificate — id, key, n, start, end, rank (1–3), need, done (hours).
 */
export function cyclesCte(i: CycleSqlInput): SQL {
  const day = sql`${i.day}::date`;
  const until = i.until === 'day' ? day : sql`cy."end"`;
  const cols = sql`min(registered_on) FILTER (WHERE registered_on <= ${day}) AS anchor,
    max(CASE kind WHEN 'assistant' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'senior' THEN 3 END) AS rank`;
  // a province: one grouped scan of the certificates; a city and below, or a few: an index probe per worker
  const cw =
    i.prefix.length <= 2 && !i.only
      ? sql`JOIN (SELECT worker_id, ${cols} FROM worker_certificates WHERE ${inArea(sql`area_code`, i.prefix)}
          AND kind IN ('assistant', 'intermediate', 'senior') AND obtained_on <= ${day} GROUP BY worker_id) c ON c.worker_id = w.id`
      : sql`CROSS JOIN LATERAL (SELECT ${cols} FROM worker_certificates
          WHERE worker_id = w.id AND kind IN ('assistant', 'intermediate', 'senior') AND obtained_on <= ${day}) c`;
  return sql`k AS (
      SELECT w.id, ${i.key} AS key, c.anchor, c.rank, ce_cycle_index(c.anchor, ${day}) AS n
      FROM workers w ${cw}
      WHERE ${inArea(sql`w.area_code`, i.prefix)} AND c.anchor IS NOT NULL ${i.only ? sql`AND w.id IN (${i.only})` : sql``}
        AND (w.started_in_field_on IS NULL OR w.started_in_field_on <= ${day}) AND (w.left_on IS NULL OR w.left_on >= ${day})
    ), cy AS (
      SELECT id, key, n + 1 AS n, rank, (anchor + make_interval(years => 3 * n))::date AS start,
        (anchor + make_interval(years => 3 * (n + 1)))::date - 1 AS "end",
        ${needOf(sql`rank`, i.required)} AS need
      FROM k
    ), ${sql.raw(i.as ?? 'cyc')} AS (
      SELECT cy.*,
        coalesce((SELECT sum(c.hours) FROM ce_credits c WHERE c.worker_id = cy.id AND c.day BETWEEN cy.start AND ${until}), 0)
        + coalesce((SELECT sum(e.hours) FROM ce_entries e WHERE e.worker_id = cy.id AND e.status = 'approved'
          AND e.on_date BETWEEN cy.start AND ${until}), 0) AS done
      FROM cy
    )`;
}

/**
 * `cyc` as cyclesCte for today: the rows worker_rollup holds for the day as they stand, the
 * others (past their ce_until: a cycle ended, a dated record reached) computed live.
 */
export function standingCte(i: CycleSqlInput & { rollupKey: SQL }): SQL {
  const day = sql`${i.day}::date`;
  const fresh = sql`r.ce_on <= ${day} AND ${day} <= r.ce_until`;
  return sql`r AS (
      SELECT * FROM worker_rollup r WHERE ${inArea(sql`r.area_code`, i.prefix)}
        AND (r.started_on IS NULL OR r.started_on <= ${day}) AND (r.left_on IS NULL OR r.left_on >= ${day})
    ), ${cyclesCte({ ...i, only: sql`SELECT r.worker_id FROM r WHERE NOT (${fresh})`, as: 'live' })},
    cyc AS (
      SELECT r.worker_id AS id, ${i.rollupKey} AS key, r.ce_n AS n, r.ce_rank AS rank, r.ce_start AS start, r.ce_end AS "end",
        ${needOf(sql`r.ce_rank`, i.required)} AS need, ${i.until === 'day' ? sql`r.ce_hours_now` : sql`r.ce_hours`} AS done
      FROM r WHERE ${fresh} AND r.ce_start IS NOT NULL
      UNION ALL SELECT * FROM live
    )`;
}

/**
 * Recomputes up to `limit` worker_rollup rows no longer held for today (a cycle ended, a dated
 * record reached): the nightly job, so the live part of standingCte stays small. How many it did.
 */
export async function refreshStaleStandings(owner: Db, today: string, limit: number): Promise<number> {
  const stale = await rows<{ id: string }>(
    owner,
    sql`SELECT worker_id AS id FROM worker_rollup WHERE ce_until < ${today}::date OR ce_on > ${today}::date LIMIT ${limit}`,
  );
  if (stale.length) await owner.execute(sql`SELECT worker_rollup_refresh(${`{${stale.map((s) => s.id).join(',')}}`}::uuid[])`);
  return stale.length;
}

/** No JIT for this transaction: its compile time outweighs a city's scan. */
export async function noJit(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL jit = off`);
}

export interface BehindRow {
  n: number;
  start: string;
  end: string;
  level: 'assistant' | 'intermediate' | 'senior';
  required: number;
  hours: number;
  missing: number;
  daysLeft: number;
  workerId: string;
  name: string;
  orgName: string | null;
  areaName: string;
  /** For the reminder job; not part of the list's response. */
  areaCode: string;
  userId: string | null;
}

/**
 * A page of the workers behind in their current cycle on `day` (hours to its end), nearest end
 * first, and how many in all; `today` when the day is today (the rollup holds it).
 */
export async function behindPage(
  owner: Db,
  f: {
    prefix: string;
    day: string;
    today: boolean;
    required: Record<string, number>;
    level?: string;
    withinDays?: number;
    limit: number;
    offset: number;
  },
): Promise<{ items: BehindRow[]; total: number }> {
  const input = { prefix: f.prefix, day: f.day, until: 'end' as const, required: f.required, key: sql`null::text` };
  const found = await rows<BehindRow & { total: number }>(
    owner,
    sql`WITH ${f.today ? standingCte({ ...input, rollupKey: sql`null::text` }) : cyclesCte(input)},
      b AS (SELECT cyc.*, need - done AS missing, "end" - ${f.day}::date AS "daysLeft" FROM cyc
        WHERE done < need ${f.level ? sql`AND rank = ${['assistant', 'intermediate', 'senior'].indexOf(f.level) + 1}` : sql``}
          ${f.withinDays === undefined ? sql`` : sql`AND "end" - ${f.day}::date <= ${f.withinDays}`})
      SELECT b.n, b.start::text AS start, b."end"::text AS "end", (ARRAY['assistant', 'intermediate', 'senior'])[b.rank] AS level,
        b.need::float8 AS required, round(b.done, 1)::float8 AS hours, round(b.missing, 1)::float8 AS missing, b."daysLeft",
        w.id AS "workerId", w.name, o.name AS "orgName", coalesce(a.name, w.area_code) AS "areaName", w.area_code AS "areaCode",
        w.user_id AS "userId", count(*) OVER ()::int AS total
      FROM b JOIN workers w ON w.id = b.id LEFT JOIN orgs o ON o.id = w.org_id LEFT JOIN areas a ON a.code = w.area_code
      ORDER BY b."daysLeft", b.missing DESC, w.name, w.id LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = found[0]?.total ?? (f.offset > 0 ? (await behindPage(owner, { ...f, limit: 1, offset: 0 })).total : 0);
  return { items: found.map(({ total: _t, ...r }) => r), total };
}
