// The demo's groups: a year of group work in 江头 (12) and 金山 (4), made through the real
// services on their dates. Types from the group_type list, 6–10 members (residents of the
// street and a few others by name), 4–8 weekly sessions; past sessions recorded with
// realistic attendance (not everyone every time, now and then a guest), finished groups ended
// with their members' satisfaction, the newest still recruiting.
import { addDays, areaPrefix } from '@wushe/core';
import type { Database, Keys } from '@wushe/db';
import { scopedDb } from '../../context.ts';
import { accountsByUsername, caseCandidates, type DemoAccount } from '../cases/cases.demo.repo.ts';
import { groupCount } from './groups.demo.repo.ts';
import { addMembers, createGroup, editGroup, getGroup, type GroupCtx } from './groups.service.ts';
import { listSessions, rateGroup, recordSession } from './groups.sessions.ts';

interface Plan {
  name: string;
  type: string;
  goal: string;
  target: string;
  sessions: number;
  /** Days before today of the first session (negative: still ahead). */
  startsAgo: number;
}

const JIANGTOU: Plan[] = [
  {
    name: '“乐龄同行”独居长者支持小组',
    type: 'support',
    goal: '减轻独居长者的孤独感，建立邻里互助',
    target: '独居长者',
    sessions: 6,
    startsAgo: 345,
  },
  {
    name: '“护心”照顾者减压小组',
    type: 'support',
    goal: '帮助失能老人照顾者舒缓压力、掌握照护技巧',
    target: '照顾者',
    sessions: 6,
    startsAgo: 315,
  },
  {
    name: '“小小梦想家”儿童成长小组',
    type: 'growth',
    goal: '提升困境儿童的自信心与表达能力',
    target: '困境儿童',
    sessions: 8,
    startsAgo: 290,
  },
  {
    name: '慢病自我管理教育小组',
    type: 'education',
    goal: '掌握高血压、糖尿病日常管理知识',
    target: '慢病长者',
    sessions: 5,
    startsAgo: 260,
  },
  {
    name: '“防跌倒”健康教育小组',
    type: 'education',
    goal: '认识跌倒风险，学习居家防跌措施',
    target: '高龄长者',
    sessions: 4,
    startsAgo: 230,
  },
  {
    name: '“心晴”情绪舒缓小组',
    type: 'therapy',
    goal: '缓解轻度焦虑抑郁情绪，学习放松方法',
    target: '筛查阳性长者',
    sessions: 6,
    startsAgo: 200,
  },
  {
    name: '“邻里一家亲”社交康乐小组',
    type: 'socialisation',
    goal: '扩大长者社交圈，丰富精神文化生活',
    target: '空巢长者',
    sessions: 8,
    startsAgo: 170,
  },
  { name: '残疾人家属互助小组', type: 'mutual_aid', goal: '家属之间分享经验、互相支持', target: '残疾人家属', sessions: 5, startsAgo: 140 },
  {
    name: '“巧手坊”手工康乐小组',
    type: 'socialisation',
    goal: '通过手工活动促进交流与精细动作训练',
    target: '社区长者',
    sessions: 6,
    startsAgo: 100,
  },
  {
    name: '“智慧助老”手机使用教育小组',
    type: 'education',
    goal: '学会用手机挂号、视频通话和防范诈骗',
    target: '长者',
    sessions: 6,
    startsAgo: 30,
  },
  {
    name: '“向阳花”青少年成长小组',
    type: 'growth',
    goal: '提升留守青少年的沟通与规划能力',
    target: '留守青少年',
    sessions: 6,
    startsAgo: -10,
  },
  {
    name: '认知症家属互助小组',
    type: 'mutual_aid',
    goal: '认知症照顾经验交流与情绪支持',
    target: '认知症家属',
    sessions: 4,
    startsAgo: -20,
  },
];

const JINSHAN: Plan[] = [
  { name: '“银龄乐”长者社交小组', type: 'socialisation', goal: '增进长者交流，减少孤独', target: '空巢长者', sessions: 6, startsAgo: 280 },
  {
    name: '低保家庭子女学业支持小组',
    type: 'growth',
    goal: '培养学习习惯，提升学业信心',
    target: '低保家庭儿童',
    sessions: 8,
    startsAgo: 180,
  },
  { name: '“健康厨房”膳食教育小组', type: 'education', goal: '学习低盐低油的健康膳食', target: '慢病长者', sessions: 4, startsAgo: 60 },
  { name: '“同路人”丧偶长者支持小组', type: 'support', goal: '陪伴丧偶长者走过哀伤', target: '丧偶长者', sessions: 6, startsAgo: 14 },
];

