// Community activities (社区活动): CRUD under the scope, status rules, sign-up with the
// capacity, ticking from the list and afterwards, satisfaction recorded by a worker, the
// export; bad input, 403, another street's 404 and stale 409 on every route.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('activities', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let official: Session;
  let residents: { id: string; name: string }[];
  let jinshanResident: string;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

  beforeAll(async () => {
    t = await startTestApp();
    [sw, jinshan, official] = await Promise.all(['jiangtou.sw', 'jinshan.sw', 'huli'].map((u) => t.login(u)));
    residents = await owner(
      sql`SELECT id, name FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 3`,
    );
    [{ id: jinshanResident }] = await owner<{ id: string }>(sql`SELECT id FROM residents WHERE area_code LIKE '350206005%' LIMIT 1`);
  });
  afterAll(() => t?.close());

  const create = (s: Session, body: Record<string, unknown> = {}, lang = 'zh-CN') =>
    s.post(
      '/api/v1/activities',
      {
        title: '长者健康讲座',
        place: '江头社区活动室',
        startsAt: at(-10),
        endsAt: at(110),
        capacity: 3,
        partners: ['湖里区医院'],
        ...body,
      },
      { 'accept-language': lang },
    );

  it('the demo holds a year of activities in 江头 and 金山, held ones with attendance', async () => {
    const list = (await sw.get('/api/v1/activities?pageSize=100')).json();
    expect(list.total).toBeGreaterThanOrEqual(40);
    expect(list.items.some((a: { status: string; present: number }) => a.status === 'held' && a.present > 0)).toBe(true);
    expect(list.items.some((a: { status: string }) => a.status === 'cancelled')).toBe(true);
    expect((await jinshan.get('/api/v1/activities?pageSize=100')).json().total).toBeGreaterThanOrEqual(10);
  });

  it('creates, reads and edits an activity; 400 with field paths, 403, 404 for another street, 409 when stale', async () => {
    const res = await create(sw);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ title: '长者健康讲座', capacity: 3, partners: ['湖里区医院'], status: 'planned', signedUp: 0, present: 0 });
    expect(a.organiserId).toBe(sw.actor.id);
    expect(a.orgName).toBeTruthy();

    const bad = await create(sw, { title: '', endsAt: at(-20) }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Required' },
        { path: 'endsAt', message: 'The end must be after the start' },
      ]),
    );
    expect((await create(sw, { endsAt: at(-20) })).json().errors).toEqual([{ path: 'endsAt', message: '结束时间须晚于开始时间' }]);
    expect((await create(official)).statusCode).toBe(403);
    expect((await create(sw, { organiserId: jinshan.actor.id })).json().errors[0].path).toBe('organiserId');

    expect((await jinshan.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await jinshan.patch(`/api/v1/activities/${a.id}`, { version: a.version, title: 'x' })).statusCode).toBe(404);
    expect((await official.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(200);

    const edited = await sw.patch(`/api/v1/activities/${a.id}`, { version: a.version, place: '江头街道党群服务中心', capacity: 4 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ place: '江头街道党群服务中心', capacity: 4, version: a.version + 1 });
    expect((await sw.patch(`/api/v1/activities/${a.id}`, { version: a.version, place: '旧' })).statusCode).toBe(409);

    const found = (await sw.get('/api/v1/activities?q=党群服务&mine=true')).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect((await jinshan.get('/api/v1/activities?q=党群服务')).json().items.map((i: { id: string }) => i.id)).not.toContain(a.id);
  });

  it('signs up within the capacity, ticks and un-ticks from the list; another street’s resident is 404', async () => {
    const a = (await create(sw, { capacity: 2 })).json();
    const url = `/api/v1/activities/${a.id}/attendance`;
    const one = await sw.post(url, {
      action: 'signUp',
      residentIds: [residents[0]!.id],
      others: [{ name: '王 小明', mobile: '13900001111' }],
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ signedUp: 2, present: 0, capacity: 2 });
    // The same people again: a double tap, nothing changes.
    expect((await sw.post(url, { action: 'signUp', residentIds: [residents[0]!.id] })).json().signedUp).toBe(2);
    const full = await sw.post(url, { action: 'signUp', residentIds: [residents[1]!.id] });
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toBe('名额已满：本活动限 2 人，已报名 2 人，本次还想报名 1 人');
    expect((await sw.post(url, { action: 'signUp', residentIds: [jinshanResident] })).statusCode).toBe(404);
    expect((await sw.post(url, { action: 'signUp', others: [{ name: '李四', mobile: '123' }] })).json().errors[0].path).toBe(
      'others.0.mobile',
    );
    expect((await official.post(url, { action: 'signUp', residentIds: [residents[1]!.id] })).statusCode).toBe(403);
    expect((await jinshan.post(url, { action: 'signUp', others: [{ name: '李四' }] })).statusCode).toBe(404);

    const row = one.json().items.find((r: { residentId: string | null }) => r.residentId === residents[0]!.id);
    const ticked = (await sw.post(url, { action: 'mark', attendanceId: row.id, present: true })).json();
    expect(ticked.present).toBe(1);
    expect(ticked.items.find((r: { id: string }) => r.id === row.id)).toMatchObject({ method: 'list' });
    // Ticked twice: still one.
    expect((await sw.post(url, { action: 'mark', attendanceId: row.id, present: true })).json().present).toBe(1);
    expect((await sw.post(url, { action: 'mark', attendanceId: row.id, present: false })).json().present).toBe(0);
    expect((await sw.post(url, { action: 'mark', attendanceId: a.id, present: true })).json().errors[0].path).toBe('attendanceId');
    // A walk-in marked present from the list does not count against the sign-up capacity.
    const walkIn = (await sw.post(url, { action: 'present', others: [{ name: '赵六' }] })).json();
    expect(walkIn).toMatchObject({ signedUp: 2, present: 1 });
    expect((await jinshan.get(url)).statusCode).toBe(404);
    expect((await sw.get(url)).json().items).toHaveLength(3);
  });

  it('records attendance afterwards, marks held, then refuses to cancel; adds summary and photos', async () => {
    const a = (await create(sw, { startsAt: at(-240), endsAt: at(-120) })).json();
    const url = `/api/v1/activities/${a.id}/attendance`;
    const after = (await sw.post(url, { action: 'present', residentIds: [residents[0]!.id, residents[1]!.id] })).json();
    expect(after.present).toBe(2);
    expect(after.items.every((r: { method: string }) => r.method === 'after')).toBe(true);
    const cancel = await sw.post(`/api/v1/activities/${a.id}/status`, { version: a.version, to: 'cancelled' });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().code).toBe('activity.cancelAttended');
    const held = await sw.post(`/api/v1/activities/${a.id}/status`, { version: a.version, to: 'held' });
    expect(held.json()).toMatchObject({ status: 'held', present: 2 });
    // A double tap answers the same; a stale version of another change is 409.
    expect((await sw.post(`/api/v1/activities/${a.id}/status`, { version: a.version, to: 'held' })).statusCode).toBe(200);
    expect((await jinshan.post(`/api/v1/activities/${a.id}/status`, { version: 2, to: 'held' })).statusCode).toBe(404);
    expect((await official.post(`/api/v1/activities/${a.id}/status`, { version: 2, to: 'held' })).statusCode).toBe(403);
    expect((await sw.post(`/api/v1/activities/${a.id}/status`, { version: 2, to: 'gone' })).json().errors[0].path).toBe('to');

    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d6b9a50000000049454e44ae426082',
      'hex',
    );
    const photo = (
      await sw.post('/api/v1/attachments', { filename: 'a.png', contentType: 'image/png', data: png.toString('base64') })
    ).json();
    const v = held.json().version;
    const done = await sw.patch(`/api/v1/activities/${a.id}`, { version: v, summary: '到场 2 人，反响良好', photoIds: [photo.id] });
    expect(done.json()).toMatchObject({ summary: '到场 2 人，反响良好', photoIds: [photo.id] });
    expect((await sw.patch(`/api/v1/activities/${a.id}`, { version: v + 1, photoIds: [a.id] })).json().errors[0].path).toBe('photoIds');
  });

  it('cancels a planned activity nobody attended; no more sign-ups', async () => {
    const a = (await create(sw, { startsAt: at(60 * 24), endsAt: at(60 * 26) })).json();
    expect((await sw.post(`/api/v1/activities/${a.id}/status`, { version: a.version, to: 'held' })).json().code).toBe(
      'activity.notStarted',
    );
    const c = await sw.post(`/api/v1/activities/${a.id}/status`, { version: a.version, to: 'cancelled' });
    expect(c.json().status).toBe('cancelled');
    expect((await sw.post(`/api/v1/activities/${a.id}/attendance`, { action: 'signUp', others: [{ name: '张三' }] })).statusCode).toBe(409);
  });

  it('records satisfaction for a participant and gives the mean', async () => {
    const a = (await create(sw)).json();
    const list = (
      await sw.post(`/api/v1/activities/${a.id}/attendance`, { action: 'signUp', residentIds: residents.slice(0, 2).map((r) => r.id) })
    ).json();
    const url = `/api/v1/activities/${a.id}/satisfaction`;
    await sw.post(url, { attendanceId: list.items[0].id, score: 5, comment: '很好' });
    await sw.post(url, { attendanceId: list.items[1].id, score: 2 });
    // Answering again replaces: 5 → 4. Mean of 4 and 2 = 3.
    const s = (await sw.post(url, { attendanceId: list.items[0].id, score: 4 })).json();
    expect(s).toMatchObject({ count: 2, mean: 3 });
    expect(s.items.every((i: { byParticipant: boolean }) => !i.byParticipant)).toBe(true);
    expect((await sw.get(`/api/v1/activities/${a.id}`)).json()).toMatchObject({ satisfactionMean: 3, satisfactionCount: 2 });
    const bad = await sw.post(url, { attendanceId: list.items[0].id, score: 6 }, { 'accept-language': 'en' });
    expect(bad.json().errors).toEqual([{ path: 'score', message: 'Satisfaction is scored 1 to 5' }]);
    expect((await official.post(url, { attendanceId: list.items[0].id, score: 3 })).statusCode).toBe(403);
    expect((await jinshan.get(url)).statusCode).toBe(404);
    expect((await official.get(url)).json().count).toBe(2);
  });

  it('exports the filtered list as xlsx', async () => {
    const res = await sw.get('/api/v1/activities/export?status=held');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
