// The wishes benchmark's data, generated in SQL on the foundation database (all of 福建省):
// 20,000 residents over 厦门市's communities (stored form with dummy sealed values: the board never
// reads them), 100,000 wishes over them in every state (published a day to a year ago; claimed,
// delivered and fulfilled ones with their claim), one open wish for the claim race, and 200 public
// accounts, each signed in (a session whose cookie the benchmark knows). One transaction.
import crypto from 'node:crypto';
import type pg from 'pg';

export const WISHES = Number(process.env.BENCH_WISHES ?? 100_000);
const RESIDENTS = 20_000;
export const CLAIMANTS = Number(process.env.BENCH_CLAIMANTS ?? 200);
export const CITY = '350200000000';

export interface Claimant {
  cookie: string;
  csrf: string;
}

/** Cookies of the claimants' sessions (deterministic tokens, stored as the server stores them). */
export function claimants(): Claimant[] {
  return Array.from({ length: CLAIMANTS }, (_, i) => {
    const token = crypto.createHash('sha256').update(`bench:pub:${i}`).digest('base64url');
    return { cookie: `wushe_pub=${token}`, csrf: `csrf-${i}` };
  });
}
const sessionId = (cookie: string) => crypto.createHash('sha256').update(cookie.slice('wushe_pub='.length)).digest('hex');

export async function loadWishes(c: pg.Client, log: (m: string) => void): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const step = async (name: string, q: string, params: unknown[] = []) => {
    const s = Date.now();
    await c.query(q, params);
    times[name] = (Date.now() - s) / 1000;
    log(`  ${name}: ${times[name]!.toFixed(1)} s`);
  };
  await c.query('BEGIN');
  await c.query(
    `CREATE TEMP TABLE bench_communities AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS i
     FROM areas WHERE level = 'community' AND code LIKE '3502%'`,
  );
  const n = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_communities`)).rows[0]!.n;
  log(`Wishes: ${RESIDENTS.toLocaleString()} residents over ${n} communities of 厦门市, ${WISHES.toLocaleString()} wishes…`);
  await step(
    'residents',
    `INSERT INTO residents (id, area_code, name, name_initials, name_pinyin, name_grams, id_cipher, id_hash, id_tail4_hash, id_tail6_hash,
       id_masked, categories, care_level, registered_on, next_due_on)
     SELECT gen_random_uuid(), b.code, '居民' || k, 'jm', 'jumin', ARRAY['居', '民', '居民'], 'bench', 'bench-id-' || k, 'bench-t4-' || k,
       'bench-t6-' || k,
       '350206********' || lpad((k % 10000)::text, 4, '0'), ARRAY[(ARRAY['empty_nest', 'living_alone', 'disabled'])[1 + k % 3]],
       1 + k % 4, current_date - 400, current_date + 30
     FROM generate_series(1, $1::int) k JOIN bench_communities b ON b.i = k % $2`,
    [RESIDENTS, n],
  );
  await c.query(`CREATE TEMP TABLE bench_residents AS SELECT id, area_code, row_number() OVER (ORDER BY id) - 1 AS i FROM residents`);
  // By k % 10: 0–3 published, 4–5 claimed, 6 delivered, 7–8 fulfilled, 9 a draft.
  await step(
    'wishes',
    `INSERT INTO wishes (id, area_code, resident_id, title, need, category, value_fen, deadline, status, public_label,
       published_at, first_claimed_at, fulfilled_at, created_at)
     SELECT gen_random_uuid(), r.area_code, r.id, t.title, t.need, t.category, (k * 37) % 80000, current_date + 7 + k % 60,
       s.status, CASE WHEN s.status <> 'draft' THEN '湖里区 · 空巢' END,
       CASE WHEN s.status <> 'draft' THEN p.at END,
       CASE WHEN s.status IN ('claimed', 'delivered', 'fulfilled') THEN p.at + interval '2 days' END,
       CASE WHEN s.status = 'fulfilled' THEN p.at + interval '9 days' END,
       p.at - interval '1 day'
     FROM generate_series(1, $1::int) k
       JOIN bench_residents r ON r.i = k % $2
       CROSS JOIN LATERAL (SELECT now() - make_interval(days => 10 + k % 355, secs => k % 86400) AS at) p
       CROSS JOIN LATERAL (SELECT (ARRAY['published', 'published', 'published', 'published', 'claimed', 'claimed', 'delivered',
         'fulfilled', 'fulfilled', 'draft'])[1 + k % 10] AS status) s
       CROSS JOIN LATERAL (SELECT (ARRAY['卫生间安装扶手', '一台电风扇', '冬季棉被', '陪同就医', '读报聊天'])[1 + k % 5] AS title,
         (ARRAY['老人如厕起身困难，希望安装扶手。', '家里的电风扇坏了，夏天闷热。', '冬天被子太薄。', '子女不在身边，希望有人陪同复诊。',
           '视力不好，希望有人读报聊天。'])[1 + k % 5] AS need,
         (ARRAY['repair', 'goods', 'goods', 'service', 'companionship'])[1 + k % 5] AS category) t`,
    [WISHES, RESIDENTS],
  );
  await step(
    'claims',
    `INSERT INTO wish_claims (id, wish_id, area_code, kind, name, status, due_on, claimed_at, delivered_at, delivery_note)
     SELECT gen_random_uuid(), w.id, w.area_code, 'person', '爱心人士', CASE WHEN w.status = 'claimed' THEN 'active' ELSE w.status END,
       (w.first_claimed_at AT TIME ZONE 'Asia/Shanghai')::date + 14, w.first_claimed_at,
       CASE WHEN w.status <> 'claimed' THEN w.first_claimed_at + interval '5 days' END,
       CASE WHEN w.status <> 'claimed' THEN '已送达' END
     FROM wishes w WHERE w.status IN ('claimed', 'delivered', 'fulfilled')`,
  );
  // The race: one open wish in 湖里区, newest on the board.
  await c.query(
    `INSERT INTO wishes (id, area_code, resident_id, title, need, category, value_fen, deadline, status, public_label, published_at)
     SELECT '01900000-0000-7000-8000-0000000000aa', r.area_code, r.id, '一台轮椅', '腿脚不便，希望有一台轮椅。', 'goods', 50000,
       current_date + 30, 'published', '湖里区 · 残疾', now()
     FROM residents r WHERE r.area_code LIKE '350206%' LIMIT 1`,
  );
  const accounts = claimants();
  await step(
    'public accounts',
    `INSERT INTO public_accounts (id, display_name, mobile_cipher, mobile_hash, mobile_masked)
     SELECT ('01900000-0000-7000-8001-' || lpad(to_hex(k), 12, '0'))::uuid, '认领人' || k, 'bench', 'bench-mobile-' || k, '139****' || lpad(k::text, 4, '0')
     FROM generate_series(0, $1::int - 1) k`,
    [CLAIMANTS],
  );
  await c.query(
    `INSERT INTO public_sessions (id, account_id, csrf_token)
     SELECT s.id, ('01900000-0000-7000-8001-' || lpad(to_hex((s.k - 1)::int), 12, '0'))::uuid, s.csrf
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(id, csrf, k)`,
    [accounts.map((a) => sessionId(a.cookie)), accounts.map((a) => a.csrf)],
  );
  await c.query('COMMIT');
  await step('analyze', 'VACUUM ANALYZE');
  return times;
}
