// The 工作台 of each role against a hand count on a small constructed register, and each
// figure against the list it links to (same filters, same total).
import { addDays, addMonths, shanghaiToday } from '@wushe/core';
import { uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const JT = '350206004001'; // a 江头 community
const JS = '350206005013'; // a 金山 community

describe('GET /api/v1/dashboard', () => {
  let t: TestApp;
  let sw: Session, head: Session, huli: Session, volunteer: Session;
  const today = shanghaiToday(new Date());
  const monthStart = `${today.slice(0, 7)}-01`;
  const owner = (q: ReturnType<typeof sql>) => t.database.owner((db) => db.execute(q));

  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    [sw, head, huli, volunteer] = await Promise.all(['jiangtou.sw', 'jiangtou.head', 'huli', 'volunteer.demo'].map((u) => t.login(u)));
    const me = sw.actor.id;
    const headId = head.actor.id;
    const r = async (spec: Parameters<typeof createResident>[1]) => (await createResident(t, { areaCode: JT, ...spec })).id;
    const r1 = await r({ careLevel: 1, assignedWorkerId: me, registeredOn: addDays(today, -60), lastContactOn: addDays(today, -2) }); // covered, due in 5 days
    const r2 = await r({ careLevel: 1, assignedWorkerId: me, registeredOn: addDays(today, -60), lastContactOn: addDays(today, -10) }); // overdue
    await r({ careLevel: 3, assignedWorkerId: me, registeredOn: addDays(today, -20) }); // new, not yet due
    await r({ careLevel: 1, assignedWorkerId: me, registeredOn: addDays(today, -60), lastContactOn: addDays(today, -7) }); // due today: not overdue
    const r5 = await r({ careLevel: 2, assignedWorkerId: headId, registeredOn: addDays(today, -60), lastContactOn: addDays(today, -20) }); // overdue
    await r({ careLevel: 3, registeredOn: addDays(today, -40) }); // unassigned, overdue
    const r7 = (
      await createResident(t, {
        areaCode: JS,
        careLevel: 4,
        assignedWorkerId: await userId(t, 'jinshan.sw'),
        registeredOn: addDays(today, -60),
        lastContactOn: addDays(today, -10),
      })
    ).id;
    await r({ careLevel: 1, assignedWorkerId: me, status: 'moved', registeredOn: addDays(today, -60) }); // not counted
    await owner(sql`UPDATE residents SET categories = '{living_alone,disabled}' WHERE id = ${r7}`);
    const contact = (resident: string, area: string, on: string, worker: string) =>
      owner(sql`INSERT INTO contacts (id, resident_id, area_code, kind, occurred_at, occurred_on, worker_id)
        VALUES (${uuidv7()}, ${resident}, ${area}, 'home_visit', ${`${on}T04:00:00Z`}::timestamptz, ${on}, ${worker})`);
    await contact(r5, JT, monthStart, me); // this month, mine
    await contact(r5, JT, addDays(monthStart, -1), me); // last month
    await contact(r5, JT, today, headId); // this month, the head's
    const assess = (resident: string, area: string, on: string) =>
      owner(sql`INSERT INTO assessments (id, resident_id, area_code, instrument_code, instrument_version, answers_cipher, total, assessed_on)
        VALUES (${uuidv7()}, ${resident}, ${area}, 'phq9', '1', 'x', 0, ${on})`);
    await assess(r1, JT, today); // this month, within the year
    await assess(r2, JT, addMonths(today, -13)); // older than a year
    await assess(r7, JS, addDays(monthStart, -1)); // last month
    const followUp = (resident: string, dueAt: string, assignedTo: string, done = false) =>
      owner(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at, assigned_to, done_at, outcome)
        VALUES (${uuidv7()}, ${resident}, ${JT}, 'PHQ-9', ${dueAt}::timestamptz, ${assignedTo},
          ${done ? new Date().toISOString() : null}::timestamptz, ${done ? 'done' : null})`);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    await followUp(r1, future, me);
    await followUp(r2, past, me);
    await followUp(r2, past, me, true);
    await followUp(r5, past, headId);
    const note = (read: boolean) =>
      owner(sql`INSERT INTO notifications (id, user_id, area_code, kind, title, read_at)
        VALUES (${uuidv7()}, ${headId}, ${JT}, 'assessment.urgent', '紧急', ${read ? new Date().toISOString() : null}::timestamptz)`);
    await note(false);
    await note(true);
    // Casework: sw's cases in intervention (A), waiting for approval (B), closure returned (E),
    // closed (D); the head's with its plan returned (C); one of A's tasks overdue.
    const kase = (resident: string, worker: string, stage: string, plan: string, closure = 'none') =>
      owner(sql`INSERT INTO cases (id, case_no, area_code, resident_id, worker_id, type, risk_level, stage, plan_status,
          closure_status, sensitive, problem_cipher, opened_on, closed_on)
        VALUES (${uuidv7()}, ${'D-' + uuidv7().slice(-10)}, ${JT}, ${resident}, ${worker}, 'elderly', 'low', ${stage}, ${plan},
          ${closure}, false, 'x', ${addDays(today, -30)}, ${stage === 'closed' ? today : null}) RETURNING id`);
    const a = (await kase(r1, me, 'intervention', 'approved')) as unknown as { rows: { id: string }[] };
    await kase(r2, me, 'plan', 'submitted');
    await kase(r5, headId, 'plan', 'returned');
    await kase(r2, me, 'closed', 'approved');
    await kase(r1, me, 'review', 'approved', 'returned');
    await owner(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at, assigned_to, case_id)
      VALUES (${uuidv7()}, ${r1}, ${JT}, '个案任务', ${past}::timestamptz, ${me}, ${a.rows[0]!.id})`);
  });
  afterAll(() => t?.close());

  const total = async (s: Session, url: string) => {
    const res = await s.get(url);
    expect(res.statusCode, url).toBe(200);
    return (res.json() as { total: number }).total;
  };

  it("a social worker's caseload matches the hand count, and each figure the list it opens", async () => {
    const res = await sw.get('/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'worker',
      asOf: today,
      caseload: 4,
      dueThisWeek: 2, // due in 5 days, and due today
      overdue: 1,
      visitsThisMonth: 1,
      coverage: { registered: 4, covered: 1, rate: 0.25 },
      urgentFollowUps: 3, // two flags and a case task
      withoutAssessment: 3,
      cases: { active: 3, awaitingApproval: 1, returned: 1, overdueTasks: 1 },
    });
    const me = sw.actor.id;
    expect(await total(sw, `/api/v1/residents?worker=${me}`)).toBe(4);
    expect(await total(sw, `/api/v1/residents?worker=${me}&overdue=true`)).toBe(1);
    expect(await total(sw, `/api/v1/residents?worker=${me}&due=due_soon`)).toBe(2);
    expect(await total(sw, `/api/v1/residents?worker=${me}&withoutAssessment=true`)).toBe(3);
    expect(await total(sw, '/api/v1/follow-ups?mine=true&status=open')).toBe(3);
    expect(await total(sw, '/api/v1/cases?worker=me&stage=open')).toBe(3);
    expect(await total(sw, '/api/v1/cases?worker=me&awaiting=any')).toBe(1);
  });

  it("a station head's station by worker, unassigned residents, urgent follow-ups and alerts", async () => {
    const res = await head.get('/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      kind: 'station',
      area: { code: '350206004000' },
      coverage: { registered: 6, covered: 1, rate: 0.1667 },
      overdue: 3,
      unassigned: 1,
      urgentOpen: 4,
      urgentOverdue: 3,
      unreadAlerts: 1,
      cases: { active: 4, awaitingApproval: 1, returned: 2, overdueTasks: 1 },
    });
    const byName = Object.fromEntries(d.workers.map((w: { workerName: string }) => [w.workerName, w]));
    expect(byName['江头社工']).toMatchObject({ workerId: sw.actor.id, caseload: 4, overdue: 1, visitsThisMonth: 1 });
    expect(byName['江头站长']).toMatchObject({ caseload: 1, overdue: 1, visitsThisMonth: 1 });
    expect(await total(head, '/api/v1/residents?unassigned=true')).toBe(1);
    expect(await total(head, '/api/v1/residents?overdue=true')).toBe(3);
    expect(await total(head, `/api/v1/residents?worker=${head.actor.id}&overdue=true`)).toBe(1);
    expect(await total(head, '/api/v1/follow-ups?status=overdue')).toBe(3);
    expect(await total(head, '/api/v1/cases?stage=open')).toBe(4);
    expect(await total(head, '/api/v1/cases?awaiting=any')).toBe(1);
    // The station's coverage is the coverage page's figure.
    const cov = (await head.get('/api/v1/coverage')).json();
    expect(cov.area).toMatchObject({ registered: 6, covered: 1 });
  });

  it("a district official's streets, categories, care levels and this month's work", async () => {
    const res = await huli.get('/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      kind: 'area',
      area: { code: '350206000000', registered: 7, covered: 2, overdue: 3 },
      byCareLevel: [
        { level: 1, count: 3 },
        { level: 2, count: 1 },
        { level: 3, count: 2 },
        { level: 4, count: 1 },
      ],
      byCategory: [
        { code: 'living_alone', count: 7 },
        { code: 'disabled', count: 1 },
      ],
      assessmentsThisMonth: 1,
      visitsThisMonth: 2,
      urgentOverdue: 3, // two flags and a case task
    });
    const street = (code: string) => d.children.find((c: { code: string }) => c.code === code);
    expect(street('350206004000')).toMatchObject({ registered: 6, covered: 1, overdue: 3 });
    expect(street('350206005000')).toMatchObject({ registered: 1, covered: 1, overdue: 0, rate: 1 });
    expect(await total(huli, '/api/v1/residents?area=350206004000&overdue=true')).toBe(3);
    expect(await total(huli, '/api/v1/residents?careLevel=1')).toBe(3);
    expect(await total(huli, '/api/v1/residents?category=disabled')).toBe(1);
    expect(await total(huli, '/api/v1/follow-ups?status=overdue')).toBe(3);
  });

  it('refuses an account without coverage.read (403) and a visitor (401)', async () => {
    expect((await volunteer.get('/api/v1/dashboard')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });

  it('rejects bad list filters with field paths', async () => {
    const res = await sw.get('/api/v1/residents?due=soonish&unassigned=yes');
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['due', 'unassigned']));
  });
});
