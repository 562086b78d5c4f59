// What the trainings web needs beyond the trainings API: the list's session-mode filter and its
// Excel export, the behind list's export, the heads' review queue of outside hours, and a public
// account signing up as itself (its verified mobile links the registration) and finding its
// trainings, hours and certificates on the "my" page.
import { shanghaiDay } from '@wushe/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const A = '/api/v1/public/account';

describe('trainings web: filters, exports, review queue, public account', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const call = (method: 'GET' | 'POST', url: string, body?: object, o: { cookie?: string; csrf?: string } = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: '10.7.0.1',
      headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.csrf ? { 'x-csrf-token': o.csrf } : {}) },
      ...(body ? { payload: body } : {}),
    });
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;

  const openTraining = async (title: string, mode: 'offline' | 'online', capacity: number | null = 30) => {
    const tr = (await huli.post('/api/v1/trainings', { title, level: 'intermediate', areaCode: DEMO.district, capacity })).json();
    const s = await huli.post(`/api/v1/trainings/${tr.id}/sessions`, {
      title: '第一讲',
      startsAt: at(-10),
      endsAt: at(80),
      mode,
      ...(mode === 'offline' ? { place: '湖里区社工培训中心' } : { streamUrl: 'https://live.example.cn/w' }),
      hours: 3,
    });
    expect(s.statusCode, s.body).toBe(201);
    return { id: tr.id as string, sessionId: s.json().id as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    [huli, head, sw] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('filters trainings by session mode and exports the filtered list as xlsx', async () => {
    const online = await openTraining('网络直播督导课', 'online');
    const offline = await openTraining('线下实务工作坊', 'offline');
    const ids = async (q: string) =>
      ((await huli.get(`/api/v1/trainings?pageSize=100&${q}`)).json().items as { id: string }[]).map((x) => x.id);
    expect(await ids('mode=online')).toContain(online.id);
    expect(await ids('mode=online')).not.toContain(offline.id);
    expect(await ids('mode=offline')).toContain(offline.id);
    expect((await huli.get('/api/v1/trainings?mode=radio')).statusCode).toBe(400);
    const xlsx = await huli.get('/api/v1/trainings?format=xlsx&mode=online');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('培训列表.xlsx');
    const behind = await huli.get('/api/v1/ce-hours/behind?format=xlsx');
    expect(behind.statusCode).toBe(200);
    expect(behind.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await sw.get('/api/v1/ce-hours/behind?format=xlsx')).statusCode).toBe(403);
  });

  it('queues pending outside hours for the heads, with the worker, and drops them once reviewed', async () => {
    const me = (await sw.get('/api/v1/workers/me')).json();
    const upload = await sw.post('/api/v1/attachments', {
      filename: '结业证书.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4 proof').toString('base64'),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const added = await sw.post(`/api/v1/ce-hours/workers/${me.id}/entries`, {
      title: '省级继续教育网络课程',
      provider: '福建省社会工作协会',
      onDate: shanghaiDay(new Date()),
      hours: 8,
      attachmentId: upload.json().id,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await sw.get('/api/v1/ce-hours/entries')).statusCode).toBe(403);
    const queue = (await head.get('/api/v1/ce-hours/entries?pageSize=100')).json();
    const row = queue.items.find((e: { id: string }) => e.id === added.json().id);
    expect(row).toMatchObject({ workerName: me.name, status: 'pending', hours: 8 });
    expect(queue.items.every((e: { status: string }) => e.status === 'pending')).toBe(true);
    // A social worker of another street has no review right
    expect((await (await t.login('jinshan.sw')).get('/api/v1/ce-hours/entries')).statusCode).toBe(403);
    const reviewed = await head.post(`/api/v1/ce-hours/entries/${row.id}/review`, {
      decision: 'rejected',
      note: '证明不清晰',
      version: row.version,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const after = (await head.get('/api/v1/ce-hours/entries?pageSize=100')).json();
    expect(after.items.map((e: { id: string }) => e.id)).not.toContain(row.id);
    const rejected = (await head.get('/api/v1/ce-hours/entries?status=rejected&pageSize=100')).json();
    expect(rejected.items.find((e: { id: string }) => e.id === row.id)).toMatchObject({ reviewNote: '证明不清晰' });
  });

  it('signs a public account up as itself, waits when full, and shows trainings, hours and certificates on its page', async () => {
    const mobile = '13977700001';
    expect((await call('POST', `${A}/code`, { mobile, purpose: 'signup' })).statusCode).toBe(200);
    const code = (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
    const signed = await call('POST', `${A}/signup`, { name: '许安然', mobile, code });
    expect(signed.statusCode, signed.body).toBe(200);
    const auth = { cookie: cookieOf(signed), csrf: signed.json().csrfToken as string };

    const tr = await openTraining('公众开放课：社区营造', 'offline', 1);
    const url = `${A}/trainings/${tr.id}/registrations`;
    expect((await call('POST', url, { orgName: '某社工机构' })).statusCode).toBe(401);
    expect((await call('POST', url, { orgName: '某社工机构' }, { cookie: auth.cookie })).statusCode).toBe(403); // no CSRF token
    const none = await call('GET', `${A}/trainings/${tr.id}/registration`, undefined, auth);
    expect(none.statusCode, none.body).toBe(404);
    const bad = await call('POST', url, { orgName: '' }, auth);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['orgName']);
    // The one place taken by someone else first: the account waits, first in line
    await call('POST', `/api/v1/public/trainings/${tr.id}/registrations`, { name: '先到者', mobile: '13977700002', orgName: '某机构' });
    const mine = await call('POST', url, { orgName: '某社工机构' }, auth);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ status: 'waiting', position: 1, orgName: '某社工机构' });
    expect((await call('POST', url, { orgName: '别的机构' }, auth)).json()).toMatchObject({ status: 'waiting', orgName: '某社工机构' });
    // The same person signing up by name and the account's mobile is the same registration
    const byMobile = await call('POST', `/api/v1/public/trainings/${tr.id}/registrations`, {
      name: '许安然',
      mobile,
      orgName: '某社工机构',
    });
    expect(byMobile.json()).toMatchObject({ status: 'waiting', already: true });

    // Staff cancel the first, the account moves up, attends, and gets a certificate
    const regs = (await huli.get(`/api/v1/trainings/${tr.id}/registrations`)).json() as { id: string; personName: string }[];
    const first = regs.find((r) => r.personName === '先到者')!;
    expect((await huli.post(`/api/v1/trainings/${tr.id}/registrations/${first.id}/cancel`)).statusCode).toBe(200);
    const own = regs.find((r) => r.personName === '许安然')!;
    const ticked = await huli.post(`/api/v1/trainings/${tr.id}/sessions/${tr.sessionId}/attendance`, {
      registrationIds: [own.id],
      present: true,
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect((await huli.post(`/api/v1/trainings/${tr.id}/certificates`)).json().issued).toBe(1);
    const status = (await call('GET', `${A}/trainings/${tr.id}/registration`, undefined, auth)).json();
    expect(status).toMatchObject({ status: 'registered', position: null, attendedHours: 3 });
    expect(status.certificateCode).toMatch(/^[A-Z0-9]{10}$/);

    const me = await call('GET', `${A}/me`, undefined, auth);
    const sections = Object.fromEntries(
      (me.json().sections as { kind: string; items: { id: string; title: string; status: string | null }[] }[]).map((s) => [
        s.kind,
        s.items,
      ]),
    );
    expect(sections.trainings).toEqual([expect.objectContaining({ id: tr.id, title: '公众开放课：社区营造', status: '已报名' })]);
    expect(sections.hours).toEqual([expect.objectContaining({ id: tr.id, status: '3 学时' })]);
    expect(sections.certificates).toEqual([expect.objectContaining({ id: status.certificateCode })]);
    expect(me.body).not.toContain(mobile);
    expect(me.body).not.toContain('先到者');
  });
});
