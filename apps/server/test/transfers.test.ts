// Transfers (调入/调出): 金山 asks for a resident held by 江头; 江头's head declines or
// approves. One transaction moves the record and every row about it; RLS holds throughout.
import { addDays, shanghaiToday } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from './factories.ts';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const JINSHAN_COMMUNITY = '350206005013'; // 高林社区
const LINKED = ['contacts', 'assessments', 'care_level_changes', 'follow_ups'] as const;

describe('transfers between stations', () => {
  let t: TestApp;
  let jinshan: Session;
  let head: Session;
  let jiangtouSw: Session;
  let resident: { id: string; idNumber: string; name: string; areaCode: string };
  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const linkedAreas = async (id: string) => {
    const out: Record<string, string[]> = {};
    for (const table of [...LINKED, 'attachments']) {
      const q =
        table === 'attachments'
          ? sql`SELECT DISTINCT a.area_code FROM attachments a JOIN contacts c ON c.id = a.contact_id WHERE c.resident_id = ${id}`
          : sql`SELECT DISTINCT area_code FROM ${sql.identifier(table)} WHERE resident_id = ${id}`;
      out[table] = (await owner<{ area_code: string }>(q)).map((r) => r.area_code);
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [jinshan, head, jiangtouSw] = await Promise.all(['jinshan.sw', 'jiangtou.head', 'jiangtou.sw'].map((u) => t.login(u)));
    // A 江头 demo resident with contacts and assessments; one of each linked kind made sure of.
    const [r] = await owner<{ id: string; id_cipher: string; name: string; area_code: string }>(
      sql`SELECT r.id, r.id_cipher, r.name, r.area_code FROM residents r
        WHERE r.area_code LIKE '350206004%' AND r.status = 'active'
          AND EXISTS (SELECT 1 FROM contacts c WHERE c.resident_id = r.id) AND EXISTS (SELECT 1 FROM assessments a WHERE a.resident_id = r.id)
        ORDER BY r.id LIMIT 1`,
    );
    resident = { id: r!.id, idNumber: t.services.keys.open(r!.id_cipher), name: r!.name, areaCode: r!.area_code };
    await owner(
      sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at) VALUES (${uuidv7()}, ${r!.id}, ${r!.area_code}, 'x', now())`,
    );
    await owner(sql`INSERT INTO attachments (id, contact_id, area_code, filename, content_type, size, content)
      SELECT ${uuidv7()}, id, area_code, 'a.txt', 'text/plain', 1, 'eA==' FROM contacts WHERE resident_id = ${r!.id} LIMIT 1`);
  });
  afterAll(() => t?.close());

  const ask = (s: Session, body: Record<string, unknown>, lang = 'zh-CN') =>
    s.post('/api/v1/transfers', { toAreaCode: JINSHAN_COMMUNITY, ...body }, { 'accept-language': lang });
  const decide = (s: Session, id: string, body: Record<string, unknown>) => s.post(`/api/v1/transfers/${id}/decision`, body);

  it('the demo holds transfers in each state; its approval left the resident in the receiving station', async () => {
    // Seeded through the services as the demo accounts, on past dates (transfers.demo.ts).
    type Row = { id: string; resident_id: string; status: string; from_area_code: string; to_area_code: string; to_worker_id: string };
    const demo = await owner<Row & { decision_reason: string | null; requested_at: Date; decided_at: Date | null }>(
      sql`SELECT id, resident_id, status, from_area_code, to_area_code, to_worker_id, decision_reason, requested_at, decided_at
        FROM transfers ORDER BY requested_at`,
    );
    const way = (r: Row) => `${r.status} ${r.from_area_code.slice(0, 9)}→${r.to_area_code.slice(0, 9)}`;
    expect(demo.map(way)).toEqual([
      'approved 350206004→350206005',
      'declined 350206004→350206005',
      'pending 350206004→350206005', // 金山 asks; waits for 江头's head
      'pending 350206005→350206004', // 江头 asks; waits for 金山
    ]);
    const dayStart = new Date(`${shanghaiToday(new Date())}T00:00:00+08:00`);
    for (const r of demo) expect(new Date(r.requested_at).getTime()).toBeLessThan(dayStart.getTime());
    expect(demo[1]!.decision_reason).toBeTruthy();
    // The head sees the request to decide, with its notification; 金山 sees its request as in.
    const out = (await head.get('/api/v1/transfers?direction=out&status=pending')).json().items as { id: string }[];
    expect(out.map((i) => i.id)).toEqual([demo[2]!.id]);
    const asked = (await head.get('/api/v1/notifications')).json().items as { kind: string }[];
    expect(asked.some((n) => n.kind === 'transfer.requested')).toBe(true);
    const inbound = (await jinshan.get('/api/v1/transfers?direction=in&status=all')).json().items as { id: string; status: string }[];
    expect(inbound.map((i) => i.status).sort()).toEqual(['approved', 'declined', 'pending']);

    // The approved one: the record, its visits and its worker are 金山's; 江头 no longer reads it.
    const approved = demo[0]!;
    const moved = await jinshan.get(`/api/v1/residents/${approved.resident_id}`);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ areaCode: approved.to_area_code, assignedWorkerId: approved.to_worker_id });
    expect(approved.to_worker_id).toBe(jinshan.actor.id);
    expect((await jiangtouSw.get(`/api/v1/residents/${approved.resident_id}`)).statusCode).toBe(404);
    expect((await linkedAreas(approved.resident_id)).contacts).toEqual([approved.to_area_code]);
    // What a real approval writes besides: the community history on the decision's date, and both stations' audit lines.
    const history = await owner<{ from_area: string; area_code: string; changed_at: Date }>(
      sql`SELECT from_area, area_code, changed_at FROM resident_status_changes WHERE resident_id = ${approved.resident_id}`,
    );
    expect(history).toEqual([{ from_area: approved.from_area_code, area_code: approved.to_area_code, changed_at: approved.decided_at }]);
    const lines = await owner<{ action: string; area_code: string }>(
      sql`SELECT action, area_code FROM audit_log WHERE target_id IN (${approved.id}, ${approved.resident_id}) ORDER BY seq`,
    );
    expect(lines.map((l) => `${l.action} ${l.area_code.slice(0, 9)}`).sort()).toEqual(
      [
        'transfer.request 350206004',
        'transfer.request 350206005',
        'resident.transfer.out 350206004',
        'resident.transfer.in 350206005',
        'transfer.approve 350206004',
        'transfer.approve 350206005',
      ].sort(),
    );
  });

  it('before approval the receiving station cannot read the record; its request shows masks only', async () => {
    expect((await jinshan.get(`/api/v1/residents/${resident.id}`)).statusCode).toBe(404);
    const res = await ask(jinshan, { idNumber: resident.idNumber, note: '已搬至金山' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      residentId: resident.id,
      status: 'pending',
      direction: 'in',
      fromStreetName: '江头街道',
      toAreaCode: JINSHAN_COMMUNITY,
      toWorkerId: jinshan.actor.id,
      requestedByName: jinshan.actor.displayName,
    });
    expect(body.residentNameMasked).toMatch(/\*/);
    expect(res.body).not.toContain(resident.name);
    expect(res.body).not.toContain(resident.idNumber);
    expect(body.idMasked).toBe(resident.idNumber.slice(0, 3) + '*'.repeat(11) + resident.idNumber.slice(-4));
    // Still not readable, nor findable by name, until the holding station approves.
    expect((await jinshan.get(`/api/v1/residents/${resident.id}`)).statusCode).toBe(404);
    // The holding station's head is told.
    const notes = (await head.get('/api/v1/notifications')).json().items as { kind: string; body: string }[];
    expect(notes.some((n) => n.kind === 'transfer.requested' && n.body.includes(body.residentNameMasked))).toBe(true);
    // Both stations list it: 江头 as out, 金山 as in.
    const out = (await head.get('/api/v1/transfers?direction=out&status=pending')).json();
    expect(out.items.map((i: { id: string; direction: string }) => [i.id, i.direction])).toContainEqual([body.id, 'out']);
    expect((await jinshan.get('/api/v1/transfers?direction=out')).json().items.map((i: { id: string }) => i.id)).not.toContain(body.id);
  });

  it('checks the request: bad ID, unknown ID, own resident, community outside scope, a second pending request', async () => {
    const bad = await ask(jinshan, { idNumber: resident.idNumber.slice(0, 17) + (resident.idNumber.endsWith('1') ? '2' : '1') }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('idNumber');
    const unknown = await ask(jinshan, { idNumber: '11010519491231002X' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'idNumber', message: '未找到该证件号码的在册服务对象' }]);
    const outside = await ask(jinshan, { idNumber: '11010519491231002X', toAreaCode: DEMO.jiangtouCommunity });
    expect(outside.statusCode).toBe(400);
    const [own] = await owner<{ id_cipher: string }>(sql`SELECT id_cipher FROM residents WHERE area_code LIKE '350206005%' LIMIT 1`);
    const mine = await ask(jinshan, { idNumber: t.services.keys.open(own!.id_cipher) }, 'en');
    expect(mine.json().errors).toEqual([{ path: 'idNumber', message: 'This resident is already in your area' }]);
    const missing = await ask(jinshan, { idNumber: '', toAreaCode: 'x' });
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['idNumber', 'toAreaCode']);
    const again = await ask(jinshan, { idNumber: resident.idNumber });
    expect([again.statusCode, again.json().code]).toEqual([409, 'transfer.pending']);
    // Workers without the decide permission, and the requester, cannot decide.
    const [pending] = (await jinshan.get('/api/v1/transfers?status=pending')).json().items;
    expect((await decide(jiangtouSw, pending.id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(jinshan, pending.id, { decision: 'approve' })).statusCode).toBe(403);
    const noReason = await decide(head, pending.id, { decision: 'decline' });
    expect([noReason.statusCode, noReason.json().errors[0].path]).toEqual([400, 'reason']);
  });

  it('a decline moves nothing and tells the requester', async () => {
    const before = await linkedAreas(resident.id);
    const [pending] = (await head.get('/api/v1/transfers?direction=out&status=pending')).json().items;
    const res = await decide(head, pending.id, { decision: 'decline', reason: '尚未办理迁出' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', decisionReason: '尚未办理迁出', decidedByName: head.actor.displayName });
    expect(await linkedAreas(resident.id)).toEqual(before);
    expect((await jiangtouSw.get(`/api/v1/residents/${resident.id}`)).statusCode).toBe(200);
    expect((await jinshan.get(`/api/v1/residents/${resident.id}`)).statusCode).toBe(404);
    const notes = (await jinshan.get('/api/v1/notifications')).json().items as { kind: string; body: string }[];
    expect(notes.some((n) => n.kind === 'transfer.declined' && n.body.includes('尚未办理迁出'))).toBe(true);
    expect((await decide(head, pending.id, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('an approval moves the record, its history, assessments and contacts to the new community and worker', async () => {
    const yesterday = addDays(shanghaiToday(new Date()), -1);
    const registeredOn = async (area: string) =>
      (await head.get(`/api/v1/coverage?area=${area}&date=${yesterday}`)).json().area.registered as number;
    const jiangtouYesterday = await registeredOn(DEMO.jiangtou);
    const asked = await ask(jinshan, { idNumber: resident.idNumber });
    expect(asked.statusCode, asked.body).toBe(200);
    const counts = await owner<{ table: string; n: number }>(
      sql`SELECT 'contacts' AS table, count(*)::int AS n FROM contacts WHERE resident_id = ${resident.id}
        UNION ALL SELECT 'assessments', count(*)::int FROM assessments WHERE resident_id = ${resident.id}`,
    );
    expect(counts.every((c) => c.n > 0)).toBe(true);
    const res = await decide(head, asked.json().id, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', direction: 'out' });
    const areas = await linkedAreas(resident.id);
    for (const table of [...LINKED, 'attachments']) expect(areas[table], table).toEqual([JINSHAN_COMMUNITY]);
    // The receiver now reads it in full; the old station no longer does.
    const now = await jinshan.get(`/api/v1/residents/${resident.id}`);
    expect(now.statusCode).toBe(200);
    expect(now.json()).toMatchObject({ areaCode: JINSHAN_COMMUNITY, name: resident.name, assignedWorkerId: jinshan.actor.id });
    expect((await jiangtouSw.get(`/api/v1/residents/${resident.id}`)).statusCode).toBe(404);
    // Both stations keep a line: 江头's audit shows the transfer out, 金山's the transfer in.
    const lines = await owner<{ action: string; area_code: string }>(
      sql`SELECT action, area_code FROM audit_log WHERE target_id = ${resident.id} AND action LIKE 'resident.transfer.%'`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        { action: 'resident.transfer.out', area_code: resident.areaCode },
        { action: 'resident.transfer.in', area_code: JINSHAN_COMMUNITY },
      ]),
    );
    // Its community history: yesterday it was still 江头's, and 江头's figure for yesterday keeps it.
    const history = await owner(sql`SELECT from_area, area_code FROM resident_status_changes WHERE resident_id = ${resident.id}`);
    expect(history).toEqual([{ from_area: resident.areaCode, area_code: JINSHAN_COMMUNITY }]);
    expect(await registeredOn(DEMO.jiangtou)).toBe(jiangtouYesterday);
    const notes = (await jinshan.get('/api/v1/notifications')).json().items as { kind: string; link: string }[];
    expect(notes.some((n) => n.kind === 'transfer.approved' && n.link === `/residents/${resident.id}`)).toBe(true);
    expect((await decide(head, asked.json().id, { decision: 'decline', reason: 'x' })).statusCode).toBe(409);
  });

  it("another street's transfer answers 404, and RLS shows a transfer only to its two stations", async () => {
    const other = await createResident(t, { areaCode: '350206001001' });
    const id = uuidv7();
    await owner(sql`INSERT INTO transfers (id, resident_id, from_area_code, to_area_code, resident_name_masked, id_masked, requested_by, requested_by_name)
      VALUES (${id}, ${other.id}, '350206001001', '350206002001', '测*', '350***********0000', ${jinshan.actor.id}, 'x')`);
    const res = await decide(head, id, { decision: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('error.notFound');
    const seen = (scope: string) => t.database.run(scope, (db) => rows<{ id: string }>(db, sql`SELECT id FROM transfers`));
    expect((await seen('350206001')).map((r) => r.id)).toContain(id);
    expect((await seen('350206002')).map((r) => r.id)).toContain(id);
    expect((await seen('350206004')).map((r) => r.id)).not.toContain(id);
    expect((await seen('350206005')).map((r) => r.id)).not.toContain(id);
    // Nor can a street write a transfer that names neither of its own areas.
    await expect(
      t.database.run('350206004', (db) =>
        db.execute(sql`INSERT INTO transfers (id, resident_id, from_area_code, to_area_code, resident_name_masked, id_masked, requested_by, requested_by_name)
          VALUES (${uuidv7()}, ${other.id}, '350206001001', '350206002001', 'x', 'x', ${jinshan.actor.id}, 'x')`),
      ),
    ).rejects.toThrow();
    const [policy] = await owner<{ forced: boolean }>(sql`SELECT relforcerowsecurity AS forced FROM pg_class WHERE relname = 'transfers'`);
    expect(policy!.forced).toBe(true);
  });
});
