// Row-level security, table by table, from the catalogue: every table in `public` that carries
// an area_code is area-owned (RLS enabled, forced, one prefix policy for wushe_app) unless
// listed below with a reason, and every table without one is listed with the reason it needs
// no area scope. A new table in neither list fails here: decide, and write the policy.
import { rows, uuidv7 } from '@wushe/db';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

/** Tables with an area_code column that are nonetheless not owned by an area. */
const AREA_CODE_NOT_OWNED: Record<string, string> = {
  installation: "one row: the installation's own root area, read at start-up before any caller's scope is known",
};

/**
 * Area-owned tables whose rows belong to districts and above only: a street's scope sees none,
 * a district's its own. Checked with a district's scope instead of a street's.
 */
const ABOVE_STREETS: Record<string, string> = {
  outputs_people: 'the people-served rollup keeps districts, cities and provinces (migration 0030), never streets',
  outputs_daily: 'the additive outputs per district and day (migration 0037)',
  outputs_people_last: 'the last-day histogram of the rollup, by district, city and province (migration 0033)',
};
const DISTRICTS = { huli: '350206', siming: '350203' } as const;

/** Tables without an area_code column, and why they need no area scope. */
const NOT_AREA_SCOPED: Record<string, string> = {
  areas: 'reference data: the division tree itself; repositories scope it by code',
  code_lists: 'reference data: installation-wide code lists',
  instruments: 'reference data: assessment instruments, installation-wide',
  login_failures: 'sign-in bookkeeping for names that match no account: no area, read only by the login path',
  public_accounts: 'people outside the staff (migration 0031): installation-wide, found by mobile blind index or session, never by area',
  public_sessions: "public accounts' sessions, apart from staff sessions: resolved by cookie hash, no area data",
  sms_codes: 'SMS code bookkeeping keyed by mobile blind index and address: no area, read only by the code routes',
  roles: 'global accounts data: roles are installation-wide',
  sessions: 'global accounts data: resolved by cookie (session_resolve) before any scope is known; holds no area data',
  settings: 'installation-wide settings',
  transfers:
    'two areas per row (from_area_code, to_area_code): RLS forced with a policy admitting either station, checked in transfers.test.ts',
  case_referrals:
    'two areas per row (from_area_code, to_area_code): RLS forced with a policy admitting either side, checked in referrals.test.ts',
  wushe_migrations: 'migration bookkeeping: owner only, no grant to wushe_app',
  ce_credits: 'continuing-education hours rollup (migration 0041): owner only, no grant to wushe_app; read after the scope check',
  training_session_attended:
    'attended person-times per training session (migration 0042): owner only, no grant to wushe_app; read joined to the scoped sessions after the scope check',
};

/**
 * Area-owned tables with a second, read-only policy: a case referred to an organisation is
 * readable (never writable) by the receiving side while the referral is open or accepted
 * (migration 0026). The bare-SELECT check below counts those rows as the street's.
 */
const READ_BY_REFERRAL: Record<string, SQL> = {
  cases: sql`EXISTS (SELECT 1 FROM case_referrals r WHERE r.case_id = x.id AND r.status IN ('pending', 'accepted') AND r.to_area_code LIKE`,
  case_events: sql`EXISTS (SELECT 1 FROM case_referrals r WHERE r.case_id = x.case_id AND r.status IN ('pending', 'accepted') AND r.to_area_code LIKE`,
};

// The prefix range on the caller's scope (migration 0008), as PostgreSQL prints it.
const RANGE = `(((area_code COLLATE "C") >= current_setting('wushe.scope'::text, true)) AND ((area_code COLLATE "C") < wushe_scope_upper(current_setting('wushe.scope'::text, true))))`;

const STREETS = { jiangtou: '350206004', jinshan: '350206005' } as const;

/** A street's own alliance (0040): the demo's belongs to the district. */
const rlsAlliance = (s: string) =>
  sql`INSERT INTO alliances (id, area_code, name, lead_org_id, signed_on)
    SELECT ${uuidv7()}, ${s + '000'}, 'RLS 联盟', id, '2026-01-01' FROM orgs ORDER BY id LIMIT 1 RETURNING id, area_code`;

