// Check-in by rotating QR code: the code rotates every minute and is accepted for two, a code
// from three minutes ago is refused with a clear message; the window (30 min before the start
// to the end); a scan twice is "already"; a registered resident is found by name and phone, a
// name-only sign-up by name, anyone else is a walk-in; the public answers name no participant;
// satisfaction by the receipt the phone kept.
import { checkinToken, minuteOf } from '../src/modules/checkin/checkin.code.ts';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('check-in by QR code', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let official: Session;
  let resident: { id: string; name: string; phone: string };
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const token = (id: string, minutesAgo = 0) => checkinToken(t.services.keys, 'activity', id, minuteOf(new Date()) - minutesAgo);
  const pub = (method: 'GET' | 'POST', url: string, body?: object, lang = 'zh-CN') =>
    t.app.inject({ method, url: `/api/v1/public/checkin${url}`, headers: { 'accept-language': lang }, ...(body ? { payload: body } : {}) });

  beforeAll(async () => {
    t = await startTestApp();
    [sw, jinshan, official] = await Promise.all(['jiangtou.sw', 'jinshan.sw', 'huli'].map((u) => t.login(u)));
    const [r] = await owner<{ id: string; name: string; phone_cipher: string }>(
      sql`SELECT id, name, phone_cipher FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' AND phone_cipher IS NOT NULL
        AND phone_hash IS NOT NULL ORDER BY id LIMIT 1`,
    );
    resident = { id: r!.id, name: r!.name, phone: t.services.keys.open(r!.phone_cipher) };
  });
  afterAll(() => t?.close());

  const activity = async (body: Record<string, unknown> = {}) =>
    (
      await sw.post('/api/v1/activities', {
        title: '中秋游园会',
        place: '江头社区广场',
        startsAt: at(-5),
        endsAt: at(120),
        capacity: 50,
        ...body,
      })
    ).json() as { id: string; version: number };

  it('gives the screen a code that rotates by the minute, with the counts; 403 without the write permission, 404 elsewhere', async () => {
    const a = await activity();
    const res = await sw.get(`/api/v1/checkin/activity/${a.id}/code`);
    expect(res.statusCode).toBe(200);
    const code = res.json();
    // (Read a minute boundary either side of the request.)
    expect([token(a.id), token(a.id, 1)]).toContain(code.token);
    expect(code.token).toHaveLength(12);
    expect(code.url).toBe(`/c/activity/${a.id}?t=${code.token}`);
    expect([minuteOf(new Date()) + 1, minuteOf(new Date())]).toContain(Date.parse(code.expiresAt) / 60_000);
    expect(code).toMatchObject({ present: 0, signedUp: 0 });
    expect(token(a.id, 1)).not.toBe(code.token);
    expect((await official.get(`/api/v1/checkin/activity/${a.id}/code`)).statusCode).toBe(403);
    expect((await jinshan.get(`/api/v1/checkin/activity/${a.id}/code`)).statusCode).toBe(404);
    expect((await sw.get(`/api/v1/checkin/training/${a.id}/code`)).statusCode).toBe(404);
    expect((await sw.get(`/api/v1/checkin/Bad-Kind/${a.id}/code`)).statusCode).toBe(400);
  });

  it('shows the occasion without a session, naming no participant', async () => {
    const a = await activity();
    await sw.post(`/api/v1/activities/${a.id}/attendance`, { action: 'signUp', residentIds: [resident.id] });
    const res = await pub('GET', `/activity/${a.id}?t=${token(a.id)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'activity', title: '中秋游园会', place: '江头社区广场', window: 'open', tokenValid: true });
    expect(res.body).not.toContain(resident.name);
    expect(res.body).not.toContain(resident.phone);
    expect((await pub('GET', `/activity/${a.id}?t=${token(a.id, 3)}`)).json().tokenValid).toBe(false);
    expect((await pub('GET', `/activity/01900000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('accepts the current and the previous minute’s code, refuses one from three minutes ago', async () => {
    const a = await activity();
    const old = await pub('POST', `/activity/${a.id}`, { t: token(a.id, 3), name: '陈大文', mobile: '13812345678' });
    expect(old.statusCode).toBe(400);
    expect(old.json().detail ?? old.json().title).toBe('二维码已过期，请扫描屏幕上的最新二维码');
    const en = await pub('POST', `/activity/${a.id}`, { t: token(a.id, 2), name: '陈大文', mobile: '13812345678' }, 'en');
    expect(en.json().errors).toEqual([{ path: 't', message: 'This QR code has expired: scan the latest code on the screen' }]);
    expect((await pub('POST', `/activity/${a.id}`, { t: token(a.id, 1), name: '陈大文', mobile: '13812345678' })).statusCode).toBe(200);
  });

  it('marks a registered resident found by name and phone, twice answering "already"; a walk-in otherwise', async () => {
    const a = await activity();
    await sw.post(`/api/v1/activities/${a.id}/attendance`, { action: 'signUp', residentIds: [resident.id], others: [{ name: '林阿姨' }] });
    const first = await pub('POST', `/activity/${a.id}`, { t: token(a.id), name: resident.name, mobile: resident.phone });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'present', name: resident.name });
    expect(first.body).not.toContain(resident.phone);
    const again = await pub('POST', `/activity/${a.id}`, { t: token(a.id), name: resident.name, mobile: resident.phone });
    expect(again.json()).toMatchObject({ status: 'already', receipt: first.json().receipt });
    // The name-only sign-up is marked, not doubled; a stranger is a walk-in.
    await pub('POST', `/activity/${a.id}`, { t: token(a.id), name: '林阿姨', mobile: '13700001111' });
    await pub('POST', `/activity/${a.id}`, { t: token(a.id), name: '路人甲', mobile: '13700002222' });
    const list = (await sw.get(`/api/v1/activities/${a.id}/attendance`)).json();
    expect(list).toMatchObject({ signedUp: 2, present: 3 });
    expect(list.items).toHaveLength(3);
    expect(list.items.find((r: { residentId: string }) => r.residentId === resident.id)).toMatchObject({ method: 'qr' });
    expect(list.items.find((r: { personName: string }) => r.personName === '路人甲')).toMatchObject({ method: 'qr', signedUpAt: null });
    expect((await sw.get(`/api/v1/checkin/activity/${a.id}/code`)).json()).toMatchObject({ present: 3, signedUp: 2 });
    const [stored] = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM attendance WHERE occasion_id = ${a.id} AND mobile_hash IS NOT NULL`,
    );
    expect(stored!.n).toBe(2); // the two not registered, kept as the mobile's index only
  });

  it('refuses bad input, and outside the window (early, ended, cancelled)', async () => {
    const a = await activity();
    const bad = await pub('POST', `/activity/${a.id}`, { t: token(a.id), name: '', mobile: '12345' }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'name', message: 'Required' },
      { path: 'mobile', message: 'Enter an 11-digit mobile number' },
    ]);
    const early = await activity({ startsAt: at(45), endsAt: at(120) });
    const e = await pub('POST', `/activity/${early.id}`, { t: token(early.id), name: '陈大文', mobile: '13812345678' });
    expect(e.statusCode).toBe(409);
    expect(e.json().code).toBe('checkin.early');
    expect((await pub('GET', `/activity/${early.id}`)).json().window).toBe('early');
    const soon = await activity({ startsAt: at(25), endsAt: at(120) });
    expect((await pub('POST', `/activity/${soon.id}`, { t: token(soon.id), name: '陈大文', mobile: '13812345678' })).statusCode).toBe(200);
    const ended = await activity({ startsAt: at(-120), endsAt: at(-1) });
    expect((await pub('POST', `/activity/${ended.id}`, { t: token(ended.id), name: '陈大文', mobile: '13812345678' })).json().code).toBe(
      'checkin.closed',
    );
    const cancelled = await activity({ startsAt: at(10), endsAt: at(60) });
    await sw.post(`/api/v1/activities/${cancelled.id}/status`, { version: cancelled.version, to: 'cancelled' });
    expect((await pub('GET', `/activity/${cancelled.id}`)).json().window).toBe('closed');
  });

  it('takes satisfaction from the phone by its receipt; a forged receipt is 400, another occasion’s 404', async () => {
    const a = await activity();
    const other = await activity();
    const { receipt } = (await pub('POST', `/activity/${a.id}`, { t: token(a.id), name: '黄小华', mobile: '13655556666' })).json();
    const url = `/activity/${a.id}/satisfaction`;
    expect((await pub('POST', url, { receipt, score: 4, comment: '很开心' })).json()).toEqual({ ok: true });
    expect((await pub('POST', url, { receipt, score: 5 })).statusCode).toBe(200); // answering again replaces
    const s = (await sw.get(`/api/v1/activities/${a.id}/satisfaction`)).json();
    expect(s).toMatchObject({ count: 1, mean: 5, items: [{ personName: '黄小华', score: 5, byParticipant: true }] });
    const forged = receipt.slice(0, -2) + (receipt.endsWith('AA') ? 'BB' : 'AA');
    const f = await pub('POST', url, { receipt: forged, score: 3 }, 'en');
    expect(f.statusCode).toBe(400);
    expect(f.json().errors).toEqual([{ path: 'receipt', message: 'The check-in receipt is not valid: scan and check in again' }]);
    expect((await pub('POST', `/activity/${other.id}/satisfaction`, { receipt, score: 3 })).statusCode).toBe(404);
    expect((await pub('POST', url, { receipt, score: 0 })).json().errors[0].path).toBe('score');
    // Before the start: not yet.
    const later = await activity({ startsAt: at(20), endsAt: at(60) });
    const r2 = (await pub('POST', `/activity/${later.id}`, { t: token(later.id), name: '黄小华', mobile: '13655556666' })).json();
    expect((await pub('POST', `/activity/${later.id}/satisfaction`, { receipt: r2.receipt, score: 3 })).statusCode).toBe(409);
  });
});
