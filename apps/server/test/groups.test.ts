// Groups (小组): every route's success, bad input (zh/en), 403 without group.write, another
// street's group 404, stale writes 409, the double-tapped record, and person-times counted by
// SQL against core personTimes / distinctPeople on the same marks, by hand.
import { distinctPeople, personTimes, type AttendanceMark } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('groups', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let official: Session;
  let residents: { id: string; name: string }[];
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    [sw, jinshan, official] = await Promise.all(['jiangtou.sw', 'jinshan.sw', 'huli'].map((u) => t.login(u)));
    residents = await owner(
      sql`SELECT id, name FROM residents WHERE area_code LIKE '350206004%' AND status = 'active' ORDER BY id LIMIT 3`,
    );
  });
  afterAll(() => t?.close());

  const create = (s: Session, body: Record<string, unknown> = {}, lang = 'zh-CN') =>
    s.post(
      '/api/v1/groups',
      {
        name: '长者互助小组',
        type: 'mutual_aid',
        goal: '减少独居长者的孤独感',
        schedule: { count: 4, firstAt: daysAgo(15) },
        ...body,
      },
      { 'accept-language': lang },
    );

  it('the demo holds a year of groups in 江头 and 金山, recorded, some ended with satisfaction, some recruiting', async () => {
    const jt = (await sw.get('/api/v1/groups?pageSize=100')).json();
    expect(jt.total).toBe(12);
    const statuses = jt.items.map((g: { status: string }) => g.status);
    expect(statuses.filter((s: string) => s === 'recruiting')).toHaveLength(2);
    expect(statuses.filter((s: string) => s === 'ended').length).toBeGreaterThan(5);
    const ended = jt.items.find((g: { status: string }) => g.status === 'ended');
    // Not everyone every time: fewer person-times than members × sessions.
    expect(ended.personTimes).toBeGreaterThan(0);
    expect(ended.personTimes).toBeLessThan(ended.memberCount * ended.sessionsHeld + ended.sessionsHeld);
    expect((await sw.get(`/api/v1/groups/${ended.id}`)).json().satisfaction).toBeGreaterThanOrEqual(4);
    expect((await jinshan.get('/api/v1/groups')).json().total).toBe(4);
  });

  it('creates a group with weekly sessions; refuses bad input, callers without group.write, other streets', async () => {
    const res = await create(sw);
    expect(res.statusCode).toBe(201);
    const g = res.json();
    expect(g).toMatchObject({ status: 'recruiting', sessionsPlanned: 4, sessionsHeld: 0, memberCount: 0, personTimes: 0, version: 1 });
    expect(g.areaCode).toBe('350206004000');
    const sessions = (await sw.get(`/api/v1/groups/${g.id}/sessions`)).json().items;
    expect(sessions.map((s: { theme: string }) => s.theme)).toEqual(['第1节', '第2节', '第3节', '第4节']);
    expect(Date.parse(sessions[1].startsAt) - Date.parse(sessions[0].startsAt)).toBe(7 * 86_400_000);

    const bad = await create(sw, { name: ' ', type: 'nope', schedule: undefined }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: expect.any(String) },
        { path: 'schedule', message: 'Give a count and the first session, or list every session (one of the two)' },
      ]),
    );
    const badType = await create(sw, { type: 'nope' });
    expect(badType.json().errors).toEqual([{ path: 'type', message: '请选择代码表中的小组类型' }]);
    expect((await create(sw, { areaCode: '350206005000' })).json().errors[0].path).toBe('areaCode');
    expect((await create(sw, { workerId: jinshan.actor.id })).json().errors[0].path).toBe('workerId');
    expect((await create(official)).statusCode).toBe(403);

    // Reads: the list (mine, type), another street's group answers 404, and edits.
    const mine = (await sw.get('/api/v1/groups?worker=me&type=mutual_aid&q=长者互助')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(g.id);
    expect((await jinshan.get(`/api/v1/groups/${g.id}`)).statusCode).toBe(404);
    expect((await jinshan.get('/api/v1/groups?q=长者互助')).json().total).toBe(0);
    expect((await official.get(`/api/v1/groups/${g.id}`)).statusCode).toBe(200);
    const edited = await sw.patch(`/api/v1/groups/${g.id}`, { version: 1, goal: '建立互助网络' });
    expect(edited.json()).toMatchObject({ goal: '建立互助网络', version: 2 });
    expect((await sw.patch(`/api/v1/groups/${g.id}`, { version: 1, goal: '旧' })).statusCode).toBe(409);
    expect((await jinshan.patch(`/api/v1/groups/${g.id}`, { version: 2, goal: '他' })).statusCode).toBe(404);
    expect((await official.patch(`/api/v1/groups/${g.id}`, { version: 2, goal: '他' })).statusCode).toBe(403);
    const end = await sw.patch(`/api/v1/groups/${g.id}`, { version: 2, status: 'ended' }, { 'accept-language': 'en' });
    expect(end.json().errors).toEqual([{ path: 'status', message: 'A group ends after at least one session was held' }]);
  });

  it('adds members once, lets one leave, records sessions and counts person-times by hand', async () => {
    const g = (await create(sw, { name: '人次小组' })).json();
    const url = `/api/v1/groups/${g.id}`;
    const [a, b, c] = residents;
    const added = await sw.post(`${url}/members`, { residentIds: [a!.id, b!.id], others: [{ name: '王 阿姨', mobile: '' }] });
    expect(added.statusCode).toBe(200);
    expect(added.json().items).toHaveLength(3);
    // Again: nobody twice.
    expect((await sw.post(`${url}/members`, { residentIds: [a!.id], others: [{ name: '王 阿姨' }] })).json().items).toHaveLength(3);
    const other = (await owner<{ id: string }>(sql`SELECT id FROM residents WHERE area_code LIKE '350206005%' LIMIT 1`))[0]!;
    expect((await sw.post(`${url}/members`, { residentIds: [other.id] })).statusCode).toBe(404);
    expect((await sw.post(`${url}/members`, {}, { 'accept-language': 'en' })).json().errors[0]).toEqual({
      path: 'residentIds',
      message: 'Add at least one resident or another person',
    });
    expect((await official.post(`${url}/members`, { residentIds: [c!.id] })).statusCode).toBe(403);
    expect((await jinshan.post(`${url}/members`, { residentIds: [c!.id] })).statusCode).toBe(404);
    const cAdded = (await sw.post(`${url}/members`, { residentIds: [c!.id] })).json().items;
    const id = (name: string) => cAdded.find((m: { personName: string }) => m.personName === name).id as string;
    const [ma, mb, mc, mw] = [id(a!.name), id(b!.name), id(c!.name), id('王 阿姨')];

    const sessions = (await sw.get(`${url}/sessions`)).json().items;
    const record = (s: { id: string; version: number }, present: string[], guests: { name: string }[] = []) =>
      sw.post(`${url}/sessions/${s.id}/record`, {
        version: s.version,
        presentMemberIds: present,
        guests,
        content: '破冰与相互认识',
        evaluation: '气氛融洽',
      });
    // Session 1: a, b, 王 and a guest; c absent.
    const r1 = await record(sessions[0], [ma, mb, mw], [{ name: '李叔' }]);
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({ status: 'held', present: 4, guests: ['李叔'] });
    expect(r1.json().presentMemberIds.sort()).toEqual([ma, mb, mw].sort());
    // The same record tapped twice: the same answer, nothing doubled.
    const again = await record(sessions[0], [ma, mb, mw], [{ name: '李叔' }]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(r1.json());
    // Stale and different: 409.
    expect((await record(sessions[0], [ma])).statusCode).toBe(409);
    // Re-recorded at its version: b was not there after all (the marks are replaced).
    const r1b = await record(r1.json(), [ma, mw], [{ name: '李叔' }]);
    expect(r1b.json().present).toBe(3);
    // Session 2: a and c.
    await record(sessions[1], [ma, mc]);
    // Session 4 is in the future: not recordable yet.
    expect((await record(sessions[3], [ma])).json().errors[0].path).toBe('presentMemberIds');
    expect((await jinshan.post(`${url}/sessions/${sessions[1].id}/record`, { version: 1, content: 'x', evaluation: 'y' })).statusCode).toBe(
      404,
    );
    expect(
      (await official.post(`${url}/sessions/${sessions[1].id}/record`, { version: 1, content: 'x', evaluation: 'y' })).statusCode,
    ).toBe(403);
    expect((await sw.post(`${url}/sessions/${sessions[1].id}/record`, { version: 2, content: '' })).statusCode).toBe(400);

    // By hand: session 1 a, 王, 李叔 (3); session 2 a, c (2): 5 person-times, 4 people.
    const g2 = (await sw.get(url)).json();
    expect(g2).toMatchObject({ status: 'running', sessionsHeld: 2, sessionsPlanned: 4, memberCount: 4, personTimes: 5 });
    const marks = await owner<{ occasion: string; person: string; attended: boolean }>(
      sql`SELECT occasion_id AS occasion, person_key AS person, attended_at IS NOT NULL AS attended FROM attendance
        WHERE occasion_kind = 'group_session' AND occasion_id IN (SELECT id FROM group_sessions WHERE group_id = ${g.id})`,
    );
    expect(personTimes(marks as AttendanceMark[])).toBe(5);
    expect(distinctPeople(marks as AttendanceMark[])).toBe(4);
    // Absent members are on the list, not present: b and c at session 1, b and 王 at session 2.
    expect(marks.filter((m) => !m.attended)).toHaveLength(4);
    const members = (await sw.get(`${url}/members`)).json().items;
    expect(Object.fromEntries(members.map((m: { id: string; attended: number }) => [m.id, m.attended]))).toEqual({
      [ma]: 2,
      [mb]: 0,
      [mc]: 1,
      [mw]: 1,
    });

    // b leaves (twice: the same), and the list counts the current members.
    const left = await sw.post(`${url}/members/${mb}/leave`);
    expect(left.json().items.find((m: { id: string }) => m.id === mb).leftOn).not.toBeNull();
    expect((await sw.post(`${url}/members/${mb}/leave`)).statusCode).toBe(200);
    expect((await jinshan.post(`${url}/members/${mb}/leave`)).statusCode).toBe(404);
    expect((await sw.get(url)).json().memberCount).toBe(3);

    // Satisfaction: two answers, one replaced; mean (5 + 4) / 2 = 4.5.
    expect((await sw.post(`${url}/satisfaction`, { memberId: ma, score: 3 })).statusCode).toBe(200);
    await sw.post(`${url}/satisfaction`, { memberId: ma, score: 5, comment: '很开心' });
    const sat = (await sw.post(`${url}/satisfaction`, { memberId: mc, score: 4 })).json();
    expect(sat.mean).toBe(4.5);
    expect(sat.items).toHaveLength(2);
    expect((await sw.post(`${url}/satisfaction`, { memberId: ma, score: 6 }, { 'accept-language': 'en' })).json().errors).toEqual([
      { path: 'score', message: 'A score is 1 to 5' },
    ]);
    expect((await official.post(`${url}/satisfaction`, { memberId: ma, score: 4 })).statusCode).toBe(403);
    expect((await jinshan.get(`${url}/satisfaction`)).statusCode).toBe(404);
    expect((await sw.get(`${url}/satisfaction`)).json().mean).toBe(4.5);
    expect((await sw.get(url)).json()).toMatchObject({ satisfaction: 4.5, satisfactionCount: 2 });

    // End it; then it no longer changes, and cannot be cancelled.
    const ended = await sw.patch(url, { version: g2.version, status: 'ended' });
    expect(ended.json().status).toBe('ended');
    expect((await sw.patch(url, { version: ended.json().version, status: 'cancelled' })).json().errors[0].path).toBe('status');
  });

  it('plans, reschedules and cancels sessions; the attendance follows a moved session; cancels a group before any session', async () => {
    const g = (
      await create(sw, { name: '改期小组', schedule: undefined, sessions: [{ startsAt: daysAgo(2), endsAt: daysAgo(1.9) }] })
    ).json();
    const url = `/api/v1/groups/${g.id}`;
    expect(g.sessionsPlanned).toBe(1);
    const bad = await sw.post(`${url}/sessions`, { startsAt: daysAgo(-3), endsAt: daysAgo(-2.9) }, { 'accept-language': 'en' });
    expect(bad.json().errors).toEqual([{ path: 'endsAt', message: 'The end must be after the start' }]);
    const added = await sw.post(`${url}/sessions`, { startsAt: daysAgo(-3), endsAt: daysAgo(-3.1), theme: '总结' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ seq: 2, theme: '总结', status: 'planned' });
    expect((await official.post(`${url}/sessions`, { startsAt: daysAgo(-3), endsAt: daysAgo(-3.1) })).statusCode).toBe(403);
    expect((await jinshan.post(`${url}/sessions`, { startsAt: daysAgo(-3), endsAt: daysAgo(-3.1) })).statusCode).toBe(404);
    expect((await sw.get(url)).json().sessionsPlanned).toBe(2);

    // Record the first with a guest, then try to move it (held: refused); move the second.
    const [first] = (await sw.get(`${url}/sessions`)).json().items;
    const held = (
      await sw.post(`${url}/sessions/${first.id}/record`, {
        version: first.version,
        guests: [{ name: '张三' }],
        content: 'c',
        evaluation: 'e',
      })
    ).json();
    expect((await sw.patch(`${url}/sessions/${first.id}`, { version: held.version, startsAt: daysAgo(3) })).statusCode).toBe(400);
    const s2 = added.json();
    const moved = await sw.patch(`${url}/sessions/${s2.id}`, { version: s2.version, startsAt: daysAgo(-4) });
    expect(moved.json().version).toBe(2);
    expect(Date.parse(moved.json().endsAt) - Date.parse(moved.json().startsAt)).toBe(Date.parse(s2.endsAt) - Date.parse(s2.startsAt));
    expect((await sw.patch(`${url}/sessions/${s2.id}`, { version: 1, theme: '旧' })).statusCode).toBe(409);
    expect((await jinshan.patch(`${url}/sessions/${s2.id}`, { version: 2, theme: '他' })).statusCode).toBe(404);
    expect((await official.patch(`${url}/sessions/${s2.id}`, { version: 2, theme: '他' })).statusCode).toBe(403);
    const cancelled = await sw.patch(`${url}/sessions/${s2.id}`, { version: 2, status: 'cancelled' });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await sw.get(url)).json().sessionsPlanned).toBe(1);

    // The first session moved by hand in the table would not matter: the attendance carries its time.
    const [mark] = await owner<{ at: string }>(
      sql`SELECT to_char(occasion_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM attendance WHERE occasion_id = ${first.id}`,
    );
    expect(mark!.at).toBe(first.startsAt);

    // A group that held a session cannot be cancelled; one that held none can.
    const gNow = (await sw.get(url)).json();
    expect((await sw.patch(url, { version: gNow.version, status: 'cancelled' })).json().errors[0].path).toBe('status');
    const fresh = (await create(sw, { name: '取消小组' })).json();
    const c = await sw.patch(`/api/v1/groups/${fresh.id}`, { version: 1, status: 'cancelled' });
    expect(c.json()).toMatchObject({ status: 'cancelled' });
    expect((await sw.post(`/api/v1/groups/${fresh.id}/members`, { others: [{ name: '甲' }] })).statusCode).toBe(400);
  });

  it('exports the filtered list', async () => {
    const res = await sw.get('/api/v1/groups/export?q=小组');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
