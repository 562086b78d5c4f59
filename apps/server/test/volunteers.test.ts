// Volunteers through the API: the register (ID number and mobile sealed and masked, a number of
// the platform's own, 400 in both languages, 403, another street 404, stale 409, the reveal
// audited), self-registration on the public site pending until a station confirms (and refused
// for sign-ups and claims meanwhile), teams, posts and sign-ups (never overfilled), check-in by
// QR code and by list (a double tap makes one record), the missing check-out closed at the end
// and flagged, and the hours decisions (bulk approve, correct with a reason, decline), all kept.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../src/modules/checkin/checkin.code.ts';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { closeMissedCheckouts } from '../src/modules/volunteers/hours.service.ts';
import { idNumber } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('volunteers', () => {
  let t: TestApp;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  let huli: Session;
  let community: string;
  let n = 0;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const V = '/api/v1/volunteers';
  const A = '/api/v1/public/account';
  type Who = { cookie: string; csrf: string };
  const call = async (method: 'GET' | 'POST', url: string, body?: object, who?: Who, lang = 'zh-CN') => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: `10.8.0.${(n % 200) + 1}`,
      headers: { 'accept-language': lang, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
  const account = async (name: string): Promise<Who & { mobile: string }> => {
    n += 1;
    const mobile = `1370000${String(n).padStart(4, '0')}`;
    expect((await call('POST', `${A}/code`, { mobile, purpose: 'signup' })).statusCode).toBe(200);
    const code = (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
    const res = await call('POST', `${A}/signup`, { name, mobile, code });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: cookieOf(res), csrf: res.json().csrfToken as string, mobile };
  };
  let seq = 9000;
  const person = (over: Record<string, unknown> = {}) => {
    seq += 1;
    return {
      name: '陈志愿',
      idNumber: idNumber(seq, '19900101'),
      mobile: `1391234${String(seq).padStart(4, '0')}`,
      areaCode: community,
      skills: ['repair', 'driving'],
      availability: { weekdays: [6, 7], from: '08:00', to: '18:00' },
      ...over,
    };
  };
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const activity = async (startMin = -5, endMin = 120) =>
    (
      await sw.post('/api/v1/activities', { title: '敬老院探访', place: '江头社区敬老院', startsAt: at(startMin), endsAt: at(endMin) })
    ).json() as {
      id: string;
    };

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
    [{ code: community }] = await owner<{ code: string }>(
      sql`SELECT code FROM areas WHERE code LIKE '350206004%' AND level = 'community' ORDER BY code LIMIT 1`,
    );
  });
  afterAll(() => t?.close());

  it('the demo: hundreds of volunteers in teams with a year of hours; each street reads its own', async () => {
    const all = (await huli.get(`${V}?pageSize=1`)).json();
    expect(all.total).toBeGreaterThanOrEqual(450);
    expect((await sw.get(`${V}?status=pending&pageSize=1`)).json().total).toBeGreaterThan(0);
    const jiangtou = (await sw.get(`${V}?pageSize=100&sort=-hours`)).json();
    expect(jiangtou.items.every((v: { areaCode: string }) => v.areaCode.startsWith('350206004'))).toBe(true);
    expect(jiangtou.items[0].creditedMinutes).toBeGreaterThan(60);
    expect((await sw.get('/api/v1/teams')).json().items.map((x: { name: string }) => x.name)).toContain('江头红马甲服务队');
    const [h] = await owner<{ approved: number; flagged: number }>(
      sql`SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE flag IS NOT NULL)::int AS flagged FROM service_hours`,
    );
    expect(h!.approved).toBeGreaterThan(100);
    expect((await call('GET', '/api/v1/public/volunteer-posts')).json().total).toBeGreaterThan(0);
  });

  it('registers a volunteer with a number of its own, the ID number and mobile sealed and masked; a repeat answers the first', async () => {
    const body = { ...person(), requestId: '0193a000-0000-7000-8000-00000000a001' };
    const res = await sw.post(V, body);
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v.volunteerNo).toMatch(/^V\d{4}\d{6}$/);
    expect(v.volunteerNo).not.toContain(body.idNumber.slice(6, 14));
    expect(v).toMatchObject({ name: '陈志愿', status: 'active', source: 'station', skills: ['repair', 'driving'], creditedMinutes: 0 });
    expect(v.idMasked).toMatch(/\*/);
    expect(v.mobileMasked).toMatch(/\*/);
    expect(JSON.stringify(v)).not.toContain(body.idNumber);
    expect(JSON.stringify(v)).not.toContain(body.mobile);
    const [stored] = await owner<{ id_cipher: string; mobile_cipher: string }>(
      sql`SELECT id_cipher, mobile_cipher FROM volunteers WHERE id = ${v.id}`,
    );
    expect(stored!.id_cipher).not.toContain(body.idNumber);
    expect(t.services.keys.open(stored!.id_cipher)).toBe(body.idNumber);
    const again = await sw.post(V, body);
    expect(again.json().id).toBe(v.id);
    expect(
      (
        await owner<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM volunteers WHERE id_hash = (SELECT id_hash FROM volunteers WHERE id = ${v.id})`,
        )
      )[0]!.n,
    ).toBe(1);
    // The same mobile or ID number again is a field error, nothing written.
    const twin = await sw.post(V, { ...person(), mobile: body.mobile });
    expect(twin.statusCode, twin.body).toBe(400);
    expect(twin.json().errors[0].path, twin.body).toBe('mobile');
    const twinId = await sw.post(V, { ...person(), idNumber: body.idNumber });
    expect(twinId.json().errors[0].path).toBe('idNumber');
  });

  it('refuses bad input with field messages in Chinese and English, 403 without the permission, 404 across streets, 409 when stale', async () => {
    const bad = { ...person(), name: 'A', mobile: '123', skills: ['flying'], availability: { weekdays: [], from: '18:00', to: '08:00' } };
    const zh = await sw.post(V, bad);
    expect(zh.statusCode).toBe(400);
    const paths = zh.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'mobile', 'availability.weekdays']));
    expect(zh.json().errors.find((e: { path: string }) => e.path === 'mobile').message).toBe('请输入 11 位手机号码');
    const en = await sw.post(V, bad, { 'accept-language': 'en' });
    expect(en.json().errors.find((e: { path: string }) => e.path === 'mobile').message).toBe('Enter an 11-digit mobile number');
    const skill = await sw.post(V, person({ skills: ['flying'] }));
    expect(skill.json().errors[0]).toMatchObject({ path: 'skills.0', message: '请选择列表中的技能' });
    const street = await sw.post(V, person({ areaCode: '350206004' }));
    expect(street.json().errors[0].path).toBe('areaCode');
    const elsewhere = await sw.post(V, person({ areaCode: '350206005001' }));
    expect(elsewhere.statusCode).toBe(400);
    expect((await huli.post(V, person())).statusCode).toBe(403);
    const v = (await sw.post(V, person())).json();
    expect((await jinshan.get(`${V}/${v.id}`)).statusCode).toBe(404);
    expect((await jinshan.patch(`${V}/${v.id}`, { note: 'x', version: v.version })).statusCode).toBe(404);
    const edited = await sw.patch(`${V}/${v.id}`, { skills: ['medical'], version: v.version });
    expect(edited.json().skills, edited.body).toEqual(['medical']);
    expect((await sw.patch(`${V}/${v.id}`, { skills: ['repair'], version: v.version })).statusCode).toBe(409);
    // The reveal: the head only, with a reason, audited without the value.
    expect((await sw.post(`${V}/${v.id}/reveal`, { field: 'idNumber', reason: '出具证明核对身份' })).statusCode).toBe(403);
    const shown = await head.post(`${V}/${v.id}/reveal`, { field: 'idNumber', reason: '出具证明核对身份' });
    expect(shown.json().value).toMatch(/^\d{17}[\dX]$/);
    const [audit] = await owner<{ after: string }>(
      sql`SELECT after::text FROM audit_log WHERE action = 'volunteer.reveal' AND target_id = ${v.id}`,
    );
    expect(audit!.after).toContain('出具证明核对身份');
    expect(audit!.after).not.toContain(shown.json().value);
  });

  it('self-registration waits for the station: no sign-up or claim until confirmed; the list finds it by mobile', async () => {
    const me = await account('林志愿');
    expect((await call('GET', `${A}/volunteer`, undefined, me)).json()).toEqual({ volunteer: null });
    const body = { name: '林志愿', idNumber: idNumber(77, '19950505'), areaCode: community, skills: ['teaching'], availability: null };
    const res = await call('POST', `${A}/volunteer`, body, me);
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().volunteer;
    expect(mine).toMatchObject({ status: 'pending', skills: ['teaching'] });
    expect((await call('POST', `${A}/volunteer`, body, me)).json().volunteer.id).toBe(mine.id);
    const a = await activity(60, 180);
    const post = (await sw.post(`/api/v1/activities/${a.id}/volunteers`, { title: '引导员', slots: 2 })).json();
    const refused = await call('POST', `${A}/volunteer/signups`, { postId: post.id }, me);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('volunteer.notActive');
    const pending = (await sw.get(`${V}?status=pending&q=${me.mobile}`)).json();
    expect(pending.items.map((v: { id: string }) => v.id)).toEqual([mine.id]);
    expect(pending.items[0].source).toBe('self');
    const ok = await sw.post(`${V}/${mine.id}/transition`, { action: 'confirm', version: pending.items[0].version });
    expect(ok.json().status).toBe('active');
    expect((await sw.post(`${V}/${mine.id}/transition`, { action: 'confirm', version: ok.json().version })).statusCode).toBe(409);
    expect((await call('POST', `${A}/volunteer/signups`, { postId: post.id }, me)).statusCode).toBe(200);
    // A double tap makes one sign-up.
    await Promise.all([1, 2, 3].map(() => call('POST', `${A}/volunteer/signups`, { postId: post.id }, me)));
    const signups = (await call('GET', `${A}/volunteer/signups`, undefined, me)).json().items;
    expect(signups).toHaveLength(1);
    expect(signups[0]).toMatchObject({ postTitle: '引导员', status: 'applied', hoursStatus: null });
  });

  it('teams have leaders and members; another street sees none of them', async () => {
    const a = (await sw.post(V, person({ name: '王队长' }))).json();
    const b = (await sw.post(V, person({ name: '李队员' }))).json();
    const team = await sw.post('/api/v1/teams', { name: '江头夜巡志愿队', areaCode: community });
    expect(team.statusCode, team.body).toBe(201);
    const id = team.json().id;
    expect((await sw.post('/api/v1/teams', { name: '江头夜巡志愿队', areaCode: community })).json().errors[0].path).toBe('name');
    await sw.post(`/api/v1/teams/${id}/members`, { volunteerId: a.id, role: 'leader' });
    const d = (await sw.post(`/api/v1/teams/${id}/members`, { volunteerId: b.id })).json();
    expect(d).toMatchObject({ members: 2, leaders: ['王队长'] });
    expect(d.memberList.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual(['王队长:leader', '李队员:member']);
    expect((await sw.get(`${V}/${a.id}`)).json().teams).toEqual([{ id, name: '江头夜巡志愿队', role: 'leader' }]);
    expect((await sw.get(`${V}?teamId=${id}`)).json().total).toBe(2);
    expect((await jinshan.get(`/api/v1/teams/${id}`)).statusCode).toBe(404);
    expect((await jinshan.post(`/api/v1/teams/${id}/members`, { volunteerId: a.id })).statusCode).toBe(400);
    const removed = (await sw.del(`/api/v1/teams/${id}/members/${b.id}`)).json();
    expect(removed.members).toBe(1);
  });

  it('a post is never overfilled: of concurrent acceptances only the free places win', async () => {
    const a = await activity(60, 180);
    const post = (await sw.post(`/api/v1/activities/${a.id}/volunteers`, { title: '摄影', slots: 2, skills: ['photography'] })).json();
    const people = await Promise.all([1, 2, 3, 4].map(() => sw.post(V, person()).then((r) => r.json())));
    const added = await Promise.all(
      people.map((v) => sw.post(`/api/v1/activities/${a.id}/volunteers/signups`, { postId: post.id, volunteerId: v.id })),
    );
    expect(added.map((r) => r.statusCode).sort()).toEqual([200, 200, 409, 409]);
    expect(added.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'post.full')).toBe(true);
    const list = (await sw.get(`/api/v1/activities/${a.id}/volunteers`)).json();
    expect(list.posts[0]).toMatchObject({ accepted: 2, slots: 2 });
    expect((await jinshan.get(`/api/v1/activities/${a.id}/volunteers`)).statusCode).toBe(404);
    expect((await sw.post(`/api/v1/activities/${a.id}/volunteers`, { title: 'x', slots: 0 })).statusCode).toBe(400);
  });

  it('checks in by QR (a double tap is one record), out again; the hours are capped and decided, never deleted', async () => {
    const a = await activity(-5, 60);
    const post = (await sw.post(`/api/v1/activities/${a.id}/volunteers`, { title: '助老', slots: 5 })).json();
    const me = await account('吴志愿');
    await call('POST', `${A}/volunteer`, { name: '吴志愿', idNumber: idNumber(78, '19950505'), areaCode: community, skills: [] }, me);
    const mine = (await sw.get(`${V}?q=${me.mobile}`)).json().items[0];
    await sw.post(`${V}/${mine.id}/transition`, { action: 'confirm', version: mine.version });
    const url = `${A}/volunteer/checkins/${a.id}`;
    const code = (await sw.get(`/api/v1/activities/${a.id}/checkins/code`)).json();
    expect(code.url).toBe(`/p/volunteer/checkin/${a.id}?t=${code.token}`);
    expect((await call('POST', url, { t: code.token, action: 'in' }, me)).json().code).toBe('hours.notAccepted');
    await call('POST', `${A}/volunteer/signups`, { postId: post.id }, me);
    const s = (await sw.get(`/api/v1/activities/${a.id}/volunteers`))
      .json()
      .signups.find((x: { volunteerId: string }) => x.volunteerId === mine.id);
    expect(
      (await sw.post(`/api/v1/activities/${a.id}/volunteers/signups/${s.id}/decision`, { decision: 'accept', version: s.version }))
        .statusCode,
    ).toBe(200);
    // A code of another activity, or a stale one, is refused.
    const stale = currentCode(t.services.keys, 'volunteer', a.id, new Date(Date.now() - 5 * 60_000)).token;
    expect((await call('POST', url, { t: stale, action: 'in' }, me)).statusCode).toBe(400);
    const taps = await Promise.all([1, 2, 3].map(() => call('POST', url, { t: code.token, action: 'in' }, me)));
    expect(taps.map((r) => r.json().status).sort()).toEqual(['already', 'already', 'in']);
    expect((await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_hours WHERE activity_id = ${a.id}`))[0]!.n).toBe(1);
    const out = (await call('POST', url, { t: code.token, action: 'out' }, me)).json();
    expect(out).toMatchObject({ status: 'out', minutes: 0 });
    expect((await call('POST', url, { t: code.token, action: 'out' }, me)).json().status).toBe('already');
    // The organiser corrects the figure with a reason (within the activity's 65 minutes), declines, approves.
    const rec = (await sw.get(`/api/v1/activities/${a.id}/volunteers`)).json().hours[0];
    expect(rec).toMatchObject({ status: 'pending', missingCheckout: false, checkinMethod: 'qr' });
    const tooMuch = await sw.post(`/api/v1/activities/${a.id}/checkins/${rec.id}/correction`, {
      minutes: 66,
      reason: '补录',
      version: rec.version,
    });
    expect(tooMuch.json().errors[0].path).toBe('minutes');
    const noReason = await sw.post(`/api/v1/activities/${a.id}/checkins/${rec.id}/correction`, {
      minutes: 60,
      reason: '',
      version: rec.version,
    });
    expect(noReason.statusCode).toBe(400);
    const fixed = (
      await sw.post(`/api/v1/activities/${a.id}/checkins/${rec.id}/correction`, {
        minutes: 60,
        reason: '签退时手机没电，按实际服务补录',
        version: rec.version,
      })
    ).json();
    expect(fixed).toMatchObject({ status: 'approved', creditedMinutes: 60, minutes: 0 });
    const declined = await sw.post(`/api/v1/activities/${a.id}/checkins/decisions`, { ids: [rec.id], decision: 'decline' });
    expect(declined.json().errors[0].path).toBe('reason');
    expect(
      (await sw.post(`/api/v1/activities/${a.id}/checkins/decisions`, { ids: [rec.id], decision: 'decline', reason: '未实际到岗' })).json(),
    ).toEqual({ changed: 1, skipped: 0 });
    expect((await sw.post(`/api/v1/activities/${a.id}/checkins/decisions`, { ids: [rec.id], decision: 'approve' })).json()).toEqual({
      changed: 1,
      skipped: 0,
    });
    const history = (await sw.get(`/api/v1/activities/${a.id}/checkins/${rec.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['checkin', 'checkout', 'correct', 'decline', 'approve']);
    expect(history[2]).toMatchObject({ minutesBefore: 0, minutesAfter: 60, reason: '签退时手机没电，按实际服务补录' });
    expect((await call('GET', `${A}/volunteer`, undefined, me)).json().volunteer).toMatchObject({ creditedMinutes: 0, services: 1 });
  });

  it('closes a missing check-out at the activity end, flagged, capped by the activity; by list too', async () => {
    const a = await activity(-10, 50);
    const post = (await sw.post(`/api/v1/activities/${a.id}/volunteers`, { title: '秩序维护', slots: 3 })).json();
    const v = (await sw.post(V, person())).json();
    await sw.post(`/api/v1/activities/${a.id}/volunteers/signups`, { postId: post.id, volunteerId: v.id });
    const other = (await sw.post(V, person())).json();
    expect((await sw.post(`/api/v1/activities/${a.id}/checkins`, { volunteerId: other.id, action: 'in' })).json().errors[0].path).toBe(
      'volunteerId',
    );
    const first = await sw.post(`/api/v1/activities/${a.id}/checkins`, { volunteerId: v.id, action: 'in' });
    expect(first.json()).toMatchObject({ status: 'open', checkinMethod: 'list' });
    await sw.post(`/api/v1/activities/${a.id}/checkins`, { volunteerId: v.id, action: 'in' });
    const later = new Date(Date.now() + 3 * 3600_000);
    expect(await closeMissedCheckouts(t.database, later)).toBeGreaterThanOrEqual(1);
    const rec = (await sw.get(`/api/v1/activities/${a.id}/volunteers`)).json().hours[0];
    const expected = Math.floor((Date.parse(rec.checkoutAt) - Date.parse(rec.checkinAt)) / 60_000);
    expect(rec).toMatchObject({ status: 'pending', missingCheckout: true, checkoutMethod: 'auto', minutes: expected });
    expect(rec.minutes).toBeLessThanOrEqual(60);
    expect(rec.minutes).toBeGreaterThanOrEqual(49);
    expect(await closeMissedCheckouts(t.database, later)).toBe(0);
    const ok = (await sw.post(`/api/v1/activities/${a.id}/checkins/decisions`, { ids: [rec.id], decision: 'approve' })).json();
    expect(ok).toEqual({ changed: 1, skipped: 0 });
    expect((await sw.get(`${V}/${v.id}`)).json()).toMatchObject({ creditedMinutes: expected, services: 1 });
  });

  it('issues a service-record certificate whose code shows its content on the public check; the records sheet in national fields', async () => {
    const top = (await sw.get(`${V}?pageSize=1&sort=-hours`)).json().items[0];
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const [sum] = await owner<{ minutes: number; n: number }>(
      sql`SELECT coalesce(sum(credited_minutes), 0)::int AS minutes, count(*)::int AS n FROM service_hours
        WHERE volunteer_id = ${top.id} AND status = 'approved' AND area_code LIKE '350206004%'`,
    );
    expect(sum!.minutes).toBeGreaterThan(0);
    const url = `${V}/${top.id}/certificate`;
    expect((await sw.post(url, { from: '2026-06-01', to: '2026-01-01' })).json().errors[0].path).toBe('to');
    expect((await sw.post(url, { from: '2001-01-01', to: '2001-12-31' })).json().errors[0].path).toBe('from');
    expect((await huli.post(url, { from: '2020-01-01', to: today })).statusCode).toBe(403);
    expect((await jinshan.post(url, { from: '2020-01-01', to: today })).statusCode).toBe(404);
    const res = await sw.post(url, { from: '2020-01-01', to: today, issuerContact: '0592-5555555' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ minutes: sum!.minutes, services: sum!.n, volunteerNo: top.volunteerNo, name: top.name, periodTo: today });
    expect(c.code).toMatch(/^[A-Z0-9]{10}$/);
    expect(c.content).toMatch(/^参加.+志愿服务$/);
    expect((await sw.get(url)).json().items[0].code).toBe(c.code);
    const pub = await call('GET', `/api/v1/public/certificates/${c.code}`);
    expect(pub.json()).toMatchObject({ kind: 'volunteer', hours: c.hours, issuer: c.issuer, content: c.content, periodFrom: '2020-01-01' });
    expect(pub.body).not.toContain(top.name);
    expect(pub.json().maskedName).toMatch(/\*/);
    expect((await call('GET', '/api/v1/public/certificates/ZZZZZZZZZZ')).statusCode).toBe(404);
    // The sheet: approved records only, with the national fields.
    const sheet = await sw.get(`${V}/${top.id}/records?format=xlsx`);
    expect(sheet.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // (Sheets may open with who exported them and when: the header is the row naming the columns.)
    const all = ws.getSheetValues() as unknown[][];
    const headerAt = all.findIndex((r) => Array.isArray(r) && r.includes('志愿者编号'));
    expect(headerAt).toBeGreaterThan(0);
    const header = all[headerAt]!.map(String);
    const at = (title: string) => header.findIndex((h) => h === title);
    expect(at('服务时长（小时）')).toBeGreaterThan(0);
    const rows = all.slice(headerAt + 1).filter((r) => Array.isArray(r) && r.length);
    expect(rows).toHaveLength(sum!.n);
    expect(rows.reduce((n, r) => n + Number(r[at('服务时长（小时）')]), 0)).toBeCloseTo(sum!.minutes / 60, 0);
    expect(JSON.stringify(rows)).not.toMatch(/\d{17}[\dX]/);
    // With the clear ID number, for entering them: volunteer.reveal and a purpose, audited without the number.
    const clearUrl = `${V}/${top.id}/records/export`;
    expect((await head.post(clearUrl, {})).json().errors[0].path).toBe('reason');
    expect((await sw.post(clearUrl, { reason: '录入全国志愿服务信息系统' })).statusCode).toBe(403); // a worker: masked only
    expect((await huli.post(clearUrl, { reason: '录入全国志愿服务信息系统' })).statusCode).toBe(403);
    const clear = await head.post(clearUrl, { reason: '录入全国志愿服务信息系统' });
    expect(clear.statusCode, clear.body).toBe(200);
    const [sealed] = await owner<{ id_cipher: string }>(sql`SELECT id_cipher FROM volunteers WHERE id = ${top.id}`);
    const idNumber = t.services.keys.open(sealed!.id_cipher);
    const clearBook = new ExcelJS.Workbook();
    await clearBook.xlsx.load(clear.rawPayload as unknown as ArrayBuffer);
    const clearRows = (clearBook.worksheets[0]!.getSheetValues() as unknown[][])
      .slice(headerAt + 1)
      .filter((r) => Array.isArray(r) && r.length);
    expect(clearRows).toHaveLength(sum!.n);
    expect(clearRows.every((r) => r[at('证件号码')] === idNumber)).toBe(true);
    expect(JSON.stringify(clearBook.worksheets[0]!.getRow(1).values)).toContain('录入全国志愿服务信息系统');
    const audits = await owner<{ after: string }>(
      sql`SELECT after::text FROM audit_log WHERE action = 'volunteer.exportRecords' AND target_id = ${top.id}`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toContain('录入全国志愿服务信息系统');
    expect(audits[0]!.after).not.toContain(idNumber);
  });

  it('offers the registration form the communities and skills', async () => {
    const o = (await call('GET', '/api/v1/public/volunteer-options')).json();
    expect(o.communities.some((c: { code: string }) => c.code === community)).toBe(true);
    expect(o.skills.map((s: { code: string }) => s.code)).toContain('repair');
  });

  it('gives volunteer.demo the home of the volunteer linked to it; nobody else has one', async () => {
    const vol = await t.login('volunteer.demo');
    const home = (await vol.get('/api/v1/volunteer-home')).json();
    expect(home.volunteer).toMatchObject({ name: '林晓', status: 'active' });
    expect(home.year.minutes).toBeGreaterThanOrEqual(0);
    expect(home.posts.every((p: { areaName: string }) => p.areaName)).toBe(true);
    expect(home.wishes.length).toBeGreaterThan(0);
    const [own] = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM wish_claims c JOIN volunteers v ON v.public_account_id = c.public_account_id WHERE v.user_id = ${vol.actor.id}`,
    );
    expect(home.claims.length).toBe(Math.min(own!.n, 10));
    expect((await sw.get('/api/v1/volunteer-home')).statusCode).toBe(403);
    expect((await vol.get(V)).statusCode).toBe(403);
    // The demo's certificates: this year's, for those who served most, each verifiable.
    const [c] = await owner<{ code: string; minutes: number }>(
      sql`SELECT code, minutes FROM volunteer_certificates ORDER BY minutes DESC LIMIT 1`,
    );
    expect((await call('GET', `/api/v1/public/certificates/${c!.code}`)).json()).toMatchObject({
      kind: 'volunteer',
      hours: Math.round(c!.minutes / 6) / 10,
    });
  });
});
