// SQL of the workforce dashboard (人才看板): each figure is one grouped scan of its table for the
// area, keyed by child-area prefix (or organisation within a street), so a province by city is a
// handful of statements whatever its size. Counts as packages/core (countLevels, ceStandingOn);
// apps/server/test/workforce-dashboard.test.ts checks them against those functions.
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';

const SW = sql`('assistant', 'intermediate', 'senior')`;

/** Child-area prefix of `childLen` digits of a column, or the organisation when null. */
const keyOf = (area: SQL, org: SQL, childLen: number | null) =>
  childLen ? sql`left(${area}, ${sql.raw(String(Math.trunc(childLen)))})` : sql`${org}::text`;

/** On the register on a day (as core onRegister). */
const onReg = (d: string) => sql`(st IS NULL OR st <= ${d}::date) AND (lo IS NULL OR lo >= ${d}::date)`;

export interface CertRow {
  key: string | null;
  workers: number;
  certified: number;
  assistant: number;
  intermediate: number;
  senior: number;
  trendWorkers: number[];
  trendCertified: number[];
}

/**
 * Headcount and highest level on `asOf`, and headcount and certified on each trend day: one pass
 * over the area's workers with the day each first held each level (a level once obtained is kept).
 */
export function certCounts(db: Db, prefix: string, asOf: string, days: readonly string[], childLen: number | null) {
  const first = days[0] ?? asOf;
  const each = (cond: (d: string) => SQL) =>
    sql`jsonb_build_array(${sql.join(
      days.map((d) => sql`count(*) FILTER (WHERE ${cond(d)})`),
      sql`, `,
    )})`;
  return rows<CertRow>(
    db,
    sql`WITH c AS (
        SELECT worker_id, min(obtained_on) FILTER (WHERE kind = 'assistant') AS a, min(obtained_on) FILTER (WHERE kind = 'intermediate') AS i,
          min(obtained_on) FILTER (WHERE kind = 'senior') AS s
        FROM worker_certificates WHERE ${inArea(sql`area_code`, prefix)} AND kind IN ${SW} GROUP BY worker_id
      ), p AS (
        SELECT ${keyOf(sql`w.area_code`, sql`w.org_id`, childLen)} AS key, w.started_in_field_on AS st, w.left_on AS lo, c.a, c.i, c.s,
          least(c.a, c.i, c.s) AS f
        FROM workers w LEFT JOIN c ON c.worker_id = w.id
        WHERE ${inArea(sql`w.area_code`, prefix)} AND (w.left_on IS NULL OR w.left_on >= ${first}::date)
      )
      SELECT key, count(*) FILTER (WHERE ${onReg(asOf)})::int AS workers,
        count(*) FILTER (WHERE ${onReg(asOf)} AND f <= ${asOf}::date)::int AS certified,
        count(*) FILTER (WHERE ${onReg(asOf)} AND s <= ${asOf}::date)::int AS senior,
        count(*) FILTER (WHERE ${onReg(asOf)} AND i <= ${asOf}::date AND NOT coalesce(s <= ${asOf}::date, false))::int AS intermediate,
        count(*) FILTER (WHERE ${onReg(asOf)} AND a <= ${asOf}::date AND NOT coalesce(i <= ${asOf}::date OR s <= ${asOf}::date, false))::int AS assistant,
        ${each(onReg)} AS "trendWorkers",
        ${each((d) => sql`${onReg(d)} AND f <= ${d}::date`)} AS "trendCertified"
      FROM p GROUP BY key`,
  );
}

export interface CeRow {
  key: string | null;
  counted: number;
  complete: number;
  onPace: number;
  behind: number;
}

/**
 * Continuing-education standing on `asOf` of the area's workers on the register with a
 * registered social-work certificate (as core ceStandingOn): the cycle runs from the earliest
 * registration in three-year steps (PostgreSQL's year arithmetic clamps 29 February as core's
 * addYears), the requirement is the highest level held, hours are the sessions attended (wherever
 * held: read as the owner, the area already narrowed to the caller's scope) and approved entries
 * from the cycle's start to the day.
 */
