// Continuing-education cycles in SQL, for many workers at once (as packages/core ceCycle and
// ceStandingOn count one): the cycle containing a day from the earliest registration in
// three-year steps (PostgreSQL's date + years clamps 29 February as core's addYears), the
// requirement of the highest level held, and the hours credited from the cycle's start to
// `until` — sessions attended (the ce_credits rollup, migration 0041) and approved entries.
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
}

/**
 * CTEs ending in `cyc`: one row per worker on the register on the day with a registered
 * social-work certificate — id, key, n, start, end, rank (1–3), need, done (hours).
 */
export function cyclesCte(i: CycleSqlInput): SQL {
  const day = sql`${i.day}::date`;
  const until = i.until === 'day' ? day : sql`cy."end"`;
  const cols = sql`min(registered_on) FILTER (WHERE registered_on <= ${day}) AS anchor,
    max(CASE kind WHEN 'assistant' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'senior' THEN 3 END) AS rank`;
  // a province: one grouped scan of the certificates; a city and below: an index probe per worker
  const cw =
    i.prefix.length <= 2
      ? sql`JOIN (SELECT worker_id, ${cols} FROM worker_certificates WHERE ${inArea(sql`area_code`, i.prefix)}
          AND kind IN ('assistant', 'intermediate', 'senior') AND obtained_on <= ${day} GROUP BY worker_id) c ON c.worker_id = w.id`
      : sql`CROSS JOIN LATERAL (SELECT ${cols} FROM worker_certificates
          WHERE worker_id = w.id AND kind IN ('assistant', 'intermediate', 'senior') AND obtained_on <= ${day}) c`;
  return sql`k AS (
      SELECT w.id, ${i.key} AS key, c.anchor, c.rank, ((extract(year FROM ${day}) - extract(year FROM c.anchor))::int / 3) AS k0
      FROM workers w ${cw}
      WHERE ${inArea(sql`w.area_code`, i.prefix)} AND c.anchor IS NOT NULL
        AND (w.started_in_field_on IS NULL OR w.started_in_field_on <= ${day}) AND (w.left_on IS NULL OR w.left_on >= ${day})
    ), cy AS (
      SELECT id, key, n + 1 AS n, rank, (anchor + make_interval(years => 3 * n))::date AS start,
        (anchor + make_interval(years => 3 * (n + 1)))::date - 1 AS "end",
        CASE rank WHEN 1 THEN ${i.required.assistant ?? 0} WHEN 2 THEN ${i.required.intermediate ?? 0} ELSE ${i.required.senior ?? 0} END::numeric AS need
      FROM (SELECT id, key, anchor, rank, CASE WHEN (anchor + make_interval(years => 3 * k0))::date > ${day} THEN k0 - 1 ELSE k0 END AS n FROM k) x
    ), cyc AS (
      SELECT cy.*,
        coalesce((SELECT sum(c.hours) FROM ce_credits c WHERE c.worker_id = cy.id AND c.day BETWEEN cy.start AND ${until}), 0)
        + coalesce((SELECT sum(e.hours) FROM ce_entries e WHERE e.worker_id = cy.id AND e.status = 'approved'
          AND e.on_date BETWEEN cy.start AND ${until}), 0) AS done
      FROM cy
    )`;
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
}

/** A page of the workers behind in their current cycle on `day` (hours to its end), nearest end first, and how many in all. */
export async function behindPage(
  owner: Db,
  f: { prefix: string; day: string; required: Record<string, number>; level?: string; withinDays?: number; limit: number; offset: number },
): Promise<{ items: BehindRow[]; total: number }> {
  const found = await rows<BehindRow & { total: number }>(
    owner,
    sql`WITH ${cyclesCte({ prefix: f.prefix, day: f.day, until: 'end', required: f.required, key: sql`null::text` })},
      b AS (SELECT cyc.*, need - done AS missing, "end" - ${f.day}::date AS "daysLeft" FROM cyc
        WHERE done < need ${f.level ? sql`AND rank = ${['assistant', 'intermediate', 'senior'].indexOf(f.level) + 1}` : sql``}
          ${f.withinDays === undefined ? sql`` : sql`AND "end" - ${f.day}::date <= ${f.withinDays}`})
      SELECT b.n, b.start::text AS start, b."end"::text AS "end", (ARRAY['assistant', 'intermediate', 'senior'])[b.rank] AS level,
        b.need::float8 AS required, round(b.done, 1)::float8 AS hours, round(b.missing, 1)::float8 AS missing, b."daysLeft",
        w.id AS "workerId", w.name, o.name AS "orgName", coalesce(a.name, w.area_code) AS "areaName", count(*) OVER ()::int AS total
      FROM b JOIN workers w ON w.id = b.id LEFT JOIN orgs o ON o.id = w.org_id LEFT JOIN areas a ON a.code = w.area_code
      ORDER BY b."daysLeft", b.missing DESC, w.name, w.id LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = found[0]?.total ?? (f.offset > 0 ? (await behindPage(owner, { ...f, limit: 1, offset: 0 })).total : 0);
  return { items: found.map(({ total: _t, ...r }) => r), total };
}
