// A case's tasks (issue 9, item 3) ride on the follow-up machinery: a follow-up naming the case
// is on the case's timeline when made and when done, lists under the case, and once past its
// due time counts among the worker's overdue follow-ups like any other.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('case tasks and satisfaction', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let residentId: string;
  let otherId: string;
  let caseId: string;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const dueAt = () => new Date(Date.now() + 3 * 86_400_000).toISOString();
  const kinds = async () => (await sw.get(`/api/v1/cases/${caseId}/timeline`)).json().items.map((e: { kind: string }) => e.kind);

  beforeAll(async () => {
    t = await startTestApp();
    [sw, jinshan] = await Promise.all(['jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
    const found = await owner<{ id: string }>(
      sql`SELECT id FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 2 OFFSET 5`,
    );
    [residentId, otherId] = found.map((r) => r.id) as [string, string];
    caseId = (await sw.post('/api/v1/cases', { residentId, type: 'family', riskLevel: 'medium', problem: '家庭矛盾' })).json().id;
  });
  afterAll(() => t?.close());

  it('adds a task to the case: on its timeline, listed under the case, a double submit the same task', async () => {
    const due = dueAt();
    const made = await sw.post('/api/v1/follow-ups', { residentId, caseId, reason: '联系学校了解孩子出勤', dueAt: due });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ caseId, status: 'open', assignedTo: expect.any(String) });
    const again = await sw.post('/api/v1/follow-ups', { residentId, caseId, reason: '联系学校了解孩子出勤', dueAt: due });
    expect(again.json().id).toBe(made.json().id);
    expect((await kinds()).filter((k: string) => k === 'task')).toHaveLength(1);
    const listed = (await sw.get(`/api/v1/follow-ups?caseId=${caseId}&status=all`)).json();
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([made.json().id]);
  });

  it("refuses another resident's case, a case out of scope, and a closed case", async () => {
    const wrong = await sw.post(
      '/api/v1/follow-ups',
      { residentId: otherId, caseId, reason: '错配', dueAt: dueAt() },
      { 'accept-language': 'zh-CN' },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'caseId', message: '个案不存在或不属于该服务对象' });
    expect((await jinshan.post('/api/v1/follow-ups', { residentId, caseId, reason: '越界', dueAt: dueAt() })).statusCode).toBe(404);
    await owner(sql`UPDATE cases SET stage = 'closed', closed_on = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = ${caseId}`);
    const closed = await sw.post('/api/v1/follow-ups', { residentId, caseId, reason: '结案后', dueAt: dueAt() });
    expect(closed.json().errors[0].path).toBe('caseId');
    await owner(sql`UPDATE cases SET stage = 'intervention', closed_on = NULL WHERE id = ${caseId}`);
  });

  it('counts an overdue case task among the worker’s overdue follow-ups, and puts its completion on the timeline', async () => {
    const [task] = (await sw.get(`/api/v1/follow-ups?caseId=${caseId}`)).json().items;
    await owner(sql`UPDATE follow_ups SET due_at = now() - interval '1 day' WHERE id = ${task.id}`);
    const overdue = (await sw.get('/api/v1/follow-ups?status=overdue&mine=true&pageSize=100')).json();
    expect(overdue.items.find((f: { id: string }) => f.id === task.id)).toMatchObject({ status: 'overdue', caseId });
    expect((await sw.post(`/api/v1/follow-ups/${task.id}/complete`, { outcome: '已与班主任沟通' })).statusCode).toBe(200);
    const timeline = (await sw.get(`/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'task_done', text: '已与班主任沟通', detail: { reason: '联系学校了解孩子出勤' } });
  });

  it("records the resident's satisfaction at review or closing only, once (again replaces it), on the timeline", async () => {
    const early = await sw.post(`/api/v1/cases/${caseId}/satisfaction`, { score: 5 }, { 'accept-language': 'zh-CN' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('score');
    await owner(sql`UPDATE cases SET stage = 'review' WHERE id = ${caseId}`);
    expect((await sw.post(`/api/v1/cases/${caseId}/satisfaction`, { score: 6 })).statusCode).toBe(400);
    expect((await sw.post(`/api/v1/cases/${caseId}/satisfaction`, { score: 4, comment: '社工很耐心' })).json().answer).toMatchObject({
      score: 4,
      comment: '社工很耐心',
    });
    const again = await sw.post(`/api/v1/cases/${caseId}/satisfaction`, { score: 5 });
    expect(again.json().answer).toMatchObject({ score: 5, comment: null });
    const [n] = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM satisfaction WHERE subject_kind = 'case' AND subject_id = ${caseId}`,
    );
    expect(n!.n).toBe(1);
    expect((await jinshan.get(`/api/v1/cases/${caseId}/satisfaction`)).statusCode).toBe(404);
    const timeline = (await sw.get(`/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'satisfaction').map((e: { detail: { score: number } }) => e.detail.score),
    ).toEqual([4, 5]);
  });
});
