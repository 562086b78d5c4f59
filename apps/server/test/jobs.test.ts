// Jobs and job fairs through the API: the demo, posting (400 in both languages, 403, another
// street's post 404), the post's status machine (409), public search, applying with a CV as a
// public account (once per post, a double tap answers the first; bad files 400), the employer's
// stages (one step at a time, declined with a reason, 409 otherwise, stale 409), the mobile
// revealed and the CV downloaded with an audit record each, withdrawing, the hire added to the
// register once, and a fair with its organisations and posts.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const PDF = Buffer.from('%PDF-1.4\n% a CV\ntrailer<<>>\n%%EOF\n').toString('base64');
const cv = (over: Record<string, unknown> = {}) => ({ filename: '简历.pdf', contentType: 'application/pdf', data: PDF, ...over });

describe('jobs', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  let n = 0;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const J = '/api/v1/jobs';
  const A = '/api/v1/public/account';
  const call = async (method: 'GET' | 'POST', url: string, body?: object, who?: { cookie: string; csrf: string }, lang = 'zh-CN') => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: '10.8.0.1',
      headers: { 'accept-language': lang, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      ...(body ? { payload: body } : {}),
    });
    if (t.contractViolations.length) throw new Error(t.contractViolations.splice(0).join('\n'));
    return res;
  };
  const cookieOf = (res: LightMyRequestResponse) => `wushe_pub=${res.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
  /** A new public account signed in with an SMS code read through the test hook. */
  const candidate = async (name: string) => {
    n += 1;
    const mobile = `1370000${String(n).padStart(4, '0')}`;
    expect((await call('POST', `${A}/code`, { mobile, purpose: 'signup' })).statusCode).toBe(200);
    const code = (await call('GET', `${A}/test/last-code?mobile=${mobile}`)).json().code as string;
    const res = await call('POST', `${A}/signup`, { name, mobile, code });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: cookieOf(res), csrf: res.json().csrfToken as string, mobile };
  };
  const stationOf = async (area: string) =>
    (await owner<{ id: string }>(sql`SELECT id FROM orgs WHERE kind = 'station' AND area_code = ${area}`))[0]!.id;
  const post = async (s: Session, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const body = {
      orgId: await stationOf(DEMO.jiangtou),
      areaCode: DEMO.jiangtou,
      title: '测试驻站社工',
      description: '负责社区走访与个案服务，完成服务记录。',
      headcount: 2,
      salaryMinFen: 450_000,
      salaryMaxFen: 600_000,
      certLevel: 'assistant',
      education: 'college',
      experienceYears: 1,
      deadline: '2099-12-31',
      ...over,
    };
    return s.post(J, body, headers);
  };
  const opened = async (over: Record<string, unknown> = {}) => {
    const j = (await post(head, over)).json();
    const res = await head.post(`${J}/${j.id}/status`, { status: 'open', version: j.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('the demo: a dozen posts, one closed and one draft, a fair, applications in several stages with masked mobiles', async () => {
    const all = (await huli.get(`${J}?pageSize=100`)).json();
    expect(all.total).toBe(12);
    expect(all.items.filter((j: { status: string }) => j.status === 'closed')).toHaveLength(1);
    expect(all.items.filter((j: { status: string }) => j.status === 'draft')).toHaveLength(1);
    // 金山's worker reads 金山's posts only.
    const js = (await jinshan.get(`${J}?pageSize=100`)).json();
    expect(js.total).toBeGreaterThan(0);
    expect(js.items.every((j: { areaCode: string }) => j.areaCode.startsWith('350206005'))).toBe(true);
    const elder = all.items.find((j: { title: string }) => j.title === '一线社工（长者服务）');
    expect(elder.counts).toEqual({ total: 2, open: 2, hired: 0 });
    const apps = (await huli.get(`${J}/${elder.id}/applications`)).json();
    expect(apps.items.map((a: { stage: string }) => a.stage).sort()).toEqual(['interview', 'offer']);
    expect(apps.items[0].mobileMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(JSON.stringify(apps)).not.toMatch(/1[3-9]\d{9}/);
    const fairs = (await huli.get('/api/v1/job-fairs')).json();
    expect(fairs.items[0]).toMatchObject({ status: 'published', orgCount: 4, jobCount: 8 });
  });

  it('exports the filtered posts with labels and salaries in yuan', async () => {
    const res = await huli.get(`${J}?format=xlsx&status=open&level=senior`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('招聘岗位');
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['岗位名称', '用人单位']);
    expect((ws.getRow(3).values as unknown[]).slice(1, 7)).toEqual([
      '社会工作督导',
      '厦门市启航社会工作服务中心',
      '湖里区',
      1,
      '9,000–12,000 元/月',
      '高级社会工作师',
    ]);
    expect(ws.rowCount).toBe(3);
  });

  it('exports the job fairs with Beijing times, counts and status in words', async () => {
    const res = await huli.get('/api/v1/job-fairs?format=xlsx&status=published');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('招聘会');
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['招聘会名称', '区域', '开始时间（北京时间）']);
    const row = (ws.getRow(3).values as unknown[]).slice(1);
    expect(row[0]).toBe('湖里区社会工作人才专场招聘会');
    expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2} 09:00$/); // 01:00 UTC is 09:00 in Shanghai
    expect(row.slice(6)).toEqual([4, 8, '已发布']);
    expect(ws.rowCount).toBe(3);
    const drafts = await huli.get('/api/v1/job-fairs?format=xlsx&status=draft');
    const none = new ExcelJS.Workbook();
    await none.xlsx.load(drafts.rawPayload as unknown as ArrayBuffer);
    expect(none.worksheets[0]!.rowCount).toBe(2);
  });

  it('posting: 400 with field messages in Chinese and English, 403 without job.manage, another street 404', async () => {
    const bad = await post(head, { salaryMinFen: 600_000, salaryMaxFen: 450_000, headcount: 0 });
    expect(bad.statusCode).toBe(400);
    const errors = bad.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['headcount', 'salaryMaxFen']);
    expect(errors.find((e) => e.path === 'salaryMaxFen')!.message).toBe('最高薪资不能低于最低薪资');
    const en = await post(head, { description: 'short', experienceYears: 41 }, { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([
      { path: 'description', message: 'The description is 10–3000 characters' },
      { path: 'experienceYears', message: 'Years of experience must be 0–40' },
    ]);
    // 金山's station is not in 江头's scope.
    const far = await post(head, { orgId: await stationOf(DEMO.jinshan) });
    expect(far.json().errors).toEqual([{ path: 'orgId', message: '请选择辖区内的用人单位' }]);
    expect((await post(sw)).statusCode).toBe(403);
    const mine = await post(head);
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ status: 'draft', salaryMinFen: 450_000, orgName: '江头街道社工站' });
    expect((await jinshan.get(`${J}/${mine.json().id}`)).statusCode).toBe(404);
    expect((await jinshan.get(`${J}/${mine.json().id}/applications`)).statusCode).toBe(404);
    const audit = await owner<{ action: string }>(sql`SELECT action FROM audit_log WHERE target_id = ${mine.json().id}`);
    expect(audit.map((a) => a.action)).toEqual(['job.create']);
  });

  it('status draft → open → closed only (409 otherwise), a stale version 409, no edit once closed', async () => {
    const j = (await post(head)).json();
    expect((await head.post(`${J}/${j.id}/status`, { status: 'open', version: j.version + 1 })).statusCode).toBe(409);
    const open = (await head.post(`${J}/${j.id}/status`, { status: 'open', version: j.version })).json();
    expect(open.status).toBe('open');
    const back = await head.post(`${J}/${j.id}/status`, { status: 'draft', version: open.version });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('job.status');
    const edited = await head.patch(`${J}/${j.id}`, { headcount: 3, version: open.version });
    expect(edited.json()).toMatchObject({ headcount: 3, experienceYears: 1 }); // what is left out stays
    expect((await head.patch(`${J}/${j.id}`, { headcount: 4, version: open.version })).statusCode).toBe(409);
    const closed = (await head.post(`${J}/${j.id}/status`, { status: 'closed', version: edited.json().version })).json();
    expect((await head.patch(`${J}/${j.id}`, { headcount: 5, version: closed.version })).json().code).toBe('job.status');
  });

  it('the public list: open posts before their deadline, by area, level and keyword, with paging', async () => {
    const P = '/api/v1/public/jobs';
    const all = (await call('GET', `${P}?pageSize=100`)).json();
    expect(all.items.every((j: { status: string }) => j.status === 'open')).toBe(true);
    const jinshanOnly = (await call('GET', `${P}?area=350206005&pageSize=100`)).json();
    expect(jinshanOnly.total).toBeGreaterThan(0);
    expect(jinshanOnly.items.every((j: { areaCode: string }) => j.areaCode.startsWith('350206005'))).toBe(true);
    const senior = (await call('GET', `${P}?level=senior`)).json();
    expect(senior.items.map((j: { title: string }) => j.title)).toEqual(['社会工作督导']);
    expect((await call('GET', `${P}?q=${encodeURIComponent('督导')}`)).json().total).toBeGreaterThanOrEqual(1);
    const page2 = (await call('GET', `${P}?pageSize=3&page=2`)).json();
    expect(page2.items).toHaveLength(3);
    expect(page2.total).toBe(all.total);
    expect((await call('GET', `${P}?area=abc`)).statusCode).toBe(400);
  });

  it('applying: a session is needed, bad files are refused, once per post, the my page and the employer see it', async () => {
    const j = await opened();
    const url = `${A}/jobs/${j.id}/applications`;
    const body = { education: 'bachelor', certLevel: 'assistant', years: 2, note: '可尽快到岗', cv: cv() };
    expect((await call('POST', url, body)).statusCode).toBe(401);
    const me = await candidate('周晓梅');
    const notPdf = await call('POST', url, { ...body, cv: cv({ data: Buffer.from('hello').toString('base64') }) }, me);
    expect(notPdf.json().errors).toEqual([{ path: 'cv.data', message: '简历须为 PDF 或 Word 文件' }]);
    const noCv = await call('POST', url, { ...body, cv: cv({ contentType: 'text/plain' }) }, me, 'en');
    expect(noCv.json().errors).toEqual([{ path: 'cv.contentType', message: 'The CV must be a PDF or Word file' }]);
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    expect((await call('POST', url, { ...body, cv: cv({ data: big }) }, me)).json().errors[0].message).toBe('简历不能超过 2 MB');
    const first = await call('POST', url, body, me);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ stage: 'applied', jobTitle: '测试驻站社工', cvFilename: '简历.pdf' });
    const again = await call('POST', url, body, me);
    expect(again.json().id).toBe(first.json().id);
    const [{ count }] = await owner<{ count: number }>(sql`SELECT count(*)::int AS count FROM job_applications WHERE job_id = ${j.id}`);
    expect(count).toBe(1);
    expect((await call('GET', `${A}/jobs/${j.id}/application`, undefined, me)).json().application.stage).toBe('applied');
    const my = (await call('GET', `${A}/me`, undefined, me)).json();
    expect(my.sections.find((s: { kind: string }) => s.kind === 'jobs').items[0]).toMatchObject({ status: '已投递' });
    const list = (await head.get(`${J}/${j.id}/applications`)).json();
    expect(list.items[0]).toMatchObject({ name: '周晓梅', mobileMasked: `${me.mobile.slice(0, 3)}****${me.mobile.slice(-4)}` });
    // A draft post is not there to apply to; a closed one refuses.
    const draft = (await post(head)).json();
    expect((await call('POST', `${A}/jobs/${draft.id}/applications`, body, me)).statusCode).toBe(404);
    const closed = await head.post(`${J}/${draft.id}/status`, { status: 'closed', version: draft.version });
    expect((await call('POST', `${A}/jobs/${closed.json().id}/applications`, body, me)).json().code).toBe('job.notOpen');
  });

  it('the stages: one step at a time, declined with a reason, 409 otherwise, stale 409, another street 404', async () => {
    const j = await opened({ title: '阶段测试岗位' });
    const me = await candidate('吴海燕');
    const x = (await call('POST', `${A}/jobs/${j.id}/applications`, { certLevel: 'none', years: 0, cv: cv() }, me)).json();
    const S = `/api/v1/job-applications/${x.id}/stage`;
    const skip = await head.post(S, { stage: 'offer', version: 1 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('job.stage');
    expect((await head.post(S, { stage: 'declined', version: 1 })).json().errors).toEqual([
      { path: 'reason', message: '不录用须填写理由' },
    ]);
    expect((await sw.post(S, { stage: 'screened', version: 1 })).statusCode).toBe(403);
    expect((await jinshan.post(S, { stage: 'screened', version: 1 })).statusCode).toBe(403);
    const screened = await head.post(S, { stage: 'screened', version: 1 });
    expect(screened.json().stage).toBe('screened');
    expect((await head.post(S, { stage: 'interview', version: 1 })).statusCode).toBe(409); // stale
    const declined = await head.post(S, { stage: 'declined', reason: '经验不符', version: screened.json().version });
    expect(declined.json()).toMatchObject({ stage: 'declined', reason: '经验不符' });
    expect((await head.post(S, { stage: 'interview', version: declined.json().version })).statusCode).toBe(409);
    const mine = (await call('GET', `${A}/jobs/${j.id}/application`, undefined, me)).json().application;
    expect(mine).toMatchObject({ stage: 'declined', reason: '经验不符' });
    // 金山's application is not 江头's to move.
    const [far] = await owner<{ id: string }>(sql`SELECT id FROM job_applications WHERE area_code LIKE '350206005%' LIMIT 1`);
    expect((await head.post(`/api/v1/job-applications/${far!.id}/stage`, { stage: 'interview', version: 1 })).statusCode).toBe(404);
    const audit = await owner<{ action: string; after: { stage: string } }>(
      sql`SELECT action, after FROM audit_log WHERE target_id = ${x.id} ORDER BY seq`,
    );
    expect(audit.map((a) => `${a.action}:${a.after.stage ?? ''}`)).toEqual([
      'jobApplication.create:',
      'jobApplication.stage:screened',
      'jobApplication.stage:declined',
    ]);
  });

  it('the candidate withdraws an open application (409 after), not another’s (404)', async () => {
    const j = await opened({ title: '撤回测试岗位' });
    const me = await candidate('郑雨欣');
    const other = await candidate('何嘉怡');
    const x = (await call('POST', `${A}/jobs/${j.id}/applications`, { certLevel: 'none', years: 0, cv: cv() }, me)).json();
    const W = `${A}/job-applications/${x.id}/withdraw`;
    expect((await call('POST', W, {}, other)).statusCode).toBe(404);
    expect((await call('POST', W, {}, me)).json().stage).toBe('withdrawn');
    expect((await call('POST', W, {}, me)).statusCode).toBe(409);
    expect((await head.post(`/api/v1/job-applications/${x.id}/stage`, { stage: 'screened', version: 2 })).statusCode).toBe(409);
  });

  it('reveal and CV download are audited; a hire joins the register of the hiring organisation once', async () => {
    const j = await opened({ title: '入职测试岗位' });
    const me = await candidate('冯思远');
    const x = (
      await call('POST', `${A}/jobs/${j.id}/applications`, { education: 'master', certLevel: 'intermediate', years: 3, cv: cv() }, me)
    ).json();
    const X = `/api/v1/job-applications/${x.id}`;
    expect((await head.post(`${X}/reveal`, { reason: 'x' })).statusCode).toBe(400);
    expect((await head.post(`${X}/reveal`, { reason: '电话通知面试' })).json()).toEqual({ mobile: me.mobile });
    const file = await head.get(`${X}/cv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.toString('base64')).toBe(PDF);
    expect((await sw.get(`${X}/cv`)).statusCode).toBe(403);
    expect((await head.post(`${X}/register`)).json().code).toBe('job.notHired');
    let version = 1;
    for (const stage of ['screened', 'interview', 'offer', 'hired'])
      version = (await head.post(`${X}/stage`, { stage, version })).json().version;
    const added = await head.post(`${X}/register`);
    expect(added.statusCode, added.body).toBe(200);
    const workerId = added.json().workerId as string;
    expect((await head.post(`${X}/register`)).json().workerId).toBe(workerId);
    const w = (await head.get(`/api/v1/workers/${workerId}`)).json();
    expect(w).toMatchObject({ name: '冯思远', orgName: '江头街道社工站', areaCode: DEMO.jiangtou, education: 'master', yearsInField: 3 });
    expect((await jinshan.post(`${X}/register`)).statusCode).toBe(403);
    expect((await huli.post(`${X}/register`)).statusCode).toBe(403); // job.manage without worker.write
    const audit = await owner<{ action: string }>(sql`SELECT action FROM audit_log WHERE target_id IN (${x.id}, ${workerId}) ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual([
      'jobApplication.create',
      'jobApplication.reveal',
      'jobApplication.cv',
      'jobApplication.stage',
      'jobApplication.stage',
      'jobApplication.stage',
      'jobApplication.stage',
      'worker.create',
      'jobApplication.register',
    ]);
    // Once hired, no withdrawal.
    expect((await call('POST', `${A}/job-applications/${x.id}/withdraw`, {}, me)).statusCode).toBe(409);
  });

  it('a job fair: organisations and their posts checked, status published → ended only, the public page', async () => {
    const jt = await stationOf(DEMO.jiangtou);
    const j = await opened({ title: '招聘会岗位' });
    const base = {
      areaCode: DEMO.jiangtou,
      title: '江头街道社工专场招聘会',
      startsAt: '2099-05-10T01:00:00Z',
      endsAt: '2099-05-10T06:00:00Z',
      place: '江头街道市民中心',
      organiser: '江头街道',
    };
    const times = await head.post('/api/v1/job-fairs', { ...base, endsAt: '2099-05-09T01:00:00Z' });
    expect(times.json().errors).toEqual([{ path: 'endsAt', message: '结束时间须晚于开始时间' }]);
    expect((await head.post('/api/v1/job-fairs', { ...base, jobIds: [j.id] })).json().errors[0].path).toBe('jobIds');
    expect((await sw.post('/api/v1/job-fairs', base)).statusCode).toBe(403);
    const made = await head.post('/api/v1/job-fairs', { ...base, orgIds: [jt], jobIds: [j.id] });
    expect(made.statusCode).toBe(201);
    const f = made.json();
    expect(f.orgs).toEqual([
      { orgId: jt, orgName: '江头街道社工站', jobs: [{ id: j.id, title: '招聘会岗位', headcount: 2, status: 'open' }] },
    ]);
    expect((await call('GET', `/api/v1/public/job-fairs/${f.id}`)).statusCode).toBe(404); // a draft
    const pub = (await head.patch(`/api/v1/job-fairs/${f.id}`, { status: 'published', version: f.version })).json();
    expect((await head.patch(`/api/v1/job-fairs/${f.id}`, { status: 'draft', version: pub.version })).statusCode).toBe(409);
    const page = (await call('GET', `/api/v1/public/job-fairs/${f.id}`)).json();
    expect(page.orgs[0].jobs[0].title).toBe('招聘会岗位');
    expect((await call('GET', `/api/v1/public/jobs/${j.id}`)).json().fairs).toEqual([
      { id: f.id, title: base.title, startsAt: '2099-05-10T01:00:00.000Z' },
    ]);
    expect((await jinshan.get(`/api/v1/job-fairs/${f.id}`)).statusCode).toBe(404);
  });
});
