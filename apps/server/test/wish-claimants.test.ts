// Likely claimants of open wishes through the API, on a street the demo leaves empty (殿前): three
// public accounts with a worked-out history, four open wishes, and the exact answer worked by
// hand (packages/core/test/wish-claimants.test.ts has the same case); the list in the same order
// and filter, a claimed wish with none, 403 without wish.read, another street's wish 404, 400s.
import { rows, stableId } from '@wushe/db';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { createResident } from './factories.ts';
import { GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

const STREET = '350206002000'; // 殿前: no demo wishes
const W = '/api/v1/wishes';
const A = '/api/v1/public/account';

describe('likely claimants', () => {
  let t: TestApp;
  let head: Session;
  let huli: Session;
  let jinshan: Session;
  let n = 0;
  type Who = { cookie: string; csrf: string; mobile: string; name: string };
  const ids: Record<string, string> = {};
  const mobiles: string[] = [];
  const call = async (method: 'GET' | 'POST', url: string, body?: object, who?: Who) => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: `10.11.0.${(n % 200) + 1}`,
      headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
  const claimant = async (name: string): Promise<Who> => {
    n += 1;
    const mobile = `1370000${String(n).padStart(4, '0')}`;
    await call('POST', `${A}/code`, { mobile, purpose: 'signup' });
    const code = (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
    const res = await call('POST', `${A}/signup`, { name, mobile, code });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: cookieOf(res), csrf: res.json().csrfToken as string, mobile, name };
  };
  /** A wish of the resident on the board, by the street's head. */
  const published = async (residentId: string, category: string, deadline: string) => {
    const w = await head.post(W, {
      residentId,
      title: '一份心愿',
      need: '老人生活不便，希望得到帮助。',
      category,
      valueFen: 10_000,
      deadline,
    });
    expect(w.statusCode, w.body).toBe(201);
    const s = (await head.post(`${W}/${w.json().id}/transition`, { action: 'submit', version: w.json().version })).json();
    const p = (await head.post(`${W}/${s.id}/transition`, { action: 'publish', version: s.version })).json();
    expect(p.status).toBe('published');
    return p.id as string;
  };
  const claim = async (wishId: string, who: Who) => {
    const res = await call('POST', `${A}/wishes/${wishId}/claims`, {}, who);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const fulfil = async (wishId: string) => {
    const w = (await head.get(`${W}/${wishId}`)).json();
    const d = (await head.post(`${W}/${wishId}/delivery`, { note: '已送达', photoIds: [], version: w.version })).json();
    const done = await head.post(`${W}/${wishId}/transition`, { action: 'confirm', version: d.version });
    expect(done.json().status).toBe('fulfilled');
  };
  /** Suggestions in brief: name, * when assigned, cost. */
  const brief = (s: { name: string; assigned: boolean; cost: number }[]) => s.map((x) => `${x.name}${x.assigned ? '*' : ''}${x.cost}`);

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    const admin = await t.login('admin');
    [huli, jinshan] = await Promise.all(['huli', 'jinshan.sw'].map((u) => t.login(u)));
    const created = await admin.post('/api/v1/users', {
      username: 'dianqian.head',
      displayName: '殿前站长',
      roleId: stableId('role:station_head'),
      areaCode: STREET,
      orgId: stableId(`org:station:${STREET}`),
      password: GOOD_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(200);
    head = await t.login('dianqian.head', GOOD_PASSWORD);
    await head.post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: 'Xinmima#2027' });
    const [c1, c2] = await t.database.owner((db) =>
      rows<{ code: string }>(db, sql`SELECT code FROM areas WHERE code LIKE '350206002%' AND level = 'community' ORDER BY code LIMIT 2`),
    );
    const r1 = await createResident(t, { areaCode: c1!.code });
    const r2 = await createResident(t, { areaCode: c2!.code });
    // P fulfilled a goods wish in C1; Q a repair wish in C2, and gave up a goods wish there (H3,
    // open again); R holds a goods wish in C1.
    const [p, q, r] = [await claimant('张一'), await claimant('李二'), await claimant('王三')];
    mobiles.push(p.mobile, q.mobile, r.mobile);
    const h1 = await published(r1.id, 'goods', '2099-05-01');
    await claim(h1, p);
    await fulfil(h1);
    const h2 = await published(r2.id, 'repair', '2099-05-01');
    await claim(h2, q);
    await fulfil(h2);
    ids.h3 = await published(r2.id, 'goods', '2099-06-01');
    const given = await claim(ids.h3, q);
    expect((await call('POST', `${A}/wish-claims/${given}/withdraw`, {}, q)).json().status).toBe('withdrawn');
    ids.h4 = await published(r1.id, 'goods', '2099-05-01');
    await claim(ids.h4, r);
    ids.o1 = await published(r1.id, 'goods', '2099-06-02');
    ids.o3 = await published(r1.id, 'service', '2099-06-03');
    ids.o2 = await published(r2.id, 'repair', '2099-06-04');
  });
  afterAll(() => t?.close());

  // Worked by hand (costs: category 30 − 10 per fulfilled of it, community 0 / street 10,
  // round(40·withdrawn/(withdrawn+fulfilled+1)), 15 per wish held; nobody over 2 with what it holds):
  // P 张一: O1 20, H3 30, O3 30, O2 40 · Q 李二: O1 53, O3 53, O2 33, never H3 · R 王三 (holds 1): O1 45, H3 55, O3 45, O2 55.
  // Best: O1 P, H3 P, O3 R, O2 Q = 128 (P's two places taken, O3 goes to R although P is cheaper).
  const EXPECTED: Record<string, string[]> = {
    h3: ['张一*30', '王三55'],
    o1: ['张一*20', '王三45', '李二53'],
    o3: ['王三*45', '张一30', '李二53'],
    o2: ['李二*33', '张一40', '王三55'],
  };

  it("proposes a wish's likely claimants exactly, each with why; names as claimed, mobiles masked", async () => {
    for (const [key, want] of Object.entries(EXPECTED)) {
      const res = await head.get(`${W}/${ids[key]}/likely-claimants`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().open).toBe(true);
      expect(res.json().candidates).toBe(3);
      expect(brief(res.json().suggestions), key).toEqual(want);
      for (const m of mobiles) expect(res.body.includes(m)).toBe(false);
    }
    const o2 = (await head.get(`${W}/${ids.o2}/likely-claimants`)).json().suggestions[0];
    expect(o2).toMatchObject({ kind: 'person', mobileMasked: '137****0002' });
    expect(o2.reasons).toEqual([
      { key: 'category', category: 'repair', fulfilled: 1 },
      { key: 'near', level: 'community' },
      { key: 'reliable', fulfilled: 1, withdrawn: 1 },
      { key: 'load', holding: 0 },
    ]);
    // A claimed wish has none.
    expect((await head.get(`${W}/${ids.h4}/likely-claimants`)).json()).toMatchObject({ open: false, suggestions: [] });
  });

  it('lists the open wishes soonest first with the same suggestions; category filter and pages', async () => {
    const all = (await head.get(`${W}/likely-claimants`)).json();
    expect(all.total).toBe(4);
    expect(all.items.map((i: { wishId: string }) => i.wishId)).toEqual([ids.h3, ids.o1, ids.o3, ids.o2]);
    for (const item of all.items) {
      const key = Object.keys(EXPECTED).find((k) => ids[k] === item.wishId)!;
      expect(brief(item.suggestions)).toEqual(EXPECTED[key]);
    }
    const goods = (await head.get(`${W}/likely-claimants?category=goods`)).json();
    expect(goods.items.map((i: { wishId: string }) => i.wishId)).toEqual([ids.h3, ids.o1]);
    expect(brief(goods.items[1].suggestions)).toEqual(EXPECTED.o1);
    const page2 = (await head.get(`${W}/likely-claimants?page=2&pageSize=3`)).json();
    expect(page2).toMatchObject({ total: 4, items: [{ wishId: ids.o2, areaName: expect.any(String), deadline: '2099-06-04' }] });
    // The district sees the street's wishes too (its pool is the district: the demo's claimants may join).
    const district = await huli.get(`${W}/likely-claimants?area=350206002`);
    expect(district.statusCode).toBe(200);
    expect(district.json().total).toBe(4);
    // The demo street: open wishes with the demo accounts' claims, within the response contract.
    const jiangtou = (await t.login('jiangtou.head')).get(`${W}/likely-claimants?pageSize=100`);
    expect((await jiangtou).json().items.some((i: { suggestions: unknown[] }) => i.suggestions.length > 0)).toBe(true);
  });

  it('403 without wish.read; another street’s wish 404 and an empty list; bad input 400', async () => {
    const volunteer = await t.login('volunteer.demo');
    expect((await volunteer.get(`${W}/likely-claimants`)).statusCode).toBe(403);
    expect((await volunteer.get(`${W}/${ids.o1}/likely-claimants`)).statusCode).toBe(403);
    const other = await jinshan.get(`${W}/${ids.o1}/likely-claimants`);
    expect(other.statusCode).toBe(404);
    const missing = await jinshan.get(`${W}/01900000-0000-7000-8000-000000000000/likely-claimants`);
    expect(other.json().detail).toBe(missing.json().detail);
    expect((await jinshan.get(`${W}/likely-claimants?area=350206002`)).json()).toEqual({ items: [], total: 0 });
    const bad = await head.get(`${W}/not-a-wish/likely-claimants`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('id');
    const area = await head.get(`${W}/likely-claimants?area=abc&pageSize=500`, { 'accept-language': 'en' });
    expect(area.statusCode).toBe(400);
    expect(
      area
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['area', 'pageSize']);
  });
});
