// The workforce register through the API: workers, certificates, titles, linking accounts, and
// the certification statistics against hand counts (small data in a community the demo leaves
// empty) and against packages/core countLevels over the whole demo on a past date.
import { addDays, countLevels, certificationRate, shanghaiToday } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from './factories.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

describe('workforce register', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  const today = shanghaiToday(new Date());
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  let station: string;

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
    [{ id: station }] = (await owner<{ id: string }>(sql`SELECT id FROM orgs WHERE kind = 'station' AND area_code = ${DEMO.jiangtou}`)) as [
      { id: string },
    ];
  });
  afterAll(() => t?.close());

  const worker = (s: Session, body: Record<string, unknown> = {}, lang = 'zh-CN') =>
    s.post(
      '/api/v1/workers',
      {
        name: '林晓岚',
        areaCode: DEMO.jiangtou,
        orgId: station,
        post: 'frontline',
        mobile: '13906001234',
        startedInFieldOn: '2019-09-01',
        ...body,
      },
      { 'accept-language': lang },
    );

  it('the demo holds about 300 workers, ~70% certified, with the demo staff linked', async () => {
    const all = (await huli.get('/api/v1/workers?pageSize=1')).json();
    expect(all.total).toBeGreaterThan(280);
    const certified = (await huli.get('/api/v1/workers?pageSize=1&certified=yes')).json().total;
    expect(certified / all.total).toBeGreaterThan(0.6);
    expect(certified / all.total).toBeLessThan(0.8);
    const senior = (await huli.get('/api/v1/workers?pageSize=100&level=senior')).json();
    expect(senior.total).toBeGreaterThan(0);
    expect(senior.total).toBeLessThan(30);
    expect(senior.items.every((w: { level: string }) => w.level === 'senior')).toBe(true);
    const mine = await sw.get('/api/v1/workers/me');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ userId: sw.actor.id, level: 'assistant', areaCode: DEMO.jiangtou });
    expect(mine.json().idMasked).toMatch(/^350\*+\d{3}[\dX]$/);
    // A social worker reads their own entry only, not the register.
    expect((await sw.get('/api/v1/workers')).statusCode).toBe(403);
    expect((await sw.get(`/api/v1/workers/${mine.json().id}`)).statusCode).toBe(403);
    const titled = (await head.get('/api/v1/workers?title=best_sw')).json();
    expect(titled.total).toBeGreaterThan(0);
  });

  it('registers a worker with the ID number sealed; a repeat is harmless; bad input answers with fields', async () => {
    const requestId = '01900000-0000-7000-8000-00000000a001';
    const res = await worker(head, { requestId, idNumber: idNumber(902, '19900512') });
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({
      name: '林晓岚',
      gender: 'female',
      birthDate: '1990-05-12',
      mobileMasked: '139****1234',
      level: null,
      certificates: [],
    });
    expect(w.yearsInField).toBeGreaterThanOrEqual(5);
    const again = await worker(head, { requestId, idNumber: idNumber(902, '19900512') });
    expect(again.json().id).toBe(w.id);
    const [stored] = await owner<{ id_cipher: string; mobile_cipher: string }>(
      sql`SELECT id_cipher, mobile_cipher FROM workers WHERE id = ${w.id}`,
    );
    expect(stored!.id_cipher).not.toContain('350206');
    expect(stored!.mobile_cipher).not.toContain('1234');
    // The same ID number again: a field message.
    const dup = await worker(head, { idNumber: idNumber(902, '19900512') });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors).toEqual([{ path: 'idNumber', message: '该身份证号已在人才库中' }]);
    const bad = await worker(head, { name: '', mobile: '123', post: 'boss' }, 'en');
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['mobile', 'name', 'post']);
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'mobile').message).toBe('Enter an 11-digit mobile number');
    // Another street's area, or no permission.
    expect((await worker(head, { areaCode: DEMO.jinshan })).json().errors[0].path).toBe('areaCode');
    expect((await worker(sw)).statusCode).toBe(403);
    // Found by name and by the last four of the ID number.
    expect((await head.get(`/api/v1/workers?q=${encodeURIComponent('晓岚')}`)).json().items.map((x: { id: string }) => x.id)).toContain(
      w.id,
    );
    expect(
      (await head.get(`/api/v1/workers?q=${idNumber(902, '19900512').slice(-4)}`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(w.id);
    // Reveal is audited with the reason, never the value.
    const shown = await head.post(`/api/v1/workers/${w.id}/reveal`, { field: 'idNumber', reason: '核对证书' });
    expect(shown.json().value).toBe(idNumber(902, '19900512'));
    const [audit] = await owner<{ after: string }>(
      sql`SELECT after::text FROM audit_log WHERE action = 'worker.reveal' AND target_id = ${w.id}`,
    );
    expect(audit!.after).toContain('核对证书');
    expect(audit!.after).not.toContain(idNumber(902, '19900512'));
  });

  it('edits with a version (409 when stale), records leaving once, and hides other streets (404)', async () => {
    const w = (await worker(head, { name: '王思远', mobile: null, idNumber: idNumber(903, '19880101') })).json();
    const ok = await head.patch(`/api/v1/workers/${w.id}`, { version: w.version, post: 'supervisor', fields: ['elderly', 'family'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ post: 'supervisor', fields: ['elderly', 'family'], version: w.version + 1 });
    expect((await head.patch(`/api/v1/workers/${w.id}`, { version: w.version, post: 'other' })).statusCode).toBe(409);
    const left = await head.post(`/api/v1/workers/${w.id}/leave`, { leftOn: today, version: w.version + 1 });
    expect(left.json()).toMatchObject({ status: 'left', leftOn: today });
    expect((await head.post(`/api/v1/workers/${w.id}/leave`, { leftOn: today, version: w.version + 2 })).statusCode).toBe(409);
    expect((await head.get('/api/v1/workers?status=active&pageSize=100&q=' + encodeURIComponent('王思远'))).json().total).toBe(0);
    // 金山's entries answer 404 to 江头's head, exactly as a missing one.
    const [other] = await owner<{ id: string }>(sql`SELECT id FROM workers WHERE area_code LIKE '350206005%' LIMIT 1`);
    const far = await head.get(`/api/v1/workers/${other!.id}`);
    const missing = await head.get('/api/v1/workers/01900000-0000-7000-8000-00000000ffff');
    expect(far.statusCode).toBe(404);
    expect(far.json()).toEqual(missing.json());
    expect((await head.patch(`/api/v1/workers/${other!.id}`, { version: 1, post: 'other' })).statusCode).toBe(404);
    expect((await head.post(`/api/v1/workers/${other!.id}/certificates`, { kind: 'assistant', obtainedOn: '2020-01-01' })).statusCode).toBe(
      404,
    );
  });

  it('keeps certificates with the current registration cycle; one per kind; removal with a version', async () => {
    const w = (await worker(head, { name: '陈可欣', idNumber: null })).json();
    const registeredOn = addDays(today, -(3 * 365 + 10)); // more than three years ago: the second cycle
    const add = await head.post(`/api/v1/workers/${w.id}/certificates`, {
      kind: 'assistant',
      number: 'T2020001',
      obtainedOn: addDays(registeredOn, -30),
      registeredOn,
    });
    expect(add.statusCode).toBe(201);
    const cert = add.json();
    expect(cert.cycle.n).toBe(2);
    expect(cert.cycle.start <= today && today <= cert.cycle.end).toBe(true);
    const again = await head.post(`/api/v1/workers/${w.id}/certificates`, {
      kind: 'assistant',
      number: 'T2020001',
      obtainedOn: addDays(registeredOn, -30),
      registeredOn,
    });
    expect(again.json().id).toBe(cert.id);
    const other = await head.post(`/api/v1/workers/${w.id}/certificates`, { kind: 'assistant', obtainedOn: '2021-01-01' });
    expect(other.json().errors).toEqual([{ path: 'kind', message: '该人员已有此类证书，请编辑原证书' }]);
    const bad = await head.post(
      `/api/v1/workers/${w.id}/certificates`,
      { kind: 'senior', obtainedOn: '2021-01-01', registeredOn: '2020-01-01' },
      { 'accept-language': 'en' },
    );
    expect(bad.json().errors).toEqual([{ path: 'registeredOn', message: 'Registration cannot precede obtaining the certificate' }]);
    const future = await head.post(`/api/v1/workers/${w.id}/certificates`, { kind: 'senior', obtainedOn: addDays(today, 1) });
    expect(future.json().errors[0].path).toBe('obtainedOn');
    expect((await head.get(`/api/v1/workers/${w.id}`)).json().level).toBe('assistant');
    const inter = (
      await head.post(`/api/v1/workers/${w.id}/certificates`, { kind: 'intermediate', obtainedOn: addDays(today, -1) })
    ).json();
    expect((await head.get(`/api/v1/workers/${w.id}`)).json().level).toBe('intermediate');
    expect((await head.del(`/api/v1/workers/${w.id}/certificates/${inter.id}?version=9`)).statusCode).toBe(409);
    expect((await head.del(`/api/v1/workers/${w.id}/certificates/${inter.id}?version=${inter.version}`)).statusCode).toBe(200);
    const edited = await head.patch(`/api/v1/workers/${w.id}/certificates/${cert.id}`, { version: cert.version, number: 'T2020002' });
    expect(edited.json()).toMatchObject({ number: 'T2020002', version: cert.version + 1 });
    expect((await head.patch(`/api/v1/workers/${w.id}/certificates/${cert.id}`, { version: cert.version, number: 'x' })).statusCode).toBe(
      409,
    );
    expect((await head.get(`/api/v1/workers/${w.id}/certificates`)).json()).toHaveLength(1);
    // Titles: once per title and year.
    const title = await head.post(`/api/v1/workers/${w.id}/titles`, { title: 'backbone', year: 2024, grantedBy: '湖里区民政局' });
    expect(title.statusCode).toBe(201);
    expect(
      (await head.post(`/api/v1/workers/${w.id}/titles`, { title: 'backbone', year: 2024, grantedBy: '湖里区民政局' })).json().id,
    ).toBe(title.json().id);
    expect(
      (await head.post(`/api/v1/workers/${w.id}/titles`, { title: 'backbone', year: 1800, grantedBy: 'x' }))
        .json()
        .errors.map((e: { path: string }) => e.path),
    ).toEqual(['year', 'grantedBy']);
    expect((await head.get(`/api/v1/workers/${w.id}`)).json().titles).toEqual(['backbone']);
    expect((await head.del(`/api/v1/workers/${w.id}/titles/${title.json().id}`)).statusCode).toBe(200);
    expect((await sw.post(`/api/v1/workers/${w.id}/titles`, { title: 'backbone', year: 2024, grantedBy: '湖里区民政局' })).statusCode).toBe(
      403,
    );
  });

  it('links an entry to an account: a head links and unlinks, a worker claims their own (audited)', async () => {
    const mine = (await sw.get('/api/v1/workers/me')).json();
    const unlinked = await head.request('PUT', `/api/v1/workers/${mine.id}/account`, { userId: null, version: mine.version });
    expect(unlinked.json().userId).toBeNull();
    expect((await sw.get('/api/v1/workers/me')).statusCode).toBe(404);
    // The claim needs the ID number and the account's name (or phone).
    const idNo = (await head.post(`/api/v1/workers/${mine.id}/reveal`, { field: 'idNumber', reason: '协助关联账号' })).json().value;
    const refused = await sw.post('/api/v1/workers/me/claim', { idNumber: idNo });
    expect(refused.json().errors[0].path).toBe('idNumber');
    const renamed = await head.patch(`/api/v1/workers/${mine.id}`, { version: unlinked.json().version, name: sw.actor.displayName });
    const claimed = await sw.post('/api/v1/workers/me/claim', { idNumber: idNo });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ id: mine.id, userId: sw.actor.id });
    expect((await owner(sql`SELECT 1 FROM audit_log WHERE action = 'worker.claim' AND target_id = ${mine.id}`)).length).toBe(1);
    // An account already linked cannot be linked twice; another street's account is unknown.
    const other = (await worker(head, { name: '周明', idNumber: null })).json();
    const twice = await head.request('PUT', `/api/v1/workers/${other.id}/account`, { userId: sw.actor.id, version: other.version });
    expect(twice.json().errors).toEqual([{ path: 'userId', message: '该账号已关联其他人才档案' }]);
    const far = await head.request('PUT', `/api/v1/workers/${other.id}/account`, { userId: jinshan.actor.id, version: other.version });
    expect(far.json().errors[0].path).toBe('userId');
    await head.patch(`/api/v1/workers/${mine.id}`, { version: renamed.json().version + 1, name: mine.name });
  });

  it('exports the filtered list with labels and masked numbers', async () => {
    const res = await head.get('/api/v1/workers?format=xlsx&certified=yes');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('人才库');
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['姓名', '性别', '身份证号（脱敏）']);
    const levels = new Set<string>();
    ws.eachRow((r, n) => n > 2 && levels.add(String(r.getCell(8).value)));
    expect([...levels].every((l) => ['助理社会工作师', '社会工作师', '高级社会工作师'].includes(l))).toBe(true);
    ws.eachRow((r, n) => n > 2 && expect(String(r.getCell(3).value ?? '')).not.toMatch(/^\d{18}$/));
  });
});

