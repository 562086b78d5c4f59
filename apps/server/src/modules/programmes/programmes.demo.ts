// Demo programmes for 湖里区: 骨干人才培养计划 in its 公示 (a panel's scores, one answered and one
// open objection), last year's completed one (appointed, with training plans part done), and a
// 最美社工 award completed (titles granted in the register). Deterministic; as the owner.
import { addDays, publicityEnd, type ProgrammeStage } from '@wushe/core';
import { sealPhone, stableId, type Database, type Keys } from '@wushe/db';
import { accountsByUsername } from '../cases/cases.demo.repo.ts';
import { demoCandidates, grantDemoTitles, insertDemo, programmeCount } from './programmes.demo.repo.ts';

const RUBRIC = [
  { key: 'practice', label: '专业实务', max: 40 },
  { key: 'speech', label: '答辩表达', max: 30 },
  { key: 'plan', label: '发展规划', max: 30 },
];

export async function seedDemoProgrammes(database: Database, keys: Keys, today: string, district = '350206000000'): Promise<void> {
  if ((await database.owner(programmeCount)) > 0) return;
  const people = await database.owner((db) => demoCandidates(db, 24));
  if (people.length < 24) return;
  const accounts = await database.owner((db) => accountsByUsername(db, ['huli', 'jiangtou.head']));
  const [huli, head] = ['huli', 'jiangtou.head'].map((u) => accounts.find((a) => a.username === u));
  if (!huli || !head) return;
  const year = Number(today.slice(0, 4));
  const programmes: Record<string, unknown>[] = [];
  const apps: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const scores: Record<string, unknown>[] = [];
  const panel: Record<string, unknown>[] = [];
  const at = (day: string) => `${day}T02:00:00Z`;
  const decide = (p: string, area: string, action: string, day: string, extra: Record<string, unknown> = {}) =>
    decisions.push({
      id: stableId(`pd:${p}:${decisions.length}`),
      programme_id: p,
      area_code: area,
      action,
      by_user: huli.id,
      by_name: 'huli',
      at: at(day),
      ...extra,
    });

  const make = (
    key: string,
    o: {
      kind: string;
      title: string;
      year: number;
      places: number;
      stages: ProgrammeStage[];
      stage: string;
      start: string;
      titleKind: string | null;
      endsOn: string | null;
      n: number;
      from: number;
      selected: number;
    },
  ) => {
    const id = stableId(`programme:${key}`);
    const pubEnd = publicityEnd(o.start, 7);
    programmes.push({
      id,
      area_code: district,
      kind: o.kind,
      title: o.title,
      year: o.year,
      places: o.places,
      stages: o.stages,
      stage: o.stage,
      criteria: { minLevel: 'assistant', minYears: 3 },
      rubric: o.stages.includes('panel') ? RUBRIC : [],
      title_kind: o.titleKind,
      publicity_days: 7,
      publicity_start: o.start,
      publicity_end: pubEnd,
      panel_closed: true,
      ends_on: o.endsOn,
      created_by: huli.id,
      created_at: at(addDays(o.start, -60)),
    });
    panel.push(
      { programme_id: id, user_id: huli.id, area_code: district, position: 0 },
      { programme_id: id, user_id: head.id, area_code: district, position: 1 },
    );
    decide(id, district, 'open', addDays(o.start, -60), { to_stage: 'apply' });
    const chosen = people.slice(o.from, o.from + o.n);
    chosen.forEach((w, i) => {
      const appId = stableId(`papp:${key}:${w.id}`);
      const won = i < o.selected;
      const rejectedAt: ProgrammeStage = i % 2 ? 'review' : 'panel';
      apps.push({
        id: appId,
        programme_id: id,
        area_code: w.areaCode,
        worker_id: w.id,
        name: w.name,
        org_name: w.orgName,
        route: i % 3 ? 'self' : 'nominated',
        nominated_by: i % 3 ? null : head.id,
        status: won ? (o.stage === 'done' ? 'appointed' : 'selected') : 'rejected',
        stage: won ? o.stage : rejectedAt,
        passed_stage: won ? 'panel' : rejectedAt === 'panel' ? 'review' : null,
        reason: won ? null : rejectedAt === 'review' ? '从业年限不足三年' : '面试综合得分未进入前列',
        written_score: 60 + ((i * 7) % 35),
        created_at: at(addDays(o.start, -50 + i)),
      });
      decide(id, w.areaCode, won ? 'pass' : 'reject', addDays(o.start, won ? -5 : rejectedAt === 'review' ? -30 : -5), {
        application_id: appId,
        from_stage: won ? 'panel' : rejectedAt,
        reason: won ? null : rejectedAt === 'review' ? '从业年限不足三年' : '面试综合得分未进入前列',
      });
      if (won || rejectedAt === 'panel')
        [huli, head].forEach((u, k) => {
          const s = { practice: 28 + ((i + k * 3) % 11), speech: 20 + ((i * 2 + k) % 9), plan: 19 + ((i + k) % 10) };
          scores.push({ application_id: appId, user_id: u.id, area_code: w.areaCode, scores: s, total: s.practice + s.speech + s.plan });
        });
    });
    for (const [f, t] of [
      ['apply', 'review'],
      ['review', 'panel'],
      ['panel', 'publicity'],
      ['publicity', 'done'],
    ] as const)
      if (o.stages.indexOf(t) <= o.stages.indexOf(o.stage as ProgrammeStage) && o.stages.includes(f) && o.stages.includes(t))
        decide(
          id,
          district,
          'advance',
          t === 'publicity' ? o.start : t === 'done' ? addDays(pubEnd, 1) : addDays(o.start, t === 'review' ? -40 : -20),
          { from_stage: f, to_stage: t },
        );
    return { id, chosen };
  };

  const stages: ProgrammeStage[] = ['apply', 'review', 'panel', 'publicity', 'done'];
  const now = make('talent-now', {
    kind: 'talent',
    title: `湖里区骨干社工人才五年培养计划（${year}年度）`,
    year,
    places: 5,
    stages: ['apply', 'review', 'written', 'panel', 'publicity', 'done'],
    stage: 'publicity',
    start: addDays(today, -2),
    titleKind: 'backbone',
    endsOn: `${year + 4}-12-31`,
    n: 9,
    from: 0,
    selected: 5,
  });
  const past = make('talent-past', {
    kind: 'talent',
    title: `湖里区骨干社工人才五年培养计划（${year - 1}年度）`,
    year: year - 1,
    places: 4,
    stages,
    stage: 'done',
    start: `${year - 1}-06-10`,
    titleKind: 'backbone',
    endsOn: `${year + 3}-12-31`,
    n: 7,
    from: 9,
    selected: 4,
  });
  make('award-best', {
    kind: 'award',
    title: `${year - 1}年度湖里区“最美社工”评选`,
    year: year - 1,
    places: 3,
    stages,
    stage: 'done',
    start: `${year - 1}-11-20`,
    titleKind: 'best_sw',
    endsOn: null,
    n: 6,
    from: 16,
    selected: 3,
  });

  const mobile = sealPhone(keys, '13900000031');
  const objections = [
    {
      id: stableId('pobj:1'),
      programme_id: now.id,
      application_id: apps.find((a) => a.programme_id === now.id)!.id,
      area_code: district,
      name: '王先生',
      mobile_cipher: mobile.phoneCipher,
      mobile_hash: mobile.phoneHash,
      mobile_masked: mobile.phoneMasked,
      text: '该同志的从业年限是否满三年？希望核实。',
      answer: '经核查人才库记录，其2019年入职社工机构，从业满三年，符合条件。',
      answered_by: huli.id,
      answered_by_name: '湖里区民政局',
      answered_at: at(today),
      created_at: at(addDays(today, -1)),
    },
    {
      id: stableId('pobj:2'),
      programme_id: now.id,
      application_id: null,
      area_code: district,
      name: '匿名群众',
      mobile_masked: '139****0032',
      text: '建议公开面试评分细则和各评委打分情况。',
      created_at: at(today),
    },
  ];
  const plan: Record<string, unknown>[] = [];
  const courses: [string, number][] = [
    ['督导能力提升班', 32],
    ['社会工作项目管理', 24],
    ['个案管理实务', 16],
  ];
  past.chosen.slice(0, 4).forEach((w, i) =>
    courses.forEach(([course, hours], k) =>
      plan.push({
        id: stableId(`pplan:${w.id}:${k}`),
        application_id: stableId(`papp:talent-past:${w.id}`),
        area_code: w.areaCode,
        course,
        hours,
        hours_done: k === 0 ? hours : k === 1 ? (i * 6) % hours : 0,
        due_on: `${year + (k === 2 ? 1 : 0)}-12-31`,
      }),
    ),
  );
  const titles = apps
    .filter((a) => a.status === 'appointed')
    .map((a) => {
      const p = programmes.find((x) => x.id === a.programme_id)!;
      return {
        id: stableId(`ptitle:${a.id as string}`),
        worker_id: a.worker_id,
        area_code: a.area_code,
        title: p.title_kind,
        year: p.year,
        granted_by: '湖里区民政局',
      };
    });
  await database.owner(async (db) => {
    await insertDemo(db, 'programmes', programmes);
    await insertDemo(db, 'programme_panelists', panel);
    await insertDemo(db, 'programme_applications', apps);
    await insertDemo(db, 'programme_scores', scores);
    await insertDemo(db, 'programme_decisions', decisions);
    await insertDemo(db, 'programme_objections', objections);
    await insertDemo(db, 'programme_plan_items', plan);
    await grantDemoTitles(
      db,
      titles.filter((t) => t.title),
    );
  });
}
