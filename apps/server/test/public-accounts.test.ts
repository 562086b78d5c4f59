// Public accounts with SMS codes: sign-up and login, wrong/expired/replayed codes, five wrong
// tries, the per-number and per-address limits (429 with Retry-After), bad input in both
// languages, the name change (409 when stale), logout, and the two kinds of session kept apart:
// a public session opens no staff route, a staff session no public-account route.
import { phoneBlindIndex, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeStalePublicRows } from '../src/modules/public-accounts/public-accounts.jobs.ts';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const A = '/api/v1/public/account';

interface Opts {
  ip?: string;
  cookie?: string;
  csrf?: string;
  lang?: string;
}

describe('public accounts', () => {
  let t: TestApp;
  let staff: Session;
  let n = 0;
  /** A fresh number and client address per test, so the limits of one test do not meet another's. */
  const fresh = () => {
    n += 1;
    return { mobile: `1390000${String(n).padStart(4, '0')}`, ip: `10.9.${Math.floor(n / 200)}.${n % 200}` };
  };
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: object, o: Opts = {}): Promise<LightMyRequestResponse> => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: o.ip ?? '10.0.0.1',
      headers: {
        'accept-language': o.lang ?? 'zh-CN',
        ...(o.cookie ? { cookie: o.cookie } : {}),
        ...(o.csrf ? { 'x-csrf-token': o.csrf } : {}),
      },
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  const lastCode = async (mobile: string) => (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
  const ask = (mobile: string, ip: string, purpose = 'signup') => call('POST', `${A}/code`, { mobile, purpose }, { ip });
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
  /** Signs up a new account; its cookie and CSRF token. */
  const signUp = async (name = '林小雨') => {
    const { mobile, ip } = fresh();
    expect((await ask(mobile, ip)).statusCode).toBe(200);
    const res = await call('POST', `${A}/signup`, { name, mobile, code: await lastCode(mobile) }, { ip });
    expect(res.statusCode, res.body).toBe(200);
    return { mobile, ip, cookie: cookieOf(res), csrf: res.json().csrfToken as string, me: res.json() };
  };

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    staff = await t.login('admin');
  });
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  it('signs up with name, mobile and code, shows the "my" page with four empty sections, and audits it', async () => {
    const { mobile, ip } = fresh();
    const asked = await ask(` ${mobile.slice(0, 3)} ${mobile.slice(3)} `, ip);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toEqual({ resendAfter: 60, expiresInSeconds: 300, demo: true });
    const code = await lastCode(mobile);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.database.owner((db) =>
      rows<{ code_hash: string; requester_ip: string }>(
        db,
        sql`SELECT code_hash, requester_ip FROM sms_codes WHERE mobile_hash = ${phoneBlindIndex(t.services.keys, mobile)}`,
      ),
    );
    expect(stored[0]!.code_hash).not.toContain(code); // a keyed hash only
    expect(stored[0]!.requester_ip).toBe(ip);

    const res = await call('POST', `${A}/signup`, { name: ' 林  小雨 ', mobile, code }, { ip });
    expect(res.statusCode, res.body).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({ name: '林 小雨', mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`, created: true, version: 1 });
    expect(me.sections.map((s: { kind: string; items: unknown[] }) => [s.kind, s.items.length])).toEqual([
      ['applications', 0],
      ['trainings', 0],
      ['hours', 0],
      ['certificates', 0],
      ['jobs', 0],
      ['wishes', 0],
    ]);
    expect(res.body).not.toContain(mobile);
    const cookie = cookieOf(res);
    const again = await call('GET', `${A}/me`, undefined, { cookie });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(me.id);

    const [row] = await t.database.owner((db) =>
      rows<{ mobile_cipher: string; mobile_hash: string }>(
        db,
        sql`SELECT mobile_cipher, mobile_hash FROM public_accounts WHERE id = ${me.id}`,
      ),
    );
    expect(row!.mobile_cipher).not.toContain(mobile);
    expect(t.services.keys.open(row!.mobile_cipher)).toBe(mobile);
    const audit = await t.database.owner((db) =>
      rows<{ action: string; actor_name: string }>(
        db,
        sql`SELECT action, actor_name FROM audit_log WHERE target_id = ${me.id} ORDER BY seq`,
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['publicAccount.signup']);
    expect(audit[0]!.actor_name).not.toContain(mobile);
  });

  it('logs in with a login code; a number without an account learns so only after a valid code', async () => {
    const acc = await signUp();
    const ip = fresh().ip;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect((await ask(acc.mobile, ip, 'login')).statusCode).toBe(200);
    // A sign-up code does not log in, and a login code does not sign up.
    const res = await call('POST', `${A}/login`, { mobile: acc.mobile, code: await lastCode(acc.mobile) }, { ip });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(acc.me.id);

    const stranger = fresh();
    const wrong = await call('POST', `${A}/login`, { mobile: stranger.mobile, code: '123456' }, { ip: stranger.ip });
    expect(wrong.statusCode).toBe(400); // the same answer as a wrong code for a known number
    expect(wrong.json().code).toBe('publicAccount.codeWrong');
    expect((await ask(stranger.mobile, stranger.ip, 'login')).statusCode).toBe(200); // asked like anyone else
    const none = await call('POST', `${A}/login`, { mobile: stranger.mobile, code: await lastCode(stranger.mobile) }, { ip: stranger.ip });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('publicAccount.noAccount');
  });

  it('signing up with a number that has an account logs into it (created: false), keeping its name', async () => {
    const acc = await signUp('周明');
    const ip = fresh().ip;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    await ask(acc.mobile, ip);
    const res = await call('POST', `${A}/signup`, { name: '别人', mobile: acc.mobile, code: await lastCode(acc.mobile) }, { ip });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: acc.me.id, name: '周明', created: false });
  });

  it('refuses a wrong code, an expired one and a used one (replay), all 400 on the code field', async () => {
    const { mobile, ip } = fresh();
    await ask(mobile, ip);
    const code = await lastCode(mobile);
    const other = code === '000000' ? '000001' : '000000';
    const wrong = await call('POST', `${A}/signup`, { name: '甲', mobile, code: other }, { ip, lang: 'en' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'code', message: 'The code is wrong or has expired; please request a new one' }]);

    // Five minutes later the code has expired.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 300_001 });
    const expired = await call('POST', `${A}/signup`, { name: '甲', mobile, code }, { ip });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().errors[0]).toEqual({ path: 'code', message: '验证码不正确或已过期，请重新获取' });
    vi.useRealTimers();

    const acc = await signUp();
    // The code that made the account cannot be used again (signUp asked for a signup code).
    const code2 = await lastCode(acc.mobile);
    const replay = await call('POST', `${A}/signup`, { name: '乙', mobile: acc.mobile, code: code2 }, { ip: acc.ip });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('publicAccount.codeWrong');
  });

  it('voids a code after five wrong tries: the right code no longer works', async () => {
    const { mobile, ip } = fresh();
    await ask(mobile, ip);
    const code = await lastCode(mobile);
    const wrongs = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((c) => c !== code).slice(0, 5);
    for (const c of wrongs) expect((await call('POST', `${A}/signup`, { name: '丙', mobile, code: c }, { ip })).statusCode).toBe(400);
    const [row] = await t.database.owner((db) =>
      rows<{ attempts: number }>(db, sql`SELECT attempts FROM sms_codes WHERE mobile_hash = ${phoneBlindIndex(t.services.keys, mobile)}`),
    );
    expect(row!.attempts).toBe(5);
    expect((await call('POST', `${A}/signup`, { name: '丙', mobile, code }, { ip })).statusCode).toBe(400);
  });

  it('limits codes per number: one per 60 s and five per hour, 429 with Retry-After', async () => {
    const { mobile, ip } = fresh();
    const start = Date.now();
    const clock = (s: number) => vi.useFakeTimers({ toFake: ['Date'], now: start + s * 1000 });
    clock(0);
    expect((await ask(mobile, ip)).statusCode).toBe(200);
    clock(20);
    const soon = await ask(mobile, fresh().ip); // another address: the number's own limit
    expect(soon.statusCode).toBe(429);
    expect(soon.headers['retry-after']).toBe('40');
    expect(soon.json().detail).toContain('40 秒后');
    for (const s of [61, 122, 183, 244]) {
      clock(s);
      expect((await ask(mobile, ip)).statusCode).toBe(200);
    }
    clock(305);
    const hour = await ask(mobile, ip, 'login');
    expect(hour.statusCode).toBe(429);
    expect(Number(hour.headers['retry-after'])).toBe(3600 - 305);
    clock(3601);
    expect((await ask(mobile, ip)).statusCode).toBe(200);
  });

  it('limits codes per address: twenty an hour across numbers', async () => {
    const ip = fresh().ip;
    for (let i = 0; i < 20; i += 1) expect((await ask(fresh().mobile, ip)).statusCode).toBe(200);
    const res = await ask(fresh().mobile, ip);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3500);
    expect((await ask(fresh().mobile, fresh().ip)).statusCode).toBe(200);
  });

  it('answers bad input with field messages in Chinese and English, and changes nothing', async () => {
    const before = await t.database.owner((db) => rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sms_codes`));
    const zh = await call('POST', `${A}/code`, { mobile: '12345', purpose: 'signup' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toEqual([{ path: 'mobile', message: '请输入 11 位手机号码' }]);
    const en = await call('POST', `${A}/signup`, { name: '', mobile: '1380000000', code: '12ab' }, { lang: 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Enter your name (1–30 characters)' },
        { path: 'mobile', message: 'Enter an 11-digit mobile number' },
        { path: 'code', message: 'The code is 6 digits' },
      ]),
    );
    expect((await call('POST', `${A}/code`, { mobile: '13800000000', purpose: 'other' })).statusCode).toBe(400);
    const after = await t.database.owner((db) => rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sms_codes`));
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('changes the name with the version (409 when stale, CSRF token required) and audits it', async () => {
    const acc = await signUp('王五');
    const noCsrf = await call('PATCH', `${A}/me`, { name: '王小五', version: 1 }, { cookie: acc.cookie });
    expect(noCsrf.statusCode).toBe(403);
    const ok = await call('PATCH', `${A}/me`, { name: '王小五', version: 1 }, acc);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '王小五', version: 2 });
    expect((await call('PATCH', `${A}/me`, { name: '王大五', version: 1 }, acc)).statusCode).toBe(409);
    expect((await call('PATCH', `${A}/me`, { name: '', version: 2 }, acc)).json().errors[0].path).toBe('name');
    const audit = await t.database.owner((db) =>
      rows<{ action: string; before: unknown; after: unknown }>(
        db,
        sql`SELECT action, before, after FROM audit_log WHERE target_id = ${acc.me.id} AND action = 'publicAccount.update'`,
      ),
    );
    expect(audit).toEqual([{ action: 'publicAccount.update', before: { name: '王五' }, after: { name: '王小五' } }]);
  });

  it('logs out: the cookie no longer opens the page, and the logout is audited', async () => {
    const acc = await signUp();
    const out = await call('POST', `${A}/logout`, {}, acc);
    expect(out.statusCode).toBe(200);
    expect((await call('GET', `${A}/me`, undefined, acc)).statusCode).toBe(401);
    const audit = await t.database.owner((db) =>
      rows<{ action: string }>(db, sql`SELECT action FROM audit_log WHERE target_id = ${acc.me.id} ORDER BY seq`),
    );
    expect(audit.map((a) => a.action)).toEqual(['publicAccount.signup', 'publicAccount.logout']);
  });

  it('logs the demo account 林晓 in; a disabled account is refused after a valid code, its session too', async () => {
    const ip = fresh().ip;
    await ask('13800000001', ip, 'login');
    const res = await call('POST', `${A}/login`, { mobile: '13800000001', code: await lastCode('13800000001') }, { ip });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '林晓', mobileMasked: '138****0001' });

    const acc = await signUp();
    await t.database.owner((db) => db.execute(sql`UPDATE public_accounts SET status = 'disabled' WHERE id = ${acc.me.id}`));
    expect((await call('GET', `${A}/me`, undefined, acc)).statusCode).toBe(401);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    await ask(acc.mobile, acc.ip, 'login');
    const refused = await call('POST', `${A}/login`, { mobile: acc.mobile, code: await lastCode(acc.mobile) }, { ip: acc.ip });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('publicAccount.disabled');
  });

  it('cleans up codes a day old and sessions idle for 30 days, keeping the rest', async () => {
    const acc = await signUp();
    const hash = phoneBlindIndex(t.services.keys, acc.mobile);
    const count = (q: ReturnType<typeof sql>) => t.database.owner((db) => rows<{ n: number }>(db, q)).then((r) => r[0]!.n);
    const codes = sql`SELECT count(*)::int AS n FROM sms_codes WHERE mobile_hash = ${hash}`;
    const sessions = sql`SELECT count(*)::int AS n FROM public_sessions WHERE account_id = ${acc.me.id}`;
    await removeStalePublicRows(t.database);
    expect([await count(codes), await count(sessions)]).toEqual([1, 1]);
    await removeStalePublicRows(t.database, new Date(Date.now() + 25 * 3_600_000));
    expect([await count(codes), await count(sessions)]).toEqual([0, 1]);
    await removeStalePublicRows(t.database, new Date(Date.now() + 31 * 86_400_000));
    expect(await count(sessions)).toBe(0);
  });

  it('keeps the two kinds apart: a public session opens no staff route, a staff session no public-account route', async () => {
    const acc = await signUp();
    const token = acc.cookie.split('=')[1]!;
    for (const url of ['/api/v1/residents', '/api/v1/users', '/api/v1/outputs?area=350206', '/api/v1/auth/me', '/api/v1/roles']) {
      // The public cookie as itself, and its token presented as a staff cookie.
      for (const cookie of [acc.cookie, `wushe_sid=${token}`]) {
        const res = await call('GET', url, undefined, { cookie, csrf: acc.csrf });
        expect(res.statusCode, `${url} with ${cookie.split('=')[0]}`).toBe(401);
      }
    }
    const post = await call('POST', '/api/v1/orgs', { name: '某机构', kind: 'social_org', areaCode: '350206004000' }, acc);
    expect(post.statusCode).toBe(401);

    const staffToken = staff.cookie.split('=')[1]!;
    for (const cookie of [staff.cookie, `wushe_pub=${staffToken}`]) {
      expect((await call('GET', `${A}/me`, undefined, { cookie })).statusCode).toBe(401);
      expect((await call('POST', `${A}/logout`, {}, { cookie, csrf: staff.actor.csrfToken })).statusCode).toBe(401);
    }
    expect((await staff.get('/api/v1/users')).statusCode).toBe(200); // the staff session itself still works
  });
});
