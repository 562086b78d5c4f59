// Trainings, the teacher pool and continuing-education hours through the API: a class with a
// capacity and a waiting list (two last-place sign-ups at once), attendance by QR, by join code
// and by list, hours credited to the worker's current cycle, certificates verified publicly with
// a masked name, evaluations rating the teacher, manual hours reviewed, the behind list and the
// reminder job (once each).
import { shanghaiDay } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCeReminders } from '../src/modules/trainings/ce-hours.jobs.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

describe('trainings and continuing-education hours', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  let me: { id: string; name: string; mobile: string };
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const pub = (method: 'GET' | 'POST', url: string, body?: object, lang = 'zh-CN') =>
    t.app.inject({ method, url: `/api/v1/public${url}`, headers: { 'accept-language': lang }, ...(body ? { payload: body } : {}) });
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

  const training = async (s: Session, body: Record<string, unknown> = {}) => {
    const res = await s.post('/api/v1/trainings', {
      title: '初级社工实务班',
      level: 'beginner',
      areaCode: DEMO.district,
      capacity: 30,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; areaCode: string };
  };
  const session = async (s: Session, id: string, body: Record<string, unknown> = {}) => {
    const res = await s.post(`/api/v1/trainings/${id}/sessions`, {
      title: '个案工作',
      startsAt: at(-10),
      endsAt: at(80),
      mode: 'offline',
      place: '湖里区社工培训中心',
      hours: 3,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; joinCode: string; version: number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
    const mine = (await sw.get('/api/v1/workers/me')).json();
    const [w] = await owner<{ mobile_cipher: string }>(sql`SELECT mobile_cipher FROM workers WHERE id = ${mine.id}`);
    me = { id: mine.id, name: mine.name, mobile: t.services.keys.open(w!.mobile_cipher) };
  });
  afterAll(() => t?.close());

  it('opens a training: 400 with field messages in both languages, 403 without training.write, 404 from another street', async () => {
    const bad = await huli.post('/api/v1/trainings', { title: '', level: 'x', areaCode: DEMO.district }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['level', 'title']);
    const zh = await huli.post('/api/v1/trainings', { title: '', level: 'beginner', areaCode: DEMO.district });
    expect(zh.json().errors).toEqual([{ path: 'title', message: '必填' }]);
    expect((await sw.post('/api/v1/trainings', { title: '一个培训', level: 'beginner', areaCode: DEMO.jiangtou })).statusCode).toBe(403);
    const local = await training(head, { areaCode: DEMO.jiangtou, title: '江头岗位培训', level: 'on_the_job' });
    expect((await jinshan.get(`/api/v1/trainings/${local.id}`)).statusCode).toBe(404);
    expect((await huli.get(`/api/v1/trainings/${local.id}`)).statusCode).toBe(200);
    const place = await huli.post(`/api/v1/trainings/${local.id}/sessions`, {
      title: '第一讲',
      startsAt: at(0),
      endsAt: at(60),
      mode: 'offline',
      hours: 2,
    });
    expect(place.json().errors).toEqual([{ path: 'place', message: '线下课程请填写地点' }]);
    const order = await huli.post(`/api/v1/trainings/${local.id}/sessions`, {
      title: '第一讲',
      startsAt: at(60),
      endsAt: at(0),
      mode: 'online',
      streamUrl: 'https://live.example.cn/1',
      hours: 2,
    });
    expect(order.json().errors).toEqual([{ path: 'endsAt', message: '结束时间须晚于开始时间' }]);
  });

  it('moves status only open ⇄ closed → cancelled, and a stale version answers 409', async () => {
    const tr = await training(huli);
    const closed = await huli.patch(`/api/v1/trainings/${tr.id}`, { status: 'closed', version: tr.version });
    expect(closed.json().status).toBe('closed');
    expect((await huli.patch(`/api/v1/trainings/${tr.id}`, { title: '改名', version: tr.version })).statusCode).toBe(409);
    const cancelled = await huli.patch(`/api/v1/trainings/${tr.id}`, { status: 'cancelled', version: closed.json().version });
    expect(cancelled.statusCode).toBe(200);
    const back = await huli.patch(`/api/v1/trainings/${tr.id}`, { status: 'open', version: cancelled.json().version });
    expect(back.statusCode).toBe(409);
    expect(
      (await pub('POST', `/trainings/${tr.id}/registrations`, { name: '王芳', mobile: '13900000001', orgName: '某机构' })).statusCode,
    ).toBe(409);
  });

  it('fills the places, keeps a waiting list in order and moves it up on a cancellation', async () => {
    const tr = await training(huli, { capacity: 2 });
    const a = (await huli.post(`/api/v1/trainings/${tr.id}/registrations`, { workerId: me.id })).json();
    expect(a).toMatchObject({ status: 'registered', personName: me.name, position: null });
    expect(a.mobileMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const b = await pub('POST', `/trainings/${tr.id}/registrations`, { name: '王芳', mobile: '13900000002', orgName: '思明区某社工机构' });
    expect(b.json()).toEqual({ status: 'registered', position: null, already: false });
    const c = await pub('POST', `/trainings/${tr.id}/registrations`, { name: '李强', mobile: '13900000003', orgName: '集美区某机构' });
    const d = await pub('POST', `/trainings/${tr.id}/registrations`, { name: '赵敏', mobile: '13900000004', orgName: '集美区某机构' });
    expect([c.json(), d.json()]).toEqual([
      { status: 'waiting', position: 1, already: false },
      { status: 'waiting', position: 2, already: false },
    ]);
    expect(
      (await pub('POST', `/trainings/${tr.id}/registrations`, { name: '李强', mobile: '13900000003', orgName: '集美区某机构' })).json()
        .already,
    ).toBe(true);
    const bad = await pub('POST', `/trainings/${tr.id}/registrations`, { name: '李', mobile: '123', orgName: '' }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['mobile', 'name', 'orgName']);
    const list = (await huli.get(`/api/v1/trainings/${tr.id}/registrations`)).json();
    const wang = list.find((r: { personName: string }) => r.personName === '王芳');
    expect((await huli.post(`/api/v1/trainings/${tr.id}/registrations/${wang.id}/cancel`)).statusCode).toBe(200);
    expect((await huli.post(`/api/v1/trainings/${tr.id}/registrations/${wang.id}/cancel`)).statusCode).toBe(409);
    const after = (await huli.get(`/api/v1/trainings/${tr.id}/registrations`)).json() as {
      personName: string;
      status: string;
      position: number | null;
    }[];
    expect(after.map((r) => [r.personName, r.status, r.position])).toEqual([
      [me.name, 'registered', null],
      ['李强', 'registered', null],
      ['赵敏', 'waiting', 1],
      ['王芳', 'cancelled', null],
    ]);
    const page = (await pub('GET', `/trainings/${tr.id}`)).json();
    expect(page).toMatchObject({ capacity: 2, placesLeft: 0 });
  });

  it('gives two sign-ups at once for the last place one place and one waiting position', async () => {
    const tr = await training(huli, { capacity: 1 });
    const both = await Promise.all(
      ['13900000011', '13900000012'].map((mobile, i) =>
        pub('POST', `/trainings/${tr.id}/registrations`, { name: `并发${i}号`, mobile, orgName: '某机构' }),
      ),
    );
    expect(both.map((r) => r.json().status).sort()).toEqual(['registered', 'waiting']);
  });

  it('checks in by QR and by join code, credits the hours to the worker’s cycle, and issues a verifiable certificate', async () => {
    const teacher = (
      await huli.post('/api/v1/teachers', { name: '陈教授', areaCode: DEMO.district, affiliation: '厦门大学', subjects: ['个案工作'] })
    ).json();
    const tr = await training(huli, { requiredShare: 0.8 });
    const offline = await session(huli, tr.id, { teacherId: teacher.id });
    const online = await session(huli, tr.id, {
      title: '小组工作（直播）',
      mode: 'online',
      place: null,
      streamUrl: 'https://live.example.cn/2',
      hours: 2,
    });
    const mineReg = await huli.post(`/api/v1/trainings/${tr.id}/registrations`, { workerId: me.id });
    expect(mineReg.statusCode, mineReg.body).toBe(200);
    await pub('POST', `/trainings/${tr.id}/registrations`, { name: '王芳', mobile: '13900000002', orgName: '某机构' });
    // QR: the rotating code of the shared check-in, kind training_session
    expect((await sw.get(`/api/v1/checkin/training_session/${offline.id}/code`)).statusCode).toBe(403);
    const code = (await huli.get(`/api/v1/checkin/training_session/${offline.id}/code`)).json();
    expect(code.url).toBe(`/c/training_session/${offline.id}?t=${code.token}`);
    const scanned = await pub('POST', `/checkin/training_session/${offline.id}`, { t: code.token, name: me.name, mobile: me.mobile });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json().status).toBe('present');
    expect(scanned.body).not.toContain(me.mobile);
    // Join code: wrong answers 400; right answers present once
    const wrong = await pub('POST', `/trainings/${tr.id}/join`, {
      code: online.joinCode === '000000' ? '000001' : '000000',
      name: me.name,
      mobile: me.mobile,
    });
    expect(wrong.statusCode).toBe(400);
    const joined = await pub('POST', `/trainings/${tr.id}/join`, { code: online.joinCode, name: me.name, mobile: me.mobile });
    expect(joined.json()).toEqual({ status: 'present', session: '小组工作（直播）', streamUrl: 'https://live.example.cn/2' });
    expect((await pub('POST', `/trainings/${tr.id}/join`, { code: online.joinCode, name: me.name, mobile: me.mobile })).json().status).toBe(
      'already',
    );
    expect(
      (await pub('POST', `/trainings/${tr.id}/join`, { code: online.joinCode, name: '陌生人', mobile: '13900009999' })).statusCode,
    ).toBe(409);
    const methods = await owner<{ method: string }>(
      sql`SELECT method FROM attendance WHERE occasion_id IN (${offline.id}, ${online.id}) ORDER BY method`,
    );
    expect(methods.map((m) => m.method)).toEqual(['code', 'qr']);
    // The public page shows neither the join code nor a participant
    const page = await pub('GET', `/trainings/${tr.id}`);
    expect(page.body).not.toContain(online.joinCode);
    expect(page.body).not.toContain(me.name);
    expect(page.body).not.toContain('王芳');
    // Hours: 5 credited to today's cycle
    const hours = (await sw.get('/api/v1/ce-hours/me')).json();
    expect(
      hours.attended
        .filter((a: { trainingId: string }) => a.trainingId === tr.id)
        .map((a: { hours: number }) => a.hours)
        .sort(),
    ).toEqual([2, 3]);
    if (hours.cycles.length) {
      const c = hours.cycles[0];
      expect(c.start <= shanghaiDay(new Date()) && shanghaiDay(new Date()) <= c.end).toBe(true);
      expect(c.hours).toBeGreaterThanOrEqual(5);
    }
    // Certificates: the worker attended 5 of 5 hours; 王芳 none
    const issued = (await huli.post(`/api/v1/trainings/${tr.id}/certificates`)).json();
    expect(issued.issued).toBe(1);
    const mine = issued.registrations.find((r: { workerId: string | null }) => r.workerId === me.id);
    expect(mine).toMatchObject({ attendedHours: 5, completed: true });
    expect((await huli.post(`/api/v1/trainings/${tr.id}/certificates`)).json().issued).toBe(0);
    const verified = await pub('GET', `/certificates/${mine.certificateCode}`);
    expect(verified.json()).toMatchObject({ code: mine.certificateCode, title: '初级社工实务班', hours: 5 });
    expect(verified.body).not.toContain(me.name);
    expect(verified.json().maskedName).toContain('*');
    expect((await pub('GET', '/certificates/ABCDEFGHJK')).statusCode).toBe(404);
    const print = (await huli.get(`/api/v1/trainings/${tr.id}/registrations/${mine.id}/certificate`)).json();
    expect(print).toMatchObject({ personName: me.name, verifyUrl: `/v/${mine.certificateCode}` });
    // Evaluation rates the teacher: (5+4+5+4)/4 and (3+3+4+4)/4 → 4
    expect(
      (await pub('POST', `/trainings/${tr.id}/evaluation`, { name: '王芳', mobile: '13900000002', answers: [5, 5, 5, 5] })).statusCode,
    ).toBe(409);
    expect(
      (await pub('POST', `/trainings/${tr.id}/evaluation`, { name: me.name, mobile: me.mobile, answers: [5, 4, 5, 4], comment: '很实用' }))
        .statusCode,
    ).toBe(200);
    const rated = (await huli.get(`/api/v1/teachers/${teacher.id}`)).json();
    expect(rated).toMatchObject({ rating: 4.5, ratings: 1, sessionsTaught: 1 });
    expect(rated.sessions.map((s: { id: string }) => s.id)).toEqual([offline.id]);
    expect((await huli.get(`/api/v1/trainings/${tr.id}/evaluations`)).json()).toMatchObject({ count: 1, mean: 4.5, comments: ['很实用'] });
  });

  it('ticks by list, and training attendance stays out of the service outputs', async () => {
    const tr = await training(huli);
    const s = await session(huli, tr.id);
    const r = (
      await huli.post(`/api/v1/trainings/${tr.id}/registrations`, { name: '刘洋', mobile: '13900000021', orgName: '某机构' })
    ).json();
    // The district's outputs are counted live, the province's from the daily rows (0037): neither moves.
    await owner(sql`UPDATE users SET area_code = '350000000000' WHERE username = 'admin'`); // a province official
    const admin = await t.login('admin');
    const today = shanghaiDay(new Date());
    const figures = async () =>
      Promise.all(
        [
          [huli, DEMO.district],
          [admin, '350000000000'],
        ].map(async ([who, area]) => {
          const res = await (who as Session).get(`/api/v1/outputs?area=${area}&from=${today}&to=${today}`);
          expect(res.statusCode, res.body).toBe(200);
          return res.json().totals as { people: number; personTimes: number };
        }),
      );
    const before = await figures();
    const ticked = (
      await huli.post(`/api/v1/trainings/${tr.id}/sessions/${s.id}/attendance`, { registrationIds: [r.id], present: true })
    ).json();
    expect(ticked[0]).toMatchObject({ attendedHours: 3, presentSessionIds: [s.id] });
    expect(await owner(sql`SELECT 1 FROM attendance WHERE occasion_id = ${s.id} AND attended_at IS NOT NULL`)).toHaveLength(1);
    expect(await figures()).toEqual(before);
    const unticked = (
      await huli.post(`/api/v1/trainings/${tr.id}/sessions/${s.id}/attendance`, { registrationIds: [r.id], present: false })
    ).json();
    expect(unticked[0].attendedHours).toBe(0);
  });

  it('adds outside hours with proof, reviewed once by a head; lists who is behind; reminds once', async () => {
    const upload = await head.post('/api/v1/attachments', {
      filename: '证书.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4 test').toString('base64'),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const body = {
      title: '市级督导培训',
      provider: '厦门市社工协会',
      onDate: shanghaiDay(new Date()),
      hours: 6,
      attachmentId: upload.json().id,
    };
    expect((await sw.post(`/api/v1/ce-hours/workers/${me.id}/entries`, { ...body, attachmentId: undefined })).statusCode).toBe(400);
    const added = await head.post(`/api/v1/ce-hours/workers/${me.id}/entries`, body);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().status).toBe('pending');
    expect((await sw.post(`/api/v1/ce-hours/entries/${added.json().id}/review`, { decision: 'approved', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await jinshan.get(`/api/v1/ce-hours/workers/${me.id}`)).statusCode).toBe(403);
    const ok = await head.post(`/api/v1/ce-hours/entries/${added.json().id}/review`, { decision: 'approved', version: 1 });
    expect(ok.json()).toMatchObject({ status: 'approved' });
    expect((await head.post(`/api/v1/ce-hours/entries/${added.json().id}/review`, { decision: 'rejected', version: 2 })).statusCode).toBe(
      409,
    );
    const behind = (await huli.get('/api/v1/ce-hours/behind?pageSize=100')).json();
    expect(behind.total).toBeGreaterThan(0);
    expect(
      behind.items.every(
        (r: { missing: number; hours: number; required: number }) => r.missing === Math.round((r.required - r.hours) * 10) / 10,
      ),
    ).toBe(true);
    const near = (await huli.get('/api/v1/ce-hours/behind?withinDays=90&pageSize=100')).json();
    expect(near.items.every((r: { daysLeft: number }) => r.daysLeft <= 90)).toBe(true);
    expect((await jinshan.get('/api/v1/ce-hours/behind')).statusCode).toBe(403);
    // The job: a linked worker behind with 90 days left gets one notice; a second run sends none.
    await owner(sql`UPDATE worker_certificates SET registered_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - interval '3 years' + interval '60 days'
      WHERE worker_id = ${me.id} AND kind IN ('assistant', 'intermediate', 'senior')`);
    const first = await sendCeReminders(t.database);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sendCeReminders(t.database)).toBe(0);
    const notes = await owner<{ title: string }>(
      sql`SELECT title FROM notifications WHERE user_id = ${sw.actor.id} AND kind = 'ce.reminder'`,
    );
    expect(notes).toHaveLength(1);
  });
});
