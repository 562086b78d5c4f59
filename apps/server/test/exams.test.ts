// The professional level exam through the API: sittings, registrations with the carry-over,
// results, the certificate of a passed level, the Excel import (all or nothing, per-row
// report), and the pass-rate statistics against hand counts and against the demo's rows.
import { passRate, pointsAbove, shanghaiToday } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from './factories.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rowsIn: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['2030年湖里区社会工作者职业水平考试报名及成绩台账']);
  for (const r of rowsIn) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('exams', () => {
  let t: TestApp;
  let admin: Session;
  let huli: Session;
  let head: Session;
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  let s2029: string;
  let s2030: string;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, huli, head] = await Promise.all(['admin', 'huli', 'jiangtou.head'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  it('the demo holds three years for 湖里, consistent with the register', async () => {
    const sittings = (await huli.get('/api/v1/exams')).json();
    expect(sittings).toHaveLength(3);
    expect(sittings.every((s: { registered: number }) => s.registered > 10)).toBe(true);
    // Everyone who passed a level holds that certificate, obtained in the exam's year.
    const odd = await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM exam_registrations r
      WHERE r.level_passed AND NOT EXISTS (SELECT 1 FROM worker_certificates c WHERE c.worker_id = r.worker_id AND c.kind = r.level
        AND extract(year FROM c.obtained_on) = r.year)`);
    expect(odd[0]!.n).toBe(0);
    const carried = await owner<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM exam_registrations WHERE level <> 'senior' AND cardinality(subjects) = 1`,
    );
    expect(carried[0]!.n).toBeGreaterThan(0);
    for (const street of [DEMO.jiangtou, DEMO.jinshan]) {
      const [n] = await owner<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM exam_registrations WHERE area_code LIKE ${street.slice(0, 9) + '%'}`,
      );
      expect(n!.n).toBeGreaterThan(0);
    }
  });

  it('the district statistics match a count of the rows and compare each street with the district', async () => {
    const s = (await huli.get(`/api/v1/exams/stats?area=${DEMO.district}`)).json();
    const year = s.year as number;
    const [hand] = await owner<{ registered: number; passed: number }>(sql`SELECT count(*)::int AS registered,
      count(*) FILTER (WHERE level_passed)::int AS passed FROM exam_registrations WHERE area_code LIKE '350206%' AND year = ${year}`);
    expect(s.total).toMatchObject({ ...hand, rate: passRate(hand!) });
    expect(s.groupBy).toBe('area');
    expect(s.parent).toMatchObject({ code: '350200000000', ...hand }); // only 湖里 has exams in 厦门
    expect(s.total.pointsAbove).toBe(0);
    for (const r of s.rows.filter((x: { registered: number }) => x.registered)) expect(r.pointsAbove).toBe(pointsAbove(r, hand!));
    expect(s.byLevel.reduce((n: number, l: { registered: number }) => n + l.registered, 0)).toBe(hand!.registered);
  });

  it('sittings: one per area and year; bad input answers 400 with field messages; an official cannot write', async () => {
    const made = await admin.post('/api/v1/exams', { areaCode: DEMO.district, year: 2029, examDate: '2029-06-16' });
    expect(made.statusCode).toBe(201);
    s2029 = made.json().id;
    s2030 = (await admin.post('/api/v1/exams', { areaCode: DEMO.district, year: 2030, examDate: '2030-06-15' })).json().id;
    const again = await admin.post('/api/v1/exams', { areaCode: DEMO.district, year: 2029, examDate: '2029-06-16' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ path: 'year', message: '该地区该年度的考试已登记' });
    const bad = await admin.post('/api/v1/exams', { areaCode: DEMO.district, examDate: 'soon' }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['examDate', 'year']);
    expect((await huli.post('/api/v1/exams', { areaCode: DEMO.district, year: 2031, examDate: '2031-06-15' })).statusCode).toBe(403);
  });

  it('a subject passed one year is carried to the next; the other passes the level', async () => {
    const person = { name: '陈若溪', idNumber: idNumber(901, '19950101'), areaCode: DEMO.jiangtou, level: 'assistant' };
    const requestId = '018f0000-0000-7000-8000-00000000e001';
    const r1 = await head.post(`/api/v1/exams/${s2029}/registrations`, { ...person, requestId });
    expect(r1.statusCode).toBe(201);
    const twice = await head.post(`/api/v1/exams/${s2029}/registrations`, { ...person, requestId });
    expect(twice.json().id).toBe(r1.json().id);
    expect(r1.json()).toMatchObject({ subjects: ['comprehensive', 'practice'], carried: [], levelPassed: false });
    expect(r1.json().idMasked).toMatch(/\*/);
    const dup = await head.post(`/api/v1/exams/${s2029}/registrations`, person);
    expect(dup.json().errors[0]).toMatchObject({ path: 'idNumber', message: '此人本年度已报名' });
    const res = await head.request('PUT', `/api/v1/exams/registrations/${r1.json().id}/results`, {
      results: [
        { subject: 'comprehensive', score: 72 },
        { subject: 'practice', score: 59.5 },
      ],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ levelPassed: false, version: 2 });
    const stale = await head.request('PUT', `/api/v1/exams/registrations/${r1.json().id}/results`, { results: [], version: 1 });
    expect(stale.statusCode).toBe(409);

    const r2 = (await head.post(`/api/v1/exams/${s2030}/registrations`, person)).json();
    expect(r2).toMatchObject({ subjects: ['practice'], carried: ['comprehensive'] });
    const notSat = await head.request(
      'PUT',
      `/api/v1/exams/registrations/${r2.id}/results`,
      { results: [{ subject: 'comprehensive', score: 80 }], version: 1 },
      { 'accept-language': 'en' },
    );
    expect(notSat.json().errors[0]).toMatchObject({ path: 'results.0.subject', message: 'This subject was not sat this time' });
    const passed = await head.request('PUT', `/api/v1/exams/registrations/${r2.id}/results`, {
      results: [{ subject: 'practice', passed: true }],
      version: 1,
    });
    expect(passed.json().levelPassed).toBe(true);
    const cert = await head.post(`/api/v1/exams/registrations/${r2.id}/certificate`);
    expect(cert.json().errors[0]).toMatchObject({ path: 'workerId', message: '此人不在人才库中，请先登记' });
  });

  it('a worker on the register who passes gets the certificate on the register, once', async () => {
    const w = (
      await head.post('/api/v1/workers', {
        name: '黄一鸣',
        idNumber: idNumber(902, '19900505'),
        areaCode: DEMO.jiangtou,
        post: 'frontline',
      })
    ).json();
    const reg = (await head.post(`/api/v1/exams/${s2029}/registrations`, { workerId: w.id, level: 'intermediate' })).json();
    expect(reg).toMatchObject({ workerId: w.id, name: '黄一鸣', areaCode: DEMO.jiangtou });
    const early = await head.post(`/api/v1/exams/registrations/${reg.id}/certificate`);
    expect(early.json().errors[0].path).toBe('level');
    await head.request('PUT', `/api/v1/exams/registrations/${reg.id}/results`, {
      results: [
        { subject: 'comprehensive', score: 66 },
        { subject: 'practice', score: 61 },
      ],
      version: 1,
    });
    const c1 = (await head.post(`/api/v1/exams/registrations/${reg.id}/certificate`)).json();
    const c2 = (await head.post(`/api/v1/exams/registrations/${reg.id}/certificate`)).json();
    expect(c1.certificateId).toBeTruthy();
    expect(c2.certificateId).toBe(c1.certificateId);
    // The sitting is in the future here: the date obtained is today at the latest.
    const certs = (await head.get(`/api/v1/workers/${w.id}/certificates`)).json();
    expect(certs).toEqual([expect.objectContaining({ kind: 'intermediate', number: null, obtainedOn: shanghaiToday(new Date()) })]);
    // Passed: registering again for the level is refused.
    const again = await head.post(`/api/v1/exams/${s2030}/registrations`, { workerId: w.id, level: 'intermediate' });
    expect(again.json().errors[0]).toMatchObject({ path: 'level' });
  });

  it('another street reads nothing; an official cannot register; removal asks for the version', async () => {
    const other = (
      await admin.post(`/api/v1/exams/${s2030}/registrations`, {
        name: '郑可欣',
        idNumber: idNumber(903, '19980808'),
        areaCode: DEMO.jinshan,
        level: 'assistant',
      })
    ).json();
    expect((await head.get(`/api/v1/exams/registrations/${other.id}`)).statusCode).toBe(404);
    expect((await head.request('DELETE', `/api/v1/exams/registrations/${other.id}?version=1`)).statusCode).toBe(404);
    expect((await huli.post(`/api/v1/exams/${s2030}/registrations`, { workerId: other.id, level: 'assistant' })).statusCode).toBe(403);
    expect((await admin.request('DELETE', `/api/v1/exams/registrations/${other.id}?version=9`)).statusCode).toBe(409);
    expect((await admin.request('DELETE', `/api/v1/exams/registrations/${other.id}?version=1`)).statusCode).toBe(200);
  });

  it('imports an office list all or nothing with a per-row report, then the statistics compare with the area above', async () => {
    const header = ['序号', '实务成绩', '姓名', '身份证号码', '报考级别', '综合能力成绩', '所在街道'];
    const good = [
      [1, 65, '吴佳怡', idNumber(911, '19970101'), '助理社会工作师', 70, '江头街道'],
      [2, 50, '许文博', idNumber(912, '19970202'), '初级', 45, '江头街道'],
      [3, '合格', '蔡思远', idNumber(913, '19970303'), '社会工作师', '合格', '金山街道'],
    ];
    const bad = await admin.request(
      'POST',
      `/api/v1/exams/${s2030}/import`,
      await workbook([header, ...good, [4, 61, '李四', '350206199701010000', '特级', 'abc', '火星街道']]),
      { 'content-type': XLSX },
    );
    expect(bad.statusCode).toBe(200);
    const report = bad.json();
    expect(report).toMatchObject({ imported: 0, total: 4, failed: 1 });
    const row = report.rows.find((r: { row: number }) => r.row === 6);
    expect(row.errors.map((e: { column: string }) => e.column).sort()).toEqual(
      ['报考级别', '所在街道', '综合能力成绩', '身份证号码'].sort(),
    );
    const [none] = await owner<{ n: number }>(sql`SELECT count(*)::int AS n FROM exam_registrations WHERE name = '吴佳怡'`);
    expect(none!.n).toBe(0);

    const ok = (
      await admin.request('POST', `/api/v1/exams/${s2030}/import`, await workbook([header, ...good]), { 'content-type': XLSX })
    ).json();
    expect(ok).toMatchObject({ imported: 3, failed: 0 });
    // 2030 in the district: 江头 陈若溪 (carried, passed), 吴佳怡 passed, 许文博 failed; 金山 蔡思远 passed → 3 of 4.
    const d = (await huli.get(`/api/v1/exams/stats?area=${DEMO.district}&year=2030`)).json();
    expect(d.total).toMatchObject({ registered: 4, passed: 3, rate: 0.75 });
    const jt = d.rows.find((r: { key: string }) => r.key === DEMO.jiangtou);
    expect(jt).toMatchObject({ registered: 3, passed: 2, rate: 0.6667, pointsAbove: -8.3 });
    expect(d.rows.find((r: { key: string }) => r.key === DEMO.jinshan)).toMatchObject({ registered: 1, passed: 1, pointsAbove: 25 });
    // The street's own view: by organisation, and compared with the district above (outside its scope).
    const street = (await head.get(`/api/v1/exams/stats?area=${DEMO.jiangtou}&year=2030&level=assistant`)).json();
    expect(street.groupBy).toBe('org');
    expect(street.total).toMatchObject({ registered: 3, passed: 2 });
    expect(street.parent).toMatchObject({ code: DEMO.district, registered: 3, passed: 2 });
    expect(street.total.pointsAbove).toBe(0);
    const xlsx = await head.get(`/api/v1/exams/${s2030}/registrations?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('吴佳怡');
    expect(text).not.toContain('蔡思远'); // 金山, outside the head's street
    expect(text).not.toContain(idNumber(911, '19970101'));
  });
});
