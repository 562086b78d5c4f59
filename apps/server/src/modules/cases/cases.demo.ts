// The demo's casework in 江头街道 and 金山街道 over the past year, made through the real services
// as the demo accounts on past dates: cases at every stage, plans returned and approved by the
// 江头 station head, goal progress, closures approved, a few reopened, notes. 金山 has no station
// head, so its plans wait for one (the approval queue a district sees). Each case follows the
// same path; the age of the case and a per-case cap decide how far it has come.
import { addDays, areaPrefix, type CaseDetail, type CaseStage, type GoalStatus, type Lang } from '@wushe/core';
import type { Database, Keys } from '@wushe/db';
import { scopedDb } from '../../context.ts';
import { decide, moveCase, recordProgress, savePlan, submitClosure } from './cases.flow.ts';
import { accountsByUsername, caseCandidates, caseCount, type DemoAccount } from './cases.demo.repo.ts';
import { addNote, openCase, type CaseCtx } from './cases.service.ts';
import { PROBLEMS, type DemoStory } from './cases.demo.stories.ts';

const STREETS = [
  { street: '350206004', worker: 'jiangtou.sw', head: 'jiangtou.head', cases: 96 },
  { street: '350206005', worker: 'jinshan.sw', head: null, cases: 40 },
];

/** How far the i-th case of a street may come (its age may stop it earlier). */
const CAPS: (CaseStage | 'reopened')[] = [
  'closed',
  'intervention',
  'closed',
  'review',
  'intervention',
  'plan',
  'closed',
  'assessment',
  'reopened',
  'intake',
  'intervention',
  'review',
];

/** 10:00 in Shanghai `daysAgo` days before `today`, plus `hours`. */
const dayAt = (today: string, daysAgo: number, hours = 0) =>
  new Date(Date.parse(`${addDays(today, -daysAgo)}T02:00:00Z`) + hours * 3_600_000);

export async function seedDemoCases(database: Database, keys: Keys, today: string): Promise<number> {
  if ((await database.owner(caseCount)) > 0) return 0;
  const names = STREETS.flatMap((s) => [s.worker, ...(s.head ? [s.head] : [])]);
  const account = new Map((await database.owner((db) => accountsByUsername(db, names))).map((a) => [a.username, a]));
  if (names.some((u) => !account.has(u))) return 0;
  const ctxOf = (a: DemoAccount, now: Date): CaseCtx & { lang: Lang } => {
    const scope = areaPrefix(a.areaCode);
    return {
      db: scopedDb(database, scope),
      keys,
      scope,
      now,
      ip: null,
      lang: 'zh-CN',
      actor: { ...a, permissions: a.permissions as CaseCtx['actor']['permissions'] },
    };
  };
  let made = 0;
  for (const s of STREETS) {
    const residents = await database.owner((db) => caseCandidates(db, s.street, s.cases));
    const worker = account.get(s.worker)!;
    const head = s.head ? account.get(s.head)! : null;
    for (const [i, residentId] of residents.entries()) {
      const story = PROBLEMS[i % PROBLEMS.length]!;
      const opened = 360 - Math.floor((i * 350) / residents.length); // oldest first, spread over the year
      await playCase({
        today,
        opened,
        cap: s.head ? CAPS[i % CAPS.length]! : i % 3 ? 'plan' : 'assessment',
        i,
        story,
        residentId,
        worker,
        head,
        ctxOf,
      });
      made++;
    }
  }
  return made;
}

interface Play {
  today: string;
  opened: number;
  cap: CaseStage | 'reopened';
  i: number;
  story: DemoStory;
  residentId: string;
  worker: DemoAccount;
  head: DemoAccount | null;
  ctxOf: (a: DemoAccount, now: Date) => CaseCtx & { lang: Lang };
}

const ORDER: CaseStage[] = ['intake', 'assessment', 'plan', 'intervention', 'review', 'closed'];