describe('certification statistics', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  const today = shanghaiToday(new Date());
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('counts the district by street and agrees with packages/core on a past date', async () => {
    const day = addDays(today, -400);
    const stats = (await huli.get(`/api/v1/workforce/stats?area=${DEMO.district}&date=${day}`)).json();
    expect(stats.groupBy).toBe('area');
    const ws = await owner<{ id: string; startedOn: string | null; leftOn: string | null }>(
      sql`SELECT id, started_in_field_on::text AS "startedOn", left_on::text AS "leftOn" FROM workers`,
    );
    const cs = await owner<{ workerId: string; kind: string; obtainedOn: string }>(
      sql`SELECT worker_id AS "workerId", kind, obtained_on::text AS "obtainedOn" FROM worker_certificates`,
    );
    const expected = countLevels(
      ws.map((w) => ({ ...w, certificates: cs.filter((c) => c.workerId === w.id) })),
      day,
    );
    expect(stats.total).toEqual({ ...expected, rate: certificationRate(expected) });
    const sum = stats.rows.reduce((s: number, r: { workers: number }) => s + r.workers, 0);
    expect(sum).toBe(expected.workers);
    const jiangtou = stats.rows.find((r: { key: string }) => r.key === DEMO.jiangtou);
    expect(jiangtou).toMatchObject({ name: '江头街道', drill: DEMO.jiangtou });
    // Drilling into a street answers by organisation.
    const street = (await huli.get(`/api/v1/workforce/stats?area=${DEMO.jiangtou}&date=${day}`)).json();
    expect(street.groupBy).toBe('org');
    expect(street.total.workers).toBe(jiangtou.workers);
  });

  it('counts small data by hand: obtained on the day, left the day before, two levels', async () => {
    const [community] = await owner<{ code: string }>(
      sql`SELECT a.code FROM areas a WHERE a.parent_code = ${DEMO.jiangtou} AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.area_code = a.code) ORDER BY a.code DESC LIMIT 1`,
    );
    const area = community!.code;
    const day = addDays(today, -10);
    const make = async (name: string, certs: [string, string][], leftOn?: string) => {
      const w = (
        await head.post('/api/v1/workers', { name, areaCode: area, post: 'community_worker', startedInFieldOn: '2015-01-01' })
      ).json();
      for (const [kind, obtainedOn] of certs) await head.post(`/api/v1/workers/${w.id}/certificates`, { kind, obtainedOn });
      if (leftOn) await head.post(`/api/v1/workers/${w.id}/leave`, { leftOn, version: w.version });
      return w;
    };
    await make('甲一', [['assistant', '2018-01-01']]);
    await make('乙二', [
      ['assistant', '2016-01-01'],
      ['intermediate', day],
    ]); // two levels, the higher obtained on the day
    await make('丙三', [['senior', addDays(day, 1)]]); // obtained after the day
    await make('丁四', [['senior', '2019-01-01']], addDays(day, -1)); // left the day before
    await make('戊五', [], day); // leaves on the day: still counted
    await make('己六', [['counsellor', '2017-01-01']]); // another certificate only
    const s = (await huli.get(`/api/v1/workforce/stats?area=${area}&date=${day}`)).json();
    expect(s.total).toEqual({ workers: 5, certified: 2, assistant: 1, intermediate: 1, senior: 0, rate: 0.4 });
    const now = (await huli.get(`/api/v1/workforce/stats?area=${area}`)).json();
    expect(now.total).toEqual({ workers: 4, certified: 3, assistant: 1, intermediate: 1, senior: 1, rate: 0.75 });
  });

  it('lists posts requiring a certificate with the people not yet certified', async () => {
    const stats = (await huli.get(`/api/v1/workforce/stats?area=${DEMO.district}`)).json();
    const jinshan = stats.requirements.find(
      (r: { areaCode: string; post: string }) => r.areaCode === DEMO.jinshan && r.post === 'frontline',
    );
    expect(jinshan.uncertified.map((p: { name: string }) => p.name).length).toBeGreaterThan(0);
    const inPost = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM workers w WHERE w.area_code LIKE '350206005%' AND w.post = 'frontline' AND w.status = 'active'`,
    );
    expect(jinshan.inPost).toBe(inPost[0]!.n);
    // The jiangtou head adds one for the station's project leads; bad input and scope.
    const made = await head.post('/api/v1/workforce/requirements', {
      areaCode: DEMO.jiangtou,
      post: 'project_lead',
      deadline: addDays(today, 30),
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ post: 'project_lead', areaName: '江头街道' });
    const bad = await head.post('/api/v1/workforce/requirements', { areaCode: DEMO.jinshan, post: 'x', deadline: 'soon' });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['deadline', 'post']);
    expect(
      (await head.post('/api/v1/workforce/requirements', { areaCode: DEMO.jinshan, post: 'frontline', deadline: today })).json().errors[0]
        .path,
    ).toBe('areaCode');
    const street = (await head.get('/api/v1/workforce/stats')).json();
    expect(street.area.code).toBe(DEMO.jiangtou);
    // The street's own requirements; 金山's not (a district's rows are the district's: RLS).
    expect(street.requirements.some((r: { areaCode: string }) => r.areaCode === DEMO.jiangtou)).toBe(true);
    expect(street.requirements.some((r: { areaCode: string }) => r.areaCode === DEMO.jinshan)).toBe(false);
    // An official drilling into the street sees the district's requirements applied to it.
    const drilled = (await huli.get(`/api/v1/workforce/stats?area=${DEMO.jiangtou}`)).json();
    const supervisors = drilled.requirements.find(
      (r: { areaCode: string; post: string }) => r.areaCode === DEMO.district && r.post === 'supervisor',
    );
    expect(supervisors.uncertified.every((p: { areaName: string }) => p.areaName.startsWith('江头'))).toBe(true);
    expect((await head.get(`/api/v1/workforce/stats?area=${DEMO.jinshan}`)).statusCode).toBe(404);
    expect((await sw.get('/api/v1/workforce/stats')).statusCode).toBe(403);
    expect((await head.del(`/api/v1/workforce/requirements/${made.json().id}`)).statusCode).toBe(200);
  });
});