export function ceCounts(owner: Db, prefix: string, asOf: string, required: Record<string, number>, childLen: number | null) {
  return rows<CeRow>(
    owner,
    sql`WITH cw AS (
        SELECT worker_id, min(registered_on) FILTER (WHERE registered_on <= ${asOf}::date) AS anchor,
          max(CASE kind WHEN 'assistant' THEN 1 WHEN 'intermediate' THEN 2 WHEN 'senior' THEN 3 END) AS rank
        FROM worker_certificates WHERE ${inArea(sql`area_code`, prefix)} AND kind IN ${SW} AND obtained_on <= ${asOf}::date GROUP BY worker_id
      ), k AS (
        SELECT w.id, ${keyOf(sql`w.area_code`, sql`w.org_id`, childLen)} AS key, cw.anchor, cw.rank,
          ((extract(year FROM ${asOf}::date) - extract(year FROM cw.anchor))::int / 3) AS k0
        FROM workers w JOIN cw ON cw.worker_id = w.id AND cw.anchor IS NOT NULL
        WHERE ${inArea(sql`w.area_code`, prefix)} AND (w.started_in_field_on IS NULL OR w.started_in_field_on <= ${asOf}::date)
          AND (w.left_on IS NULL OR w.left_on >= ${asOf}::date)
      ), cy AS (
        SELECT id, key, n, (anchor + make_interval(years => 3 * n))::date AS start, (anchor + make_interval(years => 3 * (n + 1)))::date - 1 AS "end",
          CASE rank WHEN 1 THEN ${required.assistant ?? 0} WHEN 2 THEN ${required.intermediate ?? 0} ELSE ${required.senior ?? 0} END::numeric AS need
        FROM (SELECT id, key, anchor, rank, CASE WHEN (anchor + make_interval(years => 3 * k0))::date > ${asOf}::date THEN k0 - 1 ELSE k0 END AS n FROM k) x
      ), att AS (
        SELECT r.worker_id, s.id, max((s.starts_at AT TIME ZONE 'Asia/Shanghai')::date) AS day, max(s.hours) AS hours
        FROM cy JOIN training_registrations r ON r.worker_id = cy.id
          JOIN training_sessions s ON s.training_id = r.training_id AND NOT s.cancelled
          JOIN attendance x ON x.occasion_kind = 'training_session' AND x.occasion_id = s.id AND x.person_key = r.person_key AND x.attended_at IS NOT NULL
        GROUP BY 1, 2
      ), h AS (
        SELECT cy.id, coalesce(sum(att.hours), 0) AS hours FROM cy JOIN att ON att.worker_id = cy.id AND att.day BETWEEN cy.start AND ${asOf}::date GROUP BY cy.id
      ), m AS (
        SELECT cy.id, sum(e.hours) AS hours FROM cy JOIN ce_entries e ON e.worker_id = cy.id AND e.status = 'approved'
          AND e.on_date BETWEEN cy.start AND ${asOf}::date GROUP BY cy.id
      ), st AS (
        SELECT cy.key, coalesce(h.hours, 0) + coalesce(m.hours, 0) AS done, cy.need,
          (${asOf}::date - cy.start + 1)::numeric / (cy."end" - cy.start + 1) AS share
        FROM cy LEFT JOIN h ON h.id = cy.id LEFT JOIN m ON m.id = cy.id
      )
      SELECT key, count(*)::int AS counted, count(*) FILTER (WHERE done >= need)::int AS complete,
        count(*) FILTER (WHERE done < need AND done >= need * share)::int AS "onPace",
        count(*) FILTER (WHERE done < need AND done < need * share)::int AS behind
      FROM st GROUP BY key`,
  );
}

export interface TrainingRow {
  key: string | null;
  hours: number;
  personTimes: number;
}

/** Sessions held in the area between two instants: hours credited to attendees and person-times. */
export function trainingCounts(db: Db, prefix: string, from: string, to: string, childLen: number | null) {
  return rows<TrainingRow>(
    db,
    sql`SELECT ${keyOf(sql`x.area_code`, sql`t.org_id`, childLen)} AS key, coalesce(sum(s.hours), 0)::float8 AS hours, count(*)::int AS "personTimes"
      FROM attendance x JOIN training_sessions s ON s.id = x.occasion_id AND NOT s.cancelled
        ${childLen ? sql`` : sql`JOIN trainings t ON t.id = s.training_id`}
      WHERE x.occasion_kind = 'training_session' AND x.attended_at IS NOT NULL AND ${inArea(sql`x.area_code`, prefix)}
        AND x.occasion_at >= ${from}::timestamptz AND x.occasion_at < ${to}::timestamptz
      GROUP BY 1`,
  );
}

export interface ProgrammeRow {
  key: string | null;
  stage: string;
  programmes: number;
  places: number;
  selected: number;
}

/** Programmes of a year owned in the area, by key and stage, with places and people selected or appointed. */
export function programmeCounts(db: Db, prefix: string, year: number, childLen: number | null) {
  return rows<ProgrammeRow>(
    db,
    sql`SELECT ${childLen ? keyOf(sql`p.area_code`, sql`null`, childLen) : sql`null::text`} AS key, p.stage, count(*)::int AS programmes,
        sum(p.places)::int AS places, coalesce(sum(a.selected), 0)::int AS selected
      FROM programmes p LEFT JOIN LATERAL (SELECT count(*) AS selected FROM programme_applications a
        WHERE a.programme_id = p.id AND a.status IN ('selected', 'appointed')) a ON true
      WHERE ${inArea(sql`p.area_code`, prefix)} AND p.year = ${year}
      GROUP BY 1, 2`,
  );
}
