// The demo's residents in need: about 3,000 people across 湖里区's communities (江头 and 金山,
// where the demo accounts work, have the most), with valid 350206 ID numbers, a year of
// contacts and assessments, and coverage neither 0 nor 100%. Deterministic from a fixed seed;
// dates are relative to `today`. Every resident goes through prepareResident, the one path to
// the stored form (sealing, masks, blind indexes), and rows go in as multi-row INSERTs.
import {
  DEFAULT_VISIT_INTERVALS,
  nextDueDate,
  PHQ9,
  shanghaiToday,
  visitIntervals,
  type CareLevel,
  type VisitIntervals,
} from '@wushe/core';
import { getTableColumns, sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../client.ts';
import { insertJson } from '../queries.ts';
import type { Keys } from '../keys.ts';
import { prepareResident } from '../residents/prepare.ts';
import { residents } from '../schema/index.ts';
import { stableId } from '../seed.ts';
import { planHistory } from './history.ts';
import { chance, mulberry32 } from './names.ts';
import { planPopulation, type DemoCommunity, type PlannedResident } from './population.ts';
import { planUrgentScreens, type UrgentScreen } from './urgent.ts';

export interface DemoResidentOptions {
  /** The business date the demo is built around (YYYY-MM-DD, Asia/Shanghai); default: today. */
  today?: string;
  /** How many residents (default 3,000). */
  count?: number;
  progress?: (step: string) => void;
}

export const DEMO_RESIDENT_SEED = 0x5e5e_2026;
const STREET_WEIGHT: Record<string, number> = { 江头街道: 2.2, 金山街道: 2 };

async function demoCommunities(db: Db): Promise<DemoCommunity[]> {
  const found = await rows<{ code: string; name: string; level: string; parent_code: string | null }>(
    db,
    sql`SELECT code, name, level, parent_code FROM areas WHERE level IN ('street', 'community') AND code LIKE '350206%' ORDER BY code`,
  );
  const streets = new Map(found.filter((a) => a.level === 'street' && a.name.endsWith('街道')).map((a) => [a.code, a.name]));
  const out: DemoCommunity[] = [];
  for (const a of found) {
    const streetName = a.level === 'community' && a.parent_code ? streets.get(a.parent_code) : undefined;
    // Communities differ in size: a fixed spread per code keeps the weights deterministic.
    if (streetName)
      out.push({
        code: a.code,
        name: a.name,
        streetName,
        weight: (STREET_WEIGHT[streetName] ?? 1) * (0.6 + (Number(a.code.slice(-3)) % 5) * 0.2),
      });
  }
  return out;
}

async function loadIntervals(db: Db): Promise<VisitIntervals> {
  const [row] = await rows<{ value: unknown }>(db, sql`SELECT value FROM settings WHERE key = 'visit_intervals'`);
  const parsed = visitIntervals.safeParse(row?.value);
  return parsed.success ? (parsed.data as VisitIntervals) : DEFAULT_VISIT_INTERVALS;
}

/** 江头 residents go to 江头社工 (some to the station head), 金山 ones to 金山社工; others have no account yet. */
async function assignWorkers(db: Db, rng: () => number, list: PlannedResident[]) {
  const found = await rows<{ id: string; username: string }>(
    db,
    sql`SELECT id, username FROM users WHERE username IN ('jiangtou.sw', 'jiangtou.head', 'jinshan.sw')`,
  );
  const id = (u: string) => found.find((f) => f.username === u)?.id ?? null;
  for (const r of list) {
    const street = r.input.areaCode.slice(0, 9);
    const worker =
      street === '350206004'
        ? chance(rng, 0.2)
          ? id('jiangtou.head')
          : id('jiangtou.sw')
        : street === '350206005'
          ? id('jinshan.sw')
          : null;
    r.input.assignedWorkerId = r.spouseOf === null ? worker : list[r.spouseOf]!.input.assignedWorkerId;
  }
}

const COLUMN = Object.fromEntries(Object.entries(getTableColumns(residents)).map(([k, c]) => [k, c.name]));

/** The urgent screens of urgent.ts with their alerts to 江头's station heads and follow-ups. */
async function insertUrgentScreens(db: Db, keys: Keys, list: PlannedResident[], today: string) {
  const screens = planUrgentScreens(list, today);
  if (!screens.length) return;
  const heads = await rows<{ id: string }>(
    db,
    sql`SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id WHERE r.code = 'station_head' AND u.area_code = '350206004000' ORDER BY u.id`,
  );
  const common = (s: UrgentScreen) => ({
    resident_id: stableId(`demo:resident:${s.residentIndex}`),
    area_code: list[s.residentIndex]!.input.areaCode,
  });
  await insertJson(
    db,
    'assessments',
    screens.map((s) => ({
      id: s.assessmentId,
      ...common(s),
      instrument_code: PHQ9.code,
      instrument_version: PHQ9.version,
      reason: 'routine',
      answers_cipher: keys.seal(JSON.stringify({ answers: s.answers, extras: {} })),
      total: s.result.total,
      level: null,
      band: s.result.band?.code ?? null,
      flags: s.result.flags,
      suggested_care_level: s.result.suggestedCareLevel,
      confirmed_care_level: list[s.residentIndex]!.input.careLevel,
      override_reason:
        s.result.suggestedCareLevel === list[s.residentIndex]!.input.careLevel ? null : '已转介心理门诊，先按原等级走访，复评后再定',
      assessed_by: s.assessedBy,
      assessed_on: s.assessedOn,
      created_at: s.assessedAt,
    })),
    100,
  );
  await insertJson(
    db,
    'follow_ups',
    screens.map((s) => ({
      id: s.followUp.id,
      ...common(s),
      reason: s.notice.reason,
      assessment_id: s.assessmentId,
      due_at: s.followUp.dueAt,
      assigned_to: s.assessedBy,
      done_at: s.followUp.doneAt,
      done_by: s.followUp.doneAt ? s.assessedBy : null,
      outcome: s.followUp.outcome,
      created_at: s.assessedAt,
    })),
    100,
  );
  const alerts = screens
    .filter((s) => s.notify)
    .flatMap((s) =>
      heads.map((h) => ({
        id: stableId(`demo:urgent-alert:${s.residentIndex}:${h.id}`),
        user_id: h.id,
        ...common(s),
        kind: 'assessment.urgent',
        title: s.notice.title,
        body: s.notice.body,
        link: `/residents/${stableId(`demo:resident:${s.residentIndex}`)}`,
        created_at: s.assessedAt,
      })),
    );
  if (alerts.length)
    await insertJson(
      db,
      'notifications',
      alerts.map(({ resident_id: _r, ...a }) => a),
      100,
    );
}

const at = (day: string, hourUtc = 1) => `${day}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

/**
 * Loads the demo residents with their history (as the owner, in one transaction), unless the
 * database has residents already. Returns how many were added.
 */
export async function seedDemoResidents(database: Database, keys: Keys, opts: DemoResidentOptions = {}): Promise<number> {
  const today = opts.today ?? shanghaiToday(new Date());
  const count = opts.count ?? 3000;
  return database.owner((owner) =>
    owner.transaction(async (tx) => {
      const db = tx as unknown as Db;
      if ((await rows(db, sql`SELECT 1 FROM residents LIMIT 1`)).length) return 0;
      const communities = await demoCommunities(db);
      if (!communities.length || count <= 0) return 0;
      const intervals = await loadIntervals(db);
      const progress = opts.progress ?? (() => {});
      progress(`Demo: ${count.toLocaleString('en')} residents with a year of visits and assessments…`);
      const rng = mulberry32(DEMO_RESIDENT_SEED);
      const list = planPopulation(rng, today, communities, count);
      await assignWorkers(db, rng, list);
      const history = planHistory(rng, today, list, intervals);

      const residentRows: Record<string, unknown>[] = [];
      const levelRows: Record<string, unknown>[] = [];
      for (const r of list) {
        const id = stableId(`demo:resident:${r.index}`);
        const householdId =
          r.spouseOf !== null ? stableId(`demo:resident:${r.spouseOf}`) : list[r.index + 1]?.spouseOf === r.index ? id : null;
        const prepared = prepareResident(keys, { ...r.input, householdId }, r.registeredOn, intervals);
        if (!prepared.ok) throw new Error(`demo resident ${r.index} (${r.input.name}): ${prepared.problems.map((p) => p.key).join(', ')}`);
        const last = history.lastContact[r.index] ?? null;
        const level = r.input.careLevel as CareLevel;
        const values: Record<string, unknown> = {
          ...prepared.values,
          id,
          lastContactOn: last,
          nextDueOn: nextDueDate(last ?? r.registeredOn, intervals[level]),
          createdBy: r.input.assignedWorkerId ?? null,
          createdAt: at(r.registeredOn),
          updatedAt: at(last ?? r.registeredOn),
        };
        residentRows.push(Object.fromEntries(Object.entries(values).map(([k, v]) => [COLUMN[k] ?? k, v])));
        levelRows.push({
          id: stableId(`demo:care-level:${r.index}`),
          resident_id: id,
          area_code: r.input.areaCode,
          from_level: null,
          to_level: level,
          reason: null,
          changed_by: r.input.assignedWorkerId ?? null,
          changed_at: at(r.registeredOn),
        });
      }
      const residentOf = (index: number) => list[index]!;
      progress('Demo: saving residents (sealed) and their care levels…');
      await insertJson(db, 'residents', residentRows, 500);
      await insertJson(db, 'care_level_changes', levelRows, 1000);
      progress(
        `Demo: saving ${history.contacts.length.toLocaleString('en')} visits and ${history.assessments.length.toLocaleString('en')} assessments…`,
      );
      await insertJson(
        db,
        'contacts',
        history.contacts.map((c) => ({
          id: c.id,
          resident_id: stableId(`demo:resident:${c.residentIndex}`),
          area_code: residentOf(c.residentIndex).input.areaCode,
          group_id: c.groupId,
          kind: c.kind,
          service_type: c.serviceType,
          occurred_at: c.occurredAt,
          occurred_on: c.occurredOn,
          duration_minutes: c.durationMinutes,
          worker_id: c.workerId,
          notes: c.notes,
          created_at: c.occurredAt,
        })),
        1000,
      );
      await insertJson(
        db,
        'assessments',
        history.assessments.map((a) => ({
          id: a.id,
          resident_id: stableId(`demo:resident:${a.residentIndex}`),
          area_code: residentOf(a.residentIndex).input.areaCode,
          instrument_code: a.def.code,
          instrument_version: a.def.version,
          reason: a.reason,
          answers_cipher: keys.seal(JSON.stringify({ answers: a.answers, extras: a.extras })),
          total: a.result.total,
          level: a.result.level === null ? null : String(a.result.level),
          band: a.result.band?.code ?? null,
          flags: a.result.flags,
          suggested_care_level: a.result.suggestedCareLevel,
          confirmed_care_level: a.confirmed,
          override_reason: a.overrideReason,
          assessed_by: a.assessedBy,
          assessed_on: a.assessedOn,
          created_at: at(a.assessedOn, 3),
        })),
        500,
      );
      await insertUrgentScreens(db, keys, list, today);
      progress('Demo: updating statistics…');
      await db.execute(sql`ANALYZE residents, contacts, assessments, care_level_changes`);
      return list.length;
    }),
  );
}
