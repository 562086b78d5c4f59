// Referrals (转介) through the API (issue 9, item 4): 江头's worker refers a case to the 康宁
// hospital's social-work department, whose worker decides; the referring worker sees the
// outcome; while pending or accepted the hospital reads the case (audited, read-only, RLS
// included) and afterwards does not; referrals outside Wushe get their answer typed in.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('referrals', () => {
  let t: TestApp;
  let sw: Session;
  let hospital: Session;
  let jinshan: Session;
  let volunteer: Session;
  let caseId: string;
  let hospitalOrg: string;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const zh = { 'accept-language': 'zh-CN' };
  /** Whether a bare SELECT shows the hospital's scope (殿前街道) this test's case, RLS only (the demo refers others). */
  const casesSeenByHospital = async () =>
    (await t.database.run('350206002', (db) => rows<{ id: string }>(db, sql`SELECT id FROM cases`))).filter((c) => c.id === caseId);
  const reads = async () =>
    Number((await owner<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'case.referral.read'`))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    [sw, hospital, jinshan, volunteer] = await Promise.all(
      ['jiangtou.sw', 'kangning.sw', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)),
    );
    const [r] = await owner<{ id: string }>(
      sql`SELECT id FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id DESC LIMIT 1`,
    );
    const c = await sw.post('/api/v1/cases', { residentId: r!.id, type: 'elderly', riskLevel: 'high', problem: '术后独居，需要出院衔接' });
    caseId = c.json().id;
    hospitalOrg = hospital.actor.org!.id;
  });
  afterAll(() => t?.close());

  const refer = (body: Record<string, unknown>, s = sw) => s.post(`/api/v1/cases/${caseId}/referrals`, body, zh);

  it('lists the organisations a case can go to, by name, kind and area only', async () => {
    const res = await sw.get('/api/v1/referrals/targets?q=康宁');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: hospitalOrg, name: '厦门市湖里区康宁医院社会工作部', kind: 'hospital', areaName: '殿前街道' }]);
    expect((await volunteer.get('/api/v1/referrals/targets')).statusCode).toBe(403);
  });

  it('refuses a referral without exactly one target, to its own station, or by someone outside the case', async () => {
    const none = await refer({ reason: '需要医疗社工介入' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ path: 'toOrgId', message: '请选择接收机构，或填写平台外机构名称（二选一）' });
    const both = await refer({ reason: 'x', toOrgId: hospitalOrg, externalName: '仙岳医院' }, sw);
    expect(both.statusCode).toBe(400);
    const [own] = await owner<{ org_id: string }>(sql`SELECT org_id FROM cases WHERE id = ${caseId}`);
    expect((await refer({ reason: 'x', toOrgId: own!.org_id })).json().errors[0].path).toBe('toOrgId');
    expect((await refer({ reason: 'x', toOrgId: hospitalOrg }, jinshan)).statusCode).toBe(404);
    expect((await refer({ reason: 'x', toOrgId: hospitalOrg }, volunteer)).statusCode).toBe(403);
    expect(await owner(sql`SELECT id FROM case_referrals WHERE case_id = ${caseId}`)).toEqual([]);
  });

  it('refers to the hospital: pending, on the timeline, the hospital told, the form sealed; a second open one refused', async () => {
    expect(await casesSeenByHospital()).toEqual([]);
    const res = await refer({ toOrgId: hospitalOrg, reason: '术后康复与出院衔接', service: '出院计划' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      status: 'pending',
      toOrgName: '厦门市湖里区康宁医院社会工作部',
      direction: 'outgoing',
      reason: '术后康复与出院衔接',
    });
    expect(r.subject.name).toBeTruthy();
    const [stored] = await owner<{ form_cipher: string }>(sql`SELECT form_cipher FROM case_referrals WHERE id = ${r.id}`);
    expect(stored!.form_cipher).not.toContain('康复');
    const timeline = (await sw.get(`/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({
      kind: 'referred',
      text: '术后康复与出院衔接',
      detail: { to: '厦门市湖里区康宁医院社会工作部' },
    });
    const notes = (await hospital.get('/api/v1/notifications')).json().items;
    expect(notes.find((n: { link: string }) => n.link === `/referrals/${r.id}`)).toMatchObject({ kind: 'referral.requested' });
    expect((await refer({ toOrgId: hospitalOrg, reason: '再次' })).json().errors[0].message).toBe(
      '该个案已有一条转介给此机构的转介在处理中',
    );
  });

  it('lets the hospital read the pending referral and the case (each read audited), never write it or see it as a case', async () => {
    const incoming = (await hospital.get('/api/v1/referrals?direction=incoming&status=pending&pageSize=100')).json();
    const mine = incoming.items.filter((r: { caseId: string }) => r.caseId === caseId);
    expect(mine).toHaveLength(1);
    expect(incoming.items[0].status).toBe('pending');
    const id = mine[0].id;
    const before = await reads();
    const read = (await hospital.get(`/api/v1/referrals/${id}`)).json();
    expect(read.case).toMatchObject({ type: 'elderly', riskLevel: 'high', problem: '术后独居，需要出院衔接', narrativeHidden: false });
    expect(read.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'referred']);
    await hospital.get(`/api/v1/referrals/${id}`);
    expect(await reads()).toBe(before + 2);
    expect((await casesSeenByHospital()).map((c) => c.id)).toEqual([caseId]);
    expect((await hospital.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(403);
    expect((await hospital.post(`/api/v1/cases/${caseId}/notes`, { text: '写入' })).statusCode).toBe(403);
    // Another station's worker reads nothing of it.
    expect((await jinshan.get(`/api/v1/cases/${caseId}/referrals`)).statusCode).toBe(404);
  });

  it('declines with a reason only; the worker sees the outcome and the hospital stops reading the case', async () => {
    const { id, version } = (await hospital.get('/api/v1/referrals?status=pending&pageSize=100'))
      .json()
      .items.find((r: { caseId: string }) => r.caseId === caseId);
    const bare = await hospital.post(`/api/v1/referrals/${id}/decision`, { version, accept: false }, zh);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0]).toMatchObject({ path: 'comment', message: '不接收转介须说明原因' });
    expect(
      (await hospital.post(`/api/v1/referrals/${id}/decision`, { version: version + 5, accept: false, comment: '床位已满' })).statusCode,
    ).toBe(409);
    const done = await hospital.post(`/api/v1/referrals/${id}/decision`, { version, accept: false, comment: '床位已满' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'declined', decisionComment: '床位已满', decidedByName: '康宁医院社工部' });
    expect((await hospital.post(`/api/v1/referrals/${id}/decision`, { version: version + 1, accept: true })).statusCode).toBe(409);
    const mine = (await sw.get(`/api/v1/cases/${caseId}/referrals`)).json().items;
    expect(mine[0]).toMatchObject({ status: 'declined', decisionComment: '床位已满' });
    const timeline = (await sw.get(`/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'referral_declined', text: '床位已满' });
    const told = (await sw.get('/api/v1/notifications')).json().items.filter((n: { link: string }) => n.link === `/cases/${caseId}`);
    expect(told[0]).toMatchObject({ kind: 'referral.decided' });
    const after = (await hospital.get(`/api/v1/referrals/${id}`)).json();
    expect([after.referral.status, after.case, after.timeline]).toEqual(['declined', null, []]);
    expect(await casesSeenByHospital()).toEqual([]);
  });

  it('accepts a new referral (reading again), refuses to open a case for someone outside its area, and stops reading when the worker ends it', async () => {
    const r = (await refer({ toOrgId: hospitalOrg, reason: '康复期心理支持' })).json();
    const refused = await hospital.post(`/api/v1/referrals/${r.id}/decision`, { version: r.version, accept: true, openCase: true }, zh);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('openCase');
    const ok = await hospital.post(`/api/v1/referrals/${r.id}/decision`, { version: r.version, accept: true, comment: '安排郑社工跟进' });
    expect(ok.json().status).toBe('accepted');
    expect((await hospital.get(`/api/v1/referrals/${r.id}`)).json().case.caseNo).toBeTruthy();
    const ended = await sw.post(`/api/v1/referrals/${ok.json().id}/close`, { version: ok.json().version, note: '已出院' });
    expect(ended.json()).toMatchObject({ status: 'ended' });
    expect(ended.json().endedAt).toBeTruthy();
    expect((await hospital.get(`/api/v1/referrals/${r.id}`)).json().case).toBeNull();
    expect(await casesSeenByHospital()).toEqual([]);
    expect((await sw.post(`/api/v1/referrals/${r.id}/close`, { version: ended.json().version })).statusCode).toBe(409);
  });

  it('records the answer of an organisation outside Wushe, which nobody in Wushe can decide', async () => {
    const r = (await refer({ externalName: '厦门市仙岳医院', reason: '精神科评估' })).json();
    expect(r).toMatchObject({ status: 'pending', externalName: '厦门市仙岳医院', toOrgId: null });
    expect((await hospital.post(`/api/v1/referrals/${r.id}/decision`, { version: r.version, accept: true })).statusCode).toBe(404);
    const bare = await sw.post(`/api/v1/referrals/${r.id}/outcome`, { version: r.version, accepted: true }, zh);
    expect(bare.statusCode).toBe(400);
    const done = await sw.post(`/api/v1/referrals/${r.id}/outcome`, { version: r.version, accepted: true, comment: '已预约门诊' });
    expect(done.json()).toMatchObject({ status: 'accepted', decisionComment: '已预约门诊' });
    expect((await jinshan.post(`/api/v1/referrals/${r.id}/outcome`, { version: 2, accepted: false, comment: 'x' })).statusCode).toBe(404);
    const kinds = (await sw.get(`/api/v1/cases/${caseId}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k.startsWith('referr'))).toEqual([
      'referred',
      'referral_declined',
      'referred',
      'referral_accepted',
      'referral_ended',
      'referred',
      'referral_accepted',
    ]);
  });
});
