// The demo's year of trainings for 湖里区: beginner, intermediate and advanced classes, an exam
// preparation course, a supervision class and on-the-job training with their sessions (offline,
// online with a join code, mixed) taught by the teacher pool; registrations of workers from the
// register and of outside people, attendance, some evaluations and the certificates of whoever
// attended enough; one class today (for the QR screen) and an autumn class with a waiting list.
// A few outside-hours entries (approved, pending, rejected). Most workers stay behind on hours,
// as in life. Deterministic; bulk inserts as the owner, in one pass (the seed runs on every start).
import { addDays, completed } from '@wushe/core';
import { sealPhone, stableId, type Database, type Keys } from '@wushe/db';
import { chance, int, mobile, mulberry32, personName, pick } from '@wushe/db/demo';
import { bumpRegistrationSeq, demoTrainees, districtOrg, insertDemoRows, trainingCount, userIdOf } from './trainings.demo.repo.ts';
import { CODE_CHARS, COMMENTS, OUTSIDE_ORGS, PLANS, TEACHERS, demoProofPdf } from './trainings.demo.plans.ts';

/** 09:00 Shanghai (01:00 UTC) on a day; today's session runs all day so its QR screen works in a demo. */
const startOf = (day: string, allDay: boolean) => `${day}T${allDay ? '00:00' : '01:00'}:00.000Z`;
const endOf = (day: string, hours: number, allDay: boolean) =>
  allDay ? `${day}T14:00:00.000Z` : new Date(Date.parse(`${day}T01:00:00Z`) + hours * 3_600_000).toISOString();

export async function seedDemoTrainings(database: Database, keys: Keys, today: string, district = '350206000000'): Promise<number> {
  if ((await database.owner(trainingCount)) > 0) return 0;
  const rng = mulberry32(20261201);
  const { people, org, huli, head } = await database.owner(async (db) => ({
    people: await demoTrainees(db, district),
    org: await districtOrg(db, district),
    huli: await userIdOf(db, 'huli'),
    head: await userIdOf(db, 'jiangtou.head'),
  }));
  if (people.length < 10) return 0;
  const staffLinked = people.filter((p) => p.userId);
  const others = people.filter((p) => !p.userId);
  const teachers = TEACHERS.map((x, i) => ({ id: stableId(`teacher:${district}:${i}`), area_code: district, ...x, active: true }));
  const trainings: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const regs: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  const evaluations: Record<string, unknown>[] = [];
  let seq = 0;
  for (const plan of PLANS) {
    const tid = stableId(`training:${district}:${plan.key}`);
    const days = plan.sessions.map((_, i) => addDays(today, plan.startIn + i * 7));
    const past = days.at(-1)! < today;
    trainings.push({
      id: tid,
      area_code: district,
      org_id: org?.id ?? null,
      title: plan.title,
      level: plan.level,
      description: `${plan.title}：面向湖里区社会工作者，${plan.sessions.length} 次课共 ${plan.sessions.reduce((s, x) => s + x[2], 0)} 学时。`,
      capacity: plan.capacity,
      required_share: 0.8,
      status: past ? 'closed' : 'open',
      created_by: huli ?? null,
      created_at: `${addDays(days[0]!, -30)}T02:00:00Z`,
    });
    const sids = plan.sessions.map(([title, mode, hours], i) => {
      const id = stableId(`tsession:${tid}:${i}`);
      const allDay = plan.startIn === 0;
      sessions.push({
        id,
        training_id: tid,
        area_code: district,
        title,
        starts_at: startOf(days[i]!, allDay),
        ends_at: endOf(days[i]!, hours, allDay),
        mode,
        place: mode === 'online' ? null : '湖里区社会工作培训中心（湖里大道 88 号）',
        stream_url: mode === 'offline' ? null : `https://live.example.cn/huli/${plan.key}-${i + 1}`,
        hours,
        teacher_id: pick(rng, teachers).id,
        join_code: String(int(rng, 0, 999_999)).padStart(6, '0'),
      });
      return { id, day: days[i]!, hours, mode, startsAt: startOf(days[i]!, allDay) };
    });
    const total = sids.reduce((s, x) => s + x.hours, 0);
    // Staff-linked workers take the beginner, supervision, on-the-job and autumn classes.
    const linked = ['b1', 's1', 'o1', 't0', 'b2'].includes(plan.key) ? staffLinked : [];
    const chosen = [...linked, ...others.filter(() => chance(rng, 0.5))].slice(0, plan.workers);
    const outside = Array.from({ length: plan.outsiders }, () => {
      const phone = sealPhone(keys, mobile(rng));
      return {
        id: null as string | null,
        name: personName(rng, 'adult', chance(rng, 0.7) ? 'female' : 'male'),
        mobileCipher: phone.phoneCipher,
        mobileHash: phone.phoneHash,
        mobileMasked: phone.phoneMasked,
        orgName: pick(rng, OUTSIDE_ORGS),
      };
    });
    const everyone = [...chosen.map((p) => ({ ...p })), ...outside];
    everyone.forEach((p, n) => {
      const rid = stableId(`treg:${tid}:${n}`);
      const waiting = plan.capacity !== null && n >= plan.capacity;
      regs.push({
        id: rid,
        training_id: tid,
        area_code: district,
        worker_id: p.id,
        person_name: p.name,
        mobile_cipher: p.mobileCipher,
        mobile_hash: p.mobileHash,
        mobile_masked: p.mobileMasked,
        org_name: p.orgName,
        status: waiting ? 'waiting' : 'registered',
        seq: ++seq,
        registered_at: `${addDays(days[0]!, -int(rng, 3, 20))}T03:00:00Z`,
        // every row names the same columns (the bulk insert takes the first row's)
        certificate_code: null,
        certificate_hours: null,
        certificate_issued_on: null,
      });
      if (waiting) return;
      let hours = 0;
      for (const s of sids) {
        if (s.day > today || (s.day === today && !chance(rng, 0.4)) || !chance(rng, 0.88)) continue;
        hours += s.hours;
        attendance.push({
          id: stableId(`tatt:${rid}:${s.id}`),
          area_code: district,
          occasion_kind: 'training_session',
          occasion_id: s.id,
          occasion_at: s.startsAt,
          person_name: p.name,
          mobile_hash: p.mobileHash,
          attended_at: new Date(Date.parse(s.startsAt) + int(rng, -10, 15) * 60_000).toISOString(),
          method: s.mode === 'online' ? 'code' : chance(rng, 0.6) ? 'qr' : 'list',
          marked_by: s.mode === 'online' ? null : (huli ?? null),
        });
      }
      const reg = regs.at(-1)!;
      if (past && completed(hours, total, 0.8)) {
        reg.certificate_code = Array.from({ length: 10 }, () => pick(rng, [...CODE_CHARS])).join('');
        reg.certificate_hours = hours;
        reg.certificate_issued_on = addDays(days.at(-1)!, 3);
      }
      if (past && hours > 0 && chance(rng, 0.4))
        evaluations.push({
          id: stableId(`teval:${rid}`),
          training_id: tid,
          area_code: district,
          registration_id: rid,
          answers: `{${[0, 1, 2, 3].map(() => int(rng, 3, 5)).join(',')}}`,
          comment: chance(rng, 0.4) ? pick(rng, COMMENTS) : null,
          at: `${addDays(days.at(-1)!, 1)}T10:00:00Z`,
        });
    });
  }
  const { attachments, entries } = manualEntries(rng, staffLinked.concat(others.slice(0, 4)), today, head ?? huli ?? null);
  await database.owner(async (db) => {
    await insertDemoRows(
      db,
      'teachers',
      teachers.map((x) => ({ ...x, subjects: `{${x.subjects.join(',')}}` })),
    );
    await insertDemoRows(db, 'trainings', trainings);
    await insertDemoRows(db, 'training_sessions', sessions);
    await insertDemoRows(db, 'training_registrations', regs);
    await insertDemoRows(db, 'attendance', attendance);
    await insertDemoRows(db, 'training_evaluations', evaluations);
    await insertDemoRows(db, 'attachments', attachments);
    await insertDemoRows(db, 'ce_entries', entries);
    await bumpRegistrationSeq(db);
  });
  return regs.length;
}

