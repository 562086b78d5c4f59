// The demo's volunteers: 500 in 江头 and 金山 (and a few in other streets of 湖里), with skills,
// availability and teams, a few self-registrations awaiting the station, suspended and left
// ones; posts on the year's community activities with the volunteers accepted, their check-ins
// and hours (mostly approved, some corrected or declined, the last week's awaiting approval, one
// missing check-out flagged), and open posts on upcoming activities with sign-ups. 林晓, a demo
// public account, is a confirmed volunteer. Written in bulk as the owner; deterministic.
import { closeHours, makeIdNumber, shanghaiToday, volunteerNumber } from '@wushe/core';
import { insertJson, sealIdentity, sealPhone, stableId, type Database, type Keys } from '@wushe/db';
import { demoAccounts, userIdOf } from '../jobs/jobs.demo.repo.ts';
import { certificatesFor } from './volunteers.demo.certificates.ts';
import { statusEventsFor } from './volunteers.demo.events.ts';
import { communitiesOf, demoActivities, setVolunteerSeq, volunteerCount } from './volunteers.demo.repo.ts';

const SURNAMES = '陈林黄张李王吴刘蔡杨许郑谢洪郭邱曾廖赖周徐苏叶庄吕江何萧罗高';
const GIVEN = [
  '志强',
  '丽华',
  '建国',
  '淑芬',
  '晓燕',
  '俊杰',
  '雅婷',
  '文斌',
  '秀英',
  '明辉',
  '佳怡',
  '国平',
  '美玲',
  '子涵',
  '海峰',
  '婉清',
  '振华',
  '思远',
  '春梅',
  '一鸣',
];
const SKILLS = [
  'medical',
  'repair',
  'teaching',
  'companionship',
  'driving',
  'legal',
  'psychological',
  'photography',
  'haircut',
  'cooking',
  'it',
  'events',
];
const STREETS = [
  { code: '350206004', share: 300, teams: ['江头红马甲服务队', '江头银龄互助队', '江头青年突击队', '江头巧手维修队'] },
  { code: '350206005', share: 170, teams: ['金山爱心服务队', '金山护学岗志愿队'] },
  { code: '350206001', share: 15, teams: [] },
  { code: '350206002', share: 15, teams: [] },
];
const POSTS = [
  ['活动引导员', '签到引导、秩序维护', ['events']],
  ['摄影记录', '拍摄活动照片，整理图文', ['photography']],
  ['助老陪护', '陪伴行动不便的老人参加活动', ['companionship']],
  ['义诊协助', '协助医生量血压、登记', ['medical']],
  ['智能手机辅导', '一对一教老人用手机', ['it']],
] as const;

const rand = (key: string) => parseInt(stableId(key).slice(0, 8), 16) / 0x1_0000_0000;
const pick = <T>(list: readonly T[], key: string) => list[Math.floor(rand(key) * list.length)]!;

