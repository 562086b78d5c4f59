// The responsible worker (责任社工) and follow-ups people make (issue 8, items 1 and 9): bulk
// assignment by ids and by the list's filter (one audit record with the count, idempotent),
// who may be assigned, the mine/unassigned filters, the registration default; follow-ups made
// by hand and reassigned; read-all; an urgent flag due the same day that climbs to the district
// where the street has no head, telling the worker who was alerted.
import { PHQ9, shanghaiToday, addDays } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, idNumber, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';
import { csvOf, HEADERS, importFile, person, reportOf } from './import-fixtures.ts';

const JT_A = '350206004001';
const JT_B = '350206004002';
const JS = '350206005013';
const paths = (b: { errors?: { path: string }[] }) => (b.errors ?? []).map((e) => e.path);

describe('responsible worker and hand-made follow-ups', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let huli: Session;
  let jinshan: Session;
  let volunteer: Session;
  const today = shanghaiToday(new Date());
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    [sw, head, huli, jinshan, volunteer] = await Promise.all(
      ['jiangtou.sw', 'jiangtou.head', 'huli', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t?.close());

  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const auditsOf = (action: string) =>
    owner<{ after: { changed: number; matched: number; workerId: string } }>(
      sql`SELECT after FROM audit_log WHERE action = ${action} ORDER BY seq`,
    );

  it('assigns selected rows once (a repeat changes none), audited as one action with the count', async () => {
    const a = await createResident(t, { areaCode: JT_A });
    const b = await createResident(t, { areaCode: JT_B });
    const res = await head.post('/api/v1/residents/assign', { ids: [a.id, b.id], workerId: sw.actor.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ workerId: sw.actor.id, workerName: '江头社工', matched: 2, changed: 2 });
    const again = await head.post('/api/v1/residents/assign', { ids: [a.id, b.id], workerId: sw.actor.id });
    expect(again.json()).toMatchObject({ matched: 2, changed: 0 });
    const audits = await auditsOf('resident.assign');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ changed: 2, matched: 2, workerId: sw.actor.id });
    const detail = (await sw.get(`/api/v1/residents/${a.id}`)).json();
    expect(detail).toMatchObject({ assignedWorkerId: sw.actor.id, assignedWorkerName: '江头社工', version: 2 });
  });

  it('assigns all matching the filter: the unassigned of one community, counted against a hand count', async () => {
    const before = (await head.get(`/api/v1/residents?area=${JT_B}&unassigned=true&pageSize=100`)).json();
    const made = await Promise.all([1, 2, 3].map(() => createResident(t, { areaCode: JT_B })));
    await createResident(t, { areaCode: JT_B, assignedWorkerId: await userId(t, 'jiangtou.sw') });
    const list = (await head.get(`/api/v1/residents?area=${JT_B}&unassigned=true&pageSize=100`)).json();
    expect(list.total).toBe(before.total + 3);
    expect(list.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(made.map((m) => m.id)));
    const n = (await auditsOf('resident.assign')).length;
    const res = await head.post('/api/v1/residents/assign', { filter: { area: JT_B, unassigned: 'true' }, workerId: sw.actor.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ matched: list.total, changed: list.total });
    const audits = await auditsOf('resident.assign');
    expect(audits).toHaveLength(n + 1);
    expect(audits.at(-1)!.after).toMatchObject({ changed: list.total, filter: { area: JT_B, unassigned: 'true' } });
    expect((await head.get(`/api/v1/residents?area=${JT_B}&unassigned=true`)).json().total).toBe(0);
    // "mine": the worker's caseload is exactly those assigned to them.
    const [{ n: mine }] = (await owner<{ n: string }>(
      sql`SELECT count(*) AS n FROM residents WHERE assigned_worker_id = ${sw.actor.id} AND status = 'active'`,
    )) as [{ n: string }];
    expect((await sw.get('/api/v1/residents?mine=true')).json().total).toBe(Number(mine));
  });

  it('refuses bad input (400), non-assigners (403), other areas (404) and workers of another station', async () => {
    const r = await createResident(t, { areaCode: JT_A });
    const js = await createResident(t, { areaCode: JS });
    const neither = await head.post('/api/v1/residents/assign', { workerId: sw.actor.id });
    expect(neither.statusCode).toBe(400);
    expect(paths(neither.json())).toEqual(['ids']);
    expect((await head.post('/api/v1/residents/assign', { ids: ['x'], workerId: sw.actor.id })).statusCode).toBe(400);
    // A volunteer cannot record visits: not a worker one may assign.
    const vol = await head.post('/api/v1/residents/assign', { ids: [r.id], workerId: volunteer.actor.id });
    expect(vol.statusCode).toBe(400);
    expect(vol.json().errors[0]).toMatchObject({ path: 'workerId', message: expect.stringContaining('社工') });
    expect((await sw.post('/api/v1/residents/assign', { ids: [r.id], workerId: sw.actor.id })).statusCode).toBe(403);
    expect((await volunteer.post('/api/v1/residents/assign', { ids: [r.id], workerId: sw.actor.id })).statusCode).toBe(403);
    expect((await head.post('/api/v1/residents/assign', { ids: [js.id], workerId: sw.actor.id })).statusCode).toBe(404);
    expect((await head.post('/api/v1/residents/assign', { filter: { area: '350206005000' }, workerId: sw.actor.id })).statusCode).toBe(404);
    // The district may assign, but not 金山's residents to 江头's worker.
    const cross = await huli.post('/api/v1/residents/assign', { ids: [r.id, js.id], workerId: sw.actor.id }, { 'accept-language': 'en' });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors[0].message).toBe('1 of these residents are outside the worker’s station');
    expect((await huli.post('/api/v1/residents/assign', { ids: [js.id], workerId: jinshan.actor.id })).json()).toMatchObject({
      changed: 1,
    });
  });

  it('registration defaults to the registering worker; only an assigner picks someone else', async () => {
    let seq = 700;
    const input = (over: Record<string, unknown> = {}) => ({
      name: `登记${seq}`,
      idNumber: idNumber(seq++, '19400202'),
      areaCode: JT_A,
      careLevel: 3,
      consent: { purpose: '建档服务', date: today, givenBy: '本人' },
      ...over,
    });
    const own = await sw.post('/api/v1/residents', input());
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().assignedWorkerId).toBe(sw.actor.id);
    const none = await sw.post('/api/v1/residents', input({ assignedWorkerId: null }));
    expect(none.json().assignedWorkerId).toBeNull();
    const headId = head.actor.id;
    expect((await sw.post('/api/v1/residents', input({ assignedWorkerId: headId }))).statusCode).toBe(403);
    const picked = await head.post('/api/v1/residents', input({ assignedWorkerId: sw.actor.id }));
    expect(picked.json().assignedWorkerId).toBe(sw.actor.id);
    // The profile: the head changes it; a worker of another station is refused with a field message.
    const edit = await head.patch(`/api/v1/residents/${none.json().id}`, { assignedWorkerId: sw.actor.id, version: 1 });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().assignedWorkerName).toBe('江头社工');
    const far = await head.patch(`/api/v1/residents/${own.json().id}`, { assignedWorkerId: jinshan.actor.id, version: 1 });
    expect(far.statusCode).toBe(400);
    expect(paths(far.json())).toEqual(['assignedWorkerId']);
    const workers = (await head.get('/api/v1/residents/assignable-workers')).json();
    expect(workers.items.map((w: { username: string }) => w.username)).toEqual(expect.arrayContaining(['jiangtou.sw', 'jiangtou.head']));
    expect(workers.items.map((w: { username: string }) => w.username)).not.toContain('volunteer.demo');
  });

  it('follow-ups by hand: made, repeated, refused (400/403/404), reassigned by a head (409 once done)', async () => {
    const r = await createResident(t, { areaCode: JT_A, assignedWorkerId: sw.actor.id });
    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const made = await head.post('/api/v1/follow-ups', { residentId: r.id, reason: '复查用药情况', dueAt });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ residentId: r.id, assignedTo: sw.actor.id, status: 'open', assessmentId: null });
    const again = await head.post('/api/v1/follow-ups', { residentId: r.id, reason: '复查用药情况', dueAt });
    expect(again.json().id).toBe(made.json().id);
    const told = (await sw.get('/api/v1/notifications')).json().items;
    expect(told.filter((n: { kind: string }) => n.kind === 'followUp.assigned')).toHaveLength(1);
    const past = await sw.post('/api/v1/follow-ups', { residentId: r.id, reason: '补录', dueAt: '2020-01-01T00:00:00+08:00' });
    expect(past.statusCode).toBe(400);
    expect(paths(past.json())).toEqual(['dueAt']);
    expect(paths((await sw.post('/api/v1/follow-ups', { residentId: r.id, dueAt })).json())).toEqual(['reason']);
    expect((await sw.post('/api/v1/follow-ups', { residentId: r.id, reason: '改派', dueAt, assignedTo: head.actor.id })).statusCode).toBe(
      403,
    );
    expect((await volunteer.post('/api/v1/follow-ups', { residentId: r.id, reason: '看望', dueAt })).statusCode).toBe(403);
    const js = await createResident(t, { areaCode: JS });
    expect((await sw.post('/api/v1/follow-ups', { residentId: js.id, reason: '看望', dueAt })).statusCode).toBe(404);

    const id = made.json().id as string;
    expect((await sw.post(`/api/v1/follow-ups/${id}/assign`, { assignedTo: head.actor.id })).statusCode).toBe(403);
    expect((await head.post(`/api/v1/follow-ups/${id}/assign`, { assignedTo: 'x' })).statusCode).toBe(400);
    expect((await head.post(`/api/v1/follow-ups/${id}/assign`, { assignedTo: jinshan.actor.id })).statusCode).toBe(400);
    const moved = await head.post(`/api/v1/follow-ups/${id}/assign`, { assignedTo: head.actor.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ assignedTo: head.actor.id, assignedToName: '江头站长' });
    expect((await jinshan.post(`/api/v1/follow-ups/${id}/complete`, { outcome: 'x' })).statusCode).toBe(404);
    await head.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '已上门' });
    expect((await head.post(`/api/v1/follow-ups/${id}/assign`, { assignedTo: sw.actor.id })).statusCode).toBe(409);
    const audits = await owner<{ action: string }>(sql`SELECT action FROM audit_log WHERE target_id = ${id} ORDER BY seq`);
    expect(audits.map((a) => a.action)).toEqual(['follow_up.create', 'follow_up.assign', 'follow_up.complete']);
  });

  it('marks all my notifications read, and only mine', async () => {
    expect((await sw.get('/api/v1/notifications')).json().unread).toBeGreaterThan(0);
    const headUnread = (await head.get('/api/v1/notifications')).json().unread;
    expect((await sw.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect((await sw.get('/api/v1/notifications')).json().unread).toBe(0);
    expect((await head.get('/api/v1/notifications')).json().unread).toBe(headUnread);
  });

  const phq9Urgent = () => {
    const answers: Record<string, string> = {};
    for (const item of PHQ9.items) if (item.type === 'single') answers[item.code] = item.options[0]!.value;
    answers.phq9_9 = '1';
    return { instrumentCode: 'phq9', answers, assessedOn: today, confirmedCareLevel: 1 };
  };

  it('an urgent flag in 金山 (no station head) climbs to the district, due the same day; the worker is told who', async () => {
    const r = await createResident(t, { areaCode: JS, name: '王阿公' });
    const res = await jinshan.post(`/api/v1/residents/${r.id}/assessments`, phq9Urgent());
    expect(res.statusCode, res.body).toBe(200);
    const due = new Date(`${today}T23:59:59+08:00`).toISOString();
    expect(res.json().urgentFollowUp).toMatchObject({ dueAt: due, alerted: expect.arrayContaining(['湖里区民政局（湖里区）']) });
    const notes = await owner<{ user_id: string }>(sql`SELECT user_id FROM notifications WHERE link = ${`/residents/${r.id}`}`);
    const ids = notes.map((n) => n.user_id).sort();
    expect(ids).toEqual([await userId(t, 'admin'), huli.actor.id].sort());
    const mine = (await jinshan.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'followUp.urgent');
    expect(mine.body).toContain('湖里区民政局');
    const open = (await jinshan.get('/api/v1/follow-ups?mine=true')).json().items;
    expect(open.find((f: { residentId: string }) => f.residentId === r.id)).toMatchObject({ dueAt: due, status: 'open' });
    // In 江头 the street's head is the nearest level: the district is not troubled.
    const j = await createResident(t, { areaCode: JT_A });
    const jr = await sw.post(`/api/v1/residents/${j.id}/assessments`, phq9Urgent());
    expect(jr.json().urgentFollowUp.alerted).toEqual(['江头站长（江头街道）']);
  });

  it('the deadline follows the setting (days after the flag’s day)', async () => {
    const admin = await t.login('admin');
    expect((await admin.request('PUT', '/api/v1/settings/urgent-follow-up', { days: 9 })).statusCode).toBe(400);
    expect((await sw.request('PUT', '/api/v1/settings/urgent-follow-up', { days: 1 })).statusCode).toBe(403);
    expect((await admin.request('PUT', '/api/v1/settings/urgent-follow-up', { days: 1 })).json()).toEqual({ days: 1 });
    const r = await createResident(t, { areaCode: JT_A });
    const res = await sw.post(`/api/v1/residents/${r.id}/assessments`, phq9Urgent());
    expect(res.json().urgentFollowUp.dueAt).toBe(new Date(`${addDays(today, 1)}T23:59:59+08:00`).toISOString());
    expect((await sw.get('/api/v1/settings/urgent-follow-up')).json()).toEqual({ days: 1 });
  });

  it('the import reads the responsible worker by username; an unknown one rejects that row with a clear message', async () => {
    const headers = [...HEADERS, '责任社工账号'];
    const rowsIn = [
      person(901, { 所在社区代码: JT_A, 责任社工账号: 'Jiangtou.SW' } as never),
      person(902, { 所在社区代码: JT_A, 责任社工账号: 'nobody.here' } as never),
      person(903, { 所在社区代码: JT_A, 责任社工账号: 'volunteer.demo' } as never),
      person(904, { 所在社区代码: JT_A }),
    ];
    const job = await importFile(t, head, Buffer.from(csvOf(rowsIn, headers)), 'workers.csv', 'valid_rows');
    expect(job).toMatchObject({ status: 'done', accepted: 2, rejected: 2 });
    const report = await reportOf(head, job.id);
    expect(report.filter((r) => r.status === 'rejected').map((r) => r.errors)).toEqual([
      [{ column: '责任社工账号', message: '找不到在职社工账号“nobody.here”（或其不属于该社区所在站点）' }],
      [{ column: '责任社工账号', message: '找不到在职社工账号“volunteer.demo”（或其不属于该社区所在站点）' }],
    ]);
    const stored = await owner<{ name: string; w: string | null }>(
      sql`SELECT name, assigned_worker_id AS w FROM residents WHERE name IN (${rowsIn[0]!.姓名 as string}, ${rowsIn[3]!.姓名 as string}) ORDER BY name`,
    );
    expect(stored.map((r) => r.w).sort()).toEqual([sw.actor.id, null].sort());
  });

  it('a worker without the assign permission may name only themself in the worker column', async () => {
    const headers = [...HEADERS, '责任社工账号'];
    const rowsIn = [
      person(911, { 所在社区代码: JT_A, 责任社工账号: 'jiangtou.sw' } as never),
      person(912, { 所在社区代码: JT_A, 责任社工账号: 'jiangtou.head' } as never),
    ];
    const job = await importFile(t, sw, Buffer.from(csvOf(rowsIn, headers)), 'mine.csv', 'valid_rows');
    expect(job).toMatchObject({ status: 'done', accepted: 1, rejected: 1 });
    const report = await reportOf(sw, job.id);
    expect(report.filter((r) => r.status === 'rejected').map((r) => r.errors)).toEqual([
      [{ column: '责任社工账号', message: '您没有“分派”权限，只能填写自己的账号（或留空）：“jiangtou.head”' }],
    ]);
    const [stored] = await owner<{ w: string | null }>(
      sql`SELECT assigned_worker_id AS w FROM residents WHERE name = ${rowsIn[0]!.姓名 as string}`,
    );
    expect(stored!.w).toBe(sw.actor.id);
  });
});
