// The demo's alliance and pairing agreements for 湖里区: a talent-base alliance led by a district
// agency with bases in 江头 and 金山, in 思明 and 集美 (other Xiamen districts) and in 晋江
// (another city), one that left, joint events and shared trainings; a 一校两社 agreement with
// 集美大学 typed as an outside party, and 结对共建 agreements kept by 江头 and 金山 (one draft).
// Deterministic; bulk inserts as the owner.
import { addDays } from '@wushe/core';
import { stableId, type Database } from '@wushe/db';
import { allianceCount, demoPlaces, insertRows } from './alliances.demo.repo.ts';

// Bases outside the installation's district: organisations of other districts and another city.
const OUTSIDE_BASES = [
  { key: 'siming', name: '厦门市思明区社会工作人才实训基地', areaCode: '350203000000', place: '厦门市思明区' },
  { key: 'jimei', name: '厦门市集美区社会工作人才培养基地', areaCode: '350211000000', place: '厦门市集美区' },
  { key: 'jinjiang', name: '晋江市社会工作人才发展基地', areaCode: '350582000000', place: '泉州市晋江市' },
];

export async function seedDemoAlliances(database: Database, today: string, district = '350206000000'): Promise<number> {
  if ((await database.owner(allianceCount)) > 0) return 0;
  const { orgs, communities, training } = await database.owner((db) => demoPlaces(db, district));
  const lead = orgs.find((o) => o.kind === 'agency');
  const jiangtou = orgs.find((o) => o.kind === 'station' && o.areaCode.startsWith('350206004'));
  const jinshan = orgs.find((o) => o.kind === 'station' && o.areaCode.startsWith('350206005'));
  const agency2 = orgs.filter((o) => o.kind === 'agency')[1];
  if (!lead || !jiangtou || !jinshan) return 0;
  const day = (n: number) => addDays(today, n);
  const outsideOrgs = OUTSIDE_BASES.map((b) => ({
    id: stableId(`org:alliance:${b.key}`),
    name: b.name,
    kind: 'agency',
    area_code: b.areaCode,
  }));
  const id = stableId(`alliance:${district}`);
  const member = (
    key: string,
    o: { id: string | null; name: string; areaCode: string; place?: string },
    joined: number,
    left: number | null = null,
  ) => ({
    id: stableId(`alliance-member:${key}`),
    alliance_id: id,
    area_code: district,
    org_id: o.id,
    name: o.name,
    member_area_code: o.areaCode,
    member_area_name: o.place ?? null,
    joined_on: day(joined),
    left_on: left === null ? null : day(left),
  });
  const members = [
    member('lead', lead, -400),
    member('jiangtou', jiangtou, -400),
    member('jinshan', jinshan, -380),
    ...OUTSIDE_BASES.map((b, i) => member(b.name, { ...b, id: outsideOrgs[i]!.id }, -360 + i * 90)),
    member('tongan', { id: null, name: '同安区社区治理学院', areaCode: '350212000000', place: '厦门市同安区' }, -390, -120),
  ];
  const m = (i: number) => members[i]!.id;
  const events = [
    ['湖里·思明·晋江社工人才交流会', -300, '湖里区社会组织孵化中心', m(0), 86],
    ['跨区联合督导日', -150, '思明区社会工作人才实训基地', m(3), 42],
    ['“社工+志愿者”联合服务展示', -40, '江头街道社工站', m(1), 120],
    ['晋江—湖里 基地结对观摩', -10, '晋江市社会工作人才发展基地', m(5), 35],
  ].map(([title, d, place, host, n], i) => ({
    id: stableId(`alliance-event:${i}`),
    alliance_id: id,
    area_code: district,
    title,
    held_on: day(d as number),
    place,
    host_member_id: host,
    participants: n,
  }));
  const trainings = [
    ...(training ? [{ training_id: training.id, title: training.title, held_on: null, host_member_id: m(0) }] : []),
    { training_id: null, title: '社会工作督导实务研修班（集美区基地主办）', held_on: day(-200), host_member_id: m(4) },
    { training_id: null, title: '儿童保护个案管理工作坊', held_on: day(-60), host_member_id: m(5) },
  ].map((t, i) => ({ id: stableId(`alliance-training:${i}`), alliance_id: id, area_code: district, ...t }));

  const community = (street: string) => communities.find((c) => c.parentCode.startsWith(street)) ?? { code: street, name: '社区' };
  const jt = community('350206004');
  const js = community('350206005');
  const pid = (k: string) => stableId(`partnership:${k}`);
  const partnerships = [
    {
      k: 'ysls',
      area: district,
      kind: 'school_org_community',
      title: '集美大学—同心社工—江头社区 一校两社协议',
      start: -300,
      end: 430,
      status: 'active',
    },
    { k: 'jt', area: '350206004000', kind: 'agency_community', title: `${jt.name}结对共建协议`, start: -200, end: 165, status: 'active' },
    {
      k: 'js',
      area: '350206005000',
      kind: 'agency_community',
      title: `${js.name}结对共建协议（草拟）`,
      start: 10,
      end: 375,
      status: 'draft',
    },
  ];
  const parties: Record<string, unknown>[] = [];
  const deliverables: Record<string, unknown>[] = [];
  const party = (p: string, area: string, role: string, pos: number, name: string, orgId: string | null) => {
    const row = { id: stableId(`party:${p}:${pos}`), partnership_id: pid(p), area_code: area, role, org_id: orgId, name, position: pos };
    parties.push(row);
    return row.id;
  };
  const deliver = (p: string, area: string, partyId: string, what: string, quantity: number, due: number, done: number) =>
    deliverables.push({
      id: stableId(`deliverable:${p}:${deliverables.length}`),
      partnership_id: pid(p),
      area_code: area,
      party_id: partyId,
      what,
      quantity,
      due_on: day(due),
      done,
    });
  {
    const school = party('ysls', district, 'school', 0, '集美大学政法学院社会工作系', null);
    const agency = party('ysls', district, 'agency', 1, lead.name, lead.id);
    const comm = party('ysls', district, 'community', 2, `${jt.name}居民委员会`, null);
    deliver('ysls', district, school, '派驻社会工作专业实习生', 12, 60, 8);
    deliver('ysls', district, school, '开展社区需求调研并提交报告', 1, -20, 0);
    deliver('ysls', district, agency, '为实习生提供督导（小时）', 80, 120, 46);
    deliver('ysls', district, comm, '提供实习场地与居民活动室', 1, -250, 1);
  }
  {
    const a = party('jt', '350206004000', 'agency', 0, agency2?.name ?? '厦门市湖里区市场监督管理局', agency2?.id ?? null);
    const c = party('jt', '350206004000', 'community', 1, `${jt.name}居民委员会`, null);
    deliver('jt', '350206004000', a, '党员志愿服务进社区（人次）', 60, 90, 38);
    deliver('jt', '350206004000', a, '捐助微心愿', 30, -5, 30);
    deliver('jt', '350206004000', c, '组织居民议事会', 4, 100, 2);
  }
  {
    const a = party('js', '350206005000', 'agency', 0, '厦门市湖里区卫生健康局', null);
    const c = party('js', '350206005000', 'community', 1, `${js.name}居民委员会`, null);
    deliver('js', '350206005000', a, '健康讲座进社区', 6, 200, 0);
    deliver('js', '350206005000', c, '摸排困难老人健康需求', 1, 60, 0);
  }
  await database.owner(async (db) => {
    await insertRows(db, 'orgs', outsideOrgs);
    await insertRows(db, 'alliances', [
      {
        id,
        area_code: district,
        name: '厦门湖里社会工作人才基地联盟',
        lead_org_id: lead.id,
        signed_on: day(-400),
        charter: '联盟成员基地共享培训资源、互派督导、联合开展服务项目，每季度轮值举办一次联合活动。',
      },
    ]);
    await insertRows(db, 'alliance_members', members);
    await insertRows(db, 'alliance_events', events);
    await insertRows(db, 'alliance_trainings', trainings);
    await insertRows(
      db,
      'partnerships',
      partnerships.map((p) => ({
        id: pid(p.k),
        area_code: p.area,
        kind: p.kind,
        title: p.title,
        start_on: day(p.start),
        end_on: day(p.end),
        status: p.status,
        terms: '双方按季度召开联席会议，共同制定年度服务计划；所需经费按各自职责分别承担。',
      })),
    );
    await insertRows(db, 'partnership_parties', parties);
    await insertRows(db, 'partnership_deliverables', deliverables);
  });
  return members.length;
}
