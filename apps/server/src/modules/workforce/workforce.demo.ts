// The demo workforce for 湖里区: about 300 workers across the stations and agencies (three
// street agencies added), ~70% certified (mostly assistant, fewer intermediate, a handful
// senior), a few titles, posts requiring a certificate with people not yet certified, and the
// demo staff accounts (jiangtou.head, jiangtou.sw, jinshan.sw) linked to their entries.
// Deterministic; bulk inserts as the owner (the writes of a register being set up).
import { addDays, type CertKind, type TitleKind, type WorkerPost } from '@wushe/core';
import { sealIdentity, sealPhone, type Database, type Keys } from '@wushe/db';
import { chance, int, mobile, mulberry32, personName, pick, weighted } from '@wushe/db/demo';
import { accountsByUsername } from '../cases/cases.demo.repo.ts';
import { demoAreas, demoOrgs, insertRows, workerCount } from './workforce.demo.repo.ts';
import { stableId } from '@wushe/db';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A valid 18-digit ID number (GB 11643) of 湖里区: birth date, a sequence number, sex parity. */
function idNumber(birth: string, seq: number, male: boolean): string {
  const order = (seq % 500) * 2 + (male ? 1 : 0);
  const body = `350206${birth.replace(/-/g, '')}${String(order).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return body + CHECK[sum % 11];
}

const AGENCIES = [
  { street: '350206004000', name: '厦门市湖里区江头益心社会工作服务中心' },
  { street: '350206005000', name: '厦门市湖里区金山和光社会工作服务社' },
  { street: '350206002000', name: '厦门市湖里区殿前同行社会工作服务中心' },
];

const POSTS: [WorkerPost, number][] = [
  ['frontline', 55],
  ['project_lead', 12],
  ['supervisor', 6],
  ['org_head', 5],
  ['community_worker', 18],
  ['other', 4],
];

const LINKED: Record<string, { post: WorkerPost; level: CertKind | null }> = {
  'jiangtou.head': { post: 'org_head', level: 'intermediate' },
  'jiangtou.sw': { post: 'frontline', level: 'assistant' },
  'jinshan.sw': { post: 'frontline', level: null },
};

export async function seedDemoWorkforce(database: Database, keys: Keys, today: string, district = '350206000000'): Promise<number> {
  if ((await database.owner(workerCount)) > 0) return 0;
  const rng = mulberry32(20261010);
  const areas = await database.owner((db) => demoAreas(db, district));
  const streets = areas.filter((a) => a.level === 'street' && a.name.endsWith('街道'));
  if (!streets.length) return 0;
  const agencies = AGENCIES.filter((a) => streets.some((s) => s.code === a.street)).map((a) => ({
    id: stableId(`org:agency:${a.name}`),
    name: a.name,
    kind: 'agency',
    area_code: a.street,
    contact_name: '主任',
  }));
  await database.owner((db) => insertRows(db, 'orgs', agencies));
  const orgs = await database.owner(demoOrgs);
  const districtAgencies = orgs.filter((o) => o.kind === 'agency' && o.areaCode === district);
  const accounts = await database.owner((db) => accountsByUsername(db, Object.keys(LINKED)));

  const workers: Record<string, unknown>[] = [];
  const certs: Record<string, unknown>[] = [];
  const titles: Record<string, unknown>[] = [];
  let seq = 0;
  let certNo = 0;
  const addCert = (workerId: string, areaCode: string, kind: CertKind, obtainedOn: string) => {
    const year = obtainedOn.slice(0, 4);
    certs.push({
      id: stableId(`wcert:${workerId}:${kind}`),
      worker_id: workerId,
      area_code: areaCode,
      kind,
      number: `${kind === 'assistant' ? 'A' : kind === 'intermediate' ? 'B' : kind === 'senior' ? 'C' : 'P'}${year}35${String(++certNo).padStart(6, '0')}`,
      obtained_on: obtainedOn,
      registered_on: kind === 'counsellor' ? null : addDays(obtainedOn, int(rng, 30, 120)),
    });
  };
  const makeWorker = (
    street: { code: string },
    o: { post?: WorkerPost; level?: CertKind | null; userId?: string; orgId?: string } = {},
  ) => {
    const male = chance(rng, 0.25);
    const birth = `${int(rng, 1968, 2001)}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
    const id = stableId(`worker:${++seq}`);
    const communities = areas.filter((a) => a.parentCode === street.code);
    const post = o.post ?? weighted(rng, POSTS);
    const areaCode = post === 'community_worker' && communities.length ? pick(rng, communities).code : street.code;
    const streetOrgs = orgs.filter((x) => x.areaCode === street.code && (x.kind === 'station' || x.kind === 'agency'));
    const orgId =
      o.orgId ??
      (post === 'community_worker'
        ? null
        : chance(rng, 0.3) && districtAgencies.length
          ? pick(rng, districtAgencies).id
          : pick(rng, streetOrgs)?.id);
    const startYear = Math.max(Number(birth.slice(0, 4)) + 22, 2008);
    const started = `${int(rng, startYear, Number(today.slice(0, 4)) - (o.userId ? 2 : 0))}-0${int(rng, 1, 9)}-01`;
    const startedOn = started > today ? today : started;
    const identity = sealIdentity(keys, 'resident_id', idNumber(birth, seq, male), today);
    if (!identity.ok) throw new Error(`demo ID number: ${identity.problem.key}`);
    const phone = sealPhone(keys, mobile(rng));
    const left = !o.userId && chance(rng, 0.05);
    workers.push({
      id,
      area_code: areaCode,
      org_id: orgId ?? null,
      user_id: o.userId ?? null,
      name: personName(rng, 'adult', male ? 'male' : 'female'),
      gender: male ? 'male' : 'female',
      birth_date: birth,
      id_cipher: identity.value.idCipher,
      id_hash: identity.value.idHash,
      id_masked: identity.value.idMasked,
      id_tail4_hash: identity.value.idTail4Hash,
      mobile_cipher: phone.phoneCipher,
      mobile_hash: phone.phoneHash,
      mobile_masked: phone.phoneMasked,
      post,
      education: weighted(rng, [
        ['college', 30],
        ['bachelor', 55],
        ['master', 12],
        ['secondary', 3],
      ] as const),
      major: chance(rng, 0.6) ? '社会工作' : pick(rng, ['心理学', '社会学', '公共事业管理', '护理学', '教育学']),
      started_in_field_on: startedOn,
      fields: [pick(rng, ['elderly', 'children', 'youth', 'disability', 'family', 'community']), ...(chance(rng, 0.4) ? ['poverty'] : [])],
      languages: chance(rng, 0.5) ? ['普通话', '闽南语'] : ['普通话'],
      status: left ? 'left' : 'active',
      left_on: left ? addDays(today, -int(rng, 10, 360)) : null,
    });
    // ~70% certified: mostly assistant, fewer intermediate (most with an assistant first), a handful senior.
    const level =
      o.level !== undefined
        ? o.level
        : weighted(rng, [
            [null, 30],
            ['assistant', 50],
            ['intermediate', 17],
            ['senior', 3],
          ] as const);
    if (level) {
      const first = addDays(`${Math.max(Number(startedOn.slice(0, 4)), 2012)}-06-20`, int(rng, 0, 500));
      const obtained = first > today ? addDays(today, -30) : first;
      if (level === 'assistant') addCert(id, areaCode, 'assistant', obtained);
      else {
        if (chance(rng, 0.7)) addCert(id, areaCode, 'assistant', addDays(obtained, -int(rng, 400, 900)));
        addCert(id, areaCode, level, obtained);
      }
    }
    if (chance(rng, 0.06)) addCert(id, areaCode, 'counsellor', addDays(today, -int(rng, 400, 3000)));
    if (post === 'supervisor' && chance(rng, 0.6)) addCert(id, areaCode, 'supervision', addDays(today, -int(rng, 200, 2000)));
    return { id, areaCode, post, level };
  };

  for (const a of accounts) {
    const spec = LINKED[a.username]!;
    const station = orgs.find((x) => x.kind === 'station' && x.areaCode === a.areaCode);
    makeWorker({ code: a.areaCode }, { ...spec, userId: a.id, orgId: station?.id });
  }
  const made: ReturnType<typeof makeWorker>[] = [];
  for (const s of streets) for (let i = 0; i < 60; i++) made.push(makeWorker(s));

  const honours: [TitleKind, string, number][] = [
    ['leading', '厦门市民政局', 2],
    ['backbone', '湖里区民政局', 8],
    ['supervisor_talent', '厦门市社会工作协会', 5],
    ['best_sw', '湖里区民政局', 5],
  ];
  const certified = made.filter((w) => w.level && w.level !== 'assistant');
  let n = 0;
  for (const [title, grantedBy, count] of honours) {
    for (let i = 0; i < count; i++) {
      const w = certified[(n++ * 7) % certified.length]!;
      titles.push({
        id: stableId(`wtitle:${w.id}:${title}`),
        worker_id: w.id,
        area_code: w.areaCode,
        title,
        year: int(rng, 2019, Number(today.slice(0, 4))),
        granted_by: grantedBy,
      });
    }
  }
  // Titles in both demo streets, so each sees some.
  for (const street of ['350206004', '350206005']) {
    const w = made.find((x) => x.areaCode.startsWith(street) && x.level);
    if (w)
      titles.push({
        id: stableId(`wtitle:${w.id}:best_sw`),
        worker_id: w.id,
        area_code: w.areaCode,
        title: 'best_sw',
        year: Number(today.slice(0, 4)) - 1,
        granted_by: '湖里区民政局',
      });
  }
  const unique = [...new Map(titles.map((t) => [t.id, t])).values()];
  const station = (code: string) => orgs.find((x) => x.kind === 'station' && x.areaCode === code)?.id ?? null;
  const requirements = [
    {
      id: stableId('wreq:district:supervisor'),
      area_code: district,
      org_id: null,
      post: 'supervisor',
      deadline: addDays(today, 90),
      note: '督导岗位须持社会工作师及以上证书',
    },
    {
      id: stableId('wreq:jiangtou:frontline'),
      area_code: '350206004000',
      org_id: station('350206004000'),
      post: 'frontline',
      deadline: addDays(today, 180),
      note: '社工站一线岗位持证上岗',
    },
    {
      id: stableId('wreq:jinshan:frontline'),
      area_code: '350206005000',
      org_id: null,
      post: 'frontline',
      deadline: addDays(today, 120),
      note: '金山街道一线社工持证上岗',
    },
    {
      id: stableId('wreq:district:project_lead'),
      area_code: district,
      org_id: null,
      post: 'project_lead',
      deadline: addDays(today, -15),
      note: '项目主管持证上岗（已到期）',
    },
  ];
  await database.owner(async (db) => {
    await insertRows(db, 'workers', workers);
    await insertRows(db, 'worker_certificates', certs);
    await insertRows(db, 'worker_titles', unique);
    await insertRows(db, 'certification_requirements', requirements);
  });
  return workers.length;
}