// Rows for tables the demo leaves empty in a street (made as the owner, so RLS is not involved).
// A new area-owned table whose demo data misses a street needs an entry here.
const SEEDS: Record<string, (street: string) => SQL> = {
  // Volunteers (0044): certificates and mobilisations, should a street's demo have none.
  volunteer_certificates: (s) =>
    sql`INSERT INTO volunteer_certificates (id, volunteer_id, area_code, code, number, period_from, period_to, minutes, services, content, issuer, issued_on)
      SELECT ${uuidv7()}, id, area_code, ${'R' + s.slice(-3) + 'RLS0001'}, ${'RLS-' + s}, '2026-01-01', '2026-06-30', 60, 1, 'rls', 'rls', '2026-07-01'
      FROM volunteers WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  mobilisations: (s) => sql`INSERT INTO mobilisations (id, area_code, title) VALUES (${uuidv7()}, ${s + '000'}, 'rls')`,
  // (Tables are seeded in name order: calls before needs before mobilisations, so each makes its parents.)
  mobilisation_needs: (s) =>
    sql`WITH m AS (INSERT INTO mobilisations (id, area_code, title) VALUES (${uuidv7()}, ${s + '000'}, 'rls') RETURNING id, area_code)
      INSERT INTO mobilisation_needs (id, mobilisation_id, area_code, title, place, starts_at, ends_at, slots)
      SELECT ${uuidv7()}, id, area_code, 'rls', 'rls', now(), now() + interval '1 hour', 1 FROM m`,
  mobilisation_calls: (s) =>
    sql`WITH m AS (INSERT INTO mobilisations (id, area_code, title) VALUES (${uuidv7()}, ${s + '000'}, 'rls') RETURNING id, area_code),
      n AS (INSERT INTO mobilisation_needs (id, mobilisation_id, area_code, title, place, starts_at, ends_at, slots)
        SELECT ${uuidv7()}, id, area_code, 'rls', 'rls', now(), now() + interval '1 hour', 1 FROM m RETURNING id, area_code)
      INSERT INTO mobilisation_calls (id, need_id, volunteer_id, area_code, volunteer_name, volunteer_no, cost)
      SELECT ${uuidv7()}, n.id, v.id, n.area_code, v.name, v.volunteer_no, 0 FROM n,
        (SELECT id, name, volunteer_no FROM volunteers WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1) v`,
  attachments: (s) =>
    sql`INSERT INTO attachments (id, area_code, filename, content_type, size, content)
      VALUES (${uuidv7()}, ${s + '001'}, 'rls.txt', 'text/plain', 1, 'eA==')`,
  exam_sittings: (s) =>
    sql`INSERT INTO exam_sittings (id, area_code, year, exam_date) VALUES (${uuidv7()}, ${s + '000'}, 2015, '2015-06-13')`,
  follow_ups: (s) =>
    sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at)
      SELECT ${uuidv7()}, id, area_code, 'rls', now() FROM residents WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  notifications: (s) =>
    sql`INSERT INTO notifications (id, user_id, area_code, kind, title)
      SELECT ${uuidv7()}, id, area_code, 'rls', 'rls' FROM users WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  resident_status_changes: (s) =>
    sql`INSERT INTO resident_status_changes (id, resident_id, area_code, from_status, to_status, from_area)
      SELECT ${uuidv7()}, id, area_code, 'active', 'moved', area_code FROM residents WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  // 金山 has no station head in the demo, so nobody supervises there: a session made here.
  supervision_sessions: (s) =>
    sql`INSERT INTO supervision_sessions (id, area_code, held_on, format, supervisor_id, supervisor_name, worker_ids, advice_cipher)
      SELECT ${uuidv7()}, area_code, current_date, 'individual', id, 'rls', ARRAY[id], 'x' FROM users WHERE area_code LIKE ${s + '%'}
      ORDER BY id LIMIT 1`,
  // Groups, activities and their attendance (migration 0025), should a street's demo have none.
  activities: (s) =>
    sql`INSERT INTO activities (id, area_code, title, place, starts_at, ends_at, organiser_id)
      SELECT ${uuidv7()}, area_code, 'rls', 'rls', now(), now() + interval '1 hour', id FROM users
      WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  attendance: (s) =>
    sql`INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, person_name, attended_at, method)
      VALUES (${uuidv7()}, ${s + '001'}, 'activity', ${uuidv7()}, now(), 'rls', now(), 'list')`,
  group_members: (s) =>
    sql`WITH g AS (
        INSERT INTO service_groups (id, area_code, name, type, goal, worker_id, planned_sessions, starts_on)
        SELECT ${uuidv7()}, area_code, 'rls', 'support', 'rls', id, 1, current_date FROM users
        WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1 RETURNING id, area_code)
      INSERT INTO group_members (id, group_id, area_code, person_name, joined_on) SELECT ${uuidv7()}, id, area_code, 'rls', current_date FROM g`,
  group_sessions: (s) =>
    sql`INSERT INTO group_sessions (id, group_id, area_code, seq, theme, starts_at, ends_at)
      SELECT ${uuidv7()}, id, area_code, 99, 'rls', now(), now() + interval '1 hour' FROM service_groups
      WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  satisfaction: (s) =>
    sql`INSERT INTO satisfaction (id, area_code, subject_kind, subject_id, person_name, score)
      VALUES (${uuidv7()}, ${s + '001'}, 'activity', ${uuidv7()}, 'rls', 5)`,
  // The rollup's rows are a district's (the demo's marked people are folded by the job).
  outputs_people: (d) =>
    sql`INSERT INTO outputs_people (level, area_code, person_key, days, last_day)
      VALUES (6, ${d.padEnd(12, '0')}, 'n:rls', '{[2026-01-01,2026-01-02)}', '2026-01-01')`,
  outputs_daily: (d) =>
    sql`INSERT INTO outputs_daily (area_code, day, person_times) VALUES (${d.padEnd(12, '0')}, '2020-01-01', 1) ON CONFLICT DO NOTHING`,
  outputs_people_last: (d) =>
    sql`INSERT INTO outputs_people_last (level, area_code, last_day, people) VALUES (6, ${d.padEnd(12, '0')}, '2026-01-01', 1)
      ON CONFLICT DO NOTHING`,
  import_jobs: (s) =>
    sql`INSERT INTO import_jobs (id, area_code, created_by, filename, file_hash, mode, status)
      SELECT ${uuidv7()}, area_code, id, 'rls.csv', 'rls', 'valid', 'done' FROM users WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  // A stored upload belongs to a job of the same street (made here too: tables are seeded in name order).
  import_files: (s) =>
    sql`WITH job AS (
        INSERT INTO import_jobs (id, area_code, created_by, filename, file_hash, mode, status)
        SELECT ${uuidv7()}, area_code, id, 'rls.csv', 'rls', 'valid', 'queued' FROM users WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1
        RETURNING id, area_code)
      INSERT INTO import_files (job_id, area_code, content) SELECT id, area_code, '\\x00'::bytea FROM job`,
  // Programmes belong to the district in the demo; a street's own (migration 0036) hangs off any demo programme.
  programme_applications: (s) =>
    sql`INSERT INTO programme_applications (id, programme_id, area_code, worker_id, name, route, stage)
      SELECT ${uuidv7()}, (SELECT id FROM programmes ORDER BY id LIMIT 1), area_code, id, name, 'self', 'apply'
      FROM workers WHERE area_code LIKE ${s + '%'} AND user_id IS NULL ORDER BY id DESC LIMIT 1`,
  programme_decisions: (s) =>
    sql`INSERT INTO programme_decisions (id, programme_id, area_code, action, by_name)
      SELECT ${uuidv7()}, id, ${s + '000'}, 'open', 'rls' FROM programmes ORDER BY id LIMIT 1`,
  programme_objections: (s) =>
    sql`INSERT INTO programme_objections (id, programme_id, area_code, name, text)
      SELECT ${uuidv7()}, id, ${s + '000'}, 'rls', 'rls objection' FROM programmes ORDER BY id LIMIT 1`,
  programme_panelists: (s) =>
    sql`INSERT INTO programme_panelists (programme_id, user_id, area_code, position)
      SELECT p.id, u.id, u.area_code, 9 FROM users u CROSS JOIN programmes p WHERE u.area_code LIKE ${s + '%'}
        AND NOT EXISTS (SELECT 1 FROM programme_panelists pp WHERE pp.programme_id = p.id AND pp.user_id = u.id) ORDER BY u.id, p.id LIMIT 1`,
  programme_plan_items: (s) =>
    sql`INSERT INTO programme_plan_items (id, application_id, area_code, course, hours)
      SELECT ${uuidv7()}, id, area_code, 'rls', 1 FROM programme_applications WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  programme_scores: (s) =>
    sql`INSERT INTO programme_scores (application_id, user_id, area_code, scores, total)
      SELECT x.id, (SELECT id FROM users ORDER BY id LIMIT 1), x.area_code, '{}', 0 FROM programme_applications x
      WHERE x.area_code LIKE ${s + '%'} ORDER BY x.id LIMIT 1 ON CONFLICT DO NOTHING`,
  programmes: (s) =>
    sql`INSERT INTO programmes (id, area_code, kind, title, year, places, stages, stage)
      VALUES (${uuidv7()}, ${s + '000'}, 'talent', 'rls', 2026, 1, '{apply,publicity,done}', 'apply')`,
  // Trainings (0035): each seed makes the parent rows it needs in the street.
  teachers: (s) => sql`INSERT INTO teachers (id, area_code, name) VALUES (${uuidv7()}, ${s + '001'}, 'RLS 老师')`,
  trainings: (s) => sql`INSERT INTO trainings (id, area_code, title, level) VALUES (${uuidv7()}, ${s + '000'}, 'RLS 培训', 'beginner')`,
  training_sessions: (s) =>
    sql`WITH t AS (INSERT INTO trainings (id, area_code, title, level) VALUES (${uuidv7()}, ${s + '000'}, 'RLS', 'beginner') RETURNING id, area_code)
      INSERT INTO training_sessions (id, training_id, area_code, title, starts_at, ends_at, mode, place, hours, join_code)
      SELECT ${uuidv7()}, id, area_code, 'RLS', '2026-01-01T01:00:00Z', '2026-01-01T03:00:00Z', 'offline', 'RLS', 2, '123456' FROM t`,
  training_registrations: (s) =>
    sql`WITH t AS (INSERT INTO trainings (id, area_code, title, level) VALUES (${uuidv7()}, ${s + '000'}, 'RLS', 'beginner') RETURNING id, area_code)
      INSERT INTO training_registrations (id, training_id, area_code, person_name, status, seq) SELECT ${uuidv7()}, id, area_code, 'RLS', 'registered', 1 FROM t`,
  training_evaluations: (s) =>
    sql`WITH t AS (INSERT INTO trainings (id, area_code, title, level) VALUES (${uuidv7()}, ${s + '000'}, 'RLS', 'beginner') RETURNING id, area_code),
      r AS (INSERT INTO training_registrations (id, training_id, area_code, person_name, status, seq)
        SELECT ${uuidv7()}, id, area_code, 'RLS', 'registered', 1 FROM t RETURNING id, training_id, area_code)
      INSERT INTO training_evaluations (id, training_id, area_code, registration_id, answers) SELECT ${uuidv7()}, training_id, area_code, id, '{5,5,5,5}' FROM r`,
  ce_entries: (s) =>
    sql`WITH a AS (INSERT INTO attachments (id, area_code, filename, content_type, size, content)
        VALUES (${uuidv7()}, ${s + '001'}, 'rls.pdf', 'application/pdf', 1, 'eA==') RETURNING id)
      INSERT INTO ce_entries (id, worker_id, area_code, title, provider, on_date, hours, attachment_id)
      SELECT ${uuidv7()}, w.id, w.area_code, 'RLS', 'RLS', '2026-01-01', 1, a.id FROM a, (SELECT id, area_code FROM workers
        WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1) w`,
  ce_reminders: (s) =>
    sql`INSERT INTO ce_reminders (worker_id, area_code, cycle_end, days)
      SELECT id, area_code, '2026-01-01', 90 FROM workers WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1 ON CONFLICT DO NOTHING`,
  // Rewards and subsidies (0038): a street's own policy, and an application hanging off any demo policy.
  subsidy_policies: (s) =>
    sql`INSERT INTO subsidy_policies (id, area_code, kind, title, year, budget_fen, opens_on, closes_on, amount)
      VALUES (${uuidv7()}, ${s + '000'}, 'reward', 'RLS', 2026, 100, '2026-01-01', '2026-12-31', '{"mode":"fixed","fen":1}')`,
  subsidy_batches: (s) =>
    sql`INSERT INTO subsidy_batches (id, policy_id, area_code, no, count, total_fen)
      SELECT ${uuidv7()}, id, ${s + '000'}, 900 + (random() * 99)::int, 0, 0 FROM subsidy_policies ORDER BY id LIMIT 1`,
  subsidy_applications: (s) =>
    sql`INSERT INTO subsidy_applications (id, policy_id, area_code, worker_id, name, route, check_result)
      SELECT ${uuidv7()}, (SELECT id FROM subsidy_policies ORDER BY id LIMIT 1), area_code, id, name, 'self', 'unknown'
      FROM workers w WHERE area_code LIKE ${s + '%'} AND NOT EXISTS (SELECT 1 FROM subsidy_applications x WHERE x.worker_id = w.id)
      ORDER BY id LIMIT 1`,
  subsidy_events: (s) =>
    sql`INSERT INTO subsidy_events (id, application_id, area_code, action, to_stage, by_name)
      SELECT ${uuidv7()}, id, area_code, 'submit', 'submitted', 'rls' FROM subsidy_applications WHERE area_code LIKE ${s + '%'} ORDER BY id LIMIT 1`,
  // Alliances (0040) are the district's in the demo; a street's own, with each kind of child row.
  alliances: (s) => rlsAlliance(s),
  alliance_members: (s) =>
    sql`WITH a AS (${rlsAlliance(s)}) INSERT INTO alliance_members (id, alliance_id, area_code, name, member_area_code, joined_on)
      SELECT ${uuidv7()}, id, area_code, 'RLS 基地', area_code, '2026-01-01' FROM a`,
  alliance_events: (s) =>
    sql`WITH a AS (${rlsAlliance(s)}) INSERT INTO alliance_events (id, alliance_id, area_code, title, held_on, place)
      SELECT ${uuidv7()}, id, area_code, 'RLS', '2026-01-01', 'RLS' FROM a`,
  alliance_trainings: (s) =>
    sql`WITH a AS (${rlsAlliance(s)}) INSERT INTO alliance_trainings (id, alliance_id, area_code, title) SELECT ${uuidv7()}, id, area_code, 'RLS' FROM a`,
  // Jobs (migration 0039): the demo's fair belongs to the district; a street's own fair, links and application.
  job_fairs: (s) =>
    sql`INSERT INTO job_fairs (id, area_code, title, starts_at, ends_at, place, organiser)
      VALUES (${uuidv7()}, ${s + '000'}, 'rls', now(), now() + interval '1 hour', 'rls', 'rls')`,
  job_fair_orgs: (s) =>
    sql`WITH f AS (
        INSERT INTO job_fairs (id, area_code, title, starts_at, ends_at, place, organiser)
        VALUES (${uuidv7()}, ${s + '000'}, 'rls', now(), now() + interval '1 hour', 'rls', 'rls') RETURNING id, area_code)
      INSERT INTO job_fair_orgs (fair_id, org_id, area_code, position)
      SELECT f.id, (SELECT id FROM orgs ORDER BY id LIMIT 1), f.area_code, 0 FROM f`,
  job_fair_posts: (s) =>
    sql`WITH f AS (
        INSERT INTO job_fairs (id, area_code, title, starts_at, ends_at, place, organiser)
        VALUES (${uuidv7()}, ${s + '000'}, 'rls', now(), now() + interval '1 hour', 'rls', 'rls') RETURNING id, area_code)
      INSERT INTO job_fair_posts (fair_id, job_id, area_code)
      SELECT f.id, (SELECT id FROM jobs ORDER BY id LIMIT 1), f.area_code FROM f`,
};

interface TableSecurity {
  relname: string;
  relrowsecurity: boolean;
  relforcerowsecurity: boolean;
  has_area_code: boolean;
}

interface Policy {
  tablename: string;
  policyname: string;
  permissive: string;
  roles: string[];
  cmd: string;
  qual: string | null;
  with_check: string | null;
}

describe('row-level security, table by table', () => {
  let t: TestApp;
  let tables: TableSecurity[];
  let policies: Policy[];
  const asOwner = <T>(query: SQL) => t.database.owner((db) => rows<T>(db, query));
  const areaOwned = () => tables.filter((r) => r.has_area_code && !(r.relname in AREA_CODE_NOT_OWNED));

  beforeAll(async () => {
    t = await startTestApp();
    // Audit records in both streets.
    await t.login('jinshan.sw');
    await t.login('jiangtou.sw');
    tables = await asOwner<TableSecurity>(
      sql`SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
          EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'area_code' AND NOT a.attisdropped) AS has_area_code
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    // pg_policies prints roles as a name[]; read it as text[] so both drivers give an array.
    policies = await asOwner<Policy>(
      sql`SELECT tablename::text, policyname::text, permissive, roles::text[] AS roles, cmd, qual, with_check
        FROM pg_policies WHERE schemaname = 'public'`,
    );
    for (const table of areaOwned().map((r) => r.relname)) {
      for (const street of Object.values(table in ABOVE_STREETS ? DISTRICTS : STREETS)) {
        const [found] = await asOwner<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE area_code LIKE ${street + '%'}`,
        );
        if (found!.n === 0 && SEEDS[table]) await asOwner(SEEDS[table](street));
      }
    }
  });
  afterAll(() => t.close());

  it('knows every table in public: area-owned, or listed with the reason it is not', () => {
    const unlisted = tables.filter((r) => !r.has_area_code && !(r.relname in NOT_AREA_SCOPED)).map((r) => r.relname);
    expect(unlisted, 'tables without area_code and without a reason in NOT_AREA_SCOPED').toEqual([]);
    // The lists hold no stale names, and a listed table has not gained an area_code unnoticed.
    const names = new Set(tables.map((r) => r.relname));
    expect(Object.keys({ ...NOT_AREA_SCOPED, ...AREA_CODE_NOT_OWNED }).filter((n) => !names.has(n))).toEqual([]);
    expect(tables.filter((r) => r.has_area_code && r.relname in NOT_AREA_SCOPED).map((r) => r.relname)).toEqual([]);
    expect(areaOwned().length).toBeGreaterThanOrEqual(11);
  });

  it('enables and forces RLS on every area-owned table, with the prefix policy as the only one for wushe_app', () => {
    for (const table of areaOwned()) {
      expect({ table: table.relname, enabled: table.relrowsecurity, forced: table.relforcerowsecurity }).toEqual({
        table: table.relname,
        enabled: true,
        forced: true,
      });
      const forTable = policies.filter(
        (p) => p.tablename === table.relname && (p.roles.includes('wushe_app') || p.roles.includes('public')),
      );
      const byReferral = forTable.filter((p) => p.policyname === `${table.relname}_referred`);
      if (table.relname in READ_BY_REFERRAL) {
        expect(byReferral, `${table.relname}: the read-by-referral policy`).toHaveLength(1);
        expect([byReferral[0]!.cmd, byReferral[0]!.with_check, byReferral[0]!.roles]).toEqual(['SELECT', null, ['wushe_app']]);
        expect(byReferral[0]!.qual).toContain('case_referrals');
      } else expect(byReferral).toEqual([]);
      const forApp = forTable.filter((p) => !byReferral.includes(p));
      expect(forApp, `policies of ${table.relname} for wushe_app`).toHaveLength(1);
      const [policy] = forApp;
      expect(policy!.permissive).toBe('PERMISSIVE');
      expect(policy!.roles).toEqual(['wushe_app']);
      expect(policy!.qual).toBe(RANGE);
      // The audit log is written only through audit_append (SECURITY DEFINER): wushe_app reads it.
      if (table.relname === 'audit_log') expect([policy!.cmd, policy!.with_check]).toEqual(['SELECT', null]);
      else expect([policy!.cmd, policy!.with_check]).toEqual(['ALL', RANGE]);
    }
  });

  it("shows a street's scope only that street's rows of every area-owned table, to a bare SELECT", async () => {
    for (const { relname: table } of areaOwned()) {
      if (table in ABOVE_STREETS) {
        for (const street of Object.values(STREETS)) {
          const seen = await t.database.run(street, (db) =>
            rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`),
          );
          expect(seen[0]!.n, `${table}: nothing for a street`).toBe(0);
        }
      }
      for (const [name, street] of Object.entries(table in ABOVE_STREETS ? DISTRICTS : STREETS)) {
        const referred = READ_BY_REFERRAL[table];
        const all = await asOwner<{ area_code: string; referred: boolean }>(
          sql`SELECT area_code, ${referred ? sql`${referred} ${street + '%'})` : sql`false`} AS referred FROM ${sql.identifier(table)} x`,
        );
        const inStreet = all.filter((r) => r.area_code.startsWith(street));
        const byReferral = all.filter((r) => r.referred && !r.area_code.startsWith(street));
        const label = `${table} in ${name}`;
        expect(inStreet.length, `${label}: no rows to look at (demo data or a SEEDS entry)`).toBeGreaterThan(0);
        expect(all.length, `${label}: rows elsewhere too`).toBeGreaterThan(inStreet.length);
        const seen = await t.database.run(street, (db) =>
          rows<{ area_code: string }>(db, sql`SELECT area_code FROM ${sql.identifier(table)}`),
        );
        expect(seen.length, label).toBe(inStreet.length + byReferral.length);
        expect(
          seen.filter((r) => !r.area_code.startsWith(street)).length,
          `${label}: only rows referred to the street from elsewhere`,
        ).toBe(byReferral.length);
      }
    }
  });
});
