// The demo's 一呼百应: in 江头 a call-out sent three days ago for the coming Saturday with two
// needs (the repair need full; the clean-up need partly: one accepted, one declined and refilled
// from the next best, two waiting, one place not yet asked for) and a draft for the Sunday after; in 金山 a small one sent two
// days ago. The calls are the core matcher's own choice among the district's active volunteers,
// so their reasons and costs are real. Every sent or answered time is before `today`'s Beijing
// midnight; the needs themselves lie ahead. Written in bulk as the owner; deterministic.
import { proposeMatches, rankFor, type MatchNeed, type MatchVolunteer } from '@wushe/core';
import { insertJson, stableId, type Database } from '@wushe/db';
import { userIdOf } from '../jobs/jobs.demo.repo.ts';
import { communitiesOf } from '../volunteers/volunteers.demo.repo.ts';
import { candidatesIn, type Candidate } from './mobilisations.repo.ts';
import { mobilisationCount } from './mobilisations.demo.repo.ts';

type Answer = 'accepted' | 'declined' | 'sent';

interface DemoNeed {
  title: string;
  skills: string[];
  /** Which community of the street (in code order). */
  community: number;
  place: string;
  /** Days after the plan's anchor day (the coming Saturday). */
  day: number;
  from: string;
  to: string;
  slots: number;
  /** The answers of the chosen volunteers, cheapest first; a decline is refilled as the service does. */
  answers: Answer[];
}

interface DemoPlan {
  key: string;
  street: string;
  by: string;
  title: string;
  /** Created this many days before today (16:30); sent the same day at 09:00 when `sent`. */
  daysAgo: number;
  sent: boolean;
  needs: DemoNeed[];
}

const PLANS: DemoPlan[] = [
  {
    key: 'jiangtou:storm',
    street: '350206004',
    by: 'jiangtou.sw',
    title: '台风过后社区清理与检修',
    daysAgo: 3,
    sent: true,
    needs: [
      {
        title: '清理楼道与绿化带',
        skills: [],
        community: 0,
        place: '各小区楼道及绿化带（社区服务站集合）',
        day: 0,
        from: '08:30',
        to: '11:30',
        slots: 4,
        answers: ['accepted', 'declined', 'sent'],
      },
      {
        title: '检修独居老人家中电路',
        skills: ['repair'],
        community: 1,
        place: '独居老人家中（社区服务站领取工具）',
        day: 0,
        from: '14:00',
        to: '17:00',
        slots: 2,
        answers: ['accepted', 'accepted'],
      },
    ],
  },
  {
    key: 'jiangtou:elders',
    street: '350206004',
    by: 'jiangtou.sw',
    title: '敬老服务日',
    daysAgo: 1,
    sent: false,
    needs: [
      {
        title: '为长者义剪',
        skills: ['haircut'],
        community: 0,
        place: '长者食堂',
        day: 1,
        from: '09:00',
        to: '11:30',
        slots: 2,
        answers: [],
      },
      {
        title: '陪伴行动不便的长者',
        skills: ['companionship'],
        community: 0,
        place: '长者食堂',
        day: 1,
        from: '09:00',
        to: '11:30',
        slots: 3,
        answers: [],
      },
    ],
  },
  {
    key: 'jinshan:meals',
    street: '350206005',
    by: 'jinshan.sw',
    title: '周末长者送餐',
    daysAgo: 2,
    sent: true,
    needs: [
      {
        title: '为独居长者送餐上门',
        skills: [],
        community: 0,
        place: '长者食堂取餐',
        day: 0,
        from: '10:30',
        to: '12:30',
        slots: 2,
        answers: ['accepted', 'sent'],
      },
    ],
  },
];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const asVolunteer = (c: Candidate): MatchVolunteer => ({
  skills: c.skills,
  areaCode: c.areaCode,
  availability: c.availability,
  recentCalls: c.recentCalls,
  busy: c.busy,
});

