// Resident register: registration checks (ID, guardian, references, duplicates across the
// installation), masking and the raw-table proof, reveal auditing, edits, merge, export,
// and the scope rules (another street's resident is 404).
import { makeIdNumber } from '@wushe/core';
import { rows, stableId } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

const COMMUNITY = DEMO.jiangtouCommunity;
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
let seq = 100;
// The default birth year moves with the sequence so default registrations are no duplicates.
const nextId = (birth?: string) => makeIdNumber('350206', birth ?? `${1920 + (seq % 60)}0315`, seq++);

const input = (over: Record<string, unknown> = {}) => ({
  name: '王秀英',
  idNumber: nextId(),
  phone: '13812341234',
  address: '江头街道某小区 1 号楼',
  areaCode: COMMUNITY,
  categories: ['living_alone', 'empty_nest'],
  assistanceStatus: 'dibao',
  careLevel: 2,
  healthNotes: '高血压，独居',
  consent: { purpose: '建档与走访服务', date: '2026-01-05', givenBy: '本人' },
  ...over,
});

describe('residents API', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let huli: Session;
  let jinshan: Session;
  let volunteer: Session;
  let jinshanCommunity: string;
  beforeAll(async () => {
    t = await startTestApp();
    [sw, head, huli, jinshan, volunteer] = await Promise.all(
      ['jiangtou.sw', 'jiangtou.head', 'huli', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)),
    );
    const [c] = await t.database.owner((db) =>
      rows<{ code: string }>(db, sql`SELECT code FROM areas WHERE parent_code = ${DEMO.jinshan} ORDER BY code LIMIT 1`),
    );
    jinshanCommunity = c!.code;
  });
  afterAll(() => t?.close());

  it('refuses a wrong ID with a message that says what is wrong, then registers the right one', async () => {
    const good = nextId('19500101');
    const cases: [string, string, string][] = [
      [good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), '校验未通过', 'fails its check'],
      ['350206' + '19490231' + '0018', '19490231'.slice(0, 4) + '-02-31', 'does not exist'],
      ['350206' + '20990101' + '0016', '晚于今天', 'in the future'],
      ['350206490101001', '15 位', '15-digit'],
      ['3.50206E+17', 'Excel', 'Excel'],
    ];
    for (const [idNumber, zh, en] of cases) {
      const r = await sw.post('/api/v1/residents', input({ idNumber }));
      expect(r.statusCode, idNumber).toBe(400);
      expect(paths(r.json())).toEqual(['idNumber']);
      expect(r.json().errors[0].message).toContain(zh);
      const e = await sw.post('/api/v1/residents', input({ idNumber }), { 'accept-language': 'en' });
      expect(e.json().errors[0].message).toContain(en);
    }
    const ok = await sw.post('/api/v1/residents', input({ idNumber: good, name: '陈桂兰' }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: '陈桂兰',
      sex: Number(good[16]) % 2 ? 'male' : 'female',
      birthDate: '1950-01-01',
      careLevel: 2,
      status: 'active',
      version: 1,
      hasHealthNotes: true,
    });
    expect(ok.json().careLevelHistory).toHaveLength(1);
    expect(ok.json().idMasked).toBe(good.slice(0, 3) + '*'.repeat(11) + good.slice(-4));
    expect(ok.json().phoneMasked).toBe('138****1234');
    expect(JSON.stringify(ok.json())).not.toContain(good);
    expect(JSON.stringify(ok.json())).not.toContain('13812341234');
  });

  it('accepts a lowercase x and stores it upper-case; lists show masked ID and phone', async () => {
    const r = await sw.post('/api/v1/residents', input({ name: '李淑珍', idNumber: '11010519491231002x', areaCode: COMMUNITY }));
    expect(r.statusCode).toBe(200);
    expect(r.json().idMasked).toBe('110***********002X');
    const list = await sw.get(`/api/v1/residents?q=${encodeURIComponent('李淑珍')}`);
    expect(list.json().items[0]).toMatchObject({ idMasked: '110***********002X', phoneMasked: '138****1234' });
    const shown = await sw.post(`/api/v1/residents/${r.json().id}/reveal`, { field: 'idNumber', reason: '核对身份' });
    expect(shown.json().value).toBe('11010519491231002X');
  });

  it('requires a guardian and guardian consent for a child under 14', async () => {
    const idNumber = nextId('20180605');
    const r = await sw.post('/api/v1/residents', input({ name: '刘小明', idNumber, categories: ['left_behind_child'] }));
    expect(r.statusCode).toBe(400);
    expect(paths(r.json()).sort()).toEqual(['consent.byGuardian', 'guardian']);
    const ok = await sw.post(
      '/api/v1/residents',
      input({
        name: '刘小明',
        idNumber,
        guardian: { name: '刘大伟', relation: '父亲', phone: '13900001111' },
        consent: { purpose: '建档', date: '2026-01-05', givenBy: '刘大伟', byGuardian: true },
      }),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().guardian).toEqual({ name: '刘大伟', relation: '父亲', phoneMasked: '139****1111', note: null });
    expect(ok.json().age).toBeLessThan(14);
  });

  it('checks areas, codes and access', async () => {
    const street = await sw.post('/api/v1/residents', input({ areaCode: DEMO.jiangtou }));
    expect(street.json().errors).toEqual([{ path: 'areaCode', message: '服务对象须登记到社区（村）或网格' }]);
    const other = await sw.post(
      '/api/v1/residents',
      input({ areaCode: jinshanCommunity, categories: ['nonsense'], assistanceStatus: 'bogus' }),
    );
    expect(paths(other.json()).sort()).toEqual(['areaCode', 'assistanceStatus', 'categories.0']);
    expect(other.json().errors.find((e: { path: string }) => e.path === 'categories.0').message).toContain('nonsense');
    const empty = await sw.post('/api/v1/residents', {});
    expect(empty.statusCode).toBe(400);
    expect(paths(empty.json())).toEqual(expect.arrayContaining(['name', 'idNumber', 'areaCode', 'careLevel', 'consent']));
    expect((await volunteer.post('/api/v1/residents', input())).statusCode).toBe(403);
    expect((await huli.post('/api/v1/residents', input())).statusCode).toBe(403);
    expect((await volunteer.get('/api/v1/residents')).statusCode).toBe(403);
    const badId = await sw.get('/api/v1/residents/not-a-uuid', { 'accept-language': 'en' });
    expect(badId.statusCode).toBe(400);
    expect(paths(badId.json())).toEqual(['id']);
    expect((await sw.get('/api/v1/residents/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('flags a possible duplicate with candidates, then registers when told to', async () => {
    const first = await sw.post('/api/v1/residents', input({ name: '周玉兰', idNumber: nextId('19400808') }));
    expect(first.statusCode).toBe(200);
    const again = input({ name: '周玉兰', idNumber: nextId('19400808') });
    const dup = await sw.post('/api/v1/residents', again);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'resident.possibleDuplicate', status: 409 });
    expect(dup.json().candidates).toEqual([
      { id: first.json().id, name: '周玉兰', idMasked: first.json().idMasked, birthDate: '1940-08-08', areaName: first.json().areaName },
    ]);
    const ok = await sw.post('/api/v1/residents', { ...again, allowPossibleDuplicate: true });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses an ID registered in another street without saying anything about that record', async () => {
    const idNumber = nextId('19380220');
    const there = await jinshan.post('/api/v1/residents', input({ name: '黄金花', idNumber, areaCode: jinshanCommunity }));
    expect(there.statusCode).toBe(200);
    const here = await sw.post('/api/v1/residents', input({ name: '黄银花', idNumber }));
    expect(here.statusCode).toBe(400);
    expect(here.json().errors).toEqual([{ path: 'idNumber', message: '该证件号码已登记，不能重复登记；如需调入请联系所在社工站' }]);
    for (const leak of ['黄金花', there.json().id, there.json().areaName, jinshanCommunity, '金山']) expect(here.body).not.toContain(leak);
    // And 江头 cannot see it.
    expect((await sw.get(`/api/v1/residents/${there.json().id}`)).statusCode).toBe(404);
  });

  it('keeps the ID and phone out of every column of the stored row', async () => {
    const idNumber = nextId('19520909');
    const phone = '13698765432';
    const r = await sw.post(
      '/api/v1/residents',
      input({ name: '吴德明', idNumber, phone, emergencyContacts: [{ name: '吴小红', relation: '女儿', phone: '13755556666' }] }),
    );
    const [row] = await t.database.owner((db) => rows<Record<string, unknown>>(db, sql`SELECT * FROM residents WHERE id = ${r.json().id}`));
    expect(Object.keys(row!).length).toBeGreaterThan(20);
    for (const [col, v] of Object.entries(row!)) {
      const text = JSON.stringify(v) ?? '';
      for (const secret of [idNumber, idNumber.slice(0, 17), phone, '13755556666', '高血压']) expect(text, col).not.toContain(secret);
    }
    const audit = await t.database.owner((db) =>
      rows<{ t: string }>(db, sql`SELECT a::text AS t FROM audit_log a WHERE target_id = ${r.json().id}`),
    );
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) for (const secret of [idNumber, phone, '13755556666', '高血压']) expect(a.t).not.toContain(secret);
  });

  it('reveals one value with a reason, audited without the value', async () => {
    const phone = '13511112222';
    const r = (await sw.post('/api/v1/residents', input({ name: '郑春梅', phone }))).json();
    expect((await huli.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone', reason: '电话回访' })).statusCode).toBe(403);
    const noReason = await sw.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone' });
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason.json())).toEqual(['reason']);
    const shown = await sw.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone', reason: '电话回访' });
    expect(shown.json()).toEqual({ field: 'phone', value: phone });
    expect((await sw.post(`/api/v1/residents/${r.id}/reveal`, { field: 'healthNotes', reason: '评估前了解' })).json().value).toBe(
      '高血压，独居',
    );
    const audit = await t.database.owner((db) =>
      rows<{ after: { field: string; reason: string }; t: string }>(
        db,
        sql`SELECT after, a::text AS t FROM audit_log a WHERE action = 'resident.reveal' AND target_id = ${r.id} ORDER BY seq`,
      ),
    );
    expect(audit.map((a) => a.after.field)).toEqual(['phone', 'healthNotes']);
    expect(audit[0]!.after.reason).toBe('电话回访');
    for (const a of audit) expect(a.t).not.toContain(phone);
    expect((await jinshan.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone', reason: '电话回访' })).statusCode).toBe(404);
  });

  it('edits with versions, care-level reasons and history; another street gets 404', async () => {
    const r = (
      await sw.post('/api/v1/residents', input({ name: '孙建军', careLevel: 3, householdMembers: [{ name: '孙丽', relation: '女儿' }] }))
    ).json();
    const noReason = await sw.patch(`/api/v1/residents/${r.id}`, { version: 1, careLevel: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason.json())).toEqual(['careLevelReason']);
    const up = await sw.patch(`/api/v1/residents/${r.id}`, {
      version: 1,
      careLevel: 1,
      careLevelReason: '出院后独居',
      phone: '13911110000',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({
      careLevel: 1,
      version: 2,
      phoneMasked: '139****0000',
      categories: ['living_alone', 'empty_nest'],
      documentType: 'resident_id',
    });
    expect(up.json().careLevelHistory.map((h: { toLevel: number }) => h.toLevel)).toEqual([1, 3]);
    expect(up.json().careLevelHistory[0].reason).toBe('出院后独居');
    // Weekly now: due a week after registration.
    const reg = new Date(up.json().registeredOn + 'T00:00:00Z');
    expect(up.json().nextDueOn).toBe(new Date(reg.getTime() + 7 * 86_400_000).toISOString().slice(0, 10));
    expect((await sw.patch(`/api/v1/residents/${r.id}`, { version: 1, notes: '旧版本' })).statusCode).toBe(409);
    // Sending back what is stored changes nothing (no new version, no audit record).
    const same = await sw.patch(`/api/v1/residents/${r.id}`, {
      version: 2,
      consent: input().consent,
      categories: ['living_alone', 'empty_nest'],
      phone: '13911110000',
    });
    expect(same.json().version).toBe(2);
    expect(same.json().householdMembers).toEqual([{ name: '孙丽', relation: '女儿', phoneMasked: null, note: null }]);
    const moved = await sw.patch(`/api/v1/residents/${r.id}`, { version: 2, status: 'moved' });
    expect(moved.json()).toMatchObject({ status: 'moved', version: 3 });
    const other = (await sw.post('/api/v1/residents', input({ name: '孙建民' }))).json();
    const taken = await sw.patch(`/api/v1/residents/${r.id}`, {
      version: 3,
      idNumber: (await sw.post(`/api/v1/residents/${other.id}/reveal`, { field: 'idNumber', reason: '核对' })).json().value,
    });
    expect(taken.json().errors).toEqual([{ path: 'idNumber', message: expect.stringContaining('已登记') }]);
    expect((await jinshan.get(`/api/v1/residents/${r.id}`)).statusCode).toBe(404);
    expect((await jinshan.patch(`/api/v1/residents/${r.id}`, { version: 3, notes: 'x' })).statusCode).toBe(404);
    expect((await huli.get(`/api/v1/residents/${r.id}`)).json().name).toBe('孙建军');
    const audit = await t.database.owner((db) =>
      rows<{ before: { careLevel: number }; after: { careLevel: number } }>(
        db,
        sql`SELECT before, after FROM audit_log WHERE action = 'resident.update' AND target_id = ${r.id} ORDER BY seq LIMIT 1`,
      ),
    );
    expect(audit[0]).toMatchObject({ before: { careLevel: 3 }, after: { careLevel: 1, phoneMasked: '139****0000' } });
  });

  it("keeps stored family phones (and the guardian's ID number) that an edit leaves blank", async () => {
    const r = (
      await sw.post(
        '/api/v1/residents',
        input({
          name: '林桂兰',
          householdMembers: [{ name: '林小明', relation: '儿子', phone: '13600001111' }],
          emergencyContacts: [{ name: '林小红', relation: '女儿', phone: '13700002222' }],
          guardian: { name: '林大伟', relation: '侄子', phone: '13800003333', idNumber: '350206198001011234' },
        }),
      )
    ).json();
    // The form sends the lists back with the phones blank (it only ever saw them masked).
    const edited = await sw.patch(`/api/v1/residents/${r.id}`, {
      version: 1,
      householdMembers: [{ name: '林小明', relation: '儿子', phone: '', note: '在外地工作' }],
      emergencyContacts: [
        { name: '林小红', relation: '长女', phone: '' },
        { name: '陈阿姨', relation: '邻居', phone: '13900004444' },
      ],
      guardian: { name: '林大伟', relation: '侄子', phone: '' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const family = (await sw.post(`/api/v1/residents/${r.id}/reveal`, { field: 'family', reason: '核对联系人' })).json().value;
    expect(family.householdMembers).toEqual([expect.objectContaining({ name: '林小明', phone: '13600001111', note: '在外地工作' })]);
    expect(family.emergencyContacts.map((p: { phone: string }) => p.phone)).toEqual(['13700002222', '13900004444']);
    expect(family.guardian).toMatchObject({ phone: '13800003333', idNumber: '350206198001011234' });
    // A new contact without a phone (or one renamed) has none to keep.
    const bad = await sw.patch(`/api/v1/residents/${r.id}`, {
      version: 2,
      emergencyContacts: [{ name: '林晓红', relation: '女儿', phone: '' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['emergencyContacts.0.phone']);
    expect((await sw.get(`/api/v1/residents/${r.id}`)).json().version).toBe(2);
  });

  it('merges a duplicate into the record that stays (station head only)', async () => {
    const keep = (await sw.post('/api/v1/residents', input({ name: '马兰英', idNumber: nextId('19410101') }))).json();
    const dup = (
      await sw.post('/api/v1/residents', { ...input({ name: '马兰英', idNumber: nextId('19410101') }), allowPossibleDuplicate: true })
    ).json();
    await t.database.owner((db) =>
      db.execute(sql`INSERT INTO contacts (id, resident_id, area_code, kind, occurred_at, occurred_on)
        VALUES (gen_random_uuid(), ${dup.id}, ${dup.areaCode}, 'home_visit', now(), (now() AT TIME ZONE 'Asia/Shanghai')::date)`),
    );
    await t.database.owner((db) =>
      db.execute(sql`UPDATE residents SET last_contact_on = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = ${dup.id}`),
    );
    const body = { intoId: keep.id, version: 1, reason: '同一人重复登记' };
    expect((await sw.post(`/api/v1/residents/${dup.id}/merge`, body)).statusCode).toBe(403);
    expect((await head.post(`/api/v1/residents/${dup.id}/merge`, { ...body, intoId: dup.id })).json().errors[0].path).toBe('intoId');
    expect((await head.post(`/api/v1/residents/${dup.id}/merge`, { ...body, version: 9 })).statusCode).toBe(409);
    const merged = await head.post(`/api/v1/residents/${dup.id}/merge`, body);
    expect(merged.statusCode).toBe(200);
    expect(merged.json().id).toBe(keep.id);
    expect(merged.json().lastContactOn).not.toBeNull();
    const gone = (await head.get(`/api/v1/residents/${dup.id}`)).json();
    expect(gone).toMatchObject({ status: 'merged', mergedInto: keep.id });
    const moved = await t.database.owner((db) =>
      rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM contacts WHERE resident_id = ${keep.id}`),
    );
    expect(moved[0]!.n).toBe(1);
    expect((await jinshan.post(`/api/v1/residents/${keep.id}/merge`, { ...body, intoId: dup.id })).statusCode).toBe(403);
    // A station head of another street: 404, as if the records did not exist.
    const made = await huli.post('/api/v1/users', {
      username: 'js.head',
      displayName: '金山站长',
      roleId: stableId('role:station_head'),
      areaCode: DEMO.jinshan,
      orgId: stableId('org:station:350206005000'),
      password: 'Gongzuo#2026',
    });
    expect(made.statusCode, made.body).toBe(200);
    const jsHead = await t.login('js.head', 'Gongzuo#2026');
    await jsHead.post('/api/v1/auth/password', { currentPassword: 'Gongzuo#2026', newPassword: 'Xinmima#2027' });
    expect((await jsHead.post(`/api/v1/residents/${dup.id}/merge`, body)).statusCode).toBe(404);
    expect((await jsHead.get(`/api/v1/residents/${keep.id}`)).statusCode).toBe(404);
    const audit = await t.database.owner((db) =>
      rows<{ after: { reason: string } }>(db, sql`SELECT after FROM audit_log WHERE action = 'resident.merge' AND target_id = ${dup.id}`),
    );
    expect(audit[0]!.after.reason).toBe('同一人重复登记');
  });
});
