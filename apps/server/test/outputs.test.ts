// Service outputs (服务成效) against a hand count: a small, known year of casework, a group and
// activities in 殿前街道 (which the demo leaves empty), with its edges: an activity at 23:30 on
// 30 June and one at 00:00 on 1 July (Asia/Shanghai), a case closed inside the period and one
// opened after it, a sign-up who did not come, a walk-in known only by name, and answers on
// either side of midnight. Person-times are checked against core personTimes as well.
import { distinctPeople, personTimes } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const STREET = '350206002000';

describe('outputs', () => {
  let t: TestApp;
  let huli: Session;
  let admin: Session;
  let jinshan: Session;
  let volunteer: Session;
  let c1: string;
  let c2: string;
  let sw: string;
  let head: string;
  const owner = (q: ReturnType<typeof sql>) => t.database.owner((db) => db.execute(q));

  beforeAll(async () => {
    t = await startTestApp();
    [huli, admin, jinshan, volunteer] = await Promise.all(['huli', 'admin', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)));
    const communities = await t.database.owner((db) =>
      rows<{ code: string }>(db, sql`SELECT code FROM areas WHERE parent_code = ${STREET} ORDER BY code LIMIT 2`),
    );
    [c1, c2] = communities.map((c) => c.code) as [string, string];
    [sw, head] = [await userId(t, 'jiangtou.sw'), await userId(t, 'jiangtou.head')];
    const a = await createResident(t, { areaCode: c1, name: '甲' });
    const b = await createResident(t, { areaCode: c1, name: '乙' });
    const c = await createResident(t, { areaCode: c2, name: '丙' });
    const kase = (resident: string, area: string, opened: string, closed: string | null) =>
      owner(sql`INSERT INTO cases (id, case_no, area_code, resident_id, worker_id, type, risk_level, stage, sensitive, problem_cipher,
          opened_on, closed_on)
        VALUES (${uuidv7()}, ${'T-' + uuidv7().slice(-8)}, ${area}, ${resident}, ${sw}, 'elderly', 'low',
          ${closed ? 'closed' : 'intervention'}, false, 'x', ${opened}, ${closed})`);
    await kase(a.id, c1, '2026-03-10', null);
    await kase(b.id, c1, '2025-12-01', '2026-01-15');
    await kase(c.id, c2, '2026-07-01', '2026-07-31');
    const activity = async (area: string, startsAt: string) => {
      const id = uuidv7();
      await owner(sql`INSERT INTO activities (id, area_code, title, place, starts_at, ends_at, organiser_id, status)
        VALUES (${id}, ${area}, '健康讲座', '社区活动室', ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '1 hour', ${sw}, 'held')`);
      return { id, at: startsAt, area };
    };
    const attend = (
      kind: string,
      o: { id: string; at: string; area: string },
      who: { residentId?: string; name: string },
      came = true,
      worker = sw,
    ) =>
      owner(sql`INSERT INTO attendance (id, area_code, occasion_kind, occasion_id, occasion_at, worker_id, resident_id, person_name,
          signed_up_at, attended_at, method)
        VALUES (${uuidv7()}, ${o.area}, ${kind}, ${o.id}, ${o.at}::timestamptz, ${worker}, ${who.residentId ?? null}, ${who.name},
          now(), ${came ? o.at : null}::timestamptz, ${came ? 'list' : null})`);
    const act1 = await activity(c1, '2026-06-30T23:30:00+08:00');
    const act2 = await activity(c2, '2026-07-01T00:00:00+08:00');
    await attend('activity', act1, { residentId: a.id, name: '甲' });
    await attend('activity', act1, { name: '王 阿姨' });
    await attend('activity', act1, { residentId: b.id, name: '乙' }, false);
    await attend('activity', act2, { residentId: a.id, name: '甲' });
    await attend('activity', act2, { residentId: c.id, name: '丙' });
    const group = uuidv7();
    await owner(sql`INSERT INTO service_groups (id, area_code, name, type, goal, worker_id, planned_sessions, starts_on, status)
      VALUES (${group}, ${c1}, '长者互助小组', 'mutual_aid', '互相支持', ${head}, 3, '2026-05-01', 'running')`);
    const session = async (seq: number, at: string, status: string) => {
      const id = uuidv7();
      await owner(sql`INSERT INTO group_sessions (id, group_id, area_code, seq, theme, starts_at, ends_at, status)
        VALUES (${id}, ${group}, ${c1}, ${seq}, '第' || ${seq} || '节', ${at}::timestamptz, ${at}::timestamptz + interval '90 minutes', ${status})`);
      return { id, at, area: c1 };
    };
    const s1 = await session(1, '2026-05-10T09:00:00+08:00', 'held');
    const s2 = await session(2, '2026-05-17T09:00:00+08:00', 'held');
    await session(3, '2026-08-01T09:00:00+08:00', 'planned');
    await attend('group_session', s1, { residentId: a.id, name: '甲' }, true, head);
    await attend('group_session', s1, { residentId: b.id, name: '乙' }, true, head);
    await attend('group_session', s2, { residentId: a.id, name: '甲' }, true, head);
    const answer = (kind: string, subject: string, who: { residentId?: string; name: string }, score: number, at: string) =>
      owner(sql`INSERT INTO satisfaction (id, area_code, subject_kind, subject_id, worker_id, resident_id, person_name, score, at)
        VALUES (${uuidv7()}, ${c1}, ${kind}, ${subject}, ${sw}, ${who.residentId ?? null}, ${who.name}, ${score}, ${at}::timestamptz)`);
    await answer('activity', act1.id, { residentId: a.id, name: '甲' }, 5, '2026-06-30T12:00:00+08:00');
    await answer('activity', act1.id, { name: '王阿姨' }, 4, '2026-06-30T23:59:59+08:00');
    await answer('group', group, { residentId: b.id, name: '乙' }, 3, '2026-07-01T00:00:00+08:00');
  });
  afterAll(() => t?.close());

  const get = (s: Session, q: string) => s.get(`/api/v1/outputs?${q}`, { 'accept-language': 'zh-CN' });

  it('counts the first half-year by hand: midnight on 30 June / 1 July falls on the right side', async () => {
    const res = await get(huli, `area=${STREET}&from=2026-01-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = {
      casesOpened: 1,
      casesActive: 2,
      casesClosed: 1,
      groups: 1,
      groupSessions: 2,
      activities: 1,
      personTimes: 5,
      people: 3,
      satisfaction: 4.5,
      satisfactionAnswers: 2,
    };
    expect(body.totals).toEqual(expected);
    expect(body.area).toEqual({ code: STREET, name: '殿前街道' });
    expect(body.by).toBe('area');
    const first = body.rows.find((r: { key: string }) => r.key === c1);
    expect(first).toMatchObject({ drill: true, figures: expected });
    expect(body.rows.find((r: { key: string }) => r.key === c2).figures).toMatchObject({ casesActive: 0, personTimes: 0, people: 0 });
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(body.months.map((m: { personTimes: number }) => m.personTimes)).toEqual([0, 0, 0, 0, 3, 2]);
    expect(body.months.map((m: { casesOpened: number }) => m.casesOpened)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(body.months.map((m: { groupSessions: number }) => m.groupSessions)).toEqual([0, 0, 0, 0, 2, 0]);
    expect(body.path).toEqual([{ code: '350206000000', name: '湖里区' }]); // up to the official's own area
  });

  it('takes in 1 July: the midnight activity, the case opened that day, the answer at 00:00', async () => {
    const body = (await get(huli, `area=${STREET}&from=2026-01-01&to=2026-07-01`)).json();
    expect(body.totals).toMatchObject({ casesOpened: 2, casesActive: 3, casesClosed: 1, activities: 2, personTimes: 7, people: 4 });
    expect(body.totals.satisfaction).toBe(4);
    expect(body.totals.satisfactionAnswers).toBe(3);
  });

  it('agrees with core personTimes and distinctPeople on the same attendance', async () => {
    const marks = await t.database.owner((db) =>
      rows<{ occasion: string; person: string; attended: boolean }>(
        db,
        sql`SELECT occasion_id AS occasion, person_key AS person, attended_at IS NOT NULL AS attended FROM attendance
          WHERE area_code LIKE '350206002%' AND occasion_at >= '2026-01-01T00:00:00+08:00' AND occasion_at < '2026-07-01T00:00:00+08:00'`,
      ),
    );
    const body = (await get(huli, `area=${STREET}&from=2026-01-01&to=2026-06-30`)).json();
    expect(personTimes(marks)).toBe(body.totals.personTimes);
    expect(distinctPeople(marks)).toBe(3); // 甲, 乙, 王阿姨 (the sign-up who did not come is not counted twice or at all)
  });

  it('drills into a community and by worker', async () => {
    const community = (await get(huli, `area=${c1}&from=2026-01-01&to=2026-06-30`)).json();
    expect(community.by).toBe('worker'); // nothing below a community: its workers
    expect(community.path.map((p: { code: string }) => p.code)).toEqual(['350206000000', STREET]);
    const byName = Object.fromEntries(community.rows.map((r: { name: string; figures: object }) => [r.name, r.figures]));
    expect(byName['江头社工']).toMatchObject({ casesActive: 2, activities: 1, personTimes: 2, groupSessions: 0, satisfactionAnswers: 2 });
    expect(byName['江头站长']).toMatchObject({ groups: 1, groupSessions: 2, personTimes: 3, casesActive: 0 });
    const district = (await get(huli, 'from=2026-01-01&to=2026-06-30')).json();
    const dianqian = district.rows.find((r: { key: string }) => r.key === STREET);
    expect(dianqian).toMatchObject({ name: '殿前街道', drill: true });
    expect(dianqian.figures.personTimes).toBe(5);
  });

  it('exports the figures to Excel with Chinese headers and a total row', async () => {
    const res = await get(admin, `area=${STREET}&from=2026-01-01&to=2026-06-30&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    // Under the stamp row (who exported it, when): the headers.
    const header = values.find((r) => r.includes('服务人次'))!.slice(1);
    const total = values.find((r) => String(r[2]).includes('合计'))!;
    expect(total[header.indexOf('服务人次') + 1]).toBe(5);
  });

  it('refuses bad periods, other areas and callers without the permission', async () => {
    const reversed = await get(huli, 'from=2026-07-01&to=2026-06-30');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ path: 'from', message: '开始日期不能晚于结束日期' });
    expect((await get(huli, 'to=2099-01-01')).json().errors[0].path).toBe('to');
    expect((await get(huli, 'from=2026-13-40')).statusCode).toBe(400);
    expect((await get(jinshan, `area=${STREET}`)).statusCode).toBe(404);
    expect((await get(volunteer, '')).statusCode).toBe(403);
  });
});
