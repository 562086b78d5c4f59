// `BENCH_ONLY=assign`: bulk assignment of a district's residents by the list's filter (issue 8:
// 10,000 residents under 5 s). Two casework accounts at the district; the province account is
// given resident.assign; then the district is assigned to one worker, to the other, and once
// more to the same (a repeat that changes none), each timed through the HTTP API.
import { stableId } from '@wushe/db';
import pg from 'pg';
import { login } from './server.ts';
import type { Figure } from './residents-report.ts';

const TARGET_ROWS = 10_000;

async function prepare(url: string, username: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `UPDATE roles SET permissions = array_append(permissions, 'resident.assign')
       WHERE code = 'bench_province' AND NOT 'resident.assign' = ANY (permissions)`,
    );
    // The district (or, at smoke size, the city) whose active register is nearest 10,000.
    const { rows } = await c.query<{ district: string; n: string }>(
      `SELECT district, n FROM (
         SELECT substr(area_code, 1, 6) AS district, count(*) AS n FROM residents WHERE status = 'active' GROUP BY 1
         UNION ALL SELECT substr(area_code, 1, 4), count(*) FROM residents WHERE status = 'active' GROUP BY 1
       ) a ORDER BY abs(n - ${TARGET_ROWS}), length(district) DESC, 1 LIMIT 1`,
    );
    const district = rows[0]!.district.padEnd(12, '0');
    const hash = (await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = $1`, [username])).rows[0]!
      .password_hash;
    const workers: string[] = [];
    for (const k of ['a', 'b']) {
      const id = stableId(`bench:worker:${k}:${district}`);
      await c.query(
        `INSERT INTO users (id, username, display_name, password_hash, role_id, area_code, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, false) ON CONFLICT (id) DO NOTHING`,
        [id, `bench.worker.${k}.${district.slice(0, 6)}`, `测试社工${k.toUpperCase()}`, hash, stableId('role:social_worker'), district],
      );
      workers.push(id);
    }
    return { district, expected: Number(rows[0]!.n), workers };
  } finally {
    await c.end();
  }
}

export async function benchAssign(
  url: string,
  base: string,
  user: { username: string; password: string },
  log: (m: string) => void,
): Promise<Figure[]> {
  const { district, expected, workers } = await prepare(url, user.username);
  const cookie = await login(base, user.username, user.password); // a fresh session with the new permission
  const me = (await (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const assign = async (workerId: string) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/residents/assign`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ filter: { area: district }, workerId }),
    });
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`assign answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const body = (await res.json()) as { matched: number; changed: number };
    if (body.matched !== expected) throw new Error(`assign matched ${body.matched}, expected ${expected}`);
    log(`  assign ${district} to ${workerId.slice(0, 8)}: ${(ms / 1000).toFixed(2)} s, ${body.matched} matched, ${body.changed} changed`);
    return { seconds: ms / 1000, ...body };
  };
  const first = await assign(workers[0]!);
  const second = await assign(workers[1]!);
  const repeat = await assign(workers[1]!);
  if (second.changed !== expected || repeat.changed !== 0) throw new Error('a reassignment changed the wrong number of residents');
  const worst = Math.max(first.seconds, second.seconds);
  return [
    {
      name: `bulk assignment of one ${district.slice(4, 6) === '00' ? 'city' : 'district'} by filter (${expected.toLocaleString()} residents)`,
      path: 'POST /api/v1/residents/assign',
      stat: 'seconds',
      value: worst,
      runs: [first.seconds, second.seconds, repeat.seconds],
      target: 5,
      note: `worst of two changing runs (${first.changed}, ${second.changed} changed); a repeat changing none took ${repeat.seconds.toFixed(2)} s`,
    },
  ];
}
