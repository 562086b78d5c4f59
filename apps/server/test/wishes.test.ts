// Micro-wishes through the API: the demo in every state, recording (400 in both languages, the
// resident's name or a number refused in public text, 403, another street 404), a survey batch
// saved whole or not at all, the review moves (403 without wish.review, 409 when illegal or
// stale), the public board and its totals with nothing of the resident, the one-claim race,
// a double tap, withdraw, release after the due day, delivery with photos and confirmation.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

describe('wishes', () => {
  let t: TestApp;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  let huli: Session;
  let n = 0;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const W = '/api/v1/wishes';
  const A = '/api/v1/public/account';
  type Who = { cookie: string; csrf: string };
  const call = async (method: 'GET' | 'POST', url: string, body?: object, who?: Who, lang = 'zh-CN') => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: `10.9.0.${(n % 200) + 1}`,
      headers: { 'accept-language': lang, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
  const claimant = async (name: string): Promise<Who> => {
    n += 1;
    const mobile = `1360000${String(n).padStart(4, '0')}`;
    expect((await call('POST', `${A}/code`, { mobile, purpose: 'signup' })).statusCode).toBe(200);
    const code = (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
    const res = await call('POST', `${A}/signup`, { name, mobile, code });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
  };
  let resident: { id: string; name: string };
  const body = (over: Record<string, unknown> = {}) => ({
    residentId: resident.id,
    title: '卫生间安装扶手',
    need: '老人如厕起身困难，需要在卫生间安装两处扶手。',
    category: 'repair',
    valueFen: 45_000,
    deadline: '2099-06-30',
    ...over,
  });
  /** A wish of 江头 taken to the board by the head. */
  const published = async () => {
    const w = (await sw.post(W, body())).json();
    const s = (await sw.post(`${W}/${w.id}/transition`, { action: 'submit', version: w.version })).json();
    const p = await head.post(`${W}/${w.id}/transition`, { action: 'publish', version: s.version });
    expect(p.statusCode, p.body).toBe(200);
    return p.json();
  };

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
    [resident] = await owner<{ id: string; name: string }>(
      sql`SELECT id, name FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 1`,
    );
  });
  afterAll(() => t?.close());

  it('the demo: hundreds of wishes in every state; each street reads its own', async () => {
    const all = (await huli.get(`${W}?pageSize=1`)).json();
    expect(all.total).toBeGreaterThanOrEqual(250);
    for (const status of ['draft', 'submitted', 'published', 'claimed', 'delivered', 'fulfilled', 'cancelled'])
      expect((await huli.get(`${W}?status=${status}&pageSize=1`)).json().total, status).toBeGreaterThan(0);
    const js = (await jinshan.get(`${W}?pageSize=100`)).json();
    expect(js.total).toBeGreaterThan(0);
    expect(js.items.every((w: { areaCode: string }) => w.areaCode.startsWith('350206005'))).toBe(true);
    const fulfilled = (await huli.get(`${W}?status=fulfilled&pageSize=1`)).json().items[0];
    const one = (await huli.get(`${W}/${fulfilled.id}`)).json();
    expect(one.claims[0]).toMatchObject({ status: 'fulfilled' });
    expect(one.claims[0].deliveryPhotoIds).toHaveLength(1);
    expect(one.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'publish', 'claim', 'deliver', 'confirm']);
  });

  it('recording: 400 with field messages in both languages, private text refused, 403, another street 404', async () => {
    const bad = await sw.post(W, body({ valueFen: -1, need: '短', category: 'nope' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['need', 'valueFen']);
    const en = await sw.post(W, body({ need: '短' }), { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toBe('Describe the need in 5–500 characters');
    const named = await sw.post(W, body({ need: `${resident.name}老人需要一台轮椅出门复诊。`, category: 'nope' }));
    expect(named.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'need', message: '公开内容不能包含服务对象姓名，请用“老人”“居民”等称呼' }),
        expect.objectContaining({ path: 'category' }),
      ]),
    );
    const phone = await sw.post(W, body({ need: '需要轮椅，联系电话 13912345678。' }));
    expect(phone.json().errors[0]).toMatchObject({ path: 'need', message: '公开内容不能包含电话、证件号等号码' });
    const other = await jinshan.post(W, body());
    expect(other.json().errors[0].path).toBe('residentId');
    const volunteer = await t.login('volunteer.demo');
    expect((await volunteer.post(W, body())).statusCode).toBe(403);
    const w = (await sw.post(W, body())).json();
    expect(w).toMatchObject({ status: 'draft', residentName: resident.name, valueFen: 45_000, publicLabel: null });
    expect((await jinshan.get(`${W}/${w.id}`)).statusCode).toBe(404);
    expect((await huli.get(`${W}/${w.id}`)).statusCode).toBe(200);
  });

  it('a survey batch is saved whole or not at all', async () => {
    const before = (await sw.get(`${W}?resident=${resident.id}`)).json().total;
    const bad = await sw.post(`${W}/batch`, { items: [body(), body({ need: '短' })] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('items.1.need');
    expect((await sw.get(`${W}?resident=${resident.id}`)).json().total).toBe(before);
    const ok = await sw.post(`${W}/batch`, { items: [body(), body({ title: '冬季棉被', category: 'goods' })] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().count).toBe(2);
    expect((await sw.get(`${W}?resident=${resident.id}`)).json().total).toBe(before + 2);
  });

  it('review: submit, publish only with wish.review, return needs a reason, illegal and stale moves 409', async () => {
    const w = (await sw.post(W, body())).json();
    expect((await sw.post(`${W}/${w.id}/transition`, { action: 'publish', version: w.version })).statusCode).toBe(403);
    const s = (await sw.post(`${W}/${w.id}/transition`, { action: 'submit', version: w.version })).json();
    expect(s.status).toBe('submitted');
    expect((await sw.patch(`${W}/${w.id}`, { title: '改名', version: s.version })).statusCode).toBe(409);
    const noReason = await head.post(`${W}/${w.id}/transition`, { action: 'return', version: s.version });
    expect(noReason.json().errors[0].path).toBe('note');
    const r = (await head.post(`${W}/${w.id}/transition`, { action: 'return', note: '请写清尺寸', version: s.version })).json();
    expect(r).toMatchObject({ status: 'returned', reviewNote: '请写清尺寸' });
    const e = (await sw.patch(`${W}/${w.id}`, { title: '卫生间和淋浴间扶手', version: r.version })).json();
    expect(e.title).toBe('卫生间和淋浴间扶手');
    expect((await sw.patch(`${W}/${w.id}`, { title: '旧版本', version: r.version })).statusCode).toBe(409);
    const s2 = (await sw.post(`${W}/${w.id}/transition`, { action: 'submit', version: e.version })).json();
    const p = (await head.post(`${W}/${w.id}/transition`, { action: 'publish', version: s2.version })).json();
    expect(p.status).toBe('published');
    expect(p.publicLabel).toMatch(/^江头街道 · /);
    expect(p.publicLabel).not.toContain(resident.name);
    expect((await head.post(`${W}/${w.id}/transition`, { action: 'publish', version: p.version })).statusCode).toBe(409);
    expect((await head.post(`${W}/${w.id}/transition`, { action: 'confirm', version: p.version })).statusCode).toBe(409);
    expect(p.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'return', 'edit', 'submit', 'publish']);
  });

  it('the board shows public wishes with a generic label and totals, never the resident', async () => {
    const p = await published();
    const board = await call('GET', `/api/v1/public/wishes?area=350206004&show=open&pageSize=100`);
    expect(board.statusCode).toBe(200);
    const mine = board.json().items.find((w: { id: string }) => w.id === p.id);
    expect(mine).toMatchObject({ label: p.publicLabel, valueFen: 45_000, status: 'published', categoryLabel: '维修' });
    expect(board.json().items.every((w: { status: string }) => w.status === 'published')).toBe(true);
    const names = await owner<{ name: string }>(sql`SELECT DISTINCT name FROM residents WHERE area_code LIKE '350206%'`);
    const all = await call('GET', '/api/v1/public/wishes?pageSize=100');
    for (const text of [board.body, all.body]) for (const { name } of names) expect(text.includes(name), name).toBe(false);
    // A draft is not on the board.
    const draft = (await sw.post(W, body())).json();
    expect((await call('GET', `/api/v1/public/wishes/${draft.id}`)).statusCode).toBe(404);
    const stats = (await call('GET', '/api/v1/public/stats?area=350206004')).json();
    const [hand] = await owner<{ posted: number; fulfilled: number; value: number }>(
      sql`SELECT count(*) FILTER (WHERE published_at >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')::int AS posted,
          count(*) FILTER (WHERE fulfilled_at >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')::int AS fulfilled,
          coalesce(sum(value_fen) FILTER (WHERE fulfilled_at >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'), 0)::int AS value
        FROM wishes WHERE area_code LIKE '350206004%' AND status IN ('published', 'claimed', 'delivered', 'fulfilled')`,
    );
    expect(stats).toMatchObject({ areaName: '江头街道', posted: hand!.posted, fulfilled: hand!.fulfilled, fulfilledValueFen: hand!.value });
    expect((await call('GET', '/api/v1/public/stats?from=2026-05-01&to=2026-04-01')).statusCode).toBe(400);
  });

  it('of many concurrent claims exactly one wins; a double tap answers the first; withdraw puts it back', async () => {
    const p = await published();
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => claimant(`认领人${i}`)));
    const answers = await Promise.all(people.map((who) => call('POST', `${A}/wishes/${p.id}/claims`, {}, who)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    expect(answers.find((a) => a.statusCode === 409)!.json().detail).toBe('该心愿已被他人认领');
    const won = answers.findIndex((a) => a.statusCode === 201);
    const winner = people[won]!;
    const again = await call('POST', `${A}/wishes/${p.id}/claims`, {}, winner);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(answers.find((a) => a.statusCode === 201)!.json().id);
    const [{ holding }] = await owner<{ holding: number }>(
      sql`SELECT count(*)::int AS holding FROM wish_claims WHERE wish_id = ${p.id} AND status IN ('active', 'delivered')`,
    );
    expect(holding).toBe(1);
    expect((await head.get(`${W}/${p.id}`)).json()).toMatchObject({ status: 'claimed', claimantName: `认领人${won}` });
    const w = await call('POST', `${A}/wish-claims/${again.json().id}/withdraw`, {}, winner);
    expect(w.json().status).toBe('withdrawn');
    expect((await head.get(`${W}/${p.id}`)).json().status).toBe('published');
    expect((await call('POST', `${A}/wish-claims/${again.json().id}/withdraw`, {}, winner)).statusCode).toBe(409);
    expect((await call('POST', `${A}/wishes/${p.id}/claims`, { kind: 'merchant' }, people[0])).json().errors[0].path).toBe('orgName');
  });

  it('a station claim on behalf, released only after its due day; delivery with photos and confirmation', async () => {
    const p = await published();
    const c = await sw.post(`${W}/${p.id}/claims`, { kind: 'merchant', name: '江头爱心五金店', mobile: '13912345678', version: p.version });
    expect(c.statusCode, c.body).toBe(200);
    const claim = c.json().claims[0];
    expect(claim).toMatchObject({ kind: 'merchant', status: 'active', mobileMasked: '139****5678', byAccount: false });
    expect(c.body).not.toContain('13912345678');
    const early = await head.post(`${W}/${p.id}/claims/${claim.id}/release`, { reason: '联系不上认领人' });
    expect(early.statusCode).toBe(409);
    await t.database.owner((db) =>
      db.execute(sql`UPDATE wish_claims SET due_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id = ${claim.id}`),
    );
    expect((await sw.post(`${W}/${p.id}/claims/${claim.id}/release`, { reason: '联系不上认领人' })).statusCode).toBe(403);
    const released = (await head.post(`${W}/${p.id}/claims/${claim.id}/release`, { reason: '联系不上认领人' })).json();
    expect(released.status).toBe('published');
    expect(released.claims[0]).toMatchObject({ status: 'released', endReason: '联系不上认领人' });

    const who = await claimant('李先生');
    const mine = (await call('POST', `${A}/wishes/${p.id}/claims`, {}, who)).json();
    const badPhoto = await call(
      'POST',
      `${A}/wish-claims/${mine.id}/delivery`,
      { note: '已送达', photos: [{ filename: 'a.png', contentType: 'image/png', data: 'aGVsbG8=' }] },
      who,
    );
    expect(badPhoto.json().errors[0].path).toBe('photos.0.data');
    const d = await call(
      'POST',
      `${A}/wish-claims/${mine.id}/delivery`,
      { note: '扶手已装好', photos: [{ filename: 'a.png', contentType: 'image/png', data: PNG }] },
      who,
    );
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().status).toBe('delivered');
    const w = (await head.get(`${W}/${p.id}`)).json();
    expect(w.status).toBe('delivered');
    expect(w.claims[0].deliveryPhotoIds).toHaveLength(1);
    const named = await sw.post(`${W}/${p.id}/transition`, { action: 'confirm', note: `${w.residentName}很满意`, version: w.version });
    expect(named.statusCode).toBe(400);
    expect(named.json().errors[0].path).toBe('note');
    expect((await head.get(`${W}/${p.id}`)).json().status).toBe('delivered');
    const done = (
      await sw.post(`${W}/${p.id}/transition`, { action: 'confirm', note: '老人很满意，谢谢好心人', version: w.version })
    ).json();
    expect(done).toMatchObject({ status: 'fulfilled', confirmNote: '老人很满意，谢谢好心人' });
    expect(done.claims[0].status).toBe('fulfilled');
    const my = (await call('GET', `${A}/me`, undefined, who)).json();
    const section = my.sections.find((s: { kind: string }) => s.kind === 'wishes');
    expect(section.items[0]).toMatchObject({ status: '已实现', subtitle: '感谢：老人很满意，谢谢好心人' });
    const audit = await owner<{ action: string }>(sql`SELECT action FROM audit_log WHERE target_id = ${p.id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['wishClaim.create', 'wishClaim.release', 'wishClaim.deliver', 'wish.confirm']),
    );
  });

  it('exports the filtered list with names, labels and yuan', async () => {
    const res = await head.get(`${W}?format=xlsx&status=fulfilled`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('微心愿');
    const total = (await head.get(`${W}?status=fulfilled&pageSize=1`)).json().total;
    expect(ws.rowCount).toBe(total + 2);
    const row = (ws.getRow(3).values as unknown[]).slice(1);
    expect(row[6]).toBe('已实现');
    expect(typeof row[4]).toBe('number');
  });
});
