// 一呼百应 through the API: describing needs (400 in both languages, 403, another street 404),
// the exact proposal (skills and availability respected, nobody twice, the places filled), sending
// calls (twice sends once), a volunteer declining on the phone refilled from the next best, and
// accepting until the need is full (then 409, the late call expired). With an SMS provider (a
// local server standing in for Aliyun), each call sent and each refill is texted to the volunteer
// from the job queue; without one, nothing is queued.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_SMS } from '../src/modules/mobilisations/mobilisations.jobs.ts';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { idNumber } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

/** Next Saturday 09:00–11:00 in Shanghai. */
function saturdayOf() {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7));
  const day = d.toISOString().slice(0, 10);
  return { startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00` };
}

describe('mobilisations', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let huli: Session;
  let community: string;
  let n = 0;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const M = '/api/v1/mobilisations';
  const A = '/api/v1/public/account';
  type Who = { cookie: string; csrf: string; mobile: string };
  const call = async (method: 'GET' | 'POST', url: string, body?: object, who?: Who) => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: `10.7.0.${(n % 200) + 1}`,
      headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
  /** A public account registered as a volunteer of the community and confirmed by the station. */
  const volunteer = async (name: string, skills: string[]): Promise<Who & { id: string }> => {
    n += 1;
    const mobile = `1350000${String(n).padStart(4, '0')}`;
    await call('POST', `${A}/code`, { mobile, purpose: 'signup' });
    const code = (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
    const res = await call('POST', `${A}/signup`, { name, mobile, code });
    const who = { cookie: cookieOf(res), csrf: res.json().csrfToken as string, mobile };
    const reg = await call(
      'POST',
      `${A}/volunteer`,
      { name, idNumber: idNumber(300 + n, '19880808'), areaCode: community, skills, availability: null },
      who,
    );
    const v = reg.json().volunteer;
    await sw.post(`/api/v1/volunteers/${v.id}/transition`, {
      action: 'confirm',
      version: (await sw.get(`/api/v1/volunteers/${v.id}`)).json().version,
    });
    return { ...who, id: v.id };
  };
  const need = (over: Record<string, unknown> = {}) => ({
    title: '助老送餐',
    skills: [],
    areaCode: community,
    place: '江头社区长者食堂',
    slots: 1,
    ...saturdayOf(),
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    [huli, sw, jinshan] = await Promise.all(['huli', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
    [{ code: community }] = await owner<{ code: string }>(
      sql`SELECT code FROM areas WHERE code LIKE '350206004%' AND level = 'community' ORDER BY code LIMIT 1`,
    );
  });
  afterAll(() => t?.close());

  it('refuses bad needs with field paths; 403 without the permission; another street 404', async () => {
    expect((await sw.post(M, { title: '台风后清理', needs: [] })).json().errors[0].path).toBe('needs');
    const late = await sw.post(M, { title: '台风后清理', needs: [need({ endsAt: saturdayOf().startsAt, startsAt: saturdayOf().endsAt })] });
    expect(late.json().errors[0].path).toBe('needs.0.endsAt');
    const en = await sw.post(M, { title: '台风后清理', needs: [need({ areaCode: '350206004' })] }, { 'accept-language': 'en' });
    expect(en.json().errors[0]).toMatchObject({
      path: 'needs.0.areaCode',
      message: 'Choose a community (residents’ or villagers’ committee)',
    });
    expect((await huli.post(M, { title: '台风后清理', needs: [need()] })).statusCode).toBe(403);
    const m = (await sw.post(M, { title: '台风后清理', needs: [need()] })).json();
    expect((await jinshan.get(`${M}/${m.id}`)).statusCode).toBe(404);
  });

  it('proposes the best-fitting volunteers exactly: skills and availability respected, nobody twice, the places filled', async () => {
    const res = await sw.post(M, {
      title: '周末一呼百应',
      needs: [need({ title: '维修电路', skills: ['repair'], slots: 3 }), need({ slots: 2 })],
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    const p = (await sw.post(`${M}/${m.id}/proposals`)).json();
    expect(p.filled).toBe(5);
    const chosen = p.needs.flatMap((x: { chosen: { volunteerId: string }[] }) => x.chosen.map((c) => c.volunteerId));
    expect(new Set(chosen).size).toBe(5);
    const repairers = p.needs[0].chosen.map((c: { volunteerId: string }) => c.volunteerId);
    const skills = await owner<{ id: string; skills: string[]; availability: { weekdays: number[] } | null; status: string }>(
      sql`SELECT id, skills, availability, status FROM volunteers WHERE id = ANY (${`{${chosen.join(',')}}`}::uuid[])`,
    );
    for (const v of skills) {
      expect(v.status).toBe('active');
      if (repairers.includes(v.id)) expect(v.skills).toContain('repair');
      if (v.availability) expect(v.availability.weekdays).toContain(6);
    }
    expect(p.needs[0].chosen[0].reasons.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['skill', 'near', 'available']));
    // Sending twice sends once.
    const calls = p.needs.flatMap((x: { needId: string; chosen: { volunteerId: string }[] }) =>
      x.chosen.map((c) => ({ needId: x.needId, volunteerId: c.volunteerId })),
    );
    await sw.post(`${M}/${m.id}/calls`, { calls });
    const sent = (await sw.post(`${M}/${m.id}/calls`, { calls })).json();
    expect(sent.status).toBe('sent');
    expect(sent.needs.map((x: { waiting: number }) => x.waiting)).toEqual([3, 2]);
    // The next proposal asks nobody already asked, and has no places left to fill.
    expect((await sw.post(`${M}/${m.id}/proposals`)).json().filled).toBe(0);
  });

  it('a decline is refilled from the next best; accepting stops at the need’s places', async () => {
    const a = await volunteer('郑一诺', ['cooking']);
    const b = await volunteer('许可欣', ['cooking']);
    const c = await volunteer('洪安然', ['cooking']);
    const d = await volunteer('吕思齐', ['cooking']);
    const m = (await sw.post(M, { title: '长者食堂送餐', needs: [need({ skills: ['cooking'], slots: 1 })] })).json();
    const needId = m.needs[0].id;
    const bad = await sw.post(`${M}/${m.id}/calls`, { calls: [{ needId, volunteerId: '01900000-0000-7000-8000-000000000000' }] });
    expect(bad.json().errors[0].path).toBe('calls.0.volunteerId');
    await sw.post(`${M}/${m.id}/calls`, { calls: [a, b].map((v) => ({ needId, volunteerId: v.id })) });
    const mine = (await call('GET', `${A}/volunteer/calls`, undefined, a)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ mobilisationTitle: '长者食堂送餐', status: 'sent' });
    const declined = await call('POST', `${A}/volunteer/calls/${mine[0].id}/answer`, { answer: 'decline' }, a);
    expect(declined.json().status).toBe('declined');
    expect((await call('POST', `${A}/volunteer/calls/${mine[0].id}/answer`, { answer: 'accept' }, a)).statusCode).toBe(409);
    // One waiting call (b) already fills the single place: no refill needed.
    let now = (await sw.get(`${M}/${m.id}`)).json().needs[0];
    expect(now.calls).toHaveLength(2);
    const bCall = (await call('GET', `${A}/volunteer/calls`, undefined, b)).json().items[0];
    await call('POST', `${A}/volunteer/calls/${bCall.id}/answer`, { answer: 'decline' }, b);
    // b declined with nobody else waiting: the next best volunteer not yet asked is called.
    now = (await sw.get(`${M}/${m.id}`)).json().needs[0];
    expect(now.calls).toHaveLength(3);
    expect(now.waiting).toBe(1);
    const refill = now.calls.find((x: { status: string }) => x.status === 'sent');
    expect([a.id, b.id]).not.toContain(refill.volunteerId);
    // c is called by hand too; the first to accept takes the place, the other gets 409.
    await sw.post(`${M}/${m.id}/calls`, { calls: [c, d].map((v) => ({ needId, volunteerId: v.id })) });
    const cCall = (await call('GET', `${A}/volunteer/calls`, undefined, c)).json().items[0];
    expect((await call('POST', `${A}/volunteer/calls/${cCall.id}/answer`, { answer: 'accept' }, c)).json().status).toBe('accepted');
    const dCall = (await call('GET', `${A}/volunteer/calls`, undefined, d)).json().items[0];
    const late = await call('POST', `${A}/volunteer/calls/${dCall.id}/answer`, { answer: 'accept' }, d);
    expect(late.statusCode).toBe(409);
    expect((await call('GET', `${A}/volunteer/calls`, undefined, d)).json().items[0].status).toBe('expired');
    const after = (await sw.get(`${M}/${m.id}`)).json();
    expect(after.needs[0]).toMatchObject({ accepted: 1, slots: 1 });
    expect(after.accepted).toBe(1);
    // c said yes to 09:00–11:00 that Saturday: neither proposed nor callable for 10:00–12:00.
    const { startsAt } = saturdayOf();
    const clash = (
      await sw.post(M, {
        title: '同一时段',
        needs: [need({ skills: ['cooking'], slots: 5, startsAt: startsAt.replace('T09', 'T10'), endsAt: startsAt.replace('T09', 'T12') })],
      })
    ).json();
    const chosen = (await sw.post(`${M}/${clash.id}/proposals`)).json().needs[0].chosen.map((x: { volunteerId: string }) => x.volunteerId);
    expect(chosen).toEqual(expect.arrayContaining([a.id, b.id, d.id]));
    expect(chosen).not.toContain(c.id);
    const byHand = await sw.post(`${M}/${clash.id}/calls`, { calls: [{ needId: clash.needs[0].id, volunteerId: c.id }] });
    expect(byHand.json().errors[0].path).toBe('calls.0.volunteerId');
  });

  it('finds call-outs by title, exports the list, and closes one: waiting calls expire, nobody else is called', async () => {
    const v = await volunteer('邓清风', ['cooking']);
    const m = (await sw.post(M, { title: '冬至包饺子', needs: [need({ title: '包饺子帮手', skills: ['cooking'], slots: 2 })] })).json();
    await sw.post(`${M}/${m.id}/calls`, { calls: [{ needId: m.needs[0].id, volunteerId: v.id }] });
    const found = (await sw.get(`${M}?q=饺子`)).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    expect((await sw.get(`${M}?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
    const sheet = await sw.get(`${M}?q=饺子&format=xlsx`);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.worksheets[0]!.getSheetValues())).toContain('冬至包饺子');
    const current = (await sw.get(`${M}/${m.id}`)).json();
    expect((await sw.post(`${M}/${m.id}/close`, { version: current.version - 1 })).statusCode).toBe(409);
    expect((await jinshan.post(`${M}/${m.id}/close`, { version: current.version })).statusCode).toBe(404);
    const closed = await sw.post(`${M}/${m.id}/close`, { version: current.version });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().needs[0].calls[0].status).toBe('expired');
    expect((await sw.post(`${M}/${m.id}/close`, { version: closed.json().version })).statusCode).toBe(409);
    expect((await sw.post(`${M}/${m.id}/proposals`)).statusCode).toBe(409);
    const mine = (await call('GET', `${A}/volunteer/calls`, undefined, v)).json().items[0];
    expect(mine.status).toBe('expired');
    expect((await call('POST', `${A}/volunteer/calls/${mine.id}/answer`, { answer: 'accept' }, v)).statusCode).toBe(409);
  });

  it('queues no SMS without a provider: the calls are in the app only', async () => {
    const [{ n: queued }] = await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${CALL_SMS}`);
    expect(queued).toBe(0);
  });
});

describe('mobilisation calls by SMS', () => {
  let t: TestApp;
  let sw: Session;
  let server: http.Server;
  let community: string;
  let n = 0;
  const sms: Record<string, string>[] = [];
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const M = '/api/v1/mobilisations';
  const A = '/api/v1/public/account';
  type Who = { cookie: string; csrf: string; mobile: string; id: string };
  const call = async (method: 'GET' | 'POST', url: string, body?: object, who?: Omit<Who, 'id'>) => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: `10.8.0.${(n % 200) + 1}`,
      headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  /** The text messages the stand-in provider received for a number and template. */
  const sent = (mobile: string, template: string) => sms.filter((q) => q.PhoneNumbers === mobile && q.TemplateCode === template);
  const until = async (found: () => boolean, ms = 30_000) => {
    for (const end = Date.now() + ms; !found() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
    return found();
  };
  /** A confirmed volunteer signed up with the code the provider received. */
  const volunteer = async (name: string): Promise<Who> => {
    n += 1;
    const mobile = `1350001${String(n).padStart(4, '0')}`;
    await call('POST', `${A}/code`, { mobile, purpose: 'signup' });
    const code = JSON.parse(sent(mobile, 'SMS_CODE').at(-1)!.TemplateParam!).code as string;
    const res = await call('POST', `${A}/signup`, { name, mobile, code });
    const who = { cookie: `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`, csrf: res.json().csrfToken, mobile };
    const reg = await call(
      'POST',
      `${A}/volunteer`,
      { name, idNumber: idNumber(400 + n, '19900909'), areaCode: community, skills: ['cooking'], availability: null },
      who,
    );
    const v = reg.json().volunteer;
    await sw.post(`/api/v1/volunteers/${v.id}/transition`, {
      action: 'confirm',
      version: (await sw.get(`/api/v1/volunteers/${v.id}`)).json().version,
    });
    return { ...who, id: v.id };
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      sms.push(Object.fromEntries(new URL(req.url!, 'http://x').searchParams));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Code: 'OK', Message: 'OK' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    t = await startTestApp({
      sms: {
        ...DEFAULT_SMS,
        provider: 'aliyun',
        aliyun: {
          accessKeyId: 'AK',
          accessKeySecret: 'secret',
          signName: '五社',
          templateCode: 'SMS_CODE',
          endpoint,
          noticeTemplates: { volunteerCall: 'SMS_CALL' },
        },
        publicUrl: 'https://wushe.example.cn/',
      },
    });
    sw = await t.login('jiangtou.sw');
    [{ code: community }] = await owner<{ code: string }>(
      sql`SELECT code FROM areas WHERE code LIKE '350206004%' AND level = 'community' ORDER BY code LIMIT 1`,
    );
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('texts each call sent and each refill after a decline, from the queue; the job holds no number', async () => {
    const a = await volunteer('孔令仪');
    const when = saturdayOf();
    const m = (
      await sw.post(M, {
        title: '长者食堂送餐',
        needs: [{ title: '助老送餐', skills: ['cooking'], areaCode: community, place: '江头社区长者食堂', slots: 1, ...when }],
      })
    ).json();
    const needId = m.needs[0].id;
    await sw.post(`${M}/${m.id}/calls`, { calls: [{ needId, volunteerId: a.id }] });
    expect(await until(() => sent(a.mobile, 'SMS_CALL').length > 0)).toBe(true);
    const day = when.startsAt.slice(0, 10);
    expect(JSON.parse(sent(a.mobile, 'SMS_CALL')[0]!.TemplateParam!)).toEqual({
      title: '助老送餐',
      time: `${day} 09:00-11:00`,
      link: 'https://wushe.example.cn/p/volunteer',
    });
    // Sending again sends no second call, and no second SMS.
    await sw.post(`${M}/${m.id}/calls`, { calls: [{ needId, volunteerId: a.id }] });
    // a declines: the next best is called and texted at its own (sealed) number.
    const mine = (await call('GET', `${A}/volunteer/calls`, undefined, a)).json().items[0];
    await call('POST', `${A}/volunteer/calls/${mine.id}/answer`, { answer: 'decline' }, a);
    const refill = (await sw.get(`${M}/${m.id}`)).json().needs[0].calls.find((c: { status: string }) => c.status === 'sent');
    const [{ cipher }] = await owner<{ cipher: string }>(
      sql`SELECT mobile_cipher AS cipher FROM volunteers WHERE id = ${refill.volunteerId}`,
    );
    const next = t.services.keys.open(cipher);
    expect(await until(() => sent(next, 'SMS_CALL').length > 0)).toBe(true);
    expect(sent(a.mobile, 'SMS_CALL')).toHaveLength(1);
    const jobs = await owner<{ data: string }>(sql`SELECT data::text AS data FROM pgboss.job WHERE name = ${CALL_SMS}`);
    expect(jobs).toHaveLength(2);
    for (const j of jobs) {
      expect(j.data).not.toContain(a.mobile);
      expect(j.data).not.toContain(next);
    }
  });
});
