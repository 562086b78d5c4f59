// Rewards and subsidies through the API: the demo, drafting and publishing a policy (400 in
// both languages, 403, 404 from another street, 409 stale or off the order), applying as a
// worker and for a worker (the stored auto-check), the review stages with 403 for the wrong
// reviewer and 409 off the legal moves, return and resubmit, the budget refusing an approval
// (409 with the sums), the payment list, batch and Excel, a public account's application.
import { phoneBlindIndex, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SMS } from '../src/modules/public-accounts/sms/sms.config.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

describe('rewards and subsidies', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const P = '/api/v1/policies';
  const A = '/api/v1/subsidy-applications';
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'reward',
    title: '测试持证奖励',
    areaCode: DEMO.district,
    year: 2026,
    budgetFen: 600_000,
    opensOn: '2020-01-01',
    closesOn: '2099-12-31',
    rules: { minLevel: 'assistant' },
    amount: { mode: 'byLevel', fen: { assistant: 200_000, intermediate: 500_000 } },
    ...over,
  });
  /** A published policy of the district, open today. */
  const published = async (over: Record<string, unknown> = {}) => {
    const p = (await huli.post(P, body(over))).json();
    const res = await huli.post(`${P}/${p.id}/status`, { status: 'published', version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const move = (s: Session, id: string, action: string, version: number, extra: Record<string, unknown> = {}) =>
    s.post(`${A}/${id}/transitions`, { action, version, ...extra });

  beforeAll(async () => {
    t = await startTestApp({ sms: { ...DEFAULT_SMS, testHook: true } });
    [huli, head, sw, jinshan] = await Promise.all(['huli', 'jiangtou.head', 'jiangtou.sw', 'jinshan.sw'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('the demo: a reward with applications in every stage, one batch paid, a housing subsidy and a draft', async () => {
    const list = (await huli.get(P)).json();
    expect(list.total).toBe(3);
    const reward = list.items.find((p: { kind: string; status: string }) => p.kind === 'reward' && p.status === 'published');
    expect(Object.keys(reward.counts).sort()).toEqual([
      'approved',
      'dept_review',
      'org_review',
      'paid',
      'rejected',
      'returned',
      'submitted',
    ]);
    expect(reward.totals.paid).toBeGreaterThan(0);
    expect(reward.totals.remaining).toBe(reward.totals.budget - reward.totals.approved - reward.totals.paid);
    const pay = (await huli.get(`${P}/${reward.id}/payments`)).json();
    expect(pay.batches).toHaveLength(1);
    expect(pay.batches[0].totalFen).toBe(reward.totals.paid);
    expect(list.items.some((p: { kind: string }) => p.kind === 'subsidy')).toBe(true);
    // A street worker sees the published district policies, not the draft.
    const seen = (await sw.get(P)).json();
    expect(seen.items.map((p: { status: string }) => p.status).sort()).toEqual(['published', 'published']);
    const returned = (await huli.get(`${A}?policyId=${reward.id}&stage=returned`)).json().items[0];
    expect(returned.reason).toMatch(/证书/);
    expect(returned.checks[0]).toMatchObject({ key: 'onRegister', result: 'pass' });
  });

  it('exports the department queue and the policies as the lists show them, codes in words and amounts in yuan', async () => {
    const json = (await huli.get(`${A}?queue=dept&pageSize=100`)).json();
    expect(json.total).toBeGreaterThan(0);
    const res = await huli.get(`${A}?queue=dept&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    // the header row follows the lines stating who exported the sheet and when
    const first = Array.from({ length: sheet.rowCount }, (_, i) => i + 1).find((r) => values(r).includes('姓名'))!;
    const header = values(first);
    expect(header).toEqual(expect.arrayContaining(['姓名', '政策', '申请方式', '自动核验', '状态', '提交日期']));
    const body = Array.from({ length: sheet.rowCount - first }, (_, i) => values(first + i + 1));
    expect(body.map((r) => r[header.indexOf('姓名')]).sort()).toEqual(json.items.map((a: { name: string }) => a.name).sort());
    // every row is in the department's review stage, in words; no internal code is exported
    expect(new Set(body.map((r) => r[header.indexOf('状态')]))).toEqual(new Set(['部门审核']));
    expect(body.flat().some((v) => ['dept_review', 'self', 'org', 'public', 'pass', 'fail'].includes(String(v)))).toBe(false);
    expect((await jinshan.get(`${A}?queue=dept&format=xlsx`)).statusCode).toBe(403);

    // the policies list: each policy with its budget, paid and remaining in yuan, as the JSON totals in fen
    const policies = (await huli.get(`${P}?pageSize=100`)).json();
    const pbook = new ExcelJS.Workbook();
    await pbook.xlsx.load((await huli.get(`${P}?format=xlsx`)).rawPayload as unknown as ArrayBuffer);
    const ps = pbook.worksheets[0]!;
    const pv = (r: number) => (ps.getRow(r).values as unknown[]).slice(1);
    const ph = Array.from({ length: ps.rowCount }, (_, i) => i + 1).find((r) => pv(r).includes('政策名称'))!;
    const cols = pv(ph);
    const rowsOut = Array.from({ length: ps.rowCount - ph }, (_, i) => pv(ph + i + 1));
    expect(rowsOut).toHaveLength(policies.total);
    for (const p of policies.items as { title: string; totals: { budget: number; paid: number; remaining: number } }[]) {
      const r = rowsOut.find((x) => x[cols.indexOf('政策名称')] === p.title)!;
      expect([r[cols.indexOf('预算（元）')], r[cols.indexOf('已发放（元）')], r[cols.indexOf('预算余额（元）')]]).toEqual([
        p.totals.budget / 100,
        p.totals.paid / 100,
        p.totals.remaining / 100,
      ]);
    }
  });

  it('drafting: 400 with field messages in Chinese and English, 403 without policy.manage', async () => {
    const bad = await huli.post(P, body({ budgetFen: 0, closesOn: '2019-01-01' }), { 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    const errors = bad.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['budgetFen', 'closesOn']);
    expect(errors.find((e) => e.path === 'closesOn')!.message).toBe('截止日期不能早于开始日期');
    const en = await huli.post(P, body({ budgetFen: 1.5 }), { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([{ path: 'budgetFen', message: 'An amount is a whole number of fen, 0 or more' }]);
    expect((await head.post(P, body())).statusCode).toBe(403);
    expect((await sw.post(P, body())).statusCode).toBe(403);
  });

  it('a street policy: 404 from another street; drafts edit with a version (409 stale), status forward only (409)', async () => {
    const street = (await huli.post(P, body({ title: '金山街道专项奖励', areaCode: DEMO.jinshan }))).json();
    expect((await head.get(`${P}/${street.id}`)).statusCode).toBe(404);
    expect((await jinshan.get(`${P}/${street.id}`)).statusCode).toBe(404); // a draft shows to its officials only
    const edited = await huli.patch(`${P}/${street.id}`, { budgetFen: 700_000, version: 1 });
    expect(edited.json()).toMatchObject({ budgetFen: 700_000, version: 2 });
    expect((await huli.patch(`${P}/${street.id}`, { budgetFen: 800_000, version: 1 })).statusCode).toBe(409);
    expect((await huli.post(`${P}/${street.id}/status`, { status: 'closed', version: 2 })).json().code).toBe('subsidy.policyStatus');
    const pub = await huli.post(`${P}/${street.id}/status`, { status: 'published', version: 2 });
    expect(pub.json().status).toBe('published');
    expect((await jinshan.get(`${P}/${street.id}`)).statusCode).toBe(200);
    expect((await huli.patch(`${P}/${street.id}`, { title: '改名', version: 3 })).json().code).toBe('subsidy.policyEdit');
  });

  it('a worker applies, the organisation accepts and passes, the department approves, the payment list pays it', async () => {
    const p = await published();
    const applied = await sw.post(A, { policyId: p.id, statement: '申请持证奖励' });
    expect(applied.statusCode, applied.body).toBe(201);
    const a = applied.json();
    expect(a).toMatchObject({ stage: 'submitted', route: 'self', level: 'assistant', amountFen: 200_000, checkResult: 'pass' });
    expect(a.checks.map((c: { key: string; result: string }) => `${c.key}:${c.result}`)).toEqual(['onRegister:pass', 'minLevel:pass']);
    expect((await sw.post(A, { policyId: p.id })).json().errors[0].path).toBe('policyId'); // once per policy
    // Off the legal moves: 409; the wrong reviewer: 403; the applicant cannot review.
    expect((await move(huli, a.id, 'approve', a.version)).statusCode).toBe(409);
    expect((await move(huli, a.id, 'accept', a.version)).statusCode).toBe(403);
    expect((await move(sw, a.id, 'accept', a.version)).statusCode).toBe(403);
    expect((await move(jinshan, a.id, 'accept', a.version)).statusCode).toBe(404);
    const accepted = (await move(head, a.id, 'accept', a.version)).json();
    expect((await move(head, a.id, 'pass', a.version)).statusCode).toBe(409); // stale version
    const passed = (await move(head, a.id, 'pass', accepted.version)).json();
    expect(passed.stage).toBe('dept_review');
    expect((await huli.get(`${A}?queue=dept&policyId=${p.id}`)).json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await move(head, a.id, 'approve', passed.version)).statusCode).toBe(403);
    const approved = await move(huli, a.id, 'approve', passed.version);
    expect(approved.json()).toMatchObject({ stage: 'approved', amountFen: 200_000 });
    expect((await move(huli, a.id, 'return', approved.json().version, { reason: '补材料' })).statusCode).toBe(409);

    const list = (await huli.get(`${P}/${p.id}/payments`)).json();
    expect(list.totals).toEqual({ budget: 600_000, approved: 200_000, paid: 0, remaining: 400_000 });
    expect((await head.get(`${P}/${p.id}/payments`)).statusCode).toBe(403);
    const batch = await huli.post(`${P}/${p.id}/payment-batches`, { applicationIds: [a.id], note: '第一批' });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json()).toMatchObject({ no: 1, count: 1, totalFen: 200_000 });
    expect((await huli.post(`${P}/${p.id}/payment-batches`, { applicationIds: [a.id] })).json().code).toBe('subsidy.notApproved');
    const after = (await huli.get(`${P}/${p.id}`)).json();
    expect(after.totals).toEqual({ budget: 600_000, approved: 0, paid: 200_000, remaining: 400_000 });
    const xlsx = await huli.get(`${P}/${p.id}/payments?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const events = (await huli.get(`${A}/${a.id}/events`)).json();
    expect(events.map((e: { action: string; byName: string }) => `${e.action}:${e.byName}`)).toEqual([
      'submit:jiangtou.sw',
      'accept:jiangtou.head',
      'pass:jiangtou.head',
      'approve:huli',
      'pay:huli',
    ]);
    const audit = await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ${a.id}`);
    expect(audit[0]!.n).toBe(4);
    expect((await sw.get(`${A}/mine`)).json().find((m: { id: string }) => m.id === a.id)).toMatchObject({
      stage: 'paid',
      amountFen: 200_000,
    });
  });

  it('returned with a reason the applicant sees, resubmitted; a rejection needs its reason (400)', async () => {
    const p = await published({ rules: { minLevel: 'intermediate' } });
    const a = (await sw.post(A, { policyId: p.id })).json();
    expect(a.checkResult).toBe('fail'); // an assistant under an intermediate rule: shown to the reviewers
    const noReason = await move(head, a.id, 'return', a.version, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const back = (await move(head, a.id, 'return', a.version, { reason: '请补充中级证书' })).json();
    expect((await sw.get(`${A}/mine`)).json().find((m: { id: string }) => m.id === a.id)).toMatchObject({
      stage: 'returned',
      reason: '请补充中级证书',
    });
    expect((await move(head, a.id, 'resubmit', back.version)).json().code).toBe('subsidy.notYours');
    const again = await move(sw, a.id, 'resubmit', back.version, { statement: '已补充' });
    expect(again.json()).toMatchObject({ stage: 'submitted', reason: null, statement: '已补充' });
  });

  it('an organisation applies for its worker; the department is refused an approval over the remaining budget (409)', async () => {
    const p = await published({ budgetFen: 300_000, amount: { mode: 'fixed', fen: 200_000 } });
    const [w1, w2] = await owner<{ id: string }>(
      sql`SELECT w.id FROM workers w WHERE w.area_code LIKE '350206004%' AND w.status = 'active' AND w.user_id IS NULL ORDER BY w.id LIMIT 2`,
    );
    expect((await sw.post(A, { policyId: p.id, workerId: w1!.id })).statusCode).toBe(403);
    expect((await jinshan.post(A, { policyId: p.id, workerId: w1!.id })).statusCode).toBe(403);
    const ids: string[] = [];
    for (const w of [w1!, w2!]) {
      const a = await head.post(A, { policyId: p.id, workerId: w.id });
      expect(a.statusCode, a.body).toBe(201);
      expect(a.json().route).toBe('org');
      let x = (await move(head, a.json().id, 'accept', 1)).json();
      x = (await move(head, x.id, 'pass', x.version)).json();
      ids.push(x.id);
    }
    expect((await move(huli, ids[0]!, 'approve', 3)).json().stage).toBe('approved');
    const over = await move(huli, ids[1]!, 'approve', 3, {});
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'subsidy.overBudget' });
    expect(over.json().detail ?? over.json().title).toContain('1000.00');
    expect((await huli.get(`${A}/${ids[1]}`)).json().stage).toBe('dept_review');
  });

  it('a public account applies through the public page, linked to the register entry with its mobile', async () => {
    const p = await published({ title: '公开申请测试奖励' });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/public/policies' })).json();
    expect(pub.map((x: { id: string }) => x.id)).toContain(p.id);
    const mobile = '13955501234';
    const [w] = await owner<{ id: string; name: string }>(
      sql`SELECT id, name FROM workers WHERE area_code LIKE '350206005%' AND status = 'active' AND user_id IS NULL ORDER BY id DESC LIMIT 1`,
    );
    await owner(sql`UPDATE workers SET mobile_hash = ${phoneBlindIndex(t.services.keys, mobile)} WHERE id = ${w!.id}`);
    const inject = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, remoteAddress: '10.7.7.7', headers, ...(payload ? { payload } : {}) });
    await inject('POST', '/api/v1/public/account/code', { mobile, purpose: 'signup' });
    const code = (await inject('GET', `/api/v1/public/account/test/last-code?mobile=${mobile}`)).json().code;
    const signed = await inject('POST', '/api/v1/public/account/signup', { name: '林公众', mobile, code });
    const cookie = `wushe_pub=${signed.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
    const csrf = signed.json().csrfToken as string;
    const pdf = { filename: '证书.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 proof').toString('base64') };
    const files = async () => (await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM attachments`))[0]!.n;
    const filesBefore = await files();
    // a file that is not what it claims: 400 on its field, and neither the application nor any file is kept
    const liar = await inject(
      'POST',
      `/api/v1/public/account/policies/${p.id}/apply`,
      { statement: '申请', files: [pdf, { ...pdf, filename: '照片.png', contentType: 'image/png' }] },
      { cookie, 'x-csrf-token': csrf, 'accept-language': 'en' },
    );
    expect(liar.statusCode).toBe(400);
    expect(liar.json().errors).toEqual([expect.objectContaining({ path: 'files.1.data' })]);
    expect(await files()).toBe(filesBefore);
    const applied = await inject(
      'POST',
      `/api/v1/public/account/policies/${p.id}/apply`,
      { statement: '申请', files: [pdf] },
      { cookie, 'x-csrf-token': csrf },
    );
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ route: 'public', workerId: w!.id, checkResult: 'pass' });
    expect(await files()).toBe(filesBefore + 1);
    // the reviewers see the proof with the application, and download it
    const seen = (await huli.get(`${A}/${applied.json().id}`)).json();
    expect(seen.attachments).toEqual([{ id: expect.any(String), filename: '证书.pdf' }]);
    const got = await huli.get(`/api/v1/attachments/${seen.attachments[0].id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.toString()).toBe('%PDF-1.4 proof');
    const me = (await inject('GET', '/api/v1/public/account/me', undefined, { cookie })).json();
    const section = me.sections.find((s: { kind: string }) => s.kind === 'applications');
    expect(section.items.map((i: { title: string; status: string }) => `${i.title}:${i.status}`)).toContain('公开申请测试奖励:已提交');
    // The department finds it in the organisation queue of its area; a worker lists no one else's.
    expect((await jinshan.get(`${A}?queue=org&policyId=${p.id}`)).statusCode).toBe(403); // a worker reads only their own
    expect((await huli.get(`${A}?queue=org&policyId=${p.id}`)).json().items[0].name).toBe('林公众');
    const draft = (await huli.get(P)).json().items.find((x: { status: string }) => x.status === 'draft');
    const refused = await inject('POST', `/api/v1/public/account/policies/${draft.id}/apply`, {}, { cookie, 'x-csrf-token': csrf });
    expect(refused.statusCode).toBe(400);
  });
});
