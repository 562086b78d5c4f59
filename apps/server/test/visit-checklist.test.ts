// The visit checklist (走访清单): items checked against the visit_checklist code list and kept in
// its order, a found item needs a note, the checklist comes back with the contact, and a flagged
// item becomes a follow-up task once (a second click returns the same task), in scope only.
import { addDays, shanghaiToday } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('visit checklist', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let volunteer: Session;
  let admin: Session;
  const today = shanghaiToday(new Date());
  // The first second of the Shanghai day: never in the future, whatever time the test runs.
  const at = `${today}T00:00:01+08:00`;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    [sw, jinshan, volunteer, admin] = await Promise.all(['jiangtou.sw', 'jinshan.sw', 'volunteer.demo', 'admin'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  const visit = async (residentId: string, checklist: unknown[], extra: Record<string, unknown> = {}) =>
    sw.post('/api/v1/contacts', { residentId, kind: 'home_visit', occurredAt: at, notes: '入户', checklist, ...extra });

  it('lists the default checklist items as an editable code list', async () => {
    const res = await sw.get('/api/v1/code-lists?list=visit_checklist');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { code: string }) => i.code)).toEqual(['safety_hazard', 'health', 'living_conditions', 'needs']);
  });

  it('records the checklist with the visit, in code-list order, and lists it back', async () => {
    const r = await createResident(t);
    const res = await visit(r.id, [
      { item: 'needs', flagged: true, note: ' 需要助餐服务 ' },
      { item: 'safety_hazard', flagged: false },
      { item: 'health', flagged: true, note: '血压偏高' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const expected = [
      { item: 'safety_hazard', flagged: false, note: null, followUpId: null },
      { item: 'health', flagged: true, note: '血压偏高', followUpId: null },
      { item: 'needs', flagged: true, note: '需要助餐服务', followUpId: null },
    ];
    expect(res.json().items[0].checklist).toEqual(expected);
    const listed = await sw.get(`/api/v1/contacts?residentId=${r.id}`);
    expect(listed.json().items[0].checklist).toEqual(expected);
    // A contact without a checklist has an empty one.
    const plain = await sw.post('/api/v1/contacts', { residentId: r.id, kind: 'phone', occurredAt: at });
    expect(plain.json().items[0].checklist).toEqual([]);
  });

  it('rejects a found item without a note, an unknown item and an item twice, field by field, writing nothing', async () => {
    const r = await createResident(t);
    const noNote = await visit(r.id, [{ item: 'needs', flagged: true, note: '  ' }]);
    expect(noNote.statusCode).toBe(400);
    expect(paths(noNote.json())).toEqual(['checklist.0.note']);
    expect(noNote.json().errors[0].message).toBe('发现问题须简要说明');
    const en = await sw.post(
      '/api/v1/contacts',
      { residentId: r.id, kind: 'home_visit', occurredAt: at, checklist: [{ item: 'health', flagged: true }] },
      { 'accept-language': 'en' },
    );
    expect(en.json().errors[0].message).toBe('Say briefly what was found');
    const bad = await visit(r.id, [
      { item: 'health', flagged: false },
      { item: 'roof_leak', flagged: false },
      { item: 'health', flagged: true, note: 'x' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['checklist.1.item', 'checklist.2.item']);
    const tooMany = await visit(
      r.id,
      Array.from({ length: 21 }, () => ({ item: 'health' })),
    );
    expect(tooMany.statusCode).toBe(400);
    const [n] = await t.database.owner((db) =>
      rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM contacts WHERE resident_id = ${r.id}`),
    );
    expect(Number(n!.n)).toBe(0);
  });

  it('refuses a deactivated item but keeps it on earlier visits; a code in use cannot be removed', async () => {
    const r = await createResident(t);
    expect((await visit(r.id, [{ item: 'living_conditions', flagged: true, note: '屋顶漏水' }])).statusCode).toBe(200);
    const list = (await admin.get('/api/v1/code-lists?list=visit_checklist')).json().items as { code: string }[];
    const removed = await admin.request('PUT', '/api/v1/code-lists/visit_checklist', {
      items: list.filter((i) => i.code !== 'living_conditions'),
    });
    expect(removed.statusCode).toBe(400);
    const off = list.map((i) => (i.code === 'living_conditions' ? { ...i, active: false } : i));
    expect((await admin.request('PUT', '/api/v1/code-lists/visit_checklist', { items: off })).statusCode).toBe(200);
    const refused = await visit(r.id, [{ item: 'living_conditions', flagged: false }]);
    expect(paths(refused.json())).toEqual(['checklist.0.item']);
    expect((await sw.get(`/api/v1/contacts?residentId=${r.id}`)).json().items[0].checklist[0].item).toBe('living_conditions');
    await admin.request('PUT', '/api/v1/code-lists/visit_checklist', { items: list });
  });

  it('turns a need found into a follow-up task once, for the visited resident and the visiting worker', async () => {
    const r = await createResident(t);
    const c = (
      await visit(r.id, [
        { item: 'needs', flagged: true, note: '需要助餐服务' },
        { item: 'health', flagged: false },
      ])
    ).json().items[0];
    const res = await sw.post(`/api/v1/contacts/${c.id}/follow-ups`, { item: 'needs' });
    expect(res.statusCode, res.body).toBe(200);
    const task = res.json();
    expect(task).toMatchObject({
      residentId: r.id,
      reason: '走访发现（发现需求）：需要助餐服务',
      assignedTo: await userId(t, 'jiangtou.sw'),
      status: 'open',
      replayed: false,
      dueAt: new Date(`${addDays(today, 7)}T23:59:59+08:00`).toISOString(),
    });
    // The second click (or a retry) answers with the same task and writes nothing more.
    const again = await sw.post(`/api/v1/contacts/${c.id}/follow-ups`, { item: 'needs', dueOn: today });
    expect(again.json()).toMatchObject({ id: task.id, replayed: true });
    const tasks = await t.database.owner((db) => rows<{ id: string }>(db, sql`SELECT id FROM follow_ups WHERE resident_id = ${r.id}`));
    expect(tasks.map((x) => x.id)).toEqual([task.id]);
    // The contact shows the task on its item; the follow-up list has it; the audit log records it.
    const listed = (await sw.get(`/api/v1/contacts?residentId=${r.id}`)).json().items[0].checklist;
    expect(listed.find((e: { item: string }) => e.item === 'needs').followUpId).toBe(task.id);
    const open = (await sw.get(`/api/v1/follow-ups?residentId=${r.id}`)).json();
    expect(open.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    const audit = await t.database.owner((db) =>
      rows<{ after: { contactId: string } }>(
        db,
        sql`SELECT after FROM audit_log WHERE action = 'follow_up.create' AND target_id = ${task.id}`,
      ),
    );
    expect(audit[0]?.after.contactId).toBe(c.id);
  });

  it('takes a due date and a worker, and refuses an item not found, a past date, a stranger and other scopes', async () => {
    const r = await createResident(t);
    const c = (
      await visit(r.id, [
        { item: 'needs', flagged: true, note: '轮椅' },
        { item: 'health', flagged: false },
      ])
    ).json().items[0];
    const url = `/api/v1/contacts/${c.id}/follow-ups`;
    expect(paths((await sw.post(url, { item: 'health' })).json())).toEqual(['item']);
    expect(paths((await sw.post(url, { item: 'safety_hazard' })).json())).toEqual(['item']);
    expect(paths((await sw.post(url, { item: 'needs', dueOn: addDays(today, -1) })).json())).toEqual(['dueOn']);
    expect(paths((await sw.post(url, { item: 'needs', dueOn: '2026-02-30' })).json())).toEqual(['dueOn']);
    expect(paths((await sw.post(url, { item: 'needs', assignedTo: uuidv7() })).json())).toEqual(['assignedTo']);
    expect((await jinshan.post(url, { item: 'needs' })).statusCode).toBe(404);
    expect((await sw.post(`/api/v1/contacts/${uuidv7()}/follow-ups`, { item: 'needs' })).statusCode).toBe(404);
    expect((await volunteer.post(url, { item: 'needs' })).statusCode).toBe(403);
    const head = await userId(t, 'jiangtou.head');
    const ok = await sw.post(url, { item: 'needs', dueOn: today, assignedTo: head });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ assignedTo: head, dueAt: new Date(`${today}T23:59:59+08:00`).toISOString() });
  });
});
