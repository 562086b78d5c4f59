// Pairing agreements (一校两社, 结对共建) through the API: the parties each kind needs, deliverables
// per side with progress ticks, draft → active → ended only (409 otherwise), the signed copy as
// an attachment, 403 without the permission, 404 from another street, 409 when stale; audited.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const P = '/api/v1/partnerships';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n').toString('base64');

describe('partnerships', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'school_org_community',
    title: '集美大学—启航社工—金山社区 一校两社协议',
    areaCode: DEMO.jinshan,
    startOn: '2026-03-01',
    endOn: '2027-02-28',
    terms: '每学期派驻实习生',
    parties: [
      { role: 'school', name: '集美大学政法学院' },
      { role: 'agency', name: '厦门市启航社会工作服务中心' },
      { role: 'community', name: '金山社区居委会' },
    ],
    deliverables: [
      { party: 0, what: '派驻实习生', quantity: 6, dueOn: '2026-06-30' },
      { party: 1, what: '督导小时', quantity: 40 },
    ],
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('drafts an agreement: 201; 400 for a missing side, bad dates and fields, in both languages; 403 without the permission', async () => {
    const noSchool = await huli.post(P, body({ parties: body().parties.slice(1) }));
    expect(noSchool.json().errors).toEqual([{ path: 'parties', message: '缺少以下一方：高校' }]);
    const en = await huli.post(P, body({ endOn: '2026-01-01' }), { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([{ path: 'endOn', message: 'The end cannot come before the start' }]);
    const fields = await huli.post(P, body({ title: '', deliverables: [{ party: 0, what: '实习', quantity: 0 }] }));
    expect(
      fields
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['deliverables.0.quantity', 'title']);
    const noName = await huli.post(P, body({ parties: [{ role: 'school' }, ...body().parties.slice(1)] }));
    expect(noName.json().errors[0].path).toBe('parties.0.name');
    const badParty = await huli.post(P, body({ deliverables: [{ party: 5, what: '实习', quantity: 1 }] }));
    expect(badParty.json().errors[0].path).toBe('deliverables.0.party');
    expect((await sw.post(P, body({ areaCode: DEMO.jiangtou }))).statusCode).toBe(403);
    expect((await sw.get(P)).statusCode).toBe(403);
    expect((await head.post(P, body())).json().errors[0].path).toBe('areaCode'); // 金山 is not 江头's
    const made = await huli.post(P, body());
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ status: 'draft', progress: 0, attachment: null });
    expect(made.json().deliverables.map((d: { partyName: string }) => d.partyName)).toEqual([
      '集美大学政法学院',
      '厦门市启航社会工作服务中心',
    ]);
    // A platform organisation as a party: in the scope only.
    const station = (await owner<{ id: string }>(sql`SELECT id FROM orgs WHERE name = '江头街道社工站'`))[0]!.id;
    const pair = {
      kind: 'agency_community',
      parties: [
        { role: 'agency', orgId: station },
        { role: 'community', name: '江头社区' },
      ],
      deliverables: [],
    };
    expect((await head.post(P, body({ ...pair, areaCode: DEMO.jiangtou }))).json().parties[0]).toMatchObject({
      name: '江头街道社工站',
      outside: false,
    });
    const other = {
      kind: 'agency_community',
      parties: [
        { role: 'agency', orgId: station },
        { role: 'community', name: '金山社区' },
      ],
    };
    expect((await huli.post(P, body(other))).statusCode).toBe(201); // the district's scope holds 江头's station
  });

  it('moves draft → active → ended only (409 otherwise), ticks progress while in force, refuses another street (404)', async () => {
    const p = (await huli.post(P, body())).json();
    expect((await head.get(`${P}/${p.id}`)).statusCode).toBe(404);
    expect((await head.post(`${P}/${p.id}/status`, { to: 'active', version: p.version })).statusCode).toBe(404);
    expect((await sw.post(`${P}/${p.id}/status`, { to: 'active', version: p.version })).statusCode).toBe(403);
    const d = p.deliverables[0];
    expect((await huli.patch(`${P}/${p.id}/deliverables/${d.id}`, { done: 1, version: d.version })).statusCode).toBe(409); // a draft
    expect((await huli.post(`${P}/${p.id}/status`, { to: 'ended', version: p.version })).statusCode).toBe(409);
    expect((await huli.post(`${P}/${p.id}/status`, { to: 'closed', version: p.version })).statusCode).toBe(400);
    const active = (await huli.post(`${P}/${p.id}/status`, { to: 'active', version: p.version })).json();
    expect(active.status).toBe('active');
    expect((await huli.post(`${P}/${p.id}/status`, { to: 'active', version: p.version })).statusCode).toBe(409); // stale
    expect((await huli.patch(`${P}/${p.id}/deliverables/${d.id}`, { done: 7, version: d.version })).json().errors).toEqual([
      { path: 'done', message: '完成数须为 0 至约定数量' },
    ]);
    const ticked = (await huli.patch(`${P}/${p.id}/deliverables/${d.id}`, { done: 3, version: d.version })).json();
    expect(ticked.deliverables[0]).toMatchObject({ done: 3, percent: 50 });
    expect(ticked.progress).toBe(6); // 3 of 46 promised units
    expect((await huli.patch(`${P}/${p.id}/deliverables/${d.id}`, { done: 4, version: d.version })).statusCode).toBe(409);
    expect((await head.patch(`${P}/${p.id}/deliverables/${d.id}`, { done: 4, version: d.version + 1 })).statusCode).toBe(404);
    const school = p.parties[0].id;
    const added = await huli.post(`${P}/${p.id}/deliverables`, { party: school, what: '联合课题', quantity: 1, dueOn: '2026-01-01' });
    expect(added.json().deliverables.find((x: { what: string }) => x.what === '联合课题')).toMatchObject({ late: true, percent: 0 });
    expect((await huli.post(`${P}/${p.id}/deliverables`, { party: 0, what: '联合课题', quantity: 1 })).json().errors[0].path).toBe('party');
    const ended = (await huli.post(`${P}/${p.id}/status`, { to: 'ended', version: active.version })).json();
    expect(ended.status).toBe('ended');
    expect((await huli.post(`${P}/${p.id}/status`, { to: 'draft', version: ended.version })).statusCode).toBe(409);
    expect((await huli.post(`${P}/${p.id}/deliverables`, { party: school, what: '再加', quantity: 1 })).statusCode).toBe(409);
    expect((await huli.patch(`${P}/${p.id}`, { terms: '改', version: ended.version })).statusCode).toBe(409);
    const moves = await owner<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE target_id = ${p.id} AND action IN ('partnership.activate', 'partnership.end') ORDER BY seq`,
    );
    expect(moves.map((m) => m.action)).toEqual(['partnership.activate', 'partnership.end']);
  });

  it('attaches the signed agreement and edits terms (409 when stale); lists filter by kind, status and party name', async () => {
    const p = (await huli.post(P, body())).json();
    const upload = { filename: '协议.pdf', contentType: 'application/pdf', data: PDF };
    expect((await huli.get(`${P}/${p.id}/agreement`)).statusCode).toBe(404); // none yet
    const notPdf = await huli.post(`${P}/${p.id}/agreement`, {
      ...upload,
      data: Buffer.from('hello').toString('base64'),
      version: p.version,
    });
    expect(notPdf.json().errors[0].path).toBe('data');
    expect((await head.post(`${P}/${p.id}/agreement`, { ...upload, version: p.version })).statusCode).toBe(404);
    expect((await sw.post(`${P}/${p.id}/agreement`, { ...upload, version: p.version })).statusCode).toBe(403);
    const signed = await huli.post(`${P}/${p.id}/agreement`, { ...upload, version: p.version });
    expect(signed.json()).toMatchObject({ attachment: { filename: '协议.pdf' }, version: p.version + 1 });
    expect((await huli.post(`${P}/${p.id}/agreement`, { ...upload, version: p.version })).statusCode).toBe(409);
    const file = await huli.get(`${P}/${p.id}/agreement`);
    expect([file.statusCode, file.rawPayload.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    expect((await head.get(`${P}/${p.id}/agreement`)).statusCode).toBe(404);
    const v = p.version + 1;
    expect(
      (await huli.patch(`${P}/${p.id}`, { attachmentId: '01890000-0000-7000-8000-000000000000', version: v })).json().errors[0].path,
    ).toBe('attachmentId');
    expect((await huli.patch(`${P}/${p.id}`, { terms: '新条款', version: v })).json()).toMatchObject({ terms: '新条款' });
    expect((await huli.patch(`${P}/${p.id}`, { terms: '再改', version: v })).statusCode).toBe(409);
    expect((await huli.patch(`${P}/${p.id}`, { endOn: '2020-01-01', version: v + 1 })).json().errors[0].path).toBe('endOn');
    expect((await head.patch(`${P}/${p.id}`, { terms: '越权', version: v + 1 })).statusCode).toBe(404);
    expect((await sw.patch(`${P}/${p.id}`, { terms: '越权', version: v + 1 })).statusCode).toBe(403);
    const found = (await huli.get(`${P}?q=${encodeURIComponent('集美大学政法学院')}&kind=school_org_community&status=draft`)).json();
    expect(found.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await huli.get(`${P}?status=ended`)).json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await huli.get(`${P}?kind=bad`)).statusCode).toBe(400);
  });
});
