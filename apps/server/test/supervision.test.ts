// Supervision (督导): sessions with their sealed advice and actions, and the caseload view
// against a hand count: the station head given two cases of their own, back-dated.
import { addDays, shanghaiToday } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('supervision', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let jinshan: Session;
  let residents: string[];
  const today = shanghaiToday(new Date());
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

  beforeAll(async () => {
    t = await startTestApp();
    [sw, head, jinshan] = await Promise.all(['jiangtou.sw', 'jiangtou.head', 'jinshan.sw'].map((u) => t.login(u)));
    residents = (
      await owner<{ id: string }>(sql`SELECT id FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 2`)
    ).map((r) => r.id);
  });
  afterAll(() => t?.close());

  const session = (s: Session, body: Record<string, unknown> = {}, lang = 'zh-CN') =>
    s.post(
      '/api/v1/supervision',
      {
        heldOn: addDays(today, -10),
        format: 'individual',
        workerIds: [head.actor.id],
        advice: '注意自伤风险评估频次',
        actions: [{ text: '完成回访', dueOn: addDays(today, -2), workerId: head.actor.id }],
        ...body,
      },
      { 'accept-language': lang },
    );

  it('the demo holds a year of sessions in 江头 with the advice sealed', async () => {
    const list = (await sw.get(`/api/v1/supervision?worker=${sw.actor.id}&pageSize=100`)).json();
    expect(list.total).toBe(12);
    expect(list.items[0].advice.length).toBeGreaterThan(5);
    const [stored] = await owner<{ advice_cipher: string }>(sql`SELECT advice_cipher FROM supervision_sessions LIMIT 1`);
    expect(stored!.advice_cipher).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('records a session; refuses bad input, a worker outside the scope and callers without the permission', async () => {
    const res = await session(head);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'individual', supervisorId: head.actor.id, actions: [{ overdue: true, doneOn: null }] });
    expect((await session(sw)).statusCode).toBe(403);
    const two = await session(head, { workerIds: [head.actor.id, sw.actor.id] }, 'en');
    expect(two.statusCode).toBe(400);
    expect(two.json().errors).toEqual([{ path: 'workerIds', message: 'An individual session has one worker' }]);
    const outside = await session(head, { workerIds: [jinshan.actor.id], actions: [] });
    expect(outside.statusCode).toBe(400);
    expect((await session(head, { heldOn: addDays(today, 1) })).json().errors[0].path).toBe('heldOn');
    expect((await session(head, { actions: [{ text: 'x', dueOn: today, workerId: sw.actor.id }] })).json().errors[0].path).toBe(
      'actions.0.workerId',
    );
    // 金山 does not see 江头's sessions.
    expect((await jinshan.get('/api/v1/supervision')).json().total).toBe(0);
  });

  it('counts a caseload by hand: active cases by stage, days since the last contact, overdue actions', async () => {
    const open = async (residentId: string) =>
      (
        await head.post('/api/v1/cases', { residentId, type: 'elderly', riskLevel: 'low', problem: '独居', workerId: head.actor.id })
      ).json();
    const a = await open(residents[0]!);
    const b = await open(residents[1]!);
    await head.post(`/api/v1/cases/${b.id}/transition`, { version: b.version, to: 'assessment' });
    // A opened 10 days ago with a contact 3 days ago; B opened 5 days ago, no contact yet.
    await owner(sql`UPDATE cases SET opened_on = ${addDays(today, -10)}::date WHERE id = ${a.id}`);
    await owner(sql`UPDATE cases SET opened_on = ${addDays(today, -5)}::date WHERE id = ${b.id}`);
    const visit = await head.post('/api/v1/contacts', {
      residentId: residents[0],
      kind: 'phone',
      occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      caseId: a.id,
    });
    expect(visit.statusCode).toBe(200);
    const before = (await head.get('/api/v1/supervision/caseload')).json().items;
    const mine = before.find((w: { workerId: string }) => w.workerId === head.actor.id);
    expect(mine).toMatchObject({ active: 2, awaitingApproval: 0, overdueActions: 1 });
    expect(mine.byStage).toMatchObject({ intake: 1, assessment: 1, plan: 0, intervention: 0, review: 0 });
    expect(mine.cases.map((c: { id: string; daysSinceContact: number }) => [c.id, c.daysSinceContact])).toEqual([
      [b.id, 5],
      [a.id, 3],
    ]);
    // The demo worker's row counts what the demo gave them (checked against the table).
    const [demo] = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM cases WHERE worker_id = ${sw.actor.id} AND stage <> 'closed'`,
    );
    expect(before.find((w: { workerId: string }) => w.workerId === sw.actor.id).active).toBe(demo!.n);
    expect((await sw.get('/api/v1/supervision/caseload')).statusCode).toBe(403);

    // The overdue action done: none left; a stale version answers 409.
    const s = (await head.get(`/api/v1/supervision?worker=${head.actor.id}`)).json().items[0];
    const done = await head.post(`/api/v1/supervision/${s.id}/actions/0/done`, { version: s.version });
    expect(done.json().actions[0]).toMatchObject({ overdue: false, doneOn: today });
    expect((await head.post(`/api/v1/supervision/${s.id}/actions/0/done`, { version: s.version })).statusCode).toBe(409);
    const after = (await head.get('/api/v1/supervision/caseload')).json().items;
    expect(after.find((w: { workerId: string }) => w.workerId === head.actor.id).overdueActions).toBe(0);
  });
});
