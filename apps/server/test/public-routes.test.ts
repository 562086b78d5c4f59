// Deny by default, proved from the API's own description: every operation is listed in the
// OpenAPI document, and only the few known public ones carry `security: []`. Every other
// operation answers 401 without a session (casework, supervision and whatever comes next), and
// the public GET answers are read whole for anything private the demo holds.
import { phoneBlindIndex, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

/** The operations anyone may call, and why. A new public route must be added here on purpose. */
const PUBLIC = new Set([
  'POST /api/v1/auth/login', // signing in
  'GET /api/v1/public/config', // the login page's settings
  'GET /api/v1/health', // liveness for operators
  'GET /api/v1/public/checkin/{kind}/{id}', // the QR check-in page: the occasion's facts, no participant
  'POST /api/v1/public/checkin/{kind}/{id}', // checking in by name and mobile with the rotating code
  'POST /api/v1/public/checkin/{kind}/{id}/satisfaction', // satisfaction by the phone's check-in receipt
  'GET /api/v1/public/account/config', // the public sign-up page: whether codes go to the log
  'POST /api/v1/public/account/code', // an SMS code for a mobile number (rate-limited)
  'POST /api/v1/public/account/signup', // a public account from name, mobile and code
  'POST /api/v1/public/account/login', // a public session from mobile and code
  'GET /api/v1/public/programmes', // programme and award notices: titles and stages only
  'GET /api/v1/public/programmes/{id}', // a 公示: the selected names and organisations only
  'POST /api/v1/public/programmes/{id}/objections', // an objection by name and a mobile verified by SMS code
  'GET /api/v1/public/trainings/{id}', // a training's page: sessions and places left, no participant nor join code
  'POST /api/v1/public/trainings/{id}/registrations', // signing up by name, mobile and organisation
  'POST /api/v1/public/trainings/{id}/join', // an online session's join code, by a registrant
  'POST /api/v1/public/trainings/{id}/evaluation', // the course evaluation by a registrant
  'GET /api/v1/public/certificates/{code}', // certificate verification: masked name, course, hours, date
  'GET /api/v1/public/policies', // published reward and subsidy policies: rules, amounts, budget, no applicant
  'GET /api/v1/public/policies/{id}', // one published policy, no applicant
  'GET /api/v1/public/jobs', // open job posts: employer, area, salary, requirements; no applicant
  'GET /api/v1/public/jobs/{id}', // a job post's page and the fairs it is at; no applicant
  'GET /api/v1/public/job-fairs', // published job fairs: time, place, organiser, counts
  'GET /api/v1/public/job-fairs/{id}', // a job fair: its organisations and their posts; no applicant
  'GET /api/v1/public/wishes', // the wish board: need, value, deadline, status and a generic label; no resident
  'GET /api/v1/public/wishes/{id}', // one published wish, no resident and no claimant's contact
  'GET /api/v1/public/stats', // the board's totals for an area and period
  'GET /api/v1/public/volunteer-posts', // open volunteer posts: activity, place, time, places taken; no volunteer
  'GET /api/v1/public/volunteer-checkin/{id}', // the volunteer QR page: the activity only
  'GET /api/v1/public/volunteer-options', // communities of the installation and the skills list, for registering
]);

interface Operation {
  method: string;
  path: string;
  public: boolean;
}

describe('public routes', () => {
  let t: TestApp;
  let ops: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        public: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
  });
  afterAll(() => t?.close());

  it('lists exactly the known public operations', () => {
    expect(ops.length).toBeGreaterThan(50);
    expect(
      ops
        .filter((o) => o.public)
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual([...PUBLIC].filter((p) => ops.some((o) => `${o.method} ${o.path}` === p)).sort());
    expect(ops.some((o) => o.path.startsWith('/api/v1/cases'))).toBe(true);
    expect(ops.some((o) => o.path.startsWith('/api/v1/supervision'))).toBe(true);
  });

  it('answers 401 to every other operation without a session', async () => {
    const uuid = '01900000-0000-7000-8000-000000000000';
    const refused: string[] = [];
    for (const o of ops.filter((x) => !x.public)) {
      const url = o.path.replace(/\{[^}]+\}/g, (m) => (m === '{n}' ? '0' : m === '{list}' ? 'case_type' : uuid));
      const res = await t.app.inject({ method: o.method as 'GET', url, payload: o.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 401) refused.push(`${o.method} ${o.path} → ${res.statusCode}`);
    }
    expect(refused).toEqual([]);
  });

  it('shows nothing private in the public answers', async () => {
    // Residents with a case, and every resident with a wish on the board (name and address).
    const names = await t.database.owner((db) =>
      rows<{ name: string; address: string | null }>(
        db,
        sql`(SELECT DISTINCT r.name, r.address FROM cases c JOIN residents r ON r.id = c.resident_id LIMIT 50)
          UNION (SELECT DISTINCT r.name, r.address FROM wishes w JOIN residents r ON r.id = w.resident_id
            WHERE w.status IN ('published', 'claimed', 'delivered', 'fulfilled'))`,
      ),
    );
    expect(names.length).toBeGreaterThan(100);
    // Each GET as listed, plus the board's first 100 wishes one by one.
    const board = (await t.app.inject({ method: 'GET', url: '/api/v1/public/wishes?pageSize=100' })).json() as { items: { id: string }[] };
    expect(board.items.length).toBe(100);
    const urls = [
      ...ops.filter((x) => x.public && x.method === 'GET').map((o) => o.path),
      ...board.items.map((w) => `/api/v1/public/wishes/${w.id}`),
    ];
    for (const url of urls) {
      const { body } = await t.app.inject({ method: 'GET', url });
      for (const { name, address } of names) {
        expect(body, `${url} names a resident`).not.toContain(name);
        if (address) expect(body, `${url} gives an address`).not.toContain(address);
      }
      // (The demo's sign-in page lists its demo accounts on purpose; a real installation lists none.)
      expect(body).not.toMatch(/\d{17}[\dX]/); // no ID number
      expect(body).not.toMatch(/1[3-9]\d{9}/); // no mobile number
    }
  });

  it('names no volunteer on the open posts, and no phone or ID number', async () => {
    const volunteers = await t.database.owner((db) =>
      rows<{ name: string }>(db, sql`SELECT DISTINCT volunteer_name AS name FROM volunteer_signups`),
    );
    expect(volunteers.length).toBeGreaterThan(100);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/volunteer-posts?pageSize=100' });
    const posts = res.json() as { items: { activityId: string }[] };
    expect(posts.items.length).toBeGreaterThan(0);
    const bodies = [res.body];
    for (const p of posts.items.slice(0, 10))
      bodies.push((await t.app.inject({ method: 'GET', url: `/api/v1/public/volunteer-checkin/${p.activityId}` })).body);
    for (const body of bodies) {
      for (const { name } of volunteers) expect(body, 'names a volunteer').not.toContain(name);
      expect(body).not.toMatch(/\d{17}[\dX]/);
      expect(body).not.toMatch(/1[3-9]\d{9}/);
    }
  });

  it('shows on a 公示 the selected names only: no ID, no phone, no applicant not selected', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/public/programmes' })).json() as { id: string; stage: string }[];
    expect(list.some((p) => p.stage === 'publicity')).toBe(true);
    const hidden = await t.database.owner((db) =>
      rows<{ name: string }>(
        db,
        sql`SELECT name FROM programme_applications x WHERE status NOT IN ('selected', 'appointed')
          AND NOT EXISTS (SELECT 1 FROM programme_applications y WHERE y.name = x.name AND y.status IN ('selected', 'appointed'))`,
      ),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const bodies = [JSON.stringify(list)];
    for (const p of list) bodies.push((await t.app.inject({ method: 'GET', url: `/api/v1/public/programmes/${p.id}` })).body);
    expect(bodies.join()).toMatch(/"selected":\[\{"id"/);
    for (const body of bodies) {
      for (const { name } of hidden) expect(body, 'an applicant not selected').not.toContain(name);
      expect(body).not.toMatch(/\d{17}[\dX]/);
      expect(body).not.toMatch(/1[3-9]\d{9}/);
      expect(body).not.toMatch(/\*{4}/); // not even a masked number
    }
  });

  it('shows on the reward and subsidy notices no applicant and no draft policy', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/public/policies' })).json() as { id: string }[];
    expect(list.length).toBeGreaterThan(0);
    const applicants = await t.database.owner((db) => rows<{ name: string }>(db, sql`SELECT DISTINCT name FROM subsidy_applications`));
    const drafts = await t.database.owner((db) =>
      rows<{ id: string; title: string }>(db, sql`SELECT id, title FROM subsidy_policies WHERE status <> 'published'`),
    );
    expect(applicants.length).toBeGreaterThan(0);
    expect(drafts.length).toBeGreaterThan(0);
    const bodies = [JSON.stringify(list)];
    for (const p of list) bodies.push((await t.app.inject({ method: 'GET', url: `/api/v1/public/policies/${p.id}` })).body);
    for (const d of drafts) expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/policies/${d.id}` })).statusCode).toBe(404);
    for (const body of bodies) {
      for (const { name } of applicants) expect(body, 'an applicant').not.toContain(name);
      for (const { title } of drafts) expect(body, 'an unpublished policy').not.toContain(title);
      expect(body).not.toMatch(/\d{17}[\dX]/);
      expect(body).not.toMatch(/1[3-9]\d{9}/);
    }
  });

  it("shows no full mobile in a public account's answers (code, sign-up, login, my page)", async () => {
    const mobile = '13912345678';
    const A = '/api/v1/public/account';
    const bodies: string[] = [];
    const post = async (url: string, payload: object, cookie?: string) => {
      const res = await t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
      bodies.push(res.body);
      return res;
    };
    // The code went to the (silent) log: give the newest one a known code, hashed as the server does.
    const plant = (code: string) =>
      t.database.owner(async (db) => {
        const hash = phoneBlindIndex(t.services.keys, mobile);
        const [c] = await rows<{ id: string }>(
          db,
          sql`SELECT id FROM sms_codes WHERE mobile_hash = ${hash} ORDER BY created_at DESC LIMIT 1`,
        );
        await db.execute(sql`UPDATE sms_codes SET code_hash = ${t.services.keys.blindIndex(`sms:${c!.id}:${code}`)} WHERE id = ${c!.id}`);
      });
    expect((await post(`${A}/code`, { mobile, purpose: 'signup' })).statusCode).toBe(200);
    await plant('246810');
    const signed = await post(`${A}/signup`, { name: '林晓', mobile, code: '246810' });
    expect(signed.statusCode).toBe(200);
    const cookie = `wushe_pub=${signed.cookies.find((c) => c.name === 'wushe_pub')!.value}`;
    bodies.push((await t.app.inject({ method: 'GET', url: `${A}/me`, headers: { cookie } })).body);
    bodies.push((await post(`${A}/code`, { mobile, purpose: 'login' })).body); // 429: too soon
    bodies.push((await t.app.inject({ method: 'GET', url: `${A}/config` })).body);
    for (const body of bodies) {
      expect(body).not.toContain(mobile);
      expect(body).not.toMatch(/1[3-9]\d{9}/);
      expect(body).not.toMatch(/\d{17}[\dX]/);
    }
    expect(bodies[2]).toContain('139****5678');
  });
  it('shows a training’s page and a certificate without the registrants’ names, mobiles or the join code', async () => {
    const huli = await t.login('huli');
    const tr = (await huli.post('/api/v1/trainings', { title: '泄露检查培训', level: 'beginner', areaCode: '350206000000' })).json();
    const at = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const s = (
      await huli.post(`/api/v1/trainings/${tr.id}/sessions`, {
        title: '第一讲',
        startsAt: at(-5),
        endsAt: at(60),
        mode: 'online',
        streamUrl: 'https://live.example.cn/x',
        hours: 2,
      })
    ).json();
    const r = (
      await huli.post(`/api/v1/trainings/${tr.id}/registrations`, { name: '欧阳静', mobile: '13912345678', orgName: '某机构' })
    ).json();
    await huli.post(`/api/v1/trainings/${tr.id}/sessions/${s.id}/attendance`, { registrationIds: [r.id], present: true });
    const code = (await huli.post(`/api/v1/trainings/${tr.id}/certificates`)).json().registrations[0].certificateCode;
    for (const url of [`/api/v1/public/trainings/${tr.id}`, `/api/v1/public/certificates/${code}`]) {
      const body = (await t.app.inject({ method: 'GET', url })).body;
      expect(body).not.toContain('欧阳静');
      expect(body).not.toMatch(/1[3-9]\d{9}/);
      expect(body).not.toContain(s.joinCode);
      expect(body).not.toContain('live.example.cn');
    }
  });

  it('shows job posts and fairs without the candidates’ names or mobiles, and no draft post', async () => {
    const candidates = await t.database.owner((db) => rows<{ name: string }>(db, sql`SELECT DISTINCT name FROM job_applications`));
    expect(candidates.map((c) => c.name).sort()).toEqual(['林晓', '陈志远']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/public/jobs?pageSize=100' })).json() as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThanOrEqual(10);
    const fairs = (await t.app.inject({ method: 'GET', url: '/api/v1/public/job-fairs' })).json() as { id: string }[];
    expect(fairs.length).toBeGreaterThan(0);
    const urls = [
      '/api/v1/public/jobs?pageSize=100',
      '/api/v1/public/job-fairs',
      ...list.items.map((j) => `/api/v1/public/jobs/${j.id}`),
      ...fairs.map((f) => `/api/v1/public/job-fairs/${f.id}`),
    ];
    const [draft] = await t.database.owner((db) =>
      rows<{ id: string; title: string }>(db, sql`SELECT id, title FROM jobs WHERE status = 'draft'`),
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/jobs/${draft!.id}` })).statusCode).toBe(404);
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      for (const { name } of candidates) expect(res.body, `${url} names a candidate`).not.toContain(name);
      expect(res.body).not.toMatch(/1[3-9]\d{9}/);
      expect(res.body).not.toMatch(/\*{4}/); // not even a masked number
      expect(res.body).not.toContain(draft!.title);
      expect(res.body).not.toContain('cvFilename');
    }
  });
});
