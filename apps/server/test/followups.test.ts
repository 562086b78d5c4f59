// Follow-up tasks (跟进任务): the one a PHQ-9 item-9 flag schedules, listed by status in the
// caller's scope (overdue computed from the due time), filtered and paged, and completed once
// with an outcome and optionally the contact recorded for it, audited; exported as .xlsx.
import { PHQ9, shanghaiToday } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

interface Item {
  id: string;
  residentId: string;
  status: string;
  dueAt: string;
  doneAt: string | null;
}

describe('follow-ups API', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let huli: Session;
  let jinshan: Session;
  let volunteer: Session;
  const today = shanghaiToday(new Date());
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 });
    [sw, head, huli, jinshan, volunteer] = await Promise.all(
      ['jiangtou.sw', 'jiangtou.head', 'huli', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t?.close());

  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));
  const ids = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.id);

  /** A task straight into the table (as the owner), due at a given time. */
  async function placeFollowUp(residentId: string, areaCode: string, dueAt: Date, assignedTo: string | null = null): Promise<string> {
    const id = uuidv7();
    await t.database.owner((db) =>
      db.execute(sql`INSERT INTO follow_ups (id, resident_id, area_code, reason, due_at, assigned_to)
        VALUES (${id}, ${residentId}, ${areaCode}, '测试跟进', ${dueAt.toISOString()}::timestamptz, ${assignedTo})`),
    );
    return id;
  }

  async function contactFor(residentId: string): Promise<string> {
    const res = await sw.post('/api/v1/contacts', { residentId, kind: 'phone', occurredAt: new Date(Date.now() - 60_000).toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0].id;
  }

  it('lists the follow-up a PHQ-9 item-9 flag schedules, to the worker and the station head', async () => {
    const r = await createResident(t, { name: '王桂兰' });
    const answers: Record<string, string> = {};
    for (const item of PHQ9.items)
      if (item.type === 'single') answers[item.code] = [...item.options].sort((a, b) => a.score - b.score)[0]!.value;
    answers.phq9_9 = '1';
    const res = await sw.post(`/api/v1/residents/${r.id}/assessments`, {
      instrumentCode: 'phq9',
      answers,
      assessedOn: today,
      confirmedCareLevel: 1,
    });
    expect(res.statusCode, res.body).toBe(200);

    const list = await sw.get(`/api/v1/follow-ups?residentId=${r.id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(1);
    const item = list.json().items[0];
    expect(item).toMatchObject({
      residentId: r.id,
      residentName: '王桂兰',
      areaCode: r.areaCode,
      assessmentId: res.json().id,
      assignedTo: sw.actor.id,
      assignedToName: '江头社工',
      status: 'open',
      doneAt: null,
      outcome: null,
    });
    expect(item.reason).toContain('PHQ-9');
    // Due by the end of today in Asia/Shanghai (issue 8: suicide-risk protocols expect the same day).
    expect(item.dueAt).toBe(new Date(`${today}T23:59:59+08:00`).toISOString());
    // The head sees it in scope, not as assigned to them; another street does not see it.
    expect(ids(await head.get(`/api/v1/follow-ups?residentId=${r.id}`))).toEqual([item.id]);
    expect(ids(await head.get(`/api/v1/follow-ups?residentId=${r.id}&mine=true`))).toEqual([]);
    expect(ids(await sw.get(`/api/v1/follow-ups?residentId=${r.id}&mine=true`))).toEqual([item.id]);
    expect(ids(await jinshan.get(`/api/v1/follow-ups?residentId=${r.id}`))).toEqual([]);
  });

  it('computes overdue, filters by status and area, orders by due time and pages', async () => {
    const a = await createResident(t, { areaCode: '350206004001' });
    const b = await createResident(t, { areaCode: '350206004002' });
    const late = await placeFollowUp(a.id, a.areaCode, hours(-5), sw.actor.id);
    const soon = await placeFollowUp(a.id, a.areaCode, hours(3));
    const later = await placeFollowUp(b.id, b.areaCode, hours(30), sw.actor.id);

    const open = await sw.get('/api/v1/follow-ups?pageSize=100');
    const mine = ids(open).filter((id) => [late, soon, later].includes(id));
    expect(mine).toEqual([late, soon, later]); // soonest due first, overdue included
    const byId = new Map(open.json().items.map((i: Item) => [i.id, i]));
    expect(byId.get(late)).toMatchObject({ status: 'overdue' });
    expect(byId.get(soon)).toMatchObject({ status: 'open', assignedTo: null, assignedToName: null });

    expect(ids(await sw.get('/api/v1/follow-ups?status=overdue'))).toEqual([late]);
    expect(ids(await sw.get('/api/v1/follow-ups?status=done'))).toEqual([]);
    expect(ids(await sw.get('/api/v1/follow-ups?area=350206004002'))).toEqual([later]);
    expect(ids(await sw.get(`/api/v1/follow-ups?residentId=${a.id}&status=all`))).toEqual([late, soon]);
    // An area outside the caller's scope finds nothing; a malformed one is a field error.
    expect((await sw.get('/api/v1/follow-ups?area=350206005000')).json()).toEqual({ items: [], total: 0 });
    const bad = await sw.get('/api/v1/follow-ups?area=350&status=nope');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['area', 'status']);

    // Paging: the total stays, past the last page too.
    const q = `/api/v1/follow-ups?residentId=${a.id}&pageSize=1`;
    const p2 = await sw.get(`${q}&page=2`);
    expect(p2.json()).toMatchObject({ total: 2 });
    expect(ids(p2)).toEqual([soon]);
    expect((await sw.get(`${q}&page=5`)).json()).toEqual({ items: [], total: 2 });
    // A district official reads them too.
    expect(ids(await huli.get(`/api/v1/follow-ups?residentId=${a.id}`))).toEqual([late, soon]);
  });

  it('needs resident.read to list and contact.write to complete', async () => {
    const r = await createResident(t);
    const id = await placeFollowUp(r.id, r.areaCode, hours(10));
    expect((await volunteer.get('/api/v1/follow-ups')).statusCode).toBe(403);
    expect((await huli.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '已电话联系' })).statusCode).toBe(403);
    expect((await volunteer.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '已电话联系' })).statusCode).toBe(403);
  });

  it("refuses an empty outcome, another street's task and another resident's contact", async () => {
    const r = await createResident(t);
    const other = await createResident(t);
    const id = await placeFollowUp(r.id, r.areaCode, hours(10));
    const empty = await sw.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: 'outcome', message: '请填写跟进情况' }]);
    const missing = await sw.post(`/api/v1/follow-ups/${id}/complete`, {}, { 'accept-language': 'en' });
    expect(missing.json().errors).toEqual([{ path: 'outcome', message: 'Describe what was done' }]);
    const long = await sw.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '长'.repeat(501) });
    expect(long.json().errors[0].path).toBe('outcome');

    expect((await jinshan.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '已上门' })).statusCode).toBe(404);
    expect((await sw.post(`/api/v1/follow-ups/${uuidv7()}/complete`, { outcome: '已上门' })).statusCode).toBe(404);

    const wrong = await sw.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '已上门', contactId: await contactFor(other.id) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'contactId', message: '走访记录不存在或不属于该服务对象' }]);
    const unknown = await sw.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '已上门', contactId: uuidv7() });
    expect(unknown.json().errors[0].path).toBe('contactId');
    // Nothing was changed by the refusals.
    const [row] = await owner<{ done_at: Date | null }>(sql`SELECT done_at FROM follow_ups WHERE id = ${id}`);
    expect(row!.done_at).toBeNull();
  });

  it('completes once with the outcome and contact, audited; a second completion is a conflict', async () => {
    const r = await createResident(t, { name: '赵德明' });
    const id = await placeFollowUp(r.id, r.areaCode, hours(-1), sw.actor.id);
    const contactId = await contactFor(r.id);
    const done = await head.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '  已上门探访，情绪稳定，联系家属陪伴  ', contactId });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      id,
      status: 'done',
      outcome: '已上门探访，情绪稳定，联系家属陪伴',
      contactId,
      doneBy: head.actor.id,
      doneByName: '江头站长',
    });
    expect(done.json().doneAt).not.toBeNull();

    const again = await sw.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'followUp.done', detail: '该跟进任务已完成' });
    const en = await sw.post(`/api/v1/follow-ups/${id}/complete`, { outcome: '重复' }, { 'accept-language': 'en' });
    expect(en.json().detail).toBe('This follow-up is already completed');

    const audit = await owner<{ actor_id: string; target_type: string; area_code: string; after: { outcome: string; contactId: string } }>(
      sql`SELECT actor_id, target_type, area_code, after FROM audit_log WHERE action = 'follow_up.complete' AND target_id = ${id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: head.actor.id,
      target_type: 'follow_up',
      area_code: r.areaCode,
      after: { outcome: '已上门探访，情绪稳定，联系家属陪伴', contactId },
    });

    // Done: no longer open, listed under done (latest first) and all.
    expect(ids(await sw.get(`/api/v1/follow-ups?residentId=${r.id}`))).toEqual([]);
    const second = await placeFollowUp(r.id, r.areaCode, hours(5));
    await sw.post(`/api/v1/follow-ups/${second}/complete`, { outcome: '电话回访' });
    expect(ids(await sw.get(`/api/v1/follow-ups?residentId=${r.id}&status=done`))).toEqual([second, id]);
    expect(ids(await sw.get(`/api/v1/follow-ups?residentId=${r.id}&status=overdue`))).toEqual([]);
  });
  it("exports the filtered follow-ups in scope as .xlsx, with the list's filters", async () => {
    const a = await createResident(t, { name: '孙秀英', areaCode: '350206004001' });
    const far = await createResident(t, { name: '林金山', areaCode: '350206005001' });
    const late = await placeFollowUp(a.id, a.areaCode, hours(-2), sw.actor.id);
    const done = await placeFollowUp(a.id, a.areaCode, hours(-30));
    expect((await sw.post(`/api/v1/follow-ups/${done}/complete`, { outcome: '已转介心理门诊' })).statusCode).toBe(200);
    await placeFollowUp(far.id, far.areaCode, hours(4));
    const read = async (res: { rawPayload: Buffer }) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1))
        .slice(1); // below the stamp row
    };
    const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

    // One row per follow-up the list finds for the head (the demo's included), none of another street.
    const listed = await head.get('/api/v1/follow-ups?status=all&pageSize=100');
    const res = await head.get('/api/v1/follow-ups/export?status=all&page=3&pageSize=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('跟进任务.xlsx'));
    const sheet = await read(res);
    expect(sheet[0]).toEqual(['姓名', '所在社区', '跟进原因', '截止时间', '状态', '负责人', '完成时间', '完成人', '跟进情况']);
    expect(sheet).toHaveLength(listed.json().total + 1);
    const names = sheet.slice(1).map((r) => r[0]);
    expect(names).toContain('孙秀英');
    expect(names).not.toContain('林金山');

    // Filters as the list: this resident's completed one, with who, when and what.
    const doneItem = (await sw.get(`/api/v1/follow-ups?residentId=${a.id}&status=done`)).json().items[0];
    const doneRows = await read(await sw.get(`/api/v1/follow-ups/export?residentId=${a.id}&status=done`));
    expect(doneRows).toHaveLength(2);
    expect(doneRows[1]).toEqual([
      '孙秀英',
      doneItem.areaName,
      '测试跟进',
      shanghai(doneItem.dueAt),
      '已完成',
      undefined,
      shanghai(doneItem.doneAt),
      '江头社工',
      '已转介心理门诊',
    ]);
    const lateRows = await read(await sw.get(`/api/v1/follow-ups/export?residentId=${a.id}&status=overdue&mine=true`));
    expect(lateRows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([['孙秀英', '已逾期', '江头社工']]);
    expect(ids(await sw.get(`/api/v1/follow-ups?residentId=${a.id}&status=overdue`))).toEqual([late]);

    // English headers and status; another street sees only its own; an area outside scope is empty.
    const en = await sw.get(`/api/v1/follow-ups/export?residentId=${a.id}&status=all`, { 'accept-language': 'en' });
    expect(en.headers['content-disposition']).toContain('follow-ups.xlsx');
    const enRows = await read(en);
    expect(enRows[0]).toEqual(['Name', 'Area', 'Reason', 'Due', 'Status', 'Assigned to', 'Done at', 'Done by', 'Outcome']);
    expect(enRows.slice(1).map((r) => r[4])).toEqual(['Overdue', 'Done']);
    const js = (await read(await jinshan.get('/api/v1/follow-ups/export?status=all'))).slice(1).map((r) => r[0]);
    expect(js).toContain('林金山');
    expect(js).not.toContain('孙秀英');
    expect(await read(await sw.get('/api/v1/follow-ups/export?area=350206005000'))).toHaveLength(1);
    expect((await volunteer.get('/api/v1/follow-ups/export')).statusCode).toBe(403);
  });
});
