// Outputs of 微心愿 and 志愿服务 against a hand count: a small, known half-year in 禾山街道 (which
// the demo leaves without wishes, volunteers or hours), with its edges: a wish fulfilled at
// 23:59:59 on 30 June and one cancelled at 00:00 on 1 July (Asia/Shanghai), a claim withdrawn and
// claimed again, a volunteer who left a minute before midnight, one suspended and resumed, hours
// approved after the period's end, a correction after it and an approval later declined. The
// figures are checked against core volunteeringFigures on the same records as well.
import { volunteeringFigures, type ServiceRecord, type VolunteerRecord, type WishRecord } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, idNumber, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const STREET = '350206003000';
const H1 = 'from=2026-01-01&to=2026-06-30';
const at = (s: string) => `${s}+08:00`;

describe('volunteering outputs', () => {
  let t: TestApp;
  let huli: Session;
  let jinshan: Session;
  let volunteer: Session;
  let jiangtou: Session;
  let c1: string;
  let c2: string;
  const owner = (q: ReturnType<typeof sql>) => t.database.owner((db) => db.execute(q));

  beforeAll(async () => {
    t = await startTestApp();
    [huli, jinshan, volunteer, jiangtou] = await Promise.all(
      ['huli', 'jinshan.sw', 'volunteer.demo', 'jiangtou.sw'].map((u) => t.login(u)),
    );
    const communities = await t.database.owner((db) =>
      rows<{ code: string }>(db, sql`SELECT code FROM areas WHERE parent_code = ${STREET} ORDER BY code LIMIT 2`),
    );
    [c1, c2] = communities.map((c) => c.code) as [string, string];
    expect(c2).toBeDefined();
    const sw = await userId(t, 'jiangtou.sw');
    const resident = await createResident(t, { areaCode: c1, name: '禾山居民' });

    const wish = async (area: string, valueFen: number, events: [string, string][]) => {
      const id = uuidv7();
      const first = (a: string) => events.find(([x]) => x === a)?.[1];
      await owner(sql`INSERT INTO wishes (id, area_code, resident_id, title, need, category, value_fen, deadline, status, published_at, first_claimed_at, fulfilled_at, created_at)
        VALUES (${id}, ${area}, ${resident.id}, '助行器', '需要一台助行器', 'goods', ${valueFen}, '2026-12-31', 'draft',
          ${first('publish') ? at(first('publish')!) : null}::timestamptz, ${first('claim') ? at(first('claim')!) : null}::timestamptz,
          ${first('confirm') ? at(first('confirm')!) : null}::timestamptz, ${at(events[0]![1])}::timestamptz)`);
      for (const [action, when] of events)
        await owner(
          sql`INSERT INTO wish_events (id, wish_id, area_code, action, at) VALUES (${uuidv7()}, ${id}, ${area}, ${action}, ${at(when)}::timestamptz)`,
        );
    };
    // W1: posted, claimed and fulfilled in the half-year, a second before its end.
    await wish(c1, 30000, [
      ['create', '2026-03-01T09:00:00'],
      ['submit', '2026-03-02T09:00:00'],
      ['publish', '2026-03-03T09:00:00'],
      ['claim', '2026-03-10T09:00:00'],
      ['deliver', '2026-03-20T09:00:00'],
      ['confirm', '2026-06-30T23:59:59'],
    ]);
    // W2: posted in May, still open at the end of June, cancelled at midnight.
    await wish(c1, 5000, [
      ['create', '2026-05-01T09:00:00'],
      ['publish', '2026-05-03T09:00:00'],
      ['cancel', '2026-07-01T00:00:00'],
    ]);
    // W3: claimed, withdrawn (open again), claimed again at midnight.
    await wish(c2, 8000, [
      ['create', '2026-06-01T09:00:00'],
      ['publish', '2026-06-05T09:00:00'],
      ['claim', '2026-06-10T09:00:00'],
      ['withdraw', '2026-06-15T09:00:00'],
      ['claim', '2026-07-01T00:00:00'],
    ]);
    // W4: a draft written an hour before the end; an edit changes no status.
    await wish(c2, 2000, [
      ['create', '2026-06-30T23:00:00'],
      ['edit', '2026-06-30T23:30:00'],
    ]);
    // W5: posted last year, first claimed at the first instant of the period, delivered.
    await wish(c1, 10000, [
      ['create', '2025-12-01T09:00:00'],
      ['publish', '2025-12-05T09:00:00'],
      ['claim', '2026-01-01T00:00:00'],
      ['deliver', '2026-01-10T09:00:00'],
      ['confirm', '2026-07-02T09:00:00'],
    ]);

    let n = 0;
    const person = async (area: string, events: [string, string, string][]) => {
      const id = uuidv7();
      n++;
      await owner(sql`INSERT INTO volunteers (id, area_code, volunteer_no, name, mobile_cipher, mobile_hash, mobile_masked, status, source, confirmed_at, created_at)
        VALUES (${id}, ${area}, ${'VT' + String(n).padStart(6, '0')}, ${'禾山志愿者' + n}, 'x', ${'outputs-test-' + id}, '138****0000',
          ${events.at(-1)![1]}, ${events[0]![1] === 'pending' ? 'self' : 'station'},
          ${events.at(-1)![1] === 'pending' ? null : at(events[0]![2])}::timestamptz, ${at(events[0]![2])}::timestamptz)`);
      for (const [action, status, when] of events)
        await owner(sql`INSERT INTO volunteer_events (id, volunteer_id, area_code, action, status, at)
          VALUES (${uuidv7()}, ${id}, ${area}, ${action}, ${status}, ${at(when)}::timestamptz)`);
      return { id, no: 'VT' + String(n).padStart(6, '0'), name: '禾山志愿者' + n };
    };
    const v1 = await person(c1, [['register', 'active', '2025-06-01T09:00:00']]);
    const v2 = await person(c1, [
      ['register', 'pending', '2026-02-01T09:00:00'],
      ['confirm', 'active', '2026-02-03T09:00:00'],
      ['leave', 'left', '2026-06-30T23:59:00'],
    ]);
    await person(c2, [['register', 'active', '2026-07-01T00:00:00']]);
    const v4 = await person(c2, [
      ['register', 'active', '2026-04-01T09:00:00'],
      ['suspend', 'suspended', '2026-05-01T09:00:00'],
      ['resume', 'active', '2026-06-01T09:00:00'],
    ]);
    await person(c2, [['register', 'pending', '2026-03-01T09:00:00']]);

    const activity = async (area: string, startsAt: string) => {
      const id = uuidv7();
      await owner(sql`INSERT INTO activities (id, area_code, title, place, starts_at, ends_at, organiser_id, status)
        VALUES (${id}, ${area}, '助老服务', '社区活动室', ${at(startsAt)}::timestamptz, ${at(startsAt)}::timestamptz + interval '3 hours', ${sw}, 'held')`);
      return { id, area, startsAt };
    };
    const served = async (
      a: { id: string; area: string; startsAt: string },
      v: { id: string; no: string; name: string },
      decisions: [string, number, string][],
    ) => {
      const id = uuidv7();
      await owner(sql`INSERT INTO service_hours (id, activity_id, volunteer_id, area_code, volunteer_name, volunteer_no, checkin_at, checkout_at, checkin_method, minutes, status, served_on)
        VALUES (${id}, ${a.id}, ${v.id}, ${a.area}, ${v.name}, ${v.no}, ${at(a.startsAt)}::timestamptz, ${at(a.startsAt)}::timestamptz + interval '3 hours', 'list', 180,
          'pending', ${a.startsAt.slice(0, 10)})`);
      for (const [action, minutes, when] of decisions)
        await owner(sql`INSERT INTO service_hour_events (id, hours_id, area_code, action, minutes_after, at)
          VALUES (${uuidv7()}, ${id}, ${a.area}, ${action}, ${minutes}, ${at(when)}::timestamptz)`);
    };
    const late = await activity(c1, '2026-06-30T20:00:00');
    const may = await activity(c1, '2026-05-10T09:00:00');
    const june = await activity(c2, '2026-06-15T09:00:00');
    const june20 = await activity(c2, '2026-06-20T09:00:00');
    const july = await activity(c2, '2026-07-01T00:30:00');
    const jan = await activity(c1, '2026-01-05T09:00:00');
    await served(late, v1, [['approve', 90, '2026-06-30T23:50:00']]);
    await served(may, v2, [
      ['approve', 120, '2026-05-11T09:00:00'],
      ['correct', 60, '2026-07-02T09:00:00'],
    ]);
    await served(june, v4, [['decline', 0, '2026-06-16T09:00:00']]);
    await served(june20, v4, [['approve', 100, '2026-07-01T00:00:00']]);
    await served(july, v1, [['approve', 80, '2026-07-01T10:00:00']]);
    await served(jan, v1, [
      ['approve', 180, '2026-01-06T09:00:00'],
      ['decline', 0, '2026-03-01T09:00:00'],
    ]);
  });
  afterAll(() => t?.close());

  const get = (s: Session, q: string) => s.get(`/api/v1/outputs/volunteering?${q}`, { 'accept-language': 'zh-CN' });
  const row = (body: { rows: { key: string; figures: object }[] }, key: string) => body.rows.find((r) => r.key === key)!.figures;

  it('counts the half-year by hand, as it stood at midnight on 30 June', async () => {
    const res = await get(huli, `area=${STREET}&${H1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.area).toEqual({ code: STREET, name: '禾山街道' });
    expect(body.totals).toEqual({
      wishesPosted: 3,
      wishesClaimed: 3,
      wishesFulfilled: 1,
      fulfilledValueFen: 30000,
      wishesOpen: 2,
      volunteersRegistered: 2,
      volunteersNew: 3,
      volunteersActive: 2,
      services: 2,
      serviceMinutes: 210,
    });
    expect(row(body, c1)).toEqual({
      wishesPosted: 2,
      wishesClaimed: 2,
      wishesFulfilled: 1,
      fulfilledValueFen: 30000,
      wishesOpen: 1,
      volunteersRegistered: 1,
      volunteersNew: 1,
      volunteersActive: 2,
      services: 2,
      serviceMinutes: 210,
    });
    expect(row(body, c2)).toMatchObject({
      wishesPosted: 1,
      wishesClaimed: 1,
      wishesOpen: 1,
      volunteersRegistered: 1,
      volunteersNew: 2,
      serviceMinutes: 0,
    });
    const status = Object.fromEntries(
      body.statuses.map((s: { status: string; count: number; valueFen: number }) => [s.status, [s.count, s.valueFen]]),
    );
    expect(status).toEqual({
      draft: [1, 2000],
      submitted: [0, 0],
      returned: [0, 0],
      published: [2, 13000],
      claimed: [0, 0],
      delivered: [1, 10000],
      fulfilled: [1, 30000],
      cancelled: [0, 0],
    });
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(body.months.map((m: { wishesPosted: number }) => m.wishesPosted)).toEqual([0, 0, 1, 0, 1, 1]);
    expect(body.months.map((m: { fulfilledValueFen: number }) => m.fulfilledValueFen)).toEqual([0, 0, 0, 0, 0, 30000]);
    expect(body.months.map((m: { volunteersNew: number }) => m.volunteersNew)).toEqual([0, 1, 1, 1, 0, 0]);
    expect(body.months.map((m: { serviceMinutes: number }) => m.serviceMinutes)).toEqual([0, 0, 0, 0, 120, 90]);
    expect(body.path).toEqual([{ code: '350206000000', name: '湖里区' }]);
  });

  it('takes in 1 July: the cancel and the claim at midnight, the volunteer and the hours decided that day', async () => {
    const body = (await get(huli, `area=${STREET}&from=2026-01-01&to=2026-07-01`)).json();
    expect(body.totals).toMatchObject({
      wishesPosted: 3,
      wishesClaimed: 3, // W3's first claim was in June
      wishesOpen: 0,
      volunteersRegistered: 3,
      volunteersNew: 4,
      volunteersActive: 3,
      services: 4,
      serviceMinutes: 390,
    });
    const status = Object.fromEntries(body.statuses.map((s: { status: string; count: number }) => [s.status, s.count]));
    expect(status).toMatchObject({ published: 0, claimed: 1, cancelled: 1, delivered: 1, fulfilled: 1 });
  });

  it('a past period keeps a correction made after it out; a period that takes it in shows it', async () => {
    const may = (await get(huli, `area=${c1}&from=2026-05-01&to=2026-05-31`)).json();
    expect(may.totals.serviceMinutes).toBe(120); // approved 120 on 11 May; corrected to 60 only on 2 July
    expect(may.rows).toEqual([]); // nothing below a community
    expect((await get(huli, `area=${c1}&from=2026-05-01&to=2026-07-02`)).json().totals.serviceMinutes).toBe(60 + 90);
  });

  it('agrees with core volunteeringFigures on the same records', async () => {
    const read = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
    const wishes = await read<{
      id: string;
      valueFen: number;
      publishedAt: Date | null;
      firstClaimedAt: Date | null;
      fulfilledAt: Date | null;
    }>(
      sql`SELECT id, value_fen AS "valueFen", published_at AS "publishedAt", first_claimed_at AS "firstClaimedAt", fulfilled_at AS "fulfilledAt"
        FROM wishes WHERE area_code LIKE '350206003%'`,
    );
    const wishEvents = await read<{ wishId: string; action: string; at: Date }>(
      sql`SELECT wish_id AS "wishId", action, at FROM wish_events WHERE area_code LIKE '350206003%' ORDER BY at, id`,
    );
    const volunteerEvents = await read<{ volunteerId: string; action: string; status: string; at: Date }>(
      sql`SELECT volunteer_id AS "volunteerId", action, status, at FROM volunteer_events WHERE area_code LIKE '350206003%' ORDER BY at, id`,
    );
    const hours = await read<{ id: string; volunteerId: string; servedOn: string }>(
      sql`SELECT id, volunteer_id AS "volunteerId", served_on::text AS "servedOn" FROM service_hours WHERE area_code LIKE '350206003%'`,
    );
    const hourEvents = await read<{ hoursId: string; action: string; minutesAfter: number | null; at: Date }>(
      sql`SELECT hours_id AS "hoursId", action, minutes_after AS "minutesAfter", at FROM service_hour_events WHERE area_code LIKE '350206003%' ORDER BY at, id`,
    );
    const date = (d: Date | null) => (d ? new Date(d) : null);
    const records = {
      wishes: wishes.map(
        (w): WishRecord => ({
          valueFen: w.valueFen,
          publishedAt: date(w.publishedAt),
          firstClaimedAt: date(w.firstClaimedAt),
          fulfilledAt: date(w.fulfilledAt),
          events: wishEvents.filter((e) => e.wishId === w.id).map((e) => ({ action: e.action, at: new Date(e.at) })),
        }),
      ),
      volunteers: [...new Set(volunteerEvents.map((e) => e.volunteerId))].map(
        (id): VolunteerRecord => ({
          events: volunteerEvents
            .filter((e) => e.volunteerId === id)
            .map((e) => ({ action: e.action, status: e.status, at: new Date(e.at) })),
        }),
      ),
      hours: hours.map(
        (h): ServiceRecord => ({
          volunteerId: h.volunteerId,
          servedOn: h.servedOn,
          events: hourEvents
            .filter((e) => e.hoursId === h.id)
            .map((e) => ({ action: e.action, minutesAfter: e.minutesAfter, at: new Date(e.at) })),
        }),
      ),
    };
    for (const [from, to] of [
      ['2026-01-01', '2026-06-30'],
      ['2026-01-01', '2026-07-01'],
      ['2026-05-01', '2026-06-30'],
      ['2026-07-01', '2026-07-02'],
    ] as const) {
      const body = (await get(huli, `area=${STREET}&from=${from}&to=${to}`)).json();
      expect(body.totals, `${from}..${to}`).toEqual(volunteeringFigures(records, from, to));
    }
  });

  it('rolls the street into the district and exports to Excel with a total row', async () => {
    const district = (await get(huli, H1)).json();
    const heshan = district.rows.find((r: { key: string }) => r.key === STREET);
    expect(heshan).toMatchObject({ name: '禾山街道', drill: true });
    expect(heshan.figures.wishesFulfilled).toBe(1);
    expect(heshan.figures.serviceMinutes).toBe(210);
    const res = await get(huli, `area=${STREET}&${H1}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const header = values.find((r) => r.includes('实现心愿价值（元）'))!;
    const total = values.find((r) => String(r[2]).includes('合计'))!;
    expect(total[header.indexOf('实现心愿价值（元）')]).toBe(300);
    expect(total[header.indexOf('服务时长（小时）')]).toBe(3.5);
    expect(total[header.indexOf('期末在册志愿者')]).toBe(2);
  });

  it("today's register agrees with the volunteers' statuses, and a station's register and suspension move it", async () => {
    const today = () => get(huli, 'area=350206000000').then((r) => r.json().totals.volunteersRegistered as number);
    const active = async () =>
      (
        await t.database.owner((db) =>
          rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM volunteers WHERE status = 'active' AND area_code LIKE '350206%'`),
        )
      )[0]!.n;
    const before = await today();
    expect(before).toBe(await active()); // the demo's history and the register agree
    expect(before).toBeGreaterThan(100);
    const [community] = await t.database.owner((db) =>
      rows<{ code: string }>(db, sql`SELECT code FROM areas WHERE parent_code = '350206004000' ORDER BY code LIMIT 1`),
    );
    const res = await jiangtou.post('/api/v1/volunteers', {
      name: '新志愿者',
      idNumber: idNumber(9911, '19900101'),
      mobile: '13912349911',
      areaCode: community!.code,
      skills: ['repair'],
      availability: null,
      teamIds: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await today()).toBe(before + 1);
    const v = res.json();
    const moved = await jiangtou.post(`/api/v1/volunteers/${v.id}/transition`, { action: 'suspend', version: v.version, reason: '暂停' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await today()).toBe(before);
    expect(await active()).toBe(before);
  });

  it('refuses bad periods, other areas and callers without the permission', async () => {
    const reversed = await get(huli, 'from=2026-07-01&to=2026-06-30');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ path: 'from', message: '开始日期不能晚于结束日期' });
    expect((await get(huli, 'to=2099-01-01')).json().errors[0].path).toBe('to');
    expect((await get(huli, 'area=abc')).statusCode).toBe(400);
    expect((await get(jinshan, `area=${STREET}`)).statusCode).toBe(404);
    expect((await get(volunteer, '')).statusCode).toBe(403);
  });
});
