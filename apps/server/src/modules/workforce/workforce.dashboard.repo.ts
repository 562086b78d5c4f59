// SQL of the workforce dashboard (人才看板): each figure is one grouped scan of its table for the
// area, keyed by child-area prefix (or organisation within a street), so a province by city is a
// handful of statements whatever its size. Counts as packages/core (countLevels, ceStandingOn);
// apps/server/test/workforce-dashboard.test.ts checks them against those functions.
import { inArea, rows, type Db } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { cyclesCte, standingCte } from '../trainings/ce-cycles.repo.ts';

/** Child-area prefix of `childLen` digits of a column, or the organisation when null. */
const keyOf = (area: SQL, org: SQL, childLen: number | null) =>
  childLen ? sql`left(${area}, ${sql.raw(String(Math.trunc(childLen)))})` : sql`${org}::text`;

/** On the register on a day (as core onRegister). */
const onReg = (d: string) => sql`(st IS NULL OR st <= ${d}::date) AND (lo IS NULL OR lo >= ${d}::date)`;

/**
 * Settings of this transaction for the dashboard's grouped scans: no JIT (its compile time is most
 * of a province's scan, as coverage found) and, for a province, hash memory for 100,000 workers.
 */
export async function dashboardSettings(db: Db, wide: boolean): Promise<void> {
  await db.execute(sql`SET LOCAL jit = off`);
  if (wide) await db.execute(sql`SET LOCAL work_mem = '64MB'`);
}

/** A province: hash memory for its 100,000 workers. */
export const wideArea = (prefix: string) => prefix.length <= 2;

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
 * over the area's worker_rollup rows (migration 0042), each with its days on the register and the
 * day it first held each level (a level once obtained is kept).
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
    sql`WITH p AS (
        SELECT ${keyOf(sql`r.area_code`, sql`r.org_id`, childLen)} AS key, r.started_on AS st, r.left_on AS lo, r.assistant_on AS a,
          r.intermediate_on AS i, r.senior_on AS s, least(r.assistant_on, r.intermediate_on, r.senior_on) AS f
        FROM worker_rollup r
        WHERE ${inArea(sql`r.area_code`, prefix)} AND (r.left_on IS NULL OR r.left_on >= ${first}::date)
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
 * registration in three-year steps, the requirement is the highest level held, hours are the
 * sessions attended (wherever held: read as the owner, the area already narrowed to the caller's
 * scope) and approved entries from the cycle's start to the day. Today from the standing kept in
 * worker_rollup, another day live.
 */
export function ceCounts(
  owner: Db,
  prefix: string,
  asOf: string,
  today: boolean,
  required: Record<string, number>,
  childLen: number | null,
) {
  const input = { prefix, day: asOf, until: 'day' as const, required, key: keyOf(sql`w.area_code`, sql`w.org_id`, childLen) };
  return rows<CeRow>(
    owner,
    sql`WITH ${today ? standingCte({ ...input, rollupKey: keyOf(sql`r.area_code`, sql`r.org_id`, childLen) }) : cyclesCte(input)},
      st AS (SELECT key, done, need, (${asOf}::date - start + 1)::numeric / ("end" - start + 1) AS share FROM cyc)
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

/**
 * Sessions held in the area between two instants: hours credited to attendees and person-times,
 * from each session's attended count (training_session_attended, migration 0042; owner only, so
 * read as the owner after the scope check) weighted by the session's hours.
 */
export function trainingCounts(owner: Db, prefix: string, from: string, to: string, childLen: number | null) {
  return rows<TrainingRow>(
    owner,
    sql`SELECT ${keyOf(sql`s.area_code`, sql`t.org_id`, childLen)} AS key, coalesce(sum(s.hours * c.attended), 0)::float8 AS hours,
        coalesce(sum(c.attended), 0)::int AS "personTimes"
      FROM training_sessions s JOIN training_session_attended c ON c.session_id = s.id
        ${childLen ? sql`` : sql`JOIN trainings t ON t.id = s.training_id`}
      WHERE ${inArea(sql`s.area_code`, prefix)} AND NOT s.cancelled AND s.starts_at >= ${from}::timestamptz AND s.starts_at < ${to}::timestamptz
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

/** Rewards and subsidies (奖补, migration 0038) of the area's published policies of a year: their budgets and what was paid, in fen. */
export async function rewardTotals(db: Db, prefix: string, year: number): Promise<{ budget: number; paid: number }> {
  const [r] = await rows<{ budget: number; paid: number }>(
    db,
    sql`SELECT coalesce(sum(p.budget_fen), 0)::float8 AS budget, coalesce(sum(a.paid), 0)::float8 AS paid
      FROM subsidy_policies p LEFT JOIN LATERAL (SELECT sum(amount_fen) AS paid FROM subsidy_applications a
        WHERE a.policy_id = p.id AND a.stage = 'paid') a ON true
      WHERE ${inArea(sql`p.area_code`, prefix)} AND p.year = ${year} AND p.status <> 'draft'`,
  );
  return r ?? { budget: 0, paid: 0 };
}