const OTHERS = ['王阿姨', '陈伯', '林奶奶', '黄叔', '张阿婆', '郑大姐', '吴伯伯', '许阿姨'];
const GUESTS = ['社区志愿者小李', '楼长刘姐', '家属陈女士'];
const CONTENT = [
  '破冰游戏与相互认识，共同订立小组契约。',
  '围绕主题分享各自的经验与困难，社工引导讨论。',
  '情景演练与技巧练习，组员两两配对练习。',
  '邀请社区医生讲解相关知识并现场答疑。',
  '组员分享一周来的变化，巩固所学内容。',
  '回顾小组历程，处理离别情绪，颁发纪念卡片。',
];
const EVALUATION = [
  '组员参与积极，气氛融洽。',
  '个别组员较沉默，下节加强引导。',
  '目标基本达成，组员反馈良好。',
  '时间略紧，下节调整流程。',
];

const dayAt = (day: string, hourUtc = 7) => new Date(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`);

export async function seedDemoGroups(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(groupCount)) > 0) return 0;
  const accounts = new Map(
    (await database.owner((db) => accountsByUsername(db, ['jiangtou.head', 'jiangtou.sw', 'jinshan.sw']))).map((a) => [a.username, a]),
  );
  const ctxOf = (a: DemoAccount, now: Date): GroupCtx => {
    const scope = areaPrefix(a.areaCode);
    return {
      db: scopedDb(database, scope),
      keys,
      scope,
      now,
      ip: null,
      actor: { ...a, permissions: a.permissions as GroupCtx['actor']['permissions'], area: { code: a.areaCode, name: '' } },
    };
  };
  let made = 0;
  const streets: [Plan[], string, DemoAccount | undefined, DemoAccount | undefined][] = [
    [JIANGTOU, '350206004', accounts.get('jiangtou.sw'), accounts.get('jiangtou.head')],
    [JINSHAN, '350206005', accounts.get('jinshan.sw'), undefined],
  ];
  for (const [plans, street, worker, head] of streets) {
    if (!worker) continue;
    const pool = await database.owner((db) => caseCandidates(db, street, 60));
    if (pool.length < 10) continue;
    for (const [i, plan] of plans.entries()) {
      const runner = head && i % 4 === 3 ? head : worker;
      const first = addDays(today, -plan.startsAgo);
      const g = await createGroup(ctxOf(runner, dayAt(addDays(first, -14))), {
        name: plan.name,
        type: plan.type,
        goal: plan.goal,
        targetGroup: plan.target,
        place: '社工站活动室',
        schedule: { count: plan.sessions, firstAt: dayAt(first).toISOString(), intervalDays: 7, durationMinutes: 90 },
      });
      const size = 6 + ((i * 3) % 5);
      const residentIds = Array.from({ length: size - 1 - (i % 2) }, (_, k) => pool[(i * 7 + k) % pool.length]!);
      const others = OTHERS.slice(i % OTHERS.length, (i % OTHERS.length) + 1 + (i % 2)).map((name) => ({ name }));
      const members = (await addMembers(ctxOf(runner, dayAt(addDays(first, -7))), g.id, { residentIds: [...new Set(residentIds)], others }))
        .items;
      const sessions = (await listSessions(ctxOf(runner, dayAt(first)), g.id)).items;
      for (const [k, s] of sessions.entries()) {
        const end = new Date(s.endsAt);
        if (end.getTime() > dayAt(today, 2).getTime()) break;
        // Not everyone every time: about one in five misses a session.
        const present = members.filter((_, j) => (j * 7 + k * 3 + i) % 5 !== 0).map((m) => m.id);
        await recordSession(ctxOf(runner, end), g.id, s.id, {
          version: s.version,
          presentMemberIds: present,
          guests: k % 3 === 1 ? [{ name: GUESTS[(i + k) % GUESTS.length]! }] : [],
          content: k === sessions.length - 1 ? CONTENT[5]! : CONTENT[k % 5]!,
          evaluation: EVALUATION[(i + k) % EVALUATION.length]!,
        });
      }
      const lastEnd = addDays(first, (plan.sessions - 1) * 7);
      if (lastEnd < addDays(today, -1)) {
        const closing = ctxOf(runner, dayAt(addDays(lastEnd, 1)));
        for (const [j, m] of members.entries())
          if (j % 4 !== 3)
            await rateGroup(closing, g.id, { memberId: m.id, score: j % 3 === 0 ? 4 : 5, comment: j % 2 ? '收获很大' : null });
        const now = await getGroup(closing, g.id);
        await editGroup(closing, g.id, { version: now.version, status: 'ended' });
      }
      made++;
    }
  }
  return made;
}
