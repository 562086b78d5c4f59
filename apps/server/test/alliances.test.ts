// Talent-base alliances and pairing agreements through the API: every route's success, bad input
// (400 with field paths in both languages), no permission (403), another area (404) and stale or
// illegal moves (409); the alliance's reach into its member bases' areas; Excel export; audit.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const A = '/api/v1/alliances';
const P = '/api/v1/partnerships';
const MISSING = '01890000-0000-7000-8000-000000000000';

describe('alliances and partnerships', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session; // 江头 station head: alliance.read/write in 江头
  let sw: Session; // 江头 social worker: neither
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const orgId = async (name: string) => (await owner<{ id: string }>(sql`SELECT id FROM orgs WHERE name = ${name}`))[0]!.id;
  const audits = (action: string, target: string) =>
    owner<{ before: unknown; after: unknown }>(sql`SELECT before, after FROM audit_log WHERE action = ${action} AND target_id = ${target}`);

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('the demo alliance reaches bases in other districts and cities; 江头 sees it through its station', async () => {
    const list = (await huli.get(A)).json();
    expect(list.total).toBe(1);
    const al = (await huli.get(`${A}/${list.items[0].id}`)).json();
    expect(al.own).toBe(true);
    const areas = al.memberList.map((m: { areaCode: string }) => m.areaCode.slice(0, 6));
    expect(areas).toEqual(expect.arrayContaining(['350206', '350203', '350211', '350582', '350212']));
    expect(al.memberList.filter((m: { leftOn: string | null }) => m.leftOn)).toHaveLength(1);
    expect(al.members).toBe(al.memberList.length - 1); // the count is of current bases
    expect(al.eventList.length).toBeGreaterThan(2);
    expect(al.trainingList.length).toBeGreaterThan(1);
    const seen = (await head.get(A)).json();
    expect(seen.items.map((x: { id: string; own: boolean }) => [x.id, x.own])).toEqual([[al.id, false]]);
    expect((await head.get(`${A}/${al.id}`)).statusCode).toBe(200);
    const ps = (await huli.get(P)).json();
    expect(ps.total).toBe(3);
    const ysls = ps.items.find((p: { kind: string }) => p.kind === 'school_org_community');
    expect(ysls.parties.find((x: { role: string }) => x.role === 'school')).toMatchObject({
      name: '集美大学政法学院社会工作系',
      outside: true,
    });
    expect((await head.get(P)).json().total).toBe(1); // only 江头's own agreement
  });

  it('sets up an alliance: 201 with the lead as first base; 400 in both languages; 403 without the permission', async () => {
    const lead = await orgId('厦门市启航社会工作服务中心');
    const bad = await huli.post(A, { name: 'x', areaCode: DEMO.district, leadOrgId: MISSING, signedOn: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['name', 'signedOn']);
    const en = await huli.post(
      A,
      { name: '测试联盟', areaCode: DEMO.district, leadOrgId: MISSING, signedOn: '2026-01-01' },
      {
        'accept-language': 'en',
      },
    );
    expect(en.json().errors).toEqual([{ path: 'leadOrgId', message: 'The lead is an organisation on the platform' }]);
    const zh = await huli.post(A, { name: '测试联盟', areaCode: '350203000000', leadOrgId: lead, signedOn: '2026-01-01' });
    expect(zh.json().errors).toEqual([{ path: 'areaCode', message: '区划不存在或不在您的管辖范围内' }]);
    expect((await sw.post(A, { name: '测试联盟', areaCode: DEMO.jiangtou, leadOrgId: lead, signedOn: '2026-01-01' })).statusCode).toBe(403);
    expect((await sw.get(A)).statusCode).toBe(403);
    const made = await huli.post(A, {
      name: '金山人才基地联盟',
      areaCode: DEMO.jinshan,
      leadOrgId: lead,
      signedOn: '2026-01-01',
      charter: '章程',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().memberList).toMatchObject([{ name: '厦门市启航社会工作服务中心', joinedOn: '2026-01-01', leftOn: null }]);
    expect(await audits('alliance.create', made.json().id)).toHaveLength(1);
  });

  it('a base in another street makes the alliance readable there, not writable (403); without one, 404', async () => {
    const lead = await orgId('厦门市启航社会工作服务中心');
    const al = (await huli.post(A, { name: '金山联盟二', areaCode: DEMO.jinshan, leadOrgId: lead, signedOn: '2026-02-01' })).json();
    expect((await head.get(`${A}/${al.id}`)).statusCode).toBe(404);
    expect((await head.patch(`${A}/${al.id}`, { name: '改名', version: al.version })).statusCode).toBe(404);
    expect(
      (await head.post(`${A}/${al.id}/events`, { title: '活动', heldOn: '2026-03-01', place: '江头', participants: 3 })).statusCode,
    ).toBe(404);
    const station = await orgId('江头街道社工站');
    const joined = await huli.post(`${A}/${al.id}/members`, { orgId: station, joinedOn: '2026-02-10' });
    expect(joined.statusCode).toBe(200);
    expect((await huli.post(`${A}/${al.id}/members`, { orgId: station, joinedOn: '2026-02-10' })).json().errors[0].path).toBe('orgId');
    expect((await head.get(`${A}/${al.id}`)).json()).toMatchObject({ id: al.id, own: false });
    expect((await head.patch(`${A}/${al.id}`, { name: '改名', version: al.version })).statusCode).toBe(403);
    // The station leaves: 江头 no longer sees the alliance.
    const m = joined.json().memberList.find((x: { orgId: string }) => x.orgId === station);
    expect((await huli.patch(`${A}/${al.id}/members/${m.id}`, { leftOn: '2026-01-01', version: m.version })).json().errors[0].path).toBe(
      'leftOn',
    );
    const left = await huli.patch(`${A}/${al.id}/members/${m.id}`, { leftOn: '2026-06-30', version: m.version });
    expect(left.json().members).toBe(1);
    expect((await huli.patch(`${A}/${al.id}/members/${m.id}`, { leftOn: '2026-06-30', version: m.version })).statusCode).toBe(409);
    expect((await huli.patch(`${A}/${al.id}/members/${MISSING}`, { leftOn: null, version: 1 })).statusCode).toBe(404);
    expect((await head.get(`${A}/${al.id}`)).statusCode).toBe(404);
    expect(await audits('alliance.member.leave', al.id)).toHaveLength(1);
  });

  it('edits an alliance (409 when stale), adds outside bases, events and shared trainings, removes them', async () => {
    const lead = await orgId('厦门市启航社会工作服务中心');
    const al = (await huli.post(A, { name: '区级联盟', areaCode: DEMO.district, leadOrgId: lead, signedOn: '2026-01-01' })).json();
    const renamed = await huli.patch(`${A}/${al.id}`, { name: '区级人才基地联盟', version: al.version });
    expect(renamed.json()).toMatchObject({ name: '区级人才基地联盟', version: al.version + 1 });
    expect((await huli.patch(`${A}/${al.id}`, { name: '又改', version: al.version })).statusCode).toBe(409);
    expect((await huli.patch(`${A}/${al.id}`, { signedOn: 'x', version: 2 })).json().errors[0].path).toBe('signedOn');
    const outside = { name: '泉州市丰泽区社工人才基地', areaCode: '350503000000', areaName: '泉州市丰泽区', joinedOn: '2026-03-01' };
    expect((await huli.post(`${A}/${al.id}/members`, { name: '只有名字', joinedOn: '2026-03-01' })).json().errors[0].path).toBe('areaCode');
    const withBase = (await huli.post(`${A}/${al.id}/members`, outside)).json();
    const base = withBase.memberList.find((m: { name: string }) => m.name === outside.name);
    expect(base).toMatchObject({ orgId: null, areaCode: '350503000000', areaName: '泉州市丰泽区' });
    const badEvent = await huli.post(`${A}/${al.id}/events`, { title: '联合活动', heldOn: '2026-04-01', place: '湖里', participants: -1 });
    expect(badEvent.json().errors).toEqual([{ path: 'participants', message: '参与人数须为 0–100000' }]);
    const ev = { title: '联合活动', heldOn: '2026-04-01', place: '湖里', participants: 40 };
    expect((await huli.post(`${A}/${al.id}/events`, { ...ev, hostMemberId: MISSING })).json().errors[0].path).toBe('hostMemberId');
    const withEvent = (await huli.post(`${A}/${al.id}/events`, { ...ev, hostMemberId: base.id })).json();
    expect(withEvent.eventList).toMatchObject([{ title: '联合活动', hostName: outside.name, participants: 40 }]);
    expect((await huli.post(`${A}/${al.id}/trainings`, {})).json().errors[0].path).toBe('title');
    expect((await huli.post(`${A}/${al.id}/trainings`, { trainingId: MISSING })).json().errors[0].path).toBe('trainingId');
    const withTraining = (await huli.post(`${A}/${al.id}/trainings`, { title: '外部督导研修', heldOn: '2026-05-01' })).json();
    expect(withTraining.trainingList).toMatchObject([{ title: '外部督导研修', trainingId: null }]);
    expect((await head.del(`${A}/${al.id}/trainings/${withTraining.trainingList[0].id}`)).statusCode).toBe(404);
    expect((await sw.del(`${A}/${al.id}/trainings/${withTraining.trainingList[0].id}`)).statusCode).toBe(403);
    expect((await huli.del(`${A}/${al.id}/trainings/${withTraining.trainingList[0].id}`)).json().trainingList).toEqual([]);
    expect((await huli.del(`${A}/${al.id}/events/${withEvent.eventList[0].id}`)).json().eventList).toEqual([]);
    expect((await huli.del(`${A}/${al.id}/events/${withEvent.eventList[0].id}`)).statusCode).toBe(404);
    expect((await huli.get(`${A}/${MISSING}`)).statusCode).toBe(404);
  });

  it('exports both lists as .xlsx', async () => {
    for (const url of [`${A}?format=xlsx`, `${P}?format=xlsx&kind=agency_community`]) {
      const res = await huli.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
