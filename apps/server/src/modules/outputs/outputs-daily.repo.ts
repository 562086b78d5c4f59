// The additive outputs of a province or a city by child area (len 4 or 6) from the per-district
// daily rows the triggers keep (migration 0037): the same figures, in the same shapes, as the
// live scans of outputs.repo.ts, read from ~a row per district and day instead of a row per
// case, activity, attendance or answer.
import { inArea, rows, type Db } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { Keyed, Period } from './outputs.repo.ts';

type Rolled = Period & { len: number };

const inPeriod = (p: Rolled) => sql`${inArea(sql`area_code`, p.prefix)} AND day BETWEEN ${p.fromDate}::date AND ${p.toDate}::date`;

/**
 * Cases opened and closed in the period (by month too), and active in it: opened on or before its
 * end less closed before its start (a case closes on or after the day it opened: migration 0037).
 */
export function dailyCaseCounts(db: Db, p: Rolled) {
  return rows<Keyed & { opened: number; active: number; closed: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm,
        coalesce(sum(o) FILTER (WHERE day >= ${p.fromDate}::date), 0)::int AS opened,
        (coalesce(sum(o), 0) - coalesce(sum(c) FILTER (WHERE day < ${p.fromDate}::date), 0))::int AS active,
        coalesce(sum(c) FILTER (WHERE day >= ${p.fromDate}::date), 0)::int AS closed
      FROM (SELECT left(area_code, ${p.len}) AS k, CASE WHEN day >= ${p.fromDate}::date THEN to_char(day, 'YYYY-MM') END AS m, day,
          cases_opened AS o, cases_closed AS c
        FROM outputs_daily WHERE ${inArea(sql`area_code`, p.prefix)} AND day <= ${p.toDate}::date AND (cases_opened <> 0 OR cases_closed <> 0)) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

export function dailyActivityCounts(db: Db, p: Rolled) {
  return rows<Keyed & { activities: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, coalesce(sum(n), 0)::int AS activities
      FROM (SELECT left(area_code, ${p.len}) AS k, to_char(day, 'YYYY-MM') AS m, activities AS n FROM outputs_daily
        WHERE ${inPeriod(p)} AND activities <> 0) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

export function dailyPersonTimeCounts(db: Db, p: Rolled) {
  return rows<Keyed & { personTimes: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, coalesce(sum(n), 0)::int AS "personTimes"
      FROM (SELECT left(area_code, ${p.len}) AS k, to_char(day, 'YYYY-MM') AS m, person_times AS n FROM outputs_daily
        WHERE ${inPeriod(p)} AND person_times <> 0) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

export function dailySatisfactionSums(db: Db, p: Rolled) {
  return rows<{ k: string | null; gk: number; total: number; answers: number }>(
    db,
    sql`SELECT k, grouping(k)::int AS gk, coalesce(sum(t), 0)::int AS total, coalesce(sum(a), 0)::int AS answers
      FROM (SELECT left(area_code, ${p.len}) AS k, sat_total AS t, sat_answers AS a FROM outputs_daily
        WHERE ${inPeriod(p)} AND sat_answers <> 0) x
      GROUP BY GROUPING SETS ((k), ())`,
  );
}
