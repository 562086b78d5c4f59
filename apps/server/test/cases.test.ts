// Casework through the API (issue 9): opening a case for a 江头 resident, the workflow with the
// head's approvals and returns, 409s naming the allowed stages, stale writes, scope (金山 sees
// nothing of 江头's cases), and the sealed narrative of a sensitive case.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('casework', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let jinshan: Session;
  let official: Session;
  let volunteer: Session;
  let residentId: string;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

  beforeAll(async () => {
    t = await startTestApp();
    [sw, head, jinshan, official, volunteer] = await Promise.all(
      ['jiangtou.sw', 'jiangtou.head', 'jinshan.sw', 'huli', 'volunteer.demo'].map((u) => t.login(u)),
    );
    const [r] = await owner<{ id: string }>(
      sql`SELECT id FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 1`,
    );
    residentId = r!.id;
  });
  afterAll(() => t?.close());

  const open = (s: Session, body: Record<string, unknown> = {}, lang = 'zh-CN') =>
    s.post(
      '/api/v1/cases',
      { residentId, type: 'elderly', riskLevel: 'medium', problem: '独居，近期跌倒两次，情绪低落', ...body },
      { 'accept-language': lang },
    );
  const move = (s: Session, id: string, version: number, to: string, reason?: string) =>
    s.post(`/api/v1/cases/${id}/transition`, { version, to, reason }, { 'accept-language': 'zh-CN' });
  const get = async (s: Session, id: string) => (await s.get(`/api/v1/cases/${id}`)).json();

  it('opens a case for a resident of the street, in charge of the caller, with its first event and audit record', async () => {
    const res = await open(sw);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      stage: 'intake',
      planStatus: 'draft',
      closureStatus: 'none',
      workerId: sw.actor.id,
      residentId,
      sensitive: false,
    });
    expect(c.caseNo).toMatch(/^\d{4}-\d{6}$/);
    expect(c.problem).toBe('独居，近期跌倒两次，情绪低落');
    expect(c.nextStages).toEqual(['assessment']);
    const [stored] = await owner<{ problem_cipher: string }>(sql`SELECT problem_cipher FROM cases WHERE id = ${c.id}`);
    expect(stored!.problem_cipher).not.toContain('跌倒'); // sealed at rest
    const timeline = (await sw.get(`/api/v1/cases/${c.id}/timeline`)).json();
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
    const [audit] = await owner<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'case.open' AND target_id = ${c.id}`);
    expect(Number(audit!.n)).toBe(1);
  });

  it("opens a case from an urgent follow-up of the same resident, and refuses another resident's", async () => {
    const [f] = await owner<{ id: string }>(
      sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at)
        SELECT gen_random_uuid(), id, area_code, 'PHQ-9 第 9 题阳性', now() FROM residents WHERE id = ${residentId} RETURNING id`,
    );
    const c = (await open(sw, { followUpId: f!.id })).json();
    const opened = (await sw.get(`/api/v1/cases/${c.id}/timeline`)).json().items[0];
    expect(opened.detail.fromFollowUp).toBe(f!.id);
    const [other] = await owner<{ id: string }>(
      sql`SELECT id FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' AND id <> ${residentId} ORDER BY id LIMIT 1`,
    );
    const wrong = await open(sw, { residentId: other!.id, followUpId: f!.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('followUpId');
  });

  it('refuses bad input with field messages in Chinese and English, and callers without the permission', async () => {
    const zh = await open(sw, { problem: '', type: 'nope' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'problem', message: '必填' })]));
    const type = await open(sw, { type: 'nope' }, 'en');
    expect(type.statusCode).toBe(400);
    expect(type.json().errors).toEqual([{ path: 'type', message: 'Choose a case type from the code list' }]);
    expect((await open(volunteer)).statusCode).toBe(403);
    expect((await open(official)).statusCode).toBe(403); // an official reads cases, does not open them
    // A 金山 worker cannot open a case for a 江头 resident: not found, as if it did not exist.
    const other = await open(jinshan);
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('residentId');
  });

  it('runs the workflow: 409 naming the allowed stages, the plan returned and approved, closure approved, reopened with a reason', async () => {
    let c = (await open(sw)).json();
    const skip = await move(sw, c.id, c.version, 'plan');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail ?? skip.json().title).toContain('预估');
    c = (await move(sw, c.id, c.version, 'assessment')).json();
    c = (await move(sw, c.id, c.version, 'plan')).json();
    const early = await move(sw, c.id, c.version, 'intervention');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('case.planNotApproved');

    const plan = {
      goals: [{ title: '减少跌倒风险', measure: '三个月内无跌倒', targetDate: '2027-03-01' }],
      services: ['medical'],
      note: null,
    };
    const noGoal = await sw.request('PUT', `/api/v1/cases/${c.id}/plan`, { version: c.version, goals: [], services: [], submit: true });
    expect(noGoal.statusCode).toBe(400);
    const badService = await sw.request('PUT', `/api/v1/cases/${c.id}/plan`, {
      version: c.version,
      ...plan,
      services: ['x'],
      submit: false,
    });
    expect(badService.statusCode).toBe(400);
    expect(badService.json().errors[0].path).toBe('services.0');
    c = (await sw.request('PUT', `/api/v1/cases/${c.id}/plan`, { version: c.version, ...plan, submit: true })).json();
    expect(c.planStatus).toBe('submitted');
    expect(c.plan.goals[0]).toMatchObject({ title: '减少跌倒风险', status: 'open' });

    // The approval queue; only the head decides, and returning needs a comment.
    const queue = (await head.get('/api/v1/cases?awaiting=any')).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const decide = (s: Session, body: Record<string, unknown>) =>
      s.post(`/api/v1/cases/${c.id}/approvals`, { version: c.version, ...body });
    expect((await decide(sw, { kind: 'plan', decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(head, { kind: 'plan', decision: 'return' })).statusCode).toBe(400);
    expect((await decide(head, { kind: 'closure', decision: 'approve' })).statusCode).toBe(409);
    c = (await decide(head, { kind: 'plan', decision: 'return', comment: '请补充家属参与的安排' })).json();
    expect(c.planStatus).toBe('returned');
    const goalId = c.plan.goals[0].id;
    c = (
      await sw.request('PUT', `/api/v1/cases/${c.id}/plan`, {
        version: c.version,
        goals: [{ id: goalId, title: '减少跌倒风险', measure: '三个月内无跌倒，女儿每周探访', targetDate: '2027-03-01' }],
        services: ['medical', 'emotional_visit'],
        submit: true,
      })
    ).json();
    expect(c.plan.goals[0].id).toBe(goalId); // the goal kept its identity
    c = (await decide(head, { kind: 'plan', decision: 'approve' })).json();
    expect(c).toMatchObject({ planStatus: 'approved', nextStages: ['intervention'] });
    c = (await move(sw, c.id, c.version, 'intervention')).json();

    // Work, then ask for closure at review with every goal's final state.
    c = (await sw.post(`/api/v1/cases/${c.id}/progress`, { version: c.version, goalId, status: 'partly', progress: '已安装扶手' })).json();
    expect(c.plan.goals[0]).toMatchObject({ status: 'partly', progress: '已安装扶手' });
    c = (await move(sw, c.id, c.version, 'review')).json();
    const missing = await sw.post(`/api/v1/cases/${c.id}/closure`, { version: c.version, summary: '目标达成', goals: [] });
    expect(missing.statusCode).toBe(400);
    c = (
      await sw.post(`/api/v1/cases/${c.id}/closure`, {
        version: c.version,
        summary: '三个月无跌倒，情绪好转',
        goals: [{ id: goalId, status: 'achieved' }],
      })
    ).json();
    expect(c).toMatchObject({ closureStatus: 'submitted', nextStages: [] });
    expect((await move(sw, c.id, c.version, 'intervention')).json().code).toBe('case.waitingForApproval');
    expect((await move(sw, c.id, c.version, 'closed')).statusCode).toBe(409);
    c = (
      await head.post(`/api/v1/cases/${c.id}/approvals`, { version: c.version, kind: 'closure', decision: 'approve', comment: '同意结案' })
    ).json();
    expect(c).toMatchObject({ stage: 'closed', closingSummary: '三个月无跌倒，情绪好转' });
    expect(c.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const noReason = await move(sw, c.id, c.version, 'assessment');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    c = (await move(sw, c.id, c.version, 'assessment', '再次跌倒，家属求助')).json();
    expect(c).toMatchObject({ stage: 'assessment', reopenCount: 1, closedOn: null, closureStatus: 'none' });

    const kinds = (await sw.get(`/api/v1/cases/${c.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'opened',
      'stage',
      'stage',
      'plan_submitted',
      'plan_returned',
      'plan_submitted',
      'plan_approved',
      'stage',
      'progress',
      'stage',
      'closure_submitted',
      'closure_approved',
      'reopened',
    ]);
    const returned = (await sw.get(`/api/v1/cases/${c.id}/timeline?kind=plan_returned`)).json().items;
    expect(returned).toEqual([
      expect.objectContaining({ kind: 'plan_returned', text: '请补充家属参与的安排', actorName: head.actor.displayName }),
    ]);
  });

  it('answers a stale version with 409 and keeps what the first writer stored', async () => {
    const c = (await open(sw)).json();
    const first = await sw.patch(`/api/v1/cases/${c.id}`, { version: c.version, riskLevel: 'high' });
    expect(first.statusCode).toBe(200);
    const second = await sw.patch(`/api/v1/cases/${c.id}`, { version: c.version, riskLevel: 'low' });
    expect(second.statusCode).toBe(409);
    expect((await get(sw, c.id)).riskLevel).toBe('high');
  });

  it('keeps another street out: 404 for 金山, not in its list', async () => {
    const c = (await open(sw)).json();
    expect((await jinshan.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await jinshan.get(`/api/v1/cases/${c.id}/timeline`)).statusCode).toBe(404);
    expect((await jinshan.post(`/api/v1/cases/${c.id}/transition`, { version: c.version, to: 'assessment' })).statusCode).toBe(404);
    const list = (await jinshan.get('/api/v1/cases?pageSize=100')).json();
    expect(list.items.every((x: { areaCode: string }) => x.areaCode.startsWith('350206005'))).toBe(true);
    // The district official reads it.
    expect((await official.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
  });

  it('hides the narrative of a sensitive case from anyone but its worker, a supervisor and case.sensitive', async () => {
    const c = (await open(sw, { type: 'mental_health', problem: '抑郁情绪，有自伤念头' })).json();
    expect(c).toMatchObject({ sensitive: true, narrativeHidden: false, problem: '抑郁情绪，有自伤念头' });
    expect((await sw.post(`/api/v1/cases/${c.id}/notes`, { text: '电话随访，情绪稳定' })).statusCode).toBe(201);
    const asHead = await get(head, c.id);
    expect(asHead).toMatchObject({ narrativeHidden: false, problem: '抑郁情绪，有自伤念头' });
    const asOfficial = await get(official, c.id);
    expect(asOfficial).toMatchObject({ narrativeHidden: true, problem: null, plan: null, closingSummary: null });
    const notes = (await official.get(`/api/v1/cases/${c.id}/timeline?kind=note`)).json().items;
    expect(notes).toEqual([expect.objectContaining({ kind: 'note', text: null })]);
    expect((await sw.get(`/api/v1/cases/${c.id}/timeline?kind=note`)).json().items[0].text).toBe('电话随访，情绪稳定');
    const [stored] = await owner<{ text_cipher: string }>(
      sql`SELECT text_cipher FROM case_events WHERE case_id = ${c.id} AND kind = 'note'`,
    );
    expect(stored!.text_cipher).not.toContain('随访');
  });

  it('lets the head hand a case to another worker with a handover note; not the worker', async () => {
    const c = (await open(sw)).json();
    expect((await sw.post(`/api/v1/cases/${c.id}/worker`, { version: c.version, workerId: head.actor.id, note: '交接' })).statusCode).toBe(
      403,
    );
    const same = await head.post(`/api/v1/cases/${c.id}/worker`, { version: c.version, workerId: sw.actor.id, note: '交接' });
    expect(same.statusCode).toBe(400);
    const outside = await head.post(`/api/v1/cases/${c.id}/worker`, { version: c.version, workerId: jinshan.actor.id, note: '交接' });
    expect(outside.statusCode).toBe(400);
    const moved = (
      await head.post(`/api/v1/cases/${c.id}/worker`, { version: c.version, workerId: head.actor.id, note: '社工休产假，由站长接手' })
    ).json();
    expect(moved.workerId).toBe(head.actor.id);
    const mine = (await head.get('/api/v1/cases?worker=me&pageSize=100')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const ev = (await head.get(`/api/v1/cases/${c.id}/timeline?kind=reassigned`)).json().items[0];
    expect(ev).toMatchObject({
      text: '社工休产假，由站长接手',
      detail: { fromWorker: sw.actor.displayName, toWorker: head.actor.displayName },
    });
  });
});

describe('contacts as part of a case', () => {
  let t: TestApp;
  let sw: Session;
  let official: Session;
  let residentId: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp();
    [sw, official] = await Promise.all(['jiangtou.sw', 'huli'].map((u) => t.login(u)));
    const found = await t.database.owner((db) =>
      rows<{ id: string }>(db, sql`SELECT id FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 2`),
    );
    [residentId, other] = found.map((r) => r.id) as [string, string];
  });
  afterAll(() => t?.close());

  const visit = (caseId: string, resident = residentId, notes = '入户：已安装扶手') =>
    sw.post('/api/v1/contacts', {
      residentId: resident,
      kind: 'home_visit',
      occurredAt: new Date().toISOString(),
      durationMinutes: 40,
      notes,
      caseId,
    });

  it('attaches a visit to the case and shows it on the timeline, hidden with a sensitive narrative', async () => {
    const c = (await sw.post('/api/v1/cases', { residentId, type: 'mental_health', riskLevel: 'high', problem: '情绪低落' })).json();
    const res = await visit(c.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].caseId).toBe(c.id);
    const mine = (await sw.get(`/api/v1/cases/${c.id}/timeline`)).json().items;
    expect(mine.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'contact']);
    expect(mine[1]).toMatchObject({ text: '入户：已安装扶手', stage: 'intake', detail: { method: 'home_visit', durationMinutes: 40 } });
    expect((await sw.get(`/api/v1/cases/${c.id}/timeline?kind=contact`)).json().items).toHaveLength(1);
    const theirs = (await official.get(`/api/v1/cases/${c.id}/timeline?kind=contact`)).json().items;
    expect(theirs[0].text).toBeNull();
  });

  it('refuses a case of another resident, and a closed case', async () => {
    const c = (await sw.post('/api/v1/cases', { residentId, type: 'elderly', riskLevel: 'low', problem: '独居' })).json();
    const wrong = await visit(c.id, other);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('caseId');
    await t.database.owner((db) => db.execute(sql`UPDATE cases SET stage = 'closed' WHERE id = ${c.id}`));
    const closed = await visit(c.id);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].message).toContain('已结案');
  });
});

describe('the case list as a spreadsheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('exports the filtered cases with labels, never codes or the narrative', async () => {
    const head = await t.login('jiangtou.head');
    const list = (await head.get('/api/v1/cases?stage=closed&pageSize=100')).json();
    const res = await head.get('/api/v1/cases/export?stage=closed');
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const body: unknown[][] = [];
    ws.eachRow((r) => body.push((r.values as unknown[]).slice(1)));
    // The headers (below the sheet's title lines, if any).
    expect(body.find((r) => r[0] === '案号')?.slice(0, 6)).toEqual(['案号', '服务对象', '社区', '个案类型', '风险等级', '阶段']);
    const data = body.filter((r) => /^\d{4}-\d{6}$/.test(String(r[0])));
    expect(data).toHaveLength(list.total);
    expect(new Set(data.map((r) => r[5]))).toEqual(new Set(['结案']));
    expect(data.every((r) => ['老年人', '儿童', '残疾人', '家庭', '社会救助', '心理健康', '其他'].includes(String(r[3])))).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/mental_health|elderly|closed/);
    expect(text).not.toContain('跌倒两次'); // the demo's presenting problems stay out
  });
});