/** Outside hours with a proof each: approved, pending and one rejected, over the last two years. */
function manualEntries(rng: () => number, people: { id: string; areaCode: string }[], today: string, reviewer: string | null) {
  const attachments: Record<string, unknown>[] = [];
  const entries: Record<string, unknown>[] = [];
  const courses = [
    ['厦门市社会工作继续教育网络课程', '厦门市社会工作协会', 12],
    ['儿童保护专题培训', '福建省儿童福利指导中心', 8],
    ['社会工作督导能力建设研修', '华东社会工作研究院', 16],
    ['老年社会工作实务工作坊', '厦门市老龄协会', 6],
  ] as const;
  people.slice(0, 7).forEach((p, i) => {
    const [title, provider, hours] = courses[i % courses.length]!;
    const status = i % 3 === 0 ? 'approved' : i % 3 === 1 ? 'pending' : i === 5 ? 'rejected' : 'approved';
    const proof = stableId(`ceproof:${p.id}:${i}`);
    const pdf = demoProofPdf(`CE proof (demo): ${hours} hours`);
    attachments.push({
      id: proof,
      area_code: p.areaCode,
      filename: `${title}.pdf`,
      content_type: 'application/pdf',
      size: pdf.length,
      content: pdf.toString('base64'),
      created_by: null,
    });
    const reviewed = status !== 'pending';
    entries.push({
      id: stableId(`ceentry:${p.id}:${i}`),
      worker_id: p.id,
      area_code: p.areaCode,
      title,
      provider,
      on_date: addDays(today, -int(rng, 20, 500)),
      hours,
      attachment_id: proof,
      status,
      review_note: status === 'rejected' ? '证明材料未盖章，请补充' : null,
      reviewed_by: reviewed ? reviewer : null,
      reviewed_at: reviewed ? `${addDays(today, -int(rng, 1, 15))}T02:00:00Z` : null,
      created_by: null,
    });
  });
  return { attachments, entries };
}
