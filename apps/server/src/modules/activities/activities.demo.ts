// The demo's community activities: a year in 江头 (~50) and 金山 (~15), made through the real
// services on their dates. Past ones were held, with residents of the street signed up and
// ticked from the list, a few walk-ins scanning the QR code, and satisfaction from some; two
// were cancelled; a few upcoming ones have sign-ups.
import { addDays, areaPrefix } from '@wushe/core';
import { phoneBlindIndex, type Database, type Keys } from '@wushe/db';
import { scopedDb } from '../../context.ts';
import { markPresent, recordSatisfaction } from '../attendance/attendance.repo.ts';
import { accountsByUsername, type DemoAccount } from '../cases/cases.demo.repo.ts';
import { changeAttendance, occasionOf } from './activities.attendance.ts';
import { activityCount, streetRegulars } from './activities.demo.repo.ts';
import { changeStatus, createActivity, editActivity, type ActivityCtx } from './activities.service.ts';

const TITLES = [
  '长者健康讲座',
  '中秋游园会',
  '亲子阅读会',
  '防范电信诈骗宣传',
  '垃圾分类课堂',
  '义诊进社区',
  '重阳敬老茶话会',
  '手工编织兴趣班',
  '智能手机使用课',
  '邻里文化节',
];
const PARTNERS = ['湖里区人民医院', '江头派出所', '社区志愿者服务队', '厦门市图书馆'];
const WALK_INS = ['陈阿姨', '林伯', '黄小妹', '吴先生', '郑女士', '许大爷'];

interface Plan {
  username: string;
  street: string;
  place: string;
  past: number;
  every: number;
  upcoming: number[];
  cancelled: number[];
}

const PLANS: Plan[] = [
  {
    username: 'jiangtou.sw',
    street: '350206004',
    place: '江头社区活动室',
    past: 46,
    every: 8,
    upcoming: [3, 7, 14, 21],
    cancelled: [5, 23],
  },
  { username: 'jinshan.sw', street: '350206005', place: '金山社区党群服务中心', past: 13, every: 27, upcoming: [5, 12], cancelled: [] },
];

export async function seedDemoActivities(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(activityCount)) > 0) return 0;
  const accounts = new Map(
    (
      await database.owner((db) =>
        accountsByUsername(
          db,
          PLANS.map((p) => p.username),
        ),
      )
    ).map((a) => [a.username, a]),
  );
  let made = 0;
  for (const plan of PLANS) {
    const account = accounts.get(plan.username);
    if (!account) continue;
    const regulars = await database.owner((db) => streetRegulars(db, plan.street, 30));
    if (regulars.length < 10) continue;
    const ctxAt = (a: DemoAccount, now: Date): ActivityCtx => {
      const scope = areaPrefix(a.areaCode);
      return {
        db: scopedDb(database, scope),
        keys,
        scope,
        now,
        ip: null,
        actor: { ...a, permissions: a.permissions as ActivityCtx['actor']['permissions'], area: { code: a.areaCode, name: '' } },
      };
    };
    const days = [...Array.from({ length: plan.past }, (_, i) => -(2 + i * plan.every)), ...plan.upcoming];
    for (const [i, offset] of days.entries()) {
      const day = addDays(today, offset);
      const startsAt = new Date(`${day}T09:00:00+08:00`);
      const planned = ctxAt(account, addMinutes(startsAt, -60 * 24 * 7));
      const a = await createActivity(planned, {
        title: TITLES[i % TITLES.length]!,
        place: plan.place,
        startsAt: startsAt.toISOString(),
        endsAt: addMinutes(startsAt, 120).toISOString(),
        capacity: i % 3 === 0 ? null : 30,
        partners: i % 2 ? [PARTNERS[i % PARTNERS.length]!] : [],
        targetGroup: i % 2 ? '辖区长者' : '辖区居民',
        description: null,
      });
      const people = Array.from({ length: 6 + (i % 7) }, (_, k) => regulars[(i * 5 + k) % regulars.length]!);
      let list = await changeAttendance(planned, a.id, { action: 'signUp', residentIds: people, others: [] });
      if (offset > 0) {
        made++;
        continue; // upcoming: sign-ups only
      }
      if (plan.cancelled.includes(i)) {
        await changeStatus(planned, a.id, { version: a.version, to: 'cancelled' });
        made++;
        continue;
      }
      // On the day: most of those signed up are ticked from the list, a walk-in or two scan the code.
      const during = ctxAt(account, addMinutes(startsAt, 20));
      const came = people.filter((_, k) => k % 4 !== 3);
      list = await changeAttendance(during, a.id, { action: 'present', residentIds: came, others: [] });
      // Walk-ins who scanned the code, and part of those present answering satisfaction afterwards.
      await database.tx(areaPrefix(a.areaCode), async (db) => {
        for (let w = 0; w < 1 + (i % 2); w++) {
          const name = WALK_INS[(i + w) % WALK_INS.length]!;
          const mobile = `137${String(5000_0000 + i * 10 + w).padStart(8, '0')}`;
          const at = addMinutes(startsAt, 5 + w);
          await markPresent(db, occasionOf(a), { name, mobileHash: phoneBlindIndex(keys, mobile) }, { method: 'qr', by: null, at });
        }
        const subject = { kind: 'activity' as const, subjectId: a.id, areaCode: a.areaCode, workerId: a.organiserId };
        const answered = list.items.filter((r) => r.attendedAt).slice(0, 3 + (i % 3));
        for (const [k, row] of answered.entries())
          await recordSatisfaction(
            db,
            subject,
            { residentId: row.residentId, name: row.personName },
            { score: [5, 4, 5, 3, 4][(i + k) % 5]!, comment: k === 0 ? '活动很实用，希望多举办' : null, recordedBy: account.id },
          );
      });
      const after = ctxAt(account, addMinutes(startsAt, 150));
      const held = await changeStatus(after, a.id, { version: a.version, to: 'held' });
      await editActivity(after, a.id, {
        version: held.version,
        summary: `${TITLES[i % TITLES.length]!}顺利举办，到场 ${held.present} 人，居民参与积极。`,
      });
      made++;
    }
  }
  return made;
}

const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
