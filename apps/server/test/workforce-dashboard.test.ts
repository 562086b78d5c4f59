// The workforce dashboard (人才看板) through the API: figures against direct counts and packages/core
// over the demo (today and a past day), hand counts on small data in a community the demo leaves
// empty (a worker who left mid-month, a certificate obtained on a month's last day, CE hours),
// 400/403/404, and the Excel export.
import {
  addDays,
  ceStandingOn,
  certificationRate,
  certificationTrend,
  countLevels,
  countStandings,
  shanghaiToday,
  trendDays,
  type RequiredHours,
} from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';
import { recordedWorkers } from './workforce-records.ts';

describe('workforce dashboard', () => {
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

  const demoWorkers = (prefix: string) => recordedWorkers(t.database, prefix);

  async function required(): Promise<RequiredHours> {
    return (await huli.get('/api/v1/ce-hours/requirements')).json();
  }

  it('counts the district by street, today and 400 days ago, as packages/core does', async () => {
    const workers = await demoWorkers('350206');
    const req = await required();
    for (const day of [today, addDays(today, -400)]) {
      const res = await huli.get(`/api/v1/workforce/dashboard?area=${DEMO.district}&asOf=${day}`);
      expect(res.statusCode).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({ asOf: day, groupBy: 'area', area: { code: DEMO.district, name: '湖里区' } });
      const levels = countLevels(workers, day);
      expect(d.total).toMatchObject({ ...levels, rate: certificationRate(levels) });
      expect(d.trend).toEqual(certificationTrend(workers, trendDays(day)));
      const ce = countStandings(
        workers.filter((w) => countLevels([w], day).workers).map((w) => ceStandingOn(w.certificates, w.hours, day, req)),
      );
      expect(d.total.ce).toMatchObject(ce);
      // the rows add up to the total, and 江头 drills down
      expect(d.rows.reduce((s: number, r: { workers: number }) => s + r.workers, 0)).toBe(levels.workers);
      expect(d.rows.find((r: { key: string }) => r.key === DEMO.jiangtou)).toMatchObject({ name: '江头街道', drill: DEMO.jiangtou });
    }
    // the same headcount as the certification statistics
    const stats = (await huli.get(`/api/v1/workforce/stats?area=${DEMO.district}`)).json();
    const d = (await huli.get(`/api/v1/workforce/dashboard?area=${DEMO.district}`)).json();
    expect(d.total).toMatchObject(stats.total);
    expect(d.trail).toEqual([{ code: DEMO.district, name: '湖里区' }]);
  });

  it('reads the latest exam year and compares it with the area above as the exam statistics do', async () => {
    const d = (await huli.get(`/api/v1/workforce/dashboard?area=${DEMO.district}`)).json();
    const e = (await huli.get(`/api/v1/exams/stats?area=${DEMO.district}`)).json();
    expect(d.examYear).toBe(e.year);
    expect(d.total.exam).toEqual({ registered: e.total.registered, passed: e.total.passed, rate: e.total.rate });
    expect(d.examPointsAbove).toBe(e.total.pointsAbove);
    expect(d.examParent).toMatchObject({ code: e.parent.code, registered: e.parent.registered, passed: e.parent.passed });
  });

  it('counts programmes of the year by stage, training delivered this year and rewards paid against the records', async () => {
    const d = (await huli.get(`/api/v1/workforce/dashboard?area=${DEMO.district}`)).json();
    const year = Number(today.slice(0, 4));
    const ps = await owner<{ stage: string; places: number }>(
      sql`SELECT stage, places FROM programmes WHERE starts_with(area_code, '350206') AND year = ${year}`,
    );
    expect(d.total.programmes.open + d.total.programmes.closed).toBe(ps.length);
    expect(d.total.programmes.places).toBe(ps.reduce((s, p) => s + p.places, 0));
    const stages = Object.fromEntries(d.programmeStages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    for (const p of ps) expect(stages[p.stage]).toBeGreaterThan(0);
    const [tr] = await owner<{ hours: number; n: number }>(
      sql`SELECT coalesce(sum(s.hours), 0)::float8 AS hours, count(*)::int AS n FROM attendance x JOIN training_sessions s ON s.id = x.occasion_id
        WHERE x.occasion_kind = 'training_session' AND x.attended_at IS NOT NULL AND NOT s.cancelled AND starts_with(x.area_code, '350206')
          AND (x.occasion_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${`${year}-01-01`}::date AND ${today}::date`,
    );
    expect(d.total.training).toEqual({ hours: tr!.hours, personTimes: tr!.n });
    // rewards paid against the budget of the district's published policies of the year, in fen
    const [rw] = await owner<{ budget: number; paid: number }>(
      sql`SELECT coalesce(sum(budget_fen), 0)::float8 AS budget,
          coalesce((SELECT sum(a.amount_fen) FROM subsidy_applications a JOIN subsidy_policies q ON q.id = a.policy_id
            WHERE a.stage = 'paid' AND starts_with(q.area_code, '350206') AND q.year = ${year} AND q.status <> 'draft'), 0)::float8 AS paid
        FROM subsidy_policies WHERE starts_with(area_code, '350206') AND year = ${year} AND status <> 'draft'`,
    );
    expect(d.rewards).toEqual(rw);
    expect(d.rewards.budget).toBeGreaterThan(0);
  });

  it('counts small data by hand: left mid-month, certified on a month end, CE on pace and behind, training hours', async () => {
    const [community] = await owner<{ code: string }>(
      sql`SELECT a.code FROM areas a WHERE a.parent_code = ${DEMO.jiangtou}
        AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.area_code = a.code) ORDER BY a.code DESC LIMIT 1`,
    );
    const area = community!.code;
    // the 10th of this month, and the end of the month before last
    const asOf = `${today.slice(0, 8)}10` <= today ? `${today.slice(0, 8)}10` : today;
    const [prevEnd, lastEnd] = trendDays(asOf).slice(-3, -1) as [string, string];
    const midPrev = `${lastEnd.slice(0, 8)}15`; // mid-month of the last month
    const make = async (name: string, certs: [string, string, string?][], leftOn?: string) => {
      const w = (
        await head.post('/api/v1/workers', { name, areaCode: area, post: 'community_worker', startedInFieldOn: '2015-01-01' })
      ).json();
      for (const [kind, obtainedOn, registeredOn] of certs)
        expect((await head.post(`/api/v1/workers/${w.id}/certificates`, { kind, obtainedOn, registeredOn })).statusCode).toBe(201);
      if (leftOn) expect((await head.post(`/api/v1/workers/${w.id}/leave`, { leftOn, version: w.version })).statusCode).toBe(200);
      return w as { id: string };
    };
    await make('甲一', [['assistant', '2018-01-01']]); // certified, no registration: not counted for CE
    await make('乙二', [['intermediate', '2016-01-01']], midPrev); // left mid-month last month
    await make('丙三', [['assistant', lastEnd]]); // obtained on last month's last day
    await make('丁四', []); // never certified
    const before = (await huli.get(`/api/v1/workforce/dashboard?area=${area}&asOf=${asOf}`)).json();
    const point = (day: string) => before.trend.find((p: { day: string }) => p.day === day);
    expect(point(prevEnd)).toEqual({ day: prevEnd, workers: 4, certified: 2, rate: 0.5 });
    expect(point(lastEnd)).toEqual({ day: lastEnd, workers: 3, certified: 2, rate: 0.6667 });
    expect(before.total).toMatchObject({ workers: 3, certified: 2, assistant: 2, intermediate: 0, senior: 0, rate: 0.6667 });
    expect(before.total.ce).toEqual({ counted: 0, complete: 0, onPace: 0, behind: 0, rate: null });
    expect(before.groupBy).toBe('org');
    expect(before.trail.map((a: { code: string }) => a.code)).toEqual([DEMO.district, DEMO.jiangtou, area]);

    // CE: two registered workers, one with approved hours enough to be on pace, one with none
    const reg = addDays(asOf, -365);
    const onPace = await make('戊五', [['assistant', reg, reg]]);
    const behind = await make('己六', [['assistant', reg, reg]]);
    const upload = await head.post('/api/v1/attachments', {
      filename: '证书.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4 test').toString('base64'),
    });
    const e = await head.post(`/api/v1/ce-hours/workers/${onPace.id}/entries`, {
      title: '外部培训',
      provider: '厦门市社工协会',
      onDate: addDays(asOf, -1),
      hours: 30,
      attachmentId: upload.json().id,
    });
    expect(e.statusCode).toBe(201);
    expect(
      (await head.post(`/api/v1/ce-hours/entries/${e.json().id}/review`, { decision: 'approved', version: e.json().version })).statusCode,
    ).toBe(200);
    // 30 h of 72 after 366 of 1096 days (24.0 needed): on pace; the other behind; rate 1/2
    const after = (await huli.get(`/api/v1/workforce/dashboard?area=${area}&asOf=${asOf}`)).json();
    expect(after.total.ce).toEqual({ counted: 2, complete: 0, onPace: 1, behind: 1, rate: 0.5 });
    // the day before the entry: both behind
    const earlier = (await huli.get(`/api/v1/workforce/dashboard?area=${area}&asOf=${addDays(asOf, -2)}`)).json();
    expect(earlier.total.ce).toMatchObject({ counted: 2, onPace: 0, behind: 2 });

    // a 3-hour session starting at 00:00 Asia/Shanghai on the day (16:00 UTC the day before) counts on the day only
    const tr = await head.post('/api/v1/trainings', { title: '社区实务班', level: 'beginner', areaCode: area, capacity: 10 });
    expect(tr.statusCode, tr.body).toBe(201);
    const startsAt = new Date(`${asOf}T00:00:00+08:00`).toISOString();
    const endsAt = new Date(`${asOf}T03:00:00+08:00`).toISOString();
    const session = await head.post(`/api/v1/trainings/${tr.json().id}/sessions`, {
      title: '个案工作',
      startsAt,
      endsAt,
      mode: 'offline',
      place: '社区活动室',
      hours: 3,
    });
    expect(session.statusCode, session.body).toBe(201);
    const r = await head.post(`/api/v1/trainings/${tr.json().id}/registrations`, { workerId: behind.id });
    expect(r.statusCode, r.body).toBe(200);
    const tick = await head.post(`/api/v1/trainings/${tr.json().id}/sessions/${session.json().id}/attendance`, {
      registrationIds: [r.json().id],
      present: true,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    // the credit rollup (0041) follows the tick, the un-tick and a cancelled session
    const credits = () =>
      owner<{ day: string; hours: number }>(
        sql`SELECT day::text AS day, hours::float8 AS hours FROM ce_credits WHERE worker_id = ${behind.id}`,
      );
    expect(await credits()).toEqual([{ day: asOf, hours: 3 }]);
    const mark = (present: boolean) =>
      head.post(`/api/v1/trainings/${tr.json().id}/sessions/${session.json().id}/attendance`, { registrationIds: [r.json().id], present });
    await mark(false);
    expect(await credits()).toEqual([]);
    await mark(true);
    expect(await credits()).toHaveLength(1);
    await owner(sql`UPDATE training_sessions SET cancelled = true WHERE id = ${session.json().id}`);
    expect(await credits()).toEqual([]);
    await owner(sql`UPDATE training_sessions SET cancelled = false WHERE id = ${session.json().id}`);
    expect(await credits()).toEqual([{ day: asOf, hours: 3 }]);
    const trained = (await huli.get(`/api/v1/workforce/dashboard?area=${area}&asOf=${asOf}`)).json();
    expect(trained.total.training).toEqual({ hours: 3, personTimes: 1 });
    expect(trained.total.ce).toEqual({ counted: 2, complete: 0, onPace: 1, behind: 1, rate: 0.5 }); // 3 h is not 24
    if (asOf.slice(5) !== '01-01') {
      const dayBefore = (await huli.get(`/api/v1/workforce/dashboard?area=${area}&asOf=${addDays(asOf, -1)}`)).json();
      expect(dayBefore.total.training).toEqual({ hours: 0, personTimes: 0 });
    }
  });

  it('answers 400 with fields in Chinese and English, 403 without the permission, 404 for another area', async () => {
    const bad = await huli.get('/api/v1/workforce/dashboard?asOf=2026-13-45');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('asOf');
    const future = await huli.get(`/api/v1/workforce/dashboard?asOf=${addDays(today, 1)}`, { 'accept-language': 'en' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'asOf', message: 'The date cannot be later than today' }]);
    const zh = await huli.get(`/api/v1/workforce/dashboard?asOf=${addDays(today, 1)}`);
    expect(zh.json().errors).toEqual([{ path: 'asOf', message: '日期不能晚于今天' }]);
    expect((await huli.get('/api/v1/workforce/dashboard?area=abc')).json().errors[0].path).toBe('area');
    expect((await sw.get('/api/v1/workforce/dashboard')).statusCode).toBe(403);
    expect((await sw.get('/api/v1/workforce/dashboard/export')).statusCode).toBe(403);
    const far = await head.get(`/api/v1/workforce/dashboard?area=${DEMO.jinshan}`);
    expect(far.statusCode).toBe(404);
    const missing = await head.get('/api/v1/workforce/dashboard?area=350206004999');
    expect(far.json()).toEqual(missing.json());
    expect((await head.get(`/api/v1/workforce/dashboard/export?area=${DEMO.jinshan}`)).statusCode).toBe(404);
    // a head reads their own street by organisation
    const own = (await head.get('/api/v1/workforce/dashboard')).json();
    expect(own).toMatchObject({ groupBy: 'org', area: { code: DEMO.jiangtou } });
  });

  it('exports the table: the total then each street, headers in the language asked', async () => {
    const d = (await huli.get(`/api/v1/workforce/dashboard?area=${DEMO.district}`)).json();
    const res = await huli.get(`/api/v1/workforce/dashboard/export?area=${DEMO.district}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['地区', '在册人数', '持证人数']);
    expect(ws.getRow(3).getCell(1).value).toBe('湖里区 合计');
    expect(ws.getRow(3).getCell(2).value).toBe(d.total.workers);
    const names: string[] = [];
    ws.eachRow((r, n) => n > 3 && names.push(String(r.getCell(1).value)));
    expect(names).toEqual(d.rows.map((r: { name: string }) => r.name));
    const en = await huli.get(`/api/v1/workforce/dashboard/export?area=${DEMO.district}`, { 'accept-language': 'en' });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets[0]!.getRow(2).getCell(2).value).toBe('Workers');
  });
});