export async function seedDemoVolunteers(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(volunteerCount)) > 0) return 0;
  const year = Number(today.slice(0, 4));
  const volunteers: Record<string, unknown>[] = [];
  const byStreet = new Map<string, { id: string; name: string; no: string; skills: string[]; since: number }[]>();
  const teams: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const [lin] = (await database.owner(demoAccounts)).filter((a) => a.name === '林晓');
  const volunteerUser = await database.owner((db) => userIdOf(db, 'volunteer.demo'));
  let i = 0;
  for (const s of STREETS) {
    const communities = await database.owner((db) => communitiesOf(db, `${s.code}000`));
    if (!communities.length) continue; // a smaller area set (the tests') may lack the street's communities
    const active: { id: string; name: string; no: string; skills: string[]; since: number }[] = [];
    for (let k = 0; k < s.share; k++, i++) {
      const key = `volunteer:${i}`;
      const isLin = i === 0 && lin;
      const name = isLin ? '林晓' : pick([...SURNAMES], `${key}:s`) + pick(GIVEN, `${key}:g`);
      const born = `${1958 + Math.floor(rand(`${key}:y`) * 47)}${String(1 + Math.floor(rand(`${key}:m`) * 12)).padStart(2, '0')}${String(1 + Math.floor(rand(`${key}:d`) * 28)).padStart(2, '0')}`;
      const id = makeIdNumber('350206', born, 500 + (i % 500));
      const sealed = sealIdentity(keys, 'resident_id', id, today);
      if (!sealed.ok) continue;
      const mobile = isLin ? '13800000001' : `1375${String(2_000_000 + i * 7).padStart(7, '0')}`;
      const p = sealPhone(keys, mobile);
      const r = rand(`${key}:status`);
      const status = isLin ? 'active' : r < 0.03 ? 'pending' : r < 0.05 ? 'suspended' : r < 0.07 ? 'left' : 'active';
      // 林晓 has served with the station for a while (her 工作台 shows a year of hours).
      const ageDays = isLin ? 650 : Math.floor(rand(`${key}:age`) * 700);
      const created = new Date(Date.parse(`${today}T00:00:00+08:00`) - ageDays * 86_400_000);
      const skills = SKILLS.filter((_, j) => rand(`${key}:skill:${j}`) < 0.18);
      const av = rand(`${key}:av`);
      const volunteerId = stableId(key);
      volunteers.push({
        id: volunteerId,
        area_code: pick(communities, `${key}:c`).code,
        volunteer_no: volunteerNumber(Number(shanghaiToday(created).slice(0, 4)), i + 1),
        public_account_id: isLin ? lin!.id : null,
        // volunteer.demo, the demo's staff account of the volunteer role, is 林晓 at the station.
        user_id: isLin ? volunteerUser : null,
        name,
        gender: sealed.value.sex,
        birth_date: sealed.value.birthDate,
        id_cipher: sealed.value.idCipher,
        id_hash: sealed.value.idHash,
        id_masked: sealed.value.idMasked,
        mobile_cipher: p.phoneCipher,
        mobile_hash: p.phoneHash,
        mobile_masked: p.phoneMasked,
        skills: skills.length ? skills : [pick(SKILLS, `${key}:one`)],
        availability:
          av < 0.55
            ? { weekdays: [6, 7], from: '08:00', to: '18:00' }
            : av < 0.8
              ? { weekdays: [1, 2, 3, 4, 5], from: '18:30', to: '21:30' }
              : null,
        status,
        source: status === 'pending' || rand(`${key}:src`) < 0.3 ? 'self' : 'station',
        confirmed_at: status === 'pending' ? null : created.toISOString(),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
      });
      // Serving from the day after registering (a self-registration is confirmed then).
      if (status === 'active')
        active.push({
          id: volunteerId,
          name,
          no: volunteers.at(-1)!.volunteer_no as string,
          skills,
          since: created.getTime() + 86_400_000,
        });
    }
    byStreet.set(s.code, active);
    s.teams.forEach((teamName, t) => {
      const teamId = stableId(`team:${teamName}`);
      teams.push({
        id: teamId,
        area_code: communities[0]!.code,
        name: teamName,
        description: `${teamName}：常年服务社区老人与儿童`,
        created_at: `${year - 1}-03-01T02:00:00Z`,
      });
      active
        .filter((_, j) => j % s.teams.length === t)
        .slice(0, 12 + t * 5)
        .forEach((v, j) =>
          members.push({
            id: stableId(`member:${teamId}:${v.id}`),
            team_id: teamId,
            volunteer_id: v.id,
            area_code: communities[0]!.code,
            volunteer_name: v.name,
            volunteer_no: v.no,
            role: j < (t === 0 ? 2 : 1) ? 'leader' : 'member',
            joined_on: `${year - 1}-03-01`,
          }),
        );
    });
  }
  const { posts, signups, hours, events } = await serviceRecords(database, byStreet, today);
  const certificates = certificatesFor(hours, volunteers, today);
  const statusEvents = statusEventsFor(volunteers, today === shanghaiToday(new Date()) ? new Date() : new Date(`${today}T12:00:00+08:00`));
  await database.tx('', async (db) => {
    await insertJson(db, 'volunteers', volunteers);
    await insertJson(db, 'volunteer_events', statusEvents);
    await insertJson(db, 'volunteer_teams', teams);
    await insertJson(db, 'team_members', members);
    await insertJson(db, 'volunteer_posts', posts);
    await insertJson(db, 'volunteer_signups', signups);
    await insertJson(db, 'service_hours', hours);
    await insertJson(db, 'service_hour_events', events);
    await insertJson(db, 'volunteer_certificates', certificates);
  });
  // The sequence takes over after the demo's numbers (the owner may move it).
  await database.owner((db) => setVolunteerSeq(db, volunteers.length + 1));
  return volunteers.length;
}

