// Talent programmes and awards through the API: the demo, opening one (400/403), applying and
// nominating, the stage machine (409 off the order, undecided, 公示 running, objection open),
// decisions with reasons the applicant sees, written scores, panel scores with the mean and who
// has not scored, the 公示 page (selected names only) and an objection by SMS code, answered.
import { phoneBlindIndex, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

describe('programmes', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const P = '/api/v1/programmes';
  const rubric = [
    { key: 'practice', label: '专业实务', max: 60 },
    { key: 'speech', label: '表达', max: 40 },
  ];
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'talent',
    title: '骨干人才测试计划',
    areaCode: DEMO.district,
    year: 2026,
    places: 2,
    stages: ['review', 'written', 'panel'],
    criteria: { minLevel: 'assistant', minYears: 1 },
    rubric,
    titleKind: 'backbone',
    publicityDays: 5,
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('the demo: one talent programme in 公示 with two objections, one completed with plans, an award with titles', async () => {
    const list = (await huli.get(P)).json();
    expect(list.total).toBe(3);
    const now = list.items.find((p: { stage: string }) => p.stage === 'publicity');
    expect(now).toMatchObject({ kind: 'talent', openObjections: 1, counts: { selected: 5 } });
    const objections = (await huli.get(`${P}/${now.id}/objections`)).json();
    expect(objections.map((o: { answer: string | null }) => o.answer === null).sort()).toEqual([false, true]);
    const past = list.items.find((p: { kind: string; stage: string }) => p.kind === 'talent' && p.stage === 'done');
    const plan = (await huli.get(`${P}/${past.id}/plan`)).json();
    expect(plan).toHaveLength(4);
    expect(plan[0].hours).toBe(72);
    const award = list.items.find((p: { kind: string }) => p.kind === 'award');
    const [{ n }] = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM worker_titles t JOIN programme_applications x ON x.worker_id = t.worker_id
        WHERE x.programme_id = ${award.id} AND x.status = 'appointed' AND t.title = 'best_sw'`,
    );
    expect(n).toBe(3);
    const apps = (await huli.get(`${P}/${now.id}/applications?sort=-panelMean`)).json();
    expect(apps.items[0].panel).toMatchObject({ scored: 2, missing: [], rank: 1 });
  });

  it('opening: 400 with field messages in Chinese and English, 403 without programme.manage', async () => {
    const bad = await huli.post(P, body({ places: 0, rubric: [] }), { 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['places', 'rubric']));
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'rubric').message).toBe('有面试/评审环节时须设置评分细则');
    const en = await huli.post(P, body({ kind: 'award', titleKind: null }), { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([{ path: 'titleKind', message: 'An award names the title it grants' }]);
    expect((await head.post(P, body())).statusCode).toBe(403);
    expect((await sw.post(P, body())).statusCode).toBe(403);
  });

  it('another street cannot see a street programme (404); a street worker sees the district one', async () => {
    const street = await huli.post(P, body({ title: '金山街道骨干社工', areaCode: DEMO.jinshan }));
    expect(street.statusCode).toBe(201);
    expect((await head.get(`${P}/${street.json().id}`)).statusCode).toBe(404);
    expect((await jinshan.get(`${P}/${street.json().id}`)).statusCode).toBe(200);
    expect((await head.post(`${P}/${street.json().id}/advance`, { to: 'review', version: 1 })).statusCode).toBe(403);
  });

  it('runs the stages in order with decisions, scores, 公示, an objection and appointment', async () => {
    const created = await huli.post(P, body({ requestId: '01900000-0000-7000-8000-0000000000a1' }));
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p.stages).toEqual(['apply', 'review', 'written', 'panel', 'publicity', 'done']);
    // A double submit answers the same programme.
    expect((await huli.post(P, body({ requestId: '01900000-0000-7000-8000-0000000000a1' }))).json().id).toBe(p.id);

    // The worker applies for themselves; the head nominates another of 江头's workers, not one of 金山's.
    const mine = await sw.post(`${P}/${p.id}/apply`, { statement: '希望参加培养' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ route: 'self', status: 'active', stage: 'apply' });
    expect((await sw.post(`${P}/${p.id}/apply`, {})).statusCode).toBe(400);
    const [other, far] = await Promise.all(
      [DEMO.jiangtou, DEMO.jinshan].map(
        async (area) =>
          (
            await owner<{ id: string }>(
              sql`SELECT id FROM workers WHERE area_code LIKE ${area.slice(0, 9) + '%'} AND user_id IS NULL AND status = 'active' ORDER BY id LIMIT 1`,
            )
          )[0]!.id,
      ),
    );
    expect((await head.post(`${P}/${p.id}/applications`, { workerId: far })).json().errors[0].path).toBe('workerId');
    const nominee = await head.post(`${P}/${p.id}/applications`, { workerId: other });
    expect(nominee.statusCode).toBe(201);
    expect(nominee.json().nominatedByName).toBeTruthy();
    expect(nominee.json().eligibility.map((e: { key: string }) => e.key)).toEqual(['level', 'years']);

    // Only the next stage: 409 otherwise; a decision outside a deciding stage is 409 too.
    expect((await huli.post(`${P}/${p.id}/advance`, { to: 'panel', version: p.version })).statusCode).toBe(409);
    const dec = (appId: string, b: object) => huli.post(`${P}/${p.id}/applications/${appId}/decision`, b);
    expect((await dec(mine.json().id, { decision: 'pass', version: 1 })).statusCode).toBe(409);
    let v = (await huli.post(`${P}/${p.id}/advance`, { to: 'review', version: p.version })).json().version;

    // A rejection needs its reason; the applicant sees the stage and the reason.
    const noReason = await dec(nominee.json().id, { decision: 'reject', version: 1 });
    expect(noReason.json().errors).toEqual([{ path: 'reason', message: '不通过须填写理由' }]);
    expect((await huli.post(`${P}/${p.id}/advance`, { to: 'written', version: v })).json().code).toBe('programme.undecided');
    const passed = await dec(mine.json().id, { decision: 'pass', version: mine.json().version });
    expect(passed.statusCode).toBe(200);
    expect((await dec(mine.json().id, { decision: 'pass', version: 1 })).statusCode).toBe(200); // a repeat: the same answer
    expect((await dec(nominee.json().id, { decision: 'reject', reason: '材料不全', version: 1 })).json().status).toBe('rejected');
    v = (await huli.post(`${P}/${p.id}/advance`, { to: 'written', version: v })).json().version;

    // Written scores from the grid; then pass and on to the panel.
    const grid = await huli.request('PUT', `${P}/${p.id}/written-scores`, { scores: [{ applicationId: mine.json().id, score: 88.5 }] });
    expect(grid.json()).toEqual({ saved: 1, unmatched: [] });
    const bad = await huli.request('PUT', `${P}/${p.id}/written-scores`, { scores: [{ applicationId: nominee.json().id, score: 101 }] });
    expect(bad.statusCode).toBe(400);
    const a2 = (await huli.get(`${P}/${p.id}/applications?status=active`)).json().items[0];
    expect(a2.writtenScore).toBe(88.5);
    await dec(a2.id, { decision: 'pass', version: a2.version });
    v = (await huli.post(`${P}/${p.id}/advance`, { to: 'panel', version: v })).json().version;

    // The panel: each scores on their own; the officials see mean, spread and who has not scored.
    const setPanel = await huli.request('PUT', `${P}/${p.id}/panel`, { userIds: [huli.actor.id, head.actor.id], version: v });
    expect(setPanel.statusCode).toBe(200);
    v = setPanel.json().version;
    const score = (s: Session, scores: object) => s.request('PUT', `${P}/${p.id}/applications/${a2.id}/score`, { scores });
    expect((await score(sw, { practice: 50, speech: 30 })).statusCode).toBe(403);
    expect((await score(head, { practice: 61, speech: 30 })).json().errors[0].path).toBe('scores');
    expect((await score(head, { practice: 50, speech: 30 })).json().total).toBe(80);
    let row = (await huli.get(`${P}/${p.id}/applications?status=active`)).json().items[0];
    expect(row.panel).toMatchObject({ scored: 1, mean: 80, range: 0, missing: [{ userId: huli.actor.id }] });
    await score(huli, { practice: 55, speech: 35 });
    row = (await huli.get(`${P}/${p.id}/applications?status=active`)).json().items[0];
    expect(row.panel).toMatchObject({ scored: 2, mean: 85, range: 10, sd: 5, missing: [], rank: 1 });
    const headView = (await head.get(`${P}/${p.id}/panel/mine`)).json();
    expect(headView.items[0]).toMatchObject({ total: 80, scores: { practice: 50, speech: 30 } });
    await dec(row.id, { decision: 'pass', version: row.version });
    v = (await huli.post(`${P}/${p.id}/advance`, { to: 'publicity', version: v })).json().version;
    expect((await score(head, { practice: 10, speech: 10 })).statusCode).toBe(409);

    // 公示: the page names the selected only; an objection by SMS code, then the official answers.
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/public/programmes/${p.id}` })).json();
    expect(pub.selected.map((s: { name: string }) => s.name)).toEqual([row.name]);
    expect(JSON.stringify(pub)).not.toContain(nominee.json().name);
    const mobile = '13912340077';
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/public/account/code', payload: { mobile, purpose: 'objection' } })).statusCode,
    ).toBe(200);
    const hash = phoneBlindIndex(t.services.keys, mobile);
    const [c] = await owner<{ id: string }>(sql`SELECT id FROM sms_codes WHERE mobile_hash = ${hash} ORDER BY created_at DESC LIMIT 1`);
    await t.database.owner((db) =>
      db.execute(sql`UPDATE sms_codes SET code_hash = ${t.services.keys.blindIndex(`sms:${c!.id}:135790`)} WHERE id = ${c!.id}`),
    );
    const lodge = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/programmes/${p.id}/objections`,
        payload: { name: '张女士', mobile, code, text: '请核实其从业年限。' },
      });
    expect((await lodge('000000')).statusCode).toBe(400);
    expect((await lodge('135790')).statusCode).toBe(201);
    expect((await lodge('135790')).statusCode).toBe(400); // a code is used once
    expect((await huli.post(`${P}/${p.id}/advance`, { to: 'done', version: v })).json().code).toBe('programme.publicityRunning');
    await owner(sql`UPDATE programmes SET publicity_end = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id = ${p.id}`);
    expect((await huli.post(`${P}/${p.id}/advance`, { to: 'done', version: v })).json().code).toBe('programme.objectionOpen');
    const [o] = (await huli.get(`${P}/${p.id}/objections`)).json();
    expect(o).toMatchObject({ name: '张女士', mobileMasked: '139****0077', answer: null });
    expect((await huli.post(`${P}/${p.id}/objections/${o.id}/answer`, { answer: '' })).statusCode).toBe(400);
    expect((await huli.post(`${P}/${p.id}/objections/${o.id}/answer`, { answer: '经核实符合条件。' })).json().answer).toBe(
      '经核实符合条件。',
    );
    expect((await huli.post(`${P}/${p.id}/objections/${o.id}/answer`, { answer: '再答一次。' })).statusCode).toBe(409);
    const done = await huli.post(`${P}/${p.id}/advance`, { to: 'done', version: v });
    expect(done.json()).toMatchObject({ stage: 'done', counts: { selected: 1 } });
    expect((await huli.post(`${P}/${p.id}/advance`, { to: 'done', version: done.json().version })).statusCode).toBe(409);

    // The applicants' own views, and the decisions with who made them; a title in the register.
    const swMine = (await sw.get(`${P}/mine`)).json().find((x: { programmeId: string }) => x.programmeId === p.id);
    expect(swMine).toMatchObject({ status: 'appointed', stage: 'done' });
    const [{ n }] = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM worker_titles WHERE worker_id = ${row.workerId} AND title = 'backbone' AND year = 2026`,
    );
    expect(n).toBe(1);
    const log = (await huli.get(`${P}/${p.id}/decisions`)).json();
    expect(log.find((d: { action: string }) => d.action === 'reject')).toMatchObject({
      reason: '材料不全',
      byName: 'huli',
      fromStage: 'review',
    });
    const audit = await owner<{ action: string }>(sql`SELECT action FROM audit_log WHERE target_id = ${p.id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['programme.create', 'programme.advance', 'programme.answer', 'programme.objection']),
    );

    // A plan for the appointee, hours tracked (stale version 409).
    const item = await huli.post(`${P}/${p.id}/applications/${row.id}/plan`, { course: '督导能力提升班', hours: 32 });
    expect(item.statusCode).toBe(201);
    expect((await huli.patch(`${P}/${p.id}/plan/${item.json().id}`, { hoursDone: 8, version: 1 })).json().hoursDone).toBe(8);
    expect((await huli.patch(`${P}/${p.id}/plan/${item.json().id}`, { hoursDone: 9, version: 1 })).statusCode).toBe(409);
    expect((await huli.get(`${P}/${p.id}/plan`)).json()[0]).toMatchObject({ hours: 32, hoursDone: 8 });
  });
});
