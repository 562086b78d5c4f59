// Demo rewards and subsidies for 湖里区: a talent reward by certificate level with applications
// from 江头 and 金山 in every stage (one paid in batch 1), a housing subsidy for newly arrived
// intermediate and senior workers, and next year's draft. Checked against the demo register
// as the service would; deterministic; as the owner.
import { addDays, type SubsidyStage } from '@wushe/core';
import { stableId, type Database } from '@wushe/db';
import { accountsByUsername } from '../cases/cases.demo.repo.ts';
import { assess } from './assess.ts';
import type { PolicyRow } from './policies.repo.ts';
import { insertDemo, policyCount, streetCandidates } from './subsidies.demo.repo.ts';

/** The actions that bring an application to a stage, with the reviewer kind for each. */
const PATHS: Record<SubsidyStage, [string, SubsidyStage, 'applicant' | 'org' | 'dept'][]> = {
  submitted: [['submit', 'submitted', 'applicant']],
  org_review: [
    ['submit', 'submitted', 'applicant'],
    ['accept', 'org_review', 'org'],
  ],
  dept_review: [
    ['submit', 'submitted', 'applicant'],
    ['accept', 'org_review', 'org'],
    ['pass', 'dept_review', 'org'],
  ],
  approved: [
    ['submit', 'submitted', 'applicant'],
    ['accept', 'org_review', 'org'],
    ['pass', 'dept_review', 'org'],
    ['approve', 'approved', 'dept'],
  ],
  paid: [
    ['submit', 'submitted', 'applicant'],
    ['accept', 'org_review', 'org'],
    ['pass', 'dept_review', 'org'],
    ['approve', 'approved', 'dept'],
    ['pay', 'paid', 'dept'],
  ],
  returned: [
    ['submit', 'submitted', 'applicant'],
    ['accept', 'org_review', 'org'],
    ['return', 'returned', 'org'],
  ],
  rejected: [
    ['submit', 'submitted', 'applicant'],
    ['accept', 'org_review', 'org'],
    ['pass', 'dept_review', 'org'],
    ['reject', 'rejected', 'dept'],
  ],
};
const REASONS: Partial<Record<SubsidyStage, string>> = {
  returned: '证书复印件不清晰，请重新上传加盖单位公章的复印件',
  rejected: '申请人已享受同类奖励，不重复发放',
};

