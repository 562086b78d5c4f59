// The residents benchmark's data: 1,000,000 residents over every community of 福建省 in their
// stored form (blind indexes made with the key file the server reads, sealed values, masks,
// pinyin initials, name grams), 10,000,000 contacts over the past year and care-level history,
// generated in SQL.
// Secondary indexes are dropped during the load and rebuilt from their own definitions after.
import crypto from 'node:crypto';
import { checkCharacter, maskIdNumber, maskPhone } from '@wushe/core';
import { idBlindIndex, idTailIndexes, nameGrams, nameInitials, namePinyin, phoneBlindIndex, type Keys } from '@wushe/db';
import pg from 'pg';
import { mulberry32 } from '@wushe/db/demo';

export const RESIDENT_COUNT = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
export const CONTACT_COUNT = Number(process.env.BENCH_CONTACTS ?? 10_000_000);
/** Every SAMPLE_EVERY-th resident is sealed properly; the others share one sealed dummy value. */
const SAMPLE_EVERY = 1000;
const BATCH = 20_000;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'建国华明丽芳伟秀英敏静强磊军洋勇艳杰娟涛超平刚桂兰玉珍志红霞金凤海燕文辉春梅德福荣林秋云永庆淑贞宝水清'];

/** The demo's deterministic PRNG (mulberry32). */
export const rng = mulberry32;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Person {
  name: string;
  id: string;
  phone: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/**
 * The i-th generated person: an 18-digit mainland ID with the right check character. The load
 * (no `seq`) takes the birth date from i / 996 and the sequence digits from i % 996 (0–995),
 * unique for 28.9M people; an import file passes its own sequence (996+) and i < 29,000.
 */
export function person(i: number, community: string, random: () => number, seq?: number): Person {
  const surname = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
  const g1 = GIVEN[Math.floor(random() * GIVEN.length)]!;
  const given = random() < 0.25 ? g1 : g1 + GIVEN[Math.floor(random() * GIVEN.length)]!;
  const dayIndex = seq === undefined ? Math.floor(i / 996) % 29_000 : i;
  const birthDate = isoDay(Date.UTC(1930, 0, 1) + dayIndex * 86_400_000);
  const first17 = community.slice(0, 6) + birthDate.replace(/-/g, '') + pad(seq ?? i % 996, 3);
  const id = first17 + checkCharacter(first17);
  const sex = Number(first17[16]) % 2 === 1 ? 'male' : 'female';
  return { name: surname + given, id, phone: `1${3 + (i % 6)}${pad((i * 7919 + (seq ?? 0) * 13) % 1_000_000_000, 9)}`, birthDate, sex };
}

const CATEGORIES = ['dibao', 'tekun', 'living_alone', 'empty_nest', 'disabled_care', 'child_difficulty', 'left_behind_elder', 'disability'];
const STATUSES = [null, null, 'dibao', 'tekun', 'dibao_edge'];
const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

export interface Sample {
  id: string;
  idNumber: string;
  name: string;
  initials: string;
  areaCode: string;
}

/** Inserts the residents in batches through unnest(); returns a sample with their clear IDs. */
export async function loadResidents(c: pg.Client, keys: Keys, communities: string[], log: (m: string) => void): Promise<Sample[]> {
  const random = rng(35);
  const dummyId = keys.seal('000000000000000000');
  const dummyPhone = keys.seal('13000000000');
  const initialsCache = new Map<string, string>();
  const pinyinCache = new Map<string, string>();
  const today = Date.now();
  const sample: Sample[] = [];
  for (let start = 0; start < RESIDENT_COUNT; start += BATCH) {
    const cols: (string | number | null)[][] = Array.from({ length: 20 }, () => []);
    for (let i = start; i < Math.min(start + BATCH, RESIDENT_COUNT); i++) {
      // Communities in order, so each county's residents get distinct (birth date, sequence) pairs.
      const community = communities[Math.floor((i / RESIDENT_COUNT) * communities.length)]!;
      const p = person(i, community, random);
      let initials = initialsCache.get(p.name);
      if (initials === undefined) initialsCache.set(p.name, (initials = nameInitials(p.name)));
      let spelled = pinyinCache.get(p.name);
      if (spelled === undefined) pinyinCache.set(p.name, (spelled = namePinyin(p.name)));
      const tails = idTailIndexes(keys, p.id); // as the register stores them (search by the last 4 or 6 characters)
      const sealed = i % SAMPLE_EVERY === 0;
      const id = crypto.randomUUID();
      if (sealed) sample.push({ id, idNumber: p.id, name: p.name, initials, areaCode: community });
      const level = 1 + Math.min(3, Math.floor(random() * random() * 5));
      const cats = [CATEGORIES[Math.floor(random() * CATEGORIES.length)]!];
      if (random() < 0.3) cats.push(CATEGORIES[Math.floor(random() * CATEGORIES.length)]!);
      const values = [
        id,
        community,
        p.name,
        initials,
        arrayLiteral(nameGrams(p.name)),
        sealed ? keys.seal(p.id) : dummyId,
        idBlindIndex(keys, 'resident_id', p.id),
        maskIdNumber(p.id),
        p.sex,
        p.birthDate,
        sealed ? keys.seal(p.phone) : dummyPhone,
        phoneBlindIndex(keys, p.phone),
        maskPhone(p.phone),
        arrayLiteral([...new Set(cats)]),
        STATUSES[Math.floor(random() * STATUSES.length)]!,
        level,
        isoDay(today - (400 + Math.floor(random() * 700)) * 86_400_000),
        tails.idTail4Hash,
        tails.idTail6Hash,
        spelled,
      ];
      values.forEach((v, k) => cols[k]!.push(v));
    }
    await c.query(
      `INSERT INTO residents (id, area_code, name, name_initials, name_grams, id_cipher, id_hash, id_masked, sex, birth_date,
         phone_cipher, phone_hash, phone_masked, categories, assistance_status, care_level, registered_on, next_due_on, consent, address,
         id_tail4_hash, id_tail6_hash, name_pinyin)
       SELECT id, area, name, ini, grams::text[], idc, idh, idm, sex, birth, phc, phh, phm, cats::text[], ast, lvl, reg, (reg + CASE lvl WHEN 1 THEN interval '1 week' WHEN 2 THEN interval '2 weeks'
         WHEN 3 THEN interval '1 month' ELSE interval '3 months' END)::date,
         jsonb_build_object('purpose', '社区关爱服务', 'date', reg::text, 'givenBy', name, 'byGuardian', false), name || '家', t4, t6, py
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::date[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::smallint[], $17::date[], $18::text[],
         $19::text[], $20::text[])
         AS t(id, area, name, ini, grams, idc, idh, idm, sex, birth, phc, phh, phm, cats, ast, lvl, reg, t4, t6, py)`,
      cols,
    );
    if ((start / BATCH) % 10 === 9) log(`    ${start + BATCH} residents`);
  }
  return sample;
}

/**
 * CONTACT_COUNT contacts, about the same number per resident, within the past 91 (care level 1)
 * to 365 days (level 4); then last contact and next due date from them, in one UPDATE.
 * Foreign-key triggers are off for the insert (session_replication_role): rows are consistent by construction.
 */
export async function loadContacts(c: pg.Client): Promise<void> {
  const per = CONTACT_COUNT / RESIDENT_COUNT;
  // Each resident gets floor(per) or ceil(per) contacts; n indexes the contacts of one resident.
  await c.query(`CREATE TEMP TABLE rn AS SELECT id, area_code, care_level, row_number() OVER (ORDER BY id)::int AS k FROM residents`);
  await c.query(`SET session_replication_role = replica`);
  await c.query(
    `INSERT INTO contacts (id, resident_id, area_code, kind, service_type, occurred_at, occurred_on, duration_minutes, notes)
     SELECT gen_random_uuid(), r.id, r.area_code,
       (ARRAY['home_visit','phone','office','online','service'])[1 + (g.n + r.k) % 5],
       CASE WHEN (g.n + r.k) % 5 = 4 THEN (ARRAY['meal','cleaning','medical','bathing','emergency','emotional_visit','counselling'])[1 + (r.k % 7)] END,
       d::timestamp + interval '10 hours', d, 15 + (g.n * 7 + r.k) % 60, NULL
     FROM rn r
     CROSS JOIN LATERAL generate_series(1, floor($1::float8 + ((r.k % 10) < (($1::float8 - floor($1::float8)) * 10))::int)::int) AS g(n)
     CROSS JOIN LATERAL (SELECT (current_date - ((hashint8(r.k * 100 + g.n) & 2147483647) % (365 * r.care_level / 4 + 1))::int)) AS x(d)`,
    [per],
  );
  await c.query(`SET session_replication_role = DEFAULT`);
  await c.query(
    `UPDATE residents r SET last_contact_on = m.last, next_due_on = (m.last + CASE r.care_level WHEN 1 THEN interval '1 week'
       WHEN 2 THEN interval '2 weeks' WHEN 3 THEN interval '1 month' ELSE interval '3 months' END)::date
     FROM (SELECT resident_id, max(occurred_on) AS last FROM contacts GROUP BY resident_id) m WHERE m.resident_id = r.id`,
  );
  await c.query('DROP TABLE rn');
}

/**
 * Care-level history: a registration record for everyone and, for one resident in ten, a
 * change from another level within the past year (coverage for a past date reads these).
 */
export async function loadCareLevelChanges(c: pg.Client): Promise<void> {
  await c.query(`SET session_replication_role = replica`);
  await c.query(
    `INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_at)
     SELECT gen_random_uuid(), id, area_code, NULL, CASE WHEN changed THEN 1 + care_level % 4 ELSE care_level END, '登记', registered_on::timestamptz
     FROM (SELECT id, area_code, care_level, registered_on, (hashtext(id::text) & 1023) < 102 AS changed FROM residents) r;
     INSERT INTO care_level_changes (id, resident_id, area_code, from_level, to_level, reason, changed_at)
     SELECT gen_random_uuid(), id, area_code, 1 + care_level % 4, care_level, '复评',
       now() - ((hashtext(id::text || 'c') & 2147483647) % 365) * interval '1 day'
     FROM residents WHERE (hashtext(id::text) & 1023) < 102`,
  );
  await c.query(`SET session_replication_role = DEFAULT`);
}

/** Drops the secondary indexes of the big tables and returns their definitions to rebuild. */
export async function dropIndexes(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename IN ('residents', 'contacts') AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
  );
  for (const r of rows) await c.query(`DROP INDEX ${r.indexname}`);
  return rows.map((r) => r.indexdef);
}

export async function rebuildIndexes(c: pg.Client, defs: string[]): Promise<void> {
  await c.query(`SET maintenance_work_mem = '512MB'`);
  for (const d of defs) await c.query(d);
}