export async function seedDemoMobilisations(database: Database, today: string): Promise<number> {
  if ((await database.owner(mobilisationCount)) > 0) return 0;
  const midnight = Date.parse(`${today}T00:00:00+08:00`);
  const at = (days: number, hhmm: string) => new Date(midnight + days * DAY_MS + minutes(hhmm) * MINUTE_MS);
  // The coming Saturday (never today): the needs lie ahead whatever day the demo is loaded.
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const saturday = (6 - weekday + 7) % 7 || 7;
  const since = new Date(midnight - 90 * DAY_MS);
  const heads: Record<string, unknown>[] = [];
  const needs: Record<string, unknown>[] = [];
  const calls: Record<string, unknown>[] = [];
  for (const plan of PLANS) {
    const communities = await database.owner((db) => communitiesOf(db, `${plan.street}000`));
    if (communities.length < 2) continue; // a smaller area set (the tests') may lack the street's communities
    const pool = await database.owner((db) => candidatesIn(db, plan.street.slice(0, 6), since, new Date(midnight)));
    const id = stableId(`mobilisation:${plan.key}`);
    const sentAt = at(-plan.daysAgo, '09:00');
    heads.push({
      id,
      area_code: `${plan.street}000`,
      title: plan.title,
      status: plan.sent ? 'sent' : 'draft',
      created_by: await database.owner((db) => userIdOf(db, plan.by)),
      sent_at: plan.sent ? sentAt.toISOString() : null,
      version: plan.sent ? 2 : 1,
      created_at: (plan.sent ? new Date(sentAt.getTime() - 25 * MINUTE_MS) : at(-plan.daysAgo, '16:30')).toISOString(),
    });
    const wanted: MatchNeed[] = plan.needs.map((n) => ({
      skills: n.skills,
      areaCode: communities[n.community]!.code,
      startsAt: at(saturday + n.day, n.from).toISOString(),
      endsAt: at(saturday + n.day, n.to).toISOString(),
      slots: n.answers.length || n.slots,
    }));
    wanted.forEach((n, i) =>
      needs.push({
        id: stableId(`mobilisation-need:${plan.key}:${i}`),
        mobilisation_id: id,
        area_code: n.areaCode,
        title: plan.needs[i]!.title,
        skills: n.skills,
        place: `${communities[plan.needs[i]!.community]!.name}${plan.needs[i]!.place}`,
        starts_at: n.startsAt,
        ends_at: n.endsAt,
        slots: plan.needs[i]!.slots,
      }),
    );
    if (!plan.sent) continue;
    const proposal = proposeMatches(wanted, pool.map(asVolunteer));
    const asked = new Set<number>(proposal.needs.flatMap((n) => n.chosen.map((c) => c.volunteer)));
    proposal.needs.forEach((p, i) => {
      const needId = stableId(`mobilisation-need:${plan.key}:${i}`);
      const call = (v: number, cost: number, reasons: unknown, status: Answer, sent: Date, answered: Date | null) =>
        calls.push({
          id: stableId(`mobilisation-call:${needId}:${pool[v]!.id}`),
          need_id: needId,
          volunteer_id: pool[v]!.id,
          area_code: wanted[i]!.areaCode,
          volunteer_name: pool[v]!.name,
          volunteer_no: pool[v]!.volunteerNo,
          status,
          cost,
          reasons,
          sent_at: sent.toISOString(),
          responded_at: answered?.toISOString() ?? null,
        });
      p.chosen.forEach((c, k) => {
        const status = plan.needs[i]!.answers[k] ?? 'sent';
        const answered = status === 'sent' ? null : new Date(sentAt.getTime() + (20 + 47 * k + 13 * i) * MINUTE_MS);
        call(c.volunteer, c.cost, c.reasons, status, sentAt, answered);
        if (status !== 'declined' || !answered) return;
        // A decline calls the next best not yet asked, at once (mobilisations.service.ts refillNeed).
        const [next] = rankFor(wanted[i]!, pool.map(asVolunteer), asked, 1);
        if (!next) return;
        asked.add(next.volunteer);
        call(next.volunteer, next.cost, next.reasons, 'sent', answered, null);
      });
    });
  }
  await database.tx('', async (db) => {
    await insertJson(db, 'mobilisations', heads);
    await insertJson(db, 'mobilisation_needs', needs);
    await insertJson(db, 'mobilisation_calls', calls);
  });
  return heads.length;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