async function playCase(p: Play): Promise<void> {
  const at = (day: number, hours = 0) => dayAt(p.today, p.opened - day, hours);
  const due = (day: number) => p.opened - day >= 1; // steps up to yesterday
  const reach = (stage: CaseStage) => ORDER.indexOf(stage) <= ORDER.indexOf(p.cap === 'reopened' ? 'closed' : p.cap);
  const w = (day: number, hours = 0) => p.ctxOf(p.worker, at(day, hours));
  let c: CaseDetail = await openCase(w(0), {
    residentId: p.residentId,
    type: p.story.type,
    riskLevel: p.story.risk,
    problem: p.story.problem,
  });
  const step = async (day: number, stage: CaseStage) => {
    if (!due(day) || !reach(stage)) return false;
    c = await moveCase(w(day), c.id, { version: c.version, to: stage, reason: null });
    return true;
  };
  if (!(await step(2, 'assessment'))) return;
  await addNote(w(3), c.id, { text: p.story.note });
  if (!(await step(6, 'plan'))) return;
  const goals = p.story.goals.map((g, k) => ({ ...g, targetDate: addDays(p.today, 120 + k * 30 - p.opened) }));
  c = await savePlan(w(7), c.id, { version: c.version, goals, services: p.story.services, note: null, submit: due(8) });
  // A case capped at the plan stage keeps its plan waiting for the head (the approval queue).
  if (!p.head || !due(9) || c.planStatus !== 'submitted' || p.cap === 'plan') return;
  const h = (day: number) => p.ctxOf(p.head!, at(day, 5));
  if (p.i % 4 === 1) {
    c = await decide(h(9), c.id, {
      version: c.version,
      kind: 'plan',
      decision: 'return',
      comment: '目标请写得可衡量，并补充家属参与的安排',
    });
    if (!due(11)) return;
    const again = c.plan!.goals.map((g) => ({
      id: g.id,
      title: g.title,
      measure: `${g.measure}（每月回访核实）`,
      targetDate: g.targetDate,
    }));
    c = await savePlan(w(11), c.id, {
      version: c.version,
      goals: again,
      services: p.story.services,
      note: '已与家属沟通分工',
      submit: true,
    });
    if (!due(12)) return;
    c = await decide(h(12), c.id, { version: c.version, kind: 'plan', decision: 'approve', comment: null });
  } else {
    c = await decide(h(9), c.id, { version: c.version, kind: 'plan', decision: 'approve', comment: '同意' });
  }
  if (!(await step(14, 'intervention'))) return;
  for (const [k, day] of [35, 70].entries()) {
    if (!due(day)) return;
    const goal = c.plan!.goals[k % c.plan!.goals.length]!;
    const status: GoalStatus = k ? 'achieved' : 'partly';
    c = await recordProgress(w(day), c.id, { version: c.version, goalId: goal.id, status, progress: p.story.progress[k]! });
  }
  if (!(await step(90, 'review'))) return;
  // Every other case capped at review has asked for closure and waits for the head.
  const waits = p.cap === 'review' && Math.floor(p.i / CAPS.length) % 2 === 0;
  if ((!reach('closed') && !waits) || !due(95)) return;
  const final = c.plan!.goals.map((g, k) => ({ id: g.id, status: (k === 0 || p.i % 5 ? 'achieved' : 'partly') as GoalStatus }));
  c = await submitClosure(w(95), c.id, { version: c.version, summary: p.story.summary, goals: final });
  if (waits || !due(97)) return;
  c = await decide(p.ctxOf(p.head!, at(97, 5)), c.id, {
    version: c.version,
    kind: 'closure',
    decision: 'approve',
    comment: '服务目标基本达成，同意结案',
  });
  if (p.cap === 'reopened' && due(130)) {
    c = await moveCase(w(130), c.id, { version: c.version, to: 'assessment', reason: '家属来电：近期情况反复，需重新评估' });
  }
}
