// Contacts (走访与服务记录): household contacts, idempotent retries, the future and service-type
// rules, due dates moved with each contact, attachments uploaded, linked and downloaded.
import { addDays, shanghaiToday } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
const PDF = Buffer.from('%PDF-1.4\n% test\n');

describe('contacts API', () => {
  let t: TestApp;
  let sw: Session;
  let huli: Session;
  let jinshan: Session;
  let volunteer: Session;
  const today = shanghaiToday(new Date());
  const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
  beforeAll(async () => {
    t = await startTestApp();
    [sw, huli, jinshan, volunteer] = await Promise.all(['jiangtou.sw', 'huli', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)));
  });
  afterAll(() => t?.close());

  const resident = (id: string) =>
    t.database
      .owner((db) =>
        rows<{ last_contact_on: string | null; next_due_on: string }>(
          db,
          sql`SELECT last_contact_on::text, next_due_on::text FROM residents WHERE id = ${id}`,
        ),
      )
      .then((r) => r[0]!);

  it('records a home visit and moves the last contact and the next due date', async () => {
    const r = await createResident(t, { careLevel: 2, registeredOn: addDays(today, -40) });
    const day = addDays(today, -3);
    const res = await sw.post('/api/v1/contacts', {
      residentId: r.id,
      kind: 'home_visit',
      occurredAt: at(day),
      durationMinutes: 30,
      notes: '身体尚可',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, replayed: false });
    expect(res.json().items[0]).toMatchObject({
      residentId: r.id,
      kind: 'home_visit',
      occurredOn: day,
      durationMinutes: 30,
      workerName: expect.any(String),
      attachments: [],
    });
    expect(await resident(r.id)).toEqual({ last_contact_on: day, next_due_on: addDays(day, 14) });
    // A back-dated contact does not move the last contact backwards.
    await sw.post('/api/v1/contacts', { residentId: r.id, kind: 'phone', occurredAt: at(addDays(today, -10)) });
    expect(await resident(r.id)).toEqual({ last_contact_on: day, next_due_on: addDays(day, 14) });
    // Shanghai business date: 23:30 UTC is the next day in Shanghai.
    const late = await sw.post('/api/v1/contacts', { residentId: r.id, kind: 'phone', occurredAt: `${addDays(today, -2)}T23:30:00Z` });
    expect(late.json().items[0].occurredOn).toBe(addDays(today, -1));
  });

  it('records one contact for the whole household, one row each with one group', async () => {
    const household = uuidv7();
    const a = await createResident(t, { householdId: household, careLevel: 1 });
    const b = await createResident(t, { householdId: household, careLevel: 4 });
    await createResident(t, { householdId: household, status: 'moved' });
    const photo = await sw.post('/api/v1/attachments', { filename: 'home.png', contentType: 'image/png', data: PNG.toString('base64') });
    const res = await sw.post('/api/v1/contacts', {
      residentId: a.id,
      wholeHousehold: true,
      kind: 'service',
      serviceType: 'cleaning',
      occurredAt: at(today, '00:00:01'),
      attachmentIds: [photo.json().id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(2);
    const items = res.json().items as { residentId: string; groupId: string }[];
    expect(items.map((i) => i.residentId).sort()).toEqual([a.id, b.id].sort());
    expect(new Set(items.map((i) => i.groupId)).size).toBe(1);
    expect(items[0]!.groupId).not.toBeNull();
    expect((await resident(a.id)).next_due_on).toBe(addDays(today, 7));
    expect((await resident(b.id)).last_contact_on).toBe(today);
    // Every member's timeline shows the household contact's photo.
    const ofB = (await sw.get(`/api/v1/contacts?residentId=${b.id}`)).json();
    expect(ofB.items[0].attachments.map((x: { filename: string }) => x.filename)).toEqual(['home.png']);
  });

  it('makes retries idempotent with the client key', async () => {
    const household = uuidv7();
    const a = await createResident(t, { householdId: household });
    await createResident(t, { householdId: household });
    const body = {
      residentId: a.id,
      wholeHousehold: true,
      kind: 'home_visit',
      occurredAt: at(today, '00:00:02'),
      clientKey: 'device-1:retry-0001',
    };
    const first = await sw.post('/api/v1/contacts', body);
    expect(first.json()).toMatchObject({ total: 2, replayed: false });
    const again = await sw.post('/api/v1/contacts', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ total: 2, replayed: true });
    expect(
      again
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(
      first
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    );
    const [n] = await t.database.owner((db) =>
      rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM contacts WHERE client_key LIKE 'device-1:retry-0001%'`),
    );
    expect(n!.n).toBe(2);
    // Concurrent copies of one retry still record once.
    const single = { residentId: a.id, kind: 'phone', occurredAt: at(today, '00:00:03'), clientKey: 'device-1:retry-0002' };
    const both = await Promise.all([sw.post('/api/v1/contacts', single), sw.post('/api/v1/contacts', single)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both[0]!.json().items[0].id).toBe(both[1]!.json().items[0].id);
  });

  it('refuses a future contact, a service without a type, unknown codes, with field paths (zh/en)', async () => {
    const r = await createResident(t);
    const post = (b: Record<string, unknown>, lang = 'zh-CN') =>
      sw.post(
        '/api/v1/contacts',
        { residentId: r.id, kind: 'phone', occurredAt: at(today, '00:00:00'), ...b },
        { 'accept-language': lang },
      );
    const future = await post({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'en');
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'occurredAt', message: 'A contact cannot be in the future' }]);
    // Within the five-minute tolerance for device clocks.
    expect((await post({ occurredAt: new Date(Date.now() + 60_000).toISOString() })).statusCode).toBe(200);
    const noType = await post({ kind: 'service' });
    expect(noType.statusCode).toBe(400);
    expect(noType.json().errors).toEqual([{ path: 'serviceType', message: '上门服务须选择服务类型' }]);
    expect(paths((await post({ kind: 'service', serviceType: 'teleport' })).json())).toEqual(['serviceType']);
    expect(paths((await post({ kind: 'visit' })).json())).toEqual(['kind']);
    expect(paths((await post({ workerId: uuidv7() })).json())).toEqual(['workerId']);
    expect(paths((await post({ attachmentIds: [uuidv7()] })).json())).toEqual(['attachmentIds']);
    expect((await post({ residentId: uuidv7() })).statusCode).toBe(404);
  });

  it('uploads, links and downloads attachments; checks the content type by magic bytes', async () => {
    const r = await createResident(t);
    const up = await sw.post('/api/v1/attachments', { filename: '走访照片.png', contentType: 'image/png', data: PNG.toString('base64') });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ filename: '走访照片.png', contentType: 'image/png', size: PNG.length });
    const pdf = await sw.post('/api/v1/attachments', {
      filename: 'note.pdf',
      contentType: 'application/pdf',
      data: PDF.toString('base64'),
    });
    expect(pdf.statusCode).toBe(200);

    const bad = await sw.post('/api/v1/attachments', { filename: 'x.png', contentType: 'image/png', data: PDF.toString('base64') });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['data']);
    expect(
      paths((await sw.post('/api/v1/attachments', { filename: 'x.jpg', contentType: 'image/jpeg', data: '%%%not base64' })).json()),
    ).toEqual(['data']);
    expect(paths((await sw.post('/api/v1/attachments', { filename: 'x.gif', contentType: 'image/gif', data: 'R0lG' })).json())).toEqual([
      'contentType',
    ]);
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect(
      paths(
        (
          await sw.post('/api/v1/attachments', { filename: 'big.pdf', contentType: 'application/pdf', data: big.toString('base64') })
        ).json(),
      ),
    ).toEqual(['data']);
    expect(
      (await volunteer.post('/api/v1/attachments', { filename: 'x.png', contentType: 'image/png', data: PNG.toString('base64') }))
        .statusCode,
    ).toBe(403);

    const res = await sw.post('/api/v1/contacts', {
      residentId: r.id,
      kind: 'home_visit',
      occurredAt: at(today, '00:00:04'),
      attachmentIds: [up.json().id, pdf.json().id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items[0].attachments.map((a: { filename: string }) => a.filename)
        .sort(),
    ).toEqual(['note.pdf', '走访照片.png']);
    // A linked attachment cannot be linked again.
    const reuse = await sw.post('/api/v1/contacts', {
      residentId: r.id,
      kind: 'phone',
      occurredAt: at(today, '00:00:05'),
      attachmentIds: [up.json().id],
    });
    expect(paths(reuse.json())).toEqual(['attachmentIds']);

    const file = await huli.get(`/api/v1/attachments/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await jinshan.get(`/api/v1/attachments/${up.json().id}`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/attachments/${up.json().id}`)).statusCode).toBe(403);
  });

  it('lists contacts newest first with filters, in scope only', async () => {
    const r = await createResident(t);
    for (const d of [-5, -1, -3])
      await sw.post('/api/v1/contacts', { residentId: r.id, kind: d === -1 ? 'office' : 'phone', occurredAt: at(addDays(today, d)) });
    const list = await sw.get(`/api/v1/contacts?residentId=${r.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().items.map((c: { occurredOn: string }) => c.occurredOn)).toEqual([-1, -3, -5].map((d) => addDays(today, d)));
    expect(list.json().items[0]).toMatchObject({ residentName: r.name, workerName: expect.any(String) });
    expect((await sw.get(`/api/v1/contacts?residentId=${r.id}&kind=office`)).json().total).toBe(1);
    expect((await sw.get(`/api/v1/contacts?residentId=${r.id}&from=${addDays(today, -4)}&to=${addDays(today, -2)}`)).json().total).toBe(1);
    expect((await sw.get(`/api/v1/contacts?residentId=${r.id}&page=2&pageSize=2`)).json()).toMatchObject({ total: 3 });
    expect((await sw.get(`/api/v1/contacts?residentId=${r.id}&page=9&pageSize=2`)).json()).toEqual({ items: [], total: 3 });
    expect((await huli.get(`/api/v1/contacts?residentId=${r.id}`)).json().total).toBe(3);
    expect((await jinshan.get(`/api/v1/contacts?residentId=${r.id}`)).json().total).toBe(0);
    expect((await jinshan.get('/api/v1/contacts?area=350206004000')).json().total).toBe(0);
    expect(paths((await sw.get('/api/v1/contacts?from=2026-13-01')).json())).toEqual(['from']);
    expect((await volunteer.get('/api/v1/contacts')).statusCode).toBe(403);
    expect((await huli.post('/api/v1/contacts', { residentId: r.id, kind: 'phone', occurredAt: at(today, '00:00:00') })).statusCode).toBe(
      403,
    );
    // Another street's resident: 404.
    const other = await createResident(t, { areaCode: '350206005001' });
    expect((await sw.post('/api/v1/contacts', { residentId: other.id, kind: 'phone', occurredAt: at(today, '00:00:00') })).statusCode).toBe(
      404,
    );
  });
});