/** Posts on the demo activities, accepted volunteers of the street, and their hours. */
async function serviceRecords(
  database: Database,
  byStreet: Map<string, { id: string; name: string; no: string; skills: string[]; since: number }[]>,
  today: string,
) {
  // Past and upcoming as of now (a demo seeded for another day: its noon in Shanghai).
  const now = today === shanghaiToday(new Date()) ? Date.now() : Date.parse(`${today}T12:00:00+08:00`);
  const posts: Record<string, unknown>[] = [];
  const signups: Record<string, unknown>[] = [];
  const hours: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const a of await database.owner(demoActivities)) {
    const pool = byStreet.get(a.areaCode.slice(0, 9)) ?? [];
    if (!pool.length || a.status === 'cancelled') continue;
    const starts = new Date(a.startsAt);
    const ends = new Date(a.endsAt);
    const past = ends.getTime() < now;
    const nPosts = rand(`posts:${a.id}`) < 0.35 ? 2 : 1;
    for (let p = 0; p < nPosts; p++) {
      const [title, duty, skills] = pick(POSTS, `post:${a.id}:${p}`);
      const postId = stableId(`post:${a.id}:${p}`);
      const slots = 3 + Math.floor(rand(`slots:${postId}`) * 5);
      posts.push({
        id: postId,
        activity_id: a.id,
        area_code: a.areaCode,
        title,
        duty,
        skills,
        slots,
        status: past ? 'closed' : 'open',
        created_by: a.organiserId,
        created_at: new Date(starts.getTime() - 10 * 86_400_000).toISOString(),
      });
      const taken = past ? slots - Math.floor(rand(`short:${postId}`) * 2) : Math.floor(rand(`short:${postId}`) * slots);
      const start = Math.floor(rand(`pool:${postId}`) * pool.length);
      for (let k = 0; k < taken + (past ? 0 : 2); k++) {
        const v = pool[(start + k * 7) % pool.length]!;
        if (v.since > starts.getTime() - 5 * 86_400_000) continue; // not registered yet when it recruited
        if (signups.some((s) => s.activity_id === a.id && s.volunteer_id === v.id)) continue;
        const accepted = past || k < taken;
        const signupId = stableId(`signup:${postId}:${v.id}`);
        signups.push({
          id: signupId,
          post_id: postId,
          activity_id: a.id,
          volunteer_id: v.id,
          area_code: a.areaCode,
          volunteer_name: v.name,
          volunteer_no: v.no,
          status: accepted ? 'accepted' : 'applied',
          source: k % 3 === 0 ? 'station' : 'self',
          decided_by: accepted ? a.organiserId : null,
          decided_at: accepted ? new Date(starts.getTime() - 3 * 86_400_000).toISOString() : null,
          created_at: new Date(starts.getTime() - 5 * 86_400_000).toISOString(),
        });
        if (!past) continue;
        const r = rand(`hours:${signupId}`);
        const hoursId = stableId(`hours:${signupId}`);
        const checkin = new Date(starts.getTime() + Math.floor(r * 30 - 15) * 60_000);
        const missing = r > 0.97;
        const closed = closeHours(checkin, missing ? null : new Date(ends.getTime() + Math.floor(r * 40 - 20) * 60_000), {
          startsAt: starts,
          endsAt: ends,
        });
        const recent = now - ends.getTime() < 7 * 86_400_000;
        const status = recent || missing ? 'pending' : r < 0.04 ? 'declined' : 'approved';
        const corrected = status === 'approved' && r > 0.9;
        const credited =
          status === 'approved' ? (corrected ? Math.max(0, closed.minutes - 30) : closed.minutes) : status === 'declined' ? 0 : null;
        const decidedAt = new Date(ends.getTime() + 86_400_000).toISOString();
        hours.push({
          id: hoursId,
          activity_id: a.id,
          volunteer_id: v.id,
          area_code: a.areaCode,
          volunteer_name: v.name,
          volunteer_no: v.no,
          checkin_at: checkin.toISOString(),
          checkout_at: closed.checkoutAt.toISOString(),
          checkin_method: r < 0.7 ? 'qr' : 'list',
          checkout_method: missing ? 'auto' : r < 0.7 ? 'qr' : 'list',
          minutes: closed.minutes,
          flag: missing ? 'missing_checkout' : null,
          status,
          credited_minutes: credited,
          correction_reason: corrected ? '提前离场半小时，按实际服务时长认定' : status === 'declined' ? '未实际到岗' : null,
          decided_by: status === 'pending' ? null : a.organiserId,
          decided_at: status === 'pending' ? null : decidedAt,
          served_on: shanghaiToday(starts),
        });
        const ev = (action: string, at: string, after: number | null, reason: string | null = null) =>
          events.push({
            id: stableId(`event:${hoursId}:${action}`),
            hours_id: hoursId,
            area_code: a.areaCode,
            action,
            minutes_before: null,
            minutes_after: after,
            reason,
            actor_name: action.startsWith('check') ? v.name : null,
            at,
          });
        ev('checkin', checkin.toISOString(), null);
        ev(missing ? 'auto_close' : 'checkout', closed.checkoutAt.toISOString(), closed.minutes);
        if (status !== 'pending')
          ev(
            corrected ? 'correct' : status === 'approved' ? 'approve' : 'decline',
            decidedAt,
            credited,
            (hours.at(-1)!.correction_reason as string | null) ?? null,
          );
      }
    }
  }
  return { posts, signups, hours, events };
}
