// The workforce benchmark's data, generated in SQL on the foundation database (all of 福建省):
// 100,000 workers over every street, 300,000 certificates (six kinds, ~85% hold a social-work
// level, registered a month after obtaining), five years of exams, 10,000 trainings of 4
// sessions with 50 registered workers each (2,000,000 attendance rows, the way a check-in
// writes them) and programmes. Deterministic (hashes of row numbers), one transaction.
import { stableId } from '@wushe/db';
import type pg from 'pg';

export const WORKERS = Number(process.env.BENCH_WORKERS ?? 100_000);
export const TRAININGS = Number(process.env.BENCH_TRAININGS ?? 10_000);
const SESSIONS = 4;
const PER_TRAINING = 50; // 10,000 × 4 × 50 = 2,000,000 attendance rows
const EXAM_YEARS = 5;

export const WF_USER = { username: 'bench.workforce', password: 'Bench@2026' };

/** A province-level account with workforce statistics and the register. */
async function createWorkforceUser(c: pg.Client) {
  const roleId = stableId('bench:role:workforce');
  await c.query(
    `INSERT INTO roles (id, code, name, name_en, permissions) VALUES ($1, 'bench_workforce', '省级人才', 'Province workforce', $2)`,
    [roleId, ['area.read', 'org.read', 'worker.read', 'workforce.stats', 'training.read']],
  );
  const hash = (await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'bench.official'`)).rows[0]!
    .password_hash;
  await c.query(
    `INSERT INTO users (id, username, display_name, password_hash, role_id, org_id, area_code, must_change_password)
     VALUES ($1, $2, '福建省人才测试账号', $3, $4, $5, '350000000000', false)`,
    [stableId('bench:user:workforce'), WF_USER.username, hash, roleId, stableId('bench:org:bureau:350100000000')],
  );
}

export async function loadWorkforce(c: pg.Client, log: (m: string) => void): Promise<Record<string, number>> {
  const t0 = Date.now();
  const times: Record<string, number> = {};
  const step = async (name: string, q: string, params: unknown[] = []) => {
    const s = Date.now();
    await c.query(q, params);
    times[name] = (Date.now() - s) / 1000;
    log(`  ${name}: ${times[name]!.toFixed(1)} s`);
  };
  await c.query('BEGIN');
  await createWorkforceUser(c);
  await c.query(
    `CREATE TEMP TABLE bench_streets AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM areas WHERE level = 'street'`,
  );
  const streets = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_streets`)).rows[0]!.n;
  log(`Workforce: ${WORKERS.toLocaleString()} workers over ${streets} streets…`);
  await step(
    'workers',
    `INSERT INTO workers (id, area_code, name, gender, post, started_in_field_on, status, left_on)
     SELECT gen_random_uuid(), s.code, '社工' || n, CASE WHEN n % 3 = 0 THEN 'male' ELSE 'female' END,
       (ARRAY['frontline', 'community_worker', 'station_head', 'supervisor'])[1 + n % 4],
       date '2006-01-01' + (abs(hashtext('st' || n)) % 7000),
       CASE WHEN n % 12 = 0 THEN 'left' ELSE 'active' END,
       CASE WHEN n % 12 = 0 THEN current_date - (abs(hashtext('lo' || n)) % 1500) END
     FROM generate_series(1, $1::int) n JOIN bench_streets s ON s.i = n % $2`,
    [WORKERS, streets],
  );
  await c.query(`UPDATE workers SET left_on = started_in_field_on WHERE left_on < started_in_field_on`);
  await c.query(
    `CREATE TEMP TABLE bench_workers AS SELECT id, area_code, name, started_in_field_on AS st, row_number() OVER (ORDER BY id) AS n FROM workers`,
  );
  await c.query(`CREATE INDEX ON bench_workers (n)`);
  // six kinds with these shares: 3.0 certificates a worker
  await step(
    'certificates',
    `INSERT INTO worker_certificates (id, worker_id, area_code, kind, obtained_on, registered_on)
     SELECT gen_random_uuid(), w.id, w.area_code, k.kind, d.obtained, CASE WHEN k.kind IN ('assistant', 'intermediate', 'senior') THEN d.obtained + 30 END
     FROM bench_workers w
       CROSS JOIN (VALUES ('assistant', 85, 0), ('intermediate', 55, 400), ('senior', 10, 1500), ('counsellor', 50, 200),
         ('supervision', 30, 900), ('other', 70, 100)) k(kind, share, after)
       CROSS JOIN LATERAL (SELECT least(w.st + k.after + abs(hashtext(k.kind || w.n)) % 2000, current_date - 1) AS obtained) d
     WHERE abs(hashtext('c' || k.kind || w.n)) % 100 < k.share`,
  );
  log(`  exams: ${EXAM_YEARS} years…`);
  await step(
    'exam sittings',
    `INSERT INTO exam_sittings (id, area_code, year, exam_date)
     SELECT gen_random_uuid(), '350000000000', y, make_date(y, 6, 15)
     FROM generate_series(extract(year FROM current_date)::int - ${EXAM_YEARS}, extract(year FROM current_date)::int - 1) y`,
  );
  await step(
    'exam registrations',
    `INSERT INTO exam_registrations (id, sitting_id, area_code, year, worker_id, name, id_hash, level, subjects, level_passed)
     SELECT gen_random_uuid(), s.id, w.area_code, s.year, w.id, w.name, 'bench:' || w.n, (ARRAY['assistant', 'intermediate', 'senior'])[1 + w.n % 3],
       ARRAY['practice', 'theory'], abs(hashtext('p' || s.year || w.n)) % 100 < 38
     FROM exam_sittings s JOIN bench_workers w ON abs(hashtext('e' || s.year || w.n)) % 100 < 30`,
  );
  log(`  ${TRAININGS.toLocaleString()} trainings, ${(TRAININGS * SESSIONS).toLocaleString()} sessions, attendance…`);
  await c.query(
    `CREATE TEMP TABLE bench_districts AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM areas WHERE level = 'county'`,
  );
  await step(
    'trainings',
    `INSERT INTO trainings (id, area_code, title, level, status)
     SELECT gen_random_uuid(), d.code, '社工培训班 ' || n, (ARRAY['beginner', 'intermediate', 'advanced', 'on_the_job'])[1 + n % 4], 'closed'
     FROM generate_series(1, $1::int) n JOIN bench_districts d ON d.i = n % (SELECT count(*) FROM bench_districts)`,
    [TRAININGS],
  );
  await c.query(`CREATE TEMP TABLE bench_trainings AS SELECT id, area_code, row_number() OVER (ORDER BY id) AS n FROM trainings`);
  // spread over the last five years, 08:30 Asia/Shanghai
  await step(
    'sessions',
    `INSERT INTO training_sessions (id, training_id, area_code, title, starts_at, ends_at, mode, place, hours, join_code)
     SELECT gen_random_uuid(), t.id, t.area_code, '第' || k || '讲', x.at, x.at + interval '3 hours', 'offline', '培训中心', 3, lpad((t.n * 7 + k)::text, 6, '0')
     FROM bench_trainings t CROSS JOIN generate_series(1, ${SESSIONS}) k
       CROSS JOIN LATERAL (SELECT (current_date - 1 - (t.n % 1800)::int + k * 7 - 28)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '8 hours 30 minutes' AS at) x`,
  );
  // 50 workers of the training's district (a district has ~110): registered, then present at every session
  // 50 workers of the training's district (a district has ~110), a window moving with the training
  await c.query(
    `CREATE TEMP TABLE bench_wd AS SELECT left(area_code, 6) AS d, id, name, row_number() OVER (PARTITION BY left(area_code, 6) ORDER BY id) - 1 AS k,
       count(*) OVER (PARTITION BY left(area_code, 6)) AS cnt FROM workers`,
  );
  await step(
    'registrations',
    `INSERT INTO training_registrations (id, training_id, area_code, worker_id, person_name, status, seq)
     SELECT gen_random_uuid(), t.id, t.area_code, w.id, w.name, 'registered', nextval('training_registrations_seq')
     FROM bench_trainings t JOIN bench_wd w ON w.d = left(t.area_code, 6) AND ((w.k - t.n * 13) % w.cnt + w.cnt) % w.cnt < ${PER_TRAINING}`,
  );
  await step(
    'attendance',
    `INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, person_name, signed_up_at, attended_at, method)
     SELECT gen_random_uuid(), s.area_code, 'training_session', s.id, s.starts_at, r.person_name, s.starts_at, s.starts_at, 'list'
     FROM training_sessions s JOIN training_registrations r ON r.training_id = s.training_id`,
  );
  await step(
    'programmes',
    `INSERT INTO programmes (id, area_code, kind, title, year, places, stages, stage)
     SELECT gen_random_uuid(), d.code, 'talent', '骨干社工人才计划 ' || d.i, extract(year FROM current_date)::int, 5 + d.i % 10,
       ARRAY['apply', 'review', 'written', 'panel', 'publicity', 'done'], (ARRAY['apply', 'review', 'written', 'panel', 'publicity', 'done'])[1 + d.i % 6]
     FROM bench_districts d`,
  );
  await c.query('COMMIT');
  log('  VACUUM ANALYZE…');
  await c.query('VACUUM ANALYZE');
  times.total = (Date.now() - t0) / 1000;
  return times;
}
