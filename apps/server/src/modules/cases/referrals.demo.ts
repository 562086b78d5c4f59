// The demo's referrals (转介), made through the real services as the demo accounts on past dates:
// 江头's worker refers open cases to the 康宁 hospital's social-work department (accepted, one
// then ended, one declined with a reason, one pending), to the 同心 agency (pending: it has no
// account in the demo) and outside Wushe (an answer typed in, one declined), so the referral
// pages and a case's card show every state.
import { addDays, areaPrefix, type Lang } from '@wushe/core';
import type { Database, Keys } from '@wushe/db';
import { scopedDb } from '../../context.ts';
import { accountsByUsername, openCasesOf, orgNamed, orgOf, referralCount, type DemoAccount } from './cases.demo.repo.ts';
import { closeReferral, decideReferral, recordOutcome, referCase, type ReferralCtx } from './referrals.service.ts';

const HOSPITAL = '厦门市湖里区康宁医院社会工作部';
const AGENCY = '厦门市湖里区同心社会工作服务中心';

type Plan =
  | { to: 'hospital'; reason: string; service: string; then: 'accept' | 'decline' | 'end' | 'wait'; comment?: string }
  | { to: 'agency'; reason: string; service: string }
  | { to: 'external'; name: string; reason: string; accepted: boolean; comment: string };

const PLANS: Plan[] = [
  {
    to: 'hospital',
    reason: '术后居家康复，需要医院社工衔接出院计划',
    service: '出院计划与康复指导',
    then: 'accept',
    comment: '已安排社工随访',
  },
  { to: 'hospital', reason: '慢病管理依从性差，需要医务社工介入', service: '慢病管理小组', then: 'end', comment: '纳入慢病管理小组' },
  {
    to: 'hospital',
    reason: '情绪低落，希望转介心理门诊评估',
    service: '心理评估',
    then: 'decline',
    comment: '本院暂无心理门诊，建议转介仙岳医院',
  },
  { to: 'hospital', reason: '家属照护压力大，需要照护技能培训', service: '照护者培训', then: 'wait' },
  { to: 'agency', reason: '子女教育问题，需要专业家庭社工跟进', service: '家庭辅导' },
  { to: 'external', name: '厦门市仙岳医院', reason: '需要精神科评估', accepted: true, comment: '已预约门诊，每月复诊' },
  {
    to: 'external',
    name: '湖里区法律援助中心',
    reason: '赡养纠纷，需要法律咨询',
    accepted: false,
    comment: '不符合法律援助条件，已告知自行委托律师',
  },
];

export async function seedDemoReferrals(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(referralCount)) > 0) return 0;
  const accounts = new Map(
    (await database.owner((db) => accountsByUsername(db, ['jiangtou.sw', 'kangning.sw']))).map((a) => [a.username, a]),
  );
  const [sw, hospital] = [accounts.get('jiangtou.sw'), accounts.get('kangning.sw')];
  if (!sw || !hospital) return 0;
  const ctxOf = async (a: DemoAccount, daysAgo: number): Promise<ReferralCtx> => {
    const scope = areaPrefix(a.areaCode);
    return {
      db: scopedDb(database, scope),
      keys,
      scope,
      now: new Date(Date.parse(`${addDays(today, -daysAgo)}T03:00:00Z`)),
      ip: null,
      lang: 'zh-CN' as Lang,
      actor: {
        ...a,
        permissions: a.permissions as ReferralCtx['actor']['permissions'],
        org: await database.owner((db) => orgOf(db, a.id)),
      },
    };
  };
  const [hospitalOrg, agencyOrg] = await database.owner(async (db) => [await orgNamed(db, HOSPITAL), await orgNamed(db, AGENCY)]);
  const cases = await database.owner((db) => openCasesOf(db, sw.id, PLANS.length));
  let made = 0;
  for (const [i, c] of cases.entries()) {
    const plan = PLANS[i]!;
    const day = 40 - i * 5;
    const target =
      plan.to === 'external' ? { externalName: plan.name } : { toOrgId: (plan.to === 'hospital' ? hospitalOrg : agencyOrg) ?? undefined };
    if (!target.externalName && !target.toOrgId) continue;
    const r = await referCase(await ctxOf(sw, day), c.id, {
      ...target,
      reason: plan.reason,
      service: 'service' in plan ? plan.service : undefined,
    });
    made++;
    if (plan.to === 'external') {
      await recordOutcome(await ctxOf(sw, day - 3), r.id, { version: r.version, accepted: plan.accepted, comment: plan.comment });
    } else if (plan.to === 'hospital' && plan.then !== 'wait') {
      const accept = plan.then !== 'decline';
      const d = await decideReferral(await ctxOf(hospital, day - 2), r.id, {
        version: r.version,
        accept,
        comment: plan.comment,
        openCase: false,
      });
      if (plan.then === 'end') await closeReferral(await ctxOf(sw, day - 20), r.id, { version: d.version, note: '已完成出院衔接' });
    }
  }
  return made;
}