export async function seedDemoSubsidies(database: Database, today: string, district = '350206000000'): Promise<void> {
  if ((await database.owner(policyCount)) > 0) return;
  const streets = ['350206004', '350206005'];
  const people = await database.owner(async (db) => Promise.all(streets.map((s) => streetCandidates(db, s, 8))));
  if (people.some((p) => p.length < 6)) return;
  const accounts = await database.owner((db) => accountsByUsername(db, ['huli', 'jiangtou.head']));
  const huli = accounts.find((a) => a.username === 'huli');
  const head = accounts.find((a) => a.username === 'jiangtou.head');
  if (!huli || !head) return;
  const year = Number(today.slice(0, 4));
  const at = (day: string, n = 0) => `${day}T0${2 + (n % 7)}:00:00Z`;
  const policy = (key: string, o: Record<string, unknown>) => ({
    id: stableId(`subsidy-policy:${key}`),
    area_code: district,
    description: null,
    created_by: huli.id,
    created_at: at(addDays(today, -40)),
    ...o,
  });
  const reward = policy('reward', {
    kind: 'reward',
    title: `${year}年度持证社工人才奖励`,
    description: '对取得社会工作者职业水平证书、在湖里区社工机构在岗的社工，按证书等级给予一次性奖励。',
    year,
    budget_fen: 3_000_000,
    opens_on: addDays(today, -30),
    closes_on: addDays(today, 60),
    status: 'published',
    rules: { minLevel: 'assistant', minYearsInField: 1 },
    amount: { mode: 'byLevel', fen: { assistant: 200_000, intermediate: 500_000, senior: 1_000_000 } },
  });
  const housing = policy('housing', {
    kind: 'subsidy',
    title: `${year}年度新引进中高级社工人才住房补贴`,
    description: '新引进到湖里区工作未满两年的中级及以上社工，可申请一次性住房补贴（须上传劳动合同及租房合同）。',
    year,
    budget_fen: 20_000_000,
    opens_on: addDays(today, -20),
    closes_on: addDays(today, 100),
    status: 'published',
    rules: { minLevel: 'intermediate', arrivedWithinMonths: 24 },
    amount: { mode: 'fixed', fen: 3_600_000 },
  });
  const draft = policy('draft', {
    kind: 'reward',
    title: `${year + 1}年度督导人才津贴（草案）`,
    year: year + 1,
    budget_fen: 5_000_000,
    opens_on: `${year + 1}-03-01`,
    closes_on: `${year + 1}-05-31`,
    status: 'draft',
    rules: { minLevel: 'intermediate', titlesAny: ['supervisor_talent'] },
    amount: { mode: 'fixed', fen: 600_000 },
  });
  const apps: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const batchId = stableId('subsidy-batch:reward:1');
  const rewardStages: SubsidyStage[] = ['paid', 'paid', 'approved', 'dept_review', 'org_review', 'submitted', 'returned', 'rejected'];
  await database.owner(async (db) => {
    const add = async (
      p: Record<string, unknown>,
      w: { id: string; name: string; areaCode: string; orgName: string | null },
      stage: SubsidyStage,
      n: number,
      arrivedOn: string | null = null,
    ) => {
      const row = { ...p, areaCode: p.area_code, rules: p.rules, amount: p.amount, closesOn: p.closes_on } as unknown as PolicyRow;
      const day = addDays(p.opens_on as string, 2 + n);
      const check = await assess(db, row, w.id, day, arrivedOn);
      const id = stableId(`subsidy-app:${p.id as string}:${w.id}`);
      // A demo amount the register could not tell is set at the department's approval.
      const amount = check.amountFen ?? 0;
      apps.push({
        id,
        policy_id: p.id,
        area_code: w.areaCode,
        worker_id: w.id,
        name: w.name,
        org_name: w.orgName,
        route: n % 3 === 0 ? 'org' : 'self',
        applied_by: n % 3 === 0 ? head.id : null,
        statement: '本人符合政策条件，申请相应奖补。',
        arrived_on: arrivedOn,
        checks: check.checks,
        check_result: check.checkResult,
        level: check.level,
        amount_fen: amount,
        stage,
        reason: REASONS[stage] ?? null,
        batch_id: stage === 'paid' ? batchId : null,
        created_at: at(day, n),
      });
      PATHS[stage].forEach(([action, to, by], i) =>
        events.push({
          id: stableId(`subsidy-event:${id}:${i}`),
          application_id: id,
          area_code: w.areaCode,
          action,
          from_stage: i ? PATHS[stage][i - 1]![1] : null,
          to_stage: to,
          reason: action === 'pay' ? '#1' : to === stage ? (REASONS[stage] ?? null) : null,
          by_user: by === 'applicant' ? null : by === 'org' ? head.id : huli.id,
          by_name: by === 'applicant' ? w.name : by === 'org' ? 'jiangtou.head' : 'huli',
          at: at(addDays(day, i), n),
        }),
      );
      return amount;
    };
    const all = [...people[0]!, ...people[1]!];
    let paid = 0;
    for (const [n, stage] of rewardStages.entries()) {
      const amount = await add(reward, all[n]!, stage, n);
      if (stage === 'paid') paid += amount;
    }
    await add(housing, all[8]!, 'dept_review', 8, addDays(today, -200));
    await add(housing, all[9]!, 'submitted', 9, addDays(today, -400));
    await add(housing, all[10]!, 'org_review', 10, addDays(today, -900));
    await insertDemo(db, 'subsidy_policies', [reward, housing, draft]);
    await insertDemo(db, 'subsidy_batches', [
      {
        id: batchId,
        policy_id: reward.id,
        area_code: district,
        no: 1,
        note: '第一批',
        count: 2,
        total_fen: paid,
        created_by: huli.id,
        created_at: at(addDays(today, -5)),
      },
    ]);
    await insertDemo(db, 'subsidy_applications', apps);
    await insertDemo(db, 'subsidy_events', events);
  });
}
