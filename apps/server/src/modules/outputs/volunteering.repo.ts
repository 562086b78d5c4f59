// The SQL of the 微心愿 and 志愿服务 outputs (definitions: packages/core/src/volunteers/outputs.ts):
// one grouped scan per table under the area's prefix, keyed by the child area (left(area_code,
// n)), with GROUPING SETS giving the by-month and total figures from the same scan. Statuses at
// the end of the period are each record's last event before it (DISTINCT ON over the history).
import { HOUR_DECISIONS, WISH_EVENT_STATUS } from '@wushe/core';
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import type { Keyed } from './outputs.repo.ts';

export interface VolunteeringPeriod {
  prefix: string;
  /** Child-area key length (12 for a community: its own code). */
  len: number;
  fromDate: string;
  toDate: string;
  fromTs: string;
  untilTs: string;
}

const month = (ts: SQL) => sql`to_char(${ts} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
/** The wish status an event leads to, from core's map (one truth for SQL and tests). */
const wishStatusOf = (action: SQL) =>
  sql`CASE ${action} ${sql.join(
    Object.entries(WISH_EVENT_STATUS).map(([a, s]) => sql`WHEN ${a} THEN ${s}`),
    sql` `,
  )} END`;

/** Posted, first claimed and fulfilled in the period, by the day of each. */
export function wishFlows(db: Db, p: VolunteeringPeriod) {
  return rows<Keyed & { posted: number; claimed: number; fulfilled: number; fulfilledValueFen: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm,
        count(*) FILTER (WHERE ev = 'posted')::int AS posted, count(*) FILTER (WHERE ev = 'claimed')::int AS claimed,
        count(*) FILTER (WHERE ev = 'fulfilled')::int AS fulfilled,
        coalesce(sum(value_fen) FILTER (WHERE ev = 'fulfilled'), 0)::int AS "fulfilledValueFen"
      FROM (SELECT left(w.area_code, ${p.len}) AS k, ${month(sql`e.at`)} AS m, e.ev, w.value_fen
        FROM wishes w CROSS JOIN LATERAL (VALUES ('posted', w.published_at), ('claimed', w.first_claimed_at), ('fulfilled', w.fulfilled_at)) e(ev, at)
        WHERE ${inArea(sql`w.area_code`, p.prefix)} AND e.at >= ${p.fromTs} AND e.at < ${p.untilTs}) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

/** Each wish's status at the end of the period: by key (open wishes) and by status in all. */
export function wishStatuses(db: Db, p: VolunteeringPeriod) {
  return rows<{ k: string | null; status: string | null; gk: number; gs: number; count: number; valueFen: number }>(
    db,
    sql`SELECT k, status, grouping(k)::int AS gk, grouping(status)::int AS gs, count(*)::int AS count, coalesce(sum(value_fen), 0)::int AS "valueFen"
      FROM (SELECT DISTINCT ON (e.wish_id) left(w.area_code, ${p.len}) AS k, ${wishStatusOf(sql`e.action`)} AS status, w.value_fen
        FROM wish_events e JOIN wishes w ON w.id = e.wish_id
        WHERE ${inArea(sql`e.area_code`, p.prefix)} AND e.at < ${p.untilTs} AND e.action IN (${list(Object.keys(WISH_EVENT_STATUS))})
        ORDER BY e.wish_id, e.at DESC, e.id DESC) t
      GROUP BY GROUPING SETS ((k, status), (status))`,
  );
}

/** Volunteers on the register (active) at the end of the period, by their home community. */
export function volunteersRegistered(db: Db, p: VolunteeringPeriod) {
  return rows<{ k: string | null; gk: number; registered: number }>(
    db,
    sql`SELECT k, grouping(k)::int AS gk, count(*) FILTER (WHERE status = 'active')::int AS registered
      FROM (SELECT DISTINCT ON (e.volunteer_id) left(v.area_code, ${p.len}) AS k, e.status
        FROM volunteer_events e JOIN volunteers v ON v.id = e.volunteer_id
        WHERE ${inArea(sql`v.area_code`, p.prefix)} AND e.at < ${p.untilTs}
        ORDER BY e.volunteer_id, e.at DESC, e.id DESC) t
      GROUP BY GROUPING SETS ((k), ())`,
  );
}

/** Volunteers who registered in the period. */
export function volunteersNew(db: Db, p: VolunteeringPeriod) {
  return rows<Keyed & { registered: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, count(DISTINCT volunteer_id)::int AS registered
      FROM (SELECT left(v.area_code, ${p.len}) AS k, ${month(sql`e.at`)} AS m, e.volunteer_id
        FROM volunteer_events e JOIN volunteers v ON v.id = e.volunteer_id
        WHERE ${inArea(sql`v.area_code`, p.prefix)} AND e.action = 'register' AND e.at >= ${p.fromTs} AND e.at < ${p.untilTs}) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}

/** Service done in the period, credited as decided by its end, by the activity's area. */
export function serviceCredited(db: Db, p: VolunteeringPeriod) {
  return rows<Keyed & { minutes: number; services: number; active: number }>(
    db,
    sql`SELECT k, m, grouping(k)::int AS gk, grouping(m)::int AS gm, coalesce(sum(c), 0)::int AS minutes,
        count(*)::int AS services, count(DISTINCT volunteer_id)::int AS active
      FROM (SELECT left(h.area_code, ${p.len}) AS k, to_char(h.served_on, 'YYYY-MM') AS m, h.volunteer_id, d.c
        FROM service_hours h CROSS JOIN LATERAL (
          SELECT CASE WHEN e.action = 'decline' THEN 0 ELSE coalesce(e.minutes_after, 0) END AS c FROM service_hour_events e
          WHERE e.hours_id = h.id AND e.action IN (${list(HOUR_DECISIONS)}) AND e.at < ${p.untilTs}
          ORDER BY e.at DESC, e.id DESC LIMIT 1) d
        WHERE ${inArea(sql`h.area_code`, p.prefix)} AND h.served_on >= ${p.fromDate} AND h.served_on <= ${p.toDate} AND d.c > 0) t
      GROUP BY GROUPING SETS ((k), (m), ())`,
  );
}
