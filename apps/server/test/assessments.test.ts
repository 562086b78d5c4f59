// Instruments and assessments: scoring with the stored version for every instrument, the
// PHQ-9 item-9 alert to the station head with a 48-hour follow-up, confirming or overriding the
// suggested care level, answers sealed at rest and revealed only with permission (audited).
import { GAD7, GBT42195, GDS15, NEEDS_SURVEY, PHQ9, scoreAssessment, shanghaiToday, type InstrumentDefinition } from '@wushe/core';
import { rows, uuidv7 } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, userId } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

/** Answers choosing, for every single-choice item, the option scoring `pick(index)` (else the lowest). */
function answersFor(def: InstrumentDefinition, pick: (index: number) => number = () => 0) {
  const out: Record<string, string | string[]> = {};
  def.items.forEach((item, i) => {
    if (item.type === 'text') return;
    if (item.type === 'multi') {
      out[item.code] = [item.options[0]!.value];
      return;
    }
    const want = pick(i);
    const opt = item.options.find((o) => o.score === want) ?? [...item.options].sort((a, b) => a.score - b.score)[0]!;
    out[item.code] = opt.value;
  });
  return out;
}

describe('assessments API', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let huli: Session;
  let jinshan: Session;
  let volunteer: Session;
  const today = shanghaiToday(new Date());
  beforeAll(async () => {
    t = await startTestApp();
    [sw, head, huli, jinshan, volunteer] = await Promise.all(
      ['jiangtou.sw', 'jiangtou.head', 'huli', 'jinshan.sw', 'volunteer.demo'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t?.close());

  const owner = <T>(q: ReturnType<typeof sql>) => t.database.owner((db) => rows<T>(db, q));

  it('lists the active instruments with full definitions, and one by code', async () => {
    const res = await sw.get('/api/v1/instruments');
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['gbt42195', 'gds15', 'phq9', 'gad7', 'needs']));
    const phq = await sw.get('/api/v1/instruments/phq9');
    expect(phq.statusCode).toBe(200);
    expect(phq.json()).toMatchObject({ code: 'phq9', version: '1', kind: 'screen' });
    expect(phq.json().definition.items).toHaveLength(9);
    expect((await sw.get('/api/v1/instruments/nope')).statusCode).toBe(404);
    expect((await volunteer.get('/api/v1/instruments')).statusCode).toBe(403);
  });

  it('scores the four instruments and the needs survey through the API, stored with the version', async () => {
    const r = await createResident(t, { careLevel: 3 });
    const cases: [InstrumentDefinition, Record<string, unknown>][] = [
      [GBT42195, { extras: { diagnoses: ['dementia'] } }],
      [GDS15, {}],
      [PHQ9, {}],
      [GAD7, {}],
      [NEEDS_SURVEY, {}],
    ];
    for (const [def, more] of cases) {
      const answers = answersFor(def, (i) => (i % 3 === 0 ? 1 : 0));
      const res = await sw.post(`/api/v1/residents/${r.id}/assessments`, { instrumentCode: def.code, answers, assessedOn: today, ...more });
      expect(res.statusCode, `${def.code}: ${res.body}`).toBe(200);
      const expected = scoreAssessment(def, answers, (more.extras ?? {}) as never);
      expect(res.json()).toMatchObject({
        instrumentCode: def.code,
        instrumentVersion: def.version,
        total: expected.total,
        band: expected.band?.code ?? null,
        level: expected.level === null ? null : String(expected.level),
        suggestedCareLevel: expected.suggestedCareLevel,
        assessedByName: expect.any(String),
      });
    }
    const list = await huli.get(`/api/v1/residents/${r.id}/assessments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(5);
    expect(list.json().items[0].instrumentCode).toBe('needs'); // newest first
    expect(list.json().items[0]).not.toHaveProperty('answers');
    expect((await jinshan.get(`/api/v1/residents/${r.id}/assessments`)).statusCode).toBe(404);
  });

  it('stores and shows the band of the final level (coma → 完全失能 at total 88) and each screen its own top band', async () => {
    const r = await createResident(t, { careLevel: 3 });
    const top = (i: number) => Math.max(...(GBT42195.items[i]!.type === 'text' ? [0] : GBT42195.items[i]!.options.map((o) => o.score)));
    const coma = { ...answersFor(GBT42195, top), gbt_consciousness: 'coma' };
    const res = await sw.post(`/api/v1/residents/${r.id}/assessments`, { instrumentCode: 'gbt42195', answers: coma, assessedOn: today });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 88, level: '4', band: 'total', bandLabel: '完全失能' });
    // Top bands, by hand: PHQ-9 17 (15–19 中重度), GAD-7 15 (15–21 重度), GDS-15 12 (12–15 重度).
    const screens: [string, Record<string, string | string[]>, string][] = [
      ['phq9', answersFor(PHQ9, (i) => (i < 5 ? 3 : i === 5 ? 2 : 0)), '中重度抑郁'],
      ['gad7', answersFor(GAD7, (i) => (i < 5 ? 3 : 0)), '重度焦虑'],
      ['gds15', answersFor(GDS15, (i) => (i < 12 ? 1 : 0)), '重度抑郁'],
    ];
    for (const [code, answers, label] of screens) {
      const made = await sw.post(`/api/v1/residents/${r.id}/assessments`, { instrumentCode: code, answers, assessedOn: today });
      expect(made.statusCode, made.body).toBe(200);
      expect(made.json().bandLabel, code).toBe(label);
    }
    const list = await sw.get(`/api/v1/residents/${r.id}/assessments`);
    const labels = list.json().items.map((a: { instrumentCode: string; bandLabel: string }) => `${a.instrumentCode}:${a.bandLabel}`);
    expect(labels.sort()).toEqual(['gad7:重度焦虑', 'gbt42195:完全失能', 'gds15:重度抑郁', 'phq9:中重度抑郁']);
  });

  it('PHQ-9 item 9 positive with a low total: urgent flag, the head is notified, a follow-up within 48 hours', async () => {
    const r = await createResident(t, { careLevel: 3, name: '林秀英' });
    const answers = answersFor(PHQ9);
    answers.phq9_9 = '1';
    const before = Date.now();
    const res = await sw.post(`/api/v1/residents/${r.id}/assessments`, {
      instrumentCode: 'phq9',
      answers,
      assessedOn: today,
      confirmedCareLevel: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, band: 'minimal', flags: ['urgent'], suggestedCareLevel: 1, confirmedCareLevel: 1 });

    const inbox = await head.get('/api/v1/notifications');
    expect(inbox.statusCode).toBe(200);
    const note = inbox.json().items.find((n: { link: string }) => n.link === `/residents/${r.id}`);
    expect(note).toBeDefined();
    expect(note.title).toBe('紧急：林秀英 的 PHQ-9 第 9 题阳性');
    expect(note.readAt).toBeNull();
    expect(inbox.json().unread).toBeGreaterThanOrEqual(1);
    // The worker who assessed is not a station head: no notification for them.
    expect((await sw.get('/api/v1/notifications')).json().items.some((n: { link: string }) => n.link === `/residents/${r.id}`)).toBe(false);

    const [fu] = await owner<{ due_at: Date; assigned_to: string }>(
      sql`SELECT due_at, assigned_to FROM follow_ups WHERE resident_id = ${r.id}`,
    );
    expect(fu).toBeDefined();
    expect(new Date(fu!.due_at).getTime() - before).toBeLessThanOrEqual(48 * 3_600_000 + 60_000);
    expect(new Date(fu!.due_at).getTime()).toBeGreaterThan(before);
    expect(fu!.assigned_to).toBe(sw.actor.id);

    // The level changed with history pointing at the assessment.
    const [hist] = await owner<{ from_level: number; to_level: number; assessment_id: string }>(
      sql`SELECT from_level, to_level, assessment_id FROM care_level_changes WHERE resident_id = ${r.id}`,
    );
    expect(hist).toMatchObject({ from_level: 3, to_level: 1, assessment_id: res.json().id });

    const read = await head.post(`/api/v1/notifications/${note.id}/read`);
    expect(read.statusCode).toBe(200);
    const after = (await head.get('/api/v1/notifications')).json();
    expect(after.items.find((n: { id: string }) => n.id === note.id).readAt).not.toBeNull();
    // Someone else's notification is not found.
    expect((await sw.post(`/api/v1/notifications/${note.id}/read`)).statusCode).toBe(404);
  });

  it("without a station head over the resident, alerts the street's holders of resident.assign", async () => {
    const roleId = uuidv7();
    const deputyId = uuidv7();
    await t.database.owner(async (db) => {
      await db.execute(
        sql`INSERT INTO roles (id, code, name, name_en, permissions) VALUES (${roleId}, 'deputy', '副站长', 'Deputy', ARRAY['resident.read', 'resident.assign']::text[])`,
      );
      await db.execute(sql`INSERT INTO users (id, username, display_name, password_hash, role_id, area_code, must_change_password)
        VALUES (${deputyId}, 'jinshan.deputy', '金山副站长', 'x', ${roleId}, '350206005000', false)`);
    });
    const r = await createResident(t, { areaCode: '350206005013', name: '陈阿婆' });
    const answers = answersFor(PHQ9);
    answers.phq9_9 = '2';
    const res = await jinshan.post(`/api/v1/residents/${r.id}/assessments`, {
      instrumentCode: 'phq9',
      answers,
      assessedOn: today,
      confirmedCareLevel: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const notes = await owner<{ user_id: string; title: string }>(
      sql`SELECT user_id, title FROM notifications WHERE link = ${`/residents/${r.id}`}`,
    );
    expect(notes).toEqual([{ user_id: deputyId, title: '紧急：陈阿婆 的 PHQ-9 第 9 题阳性' }]);
  });

  it('an override needs a reason; with one it changes the care level, its history and the due date', async () => {
    const r = await createResident(t, { careLevel: 3, registeredOn: '2026-01-10' });
    const answers = answersFor(GDS15, () => 1); // every depressive answer: 15, severe → suggests level 1
    const body = { instrumentCode: 'gds15', answers, assessedOn: today, confirmedCareLevel: 2 };
    const missing = await sw.post(`/api/v1/residents/${r.id}/assessments`, body, { 'accept-language': 'en' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { path: 'overrideReason', message: 'Give a reason when the confirmed care level differs from the suggestion' },
    ]);
    const zh = await sw.post(`/api/v1/residents/${r.id}/assessments`, body);
    expect(zh.json().errors[0].message).toContain('须填写原因');

    const ok = await sw.post(`/api/v1/residents/${r.id}/assessments`, { ...body, overrideReason: '已有家属同住照护' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ suggestedCareLevel: 1, confirmedCareLevel: 2, overrideReason: '已有家属同住照护' });
    const [res] = await owner<{ care_level: number; next_due_on: string; version: number }>(
      sql`SELECT care_level, next_due_on::text, version FROM residents WHERE id = ${r.id}`,
    );
    expect(res).toMatchObject({ care_level: 2, next_due_on: '2026-01-24', version: 2 }); // registered + 2 weeks
    const [hist] = await owner<{ reason: string; assessment_id: string }>(
      sql`SELECT reason, assessment_id FROM care_level_changes WHERE resident_id = ${r.id}`,
    );
    expect(hist).toMatchObject({ reason: '已有家属同住照护', assessment_id: ok.json().id });

    // Confirming the suggestion needs no reason; confirming the current level changes nothing.
    const same = await sw.post(`/api/v1/residents/${r.id}/assessments`, {
      ...body,
      answers: answersFor(GDS15),
      confirmedCareLevel: 2,
      overrideReason: '维持',
    });
    expect(same.statusCode).toBe(200);
    expect((await owner(sql`SELECT 1 FROM care_level_changes WHERE resident_id = ${r.id}`)).length).toBe(1);
  });

  it('refuses unknown items, options, missing answers and unknown instruments with field paths', async () => {
    const r = await createResident(t);
    const answers = answersFor(PHQ9);
    const post = (b: Record<string, unknown>) =>
      sw.post(`/api/v1/residents/${r.id}/assessments`, { instrumentCode: 'phq9', assessedOn: today, ...b });
    expect(paths((await post({ answers: { ...answers, phq9_3: '7' } })).json())).toEqual(['answers.phq9_3']);
    expect(paths((await post({ answers: { ...answers, phq9_99: '1' } })).json())).toEqual(['answers.phq9_99']);
    const { phq9_9: _drop, ...partial } = answers;
    expect(paths((await post({ answers: partial })).json())).toEqual(['answers.phq9_9']);
    expect(paths((await post({ answers, instrumentCode: 'nope' })).json())).toEqual(['instrumentCode']);
    expect(paths((await post({ answers, assessedOn: 'yesterday' })).json())).toEqual(['assessedOn']);
    expect((await post({ answers })).statusCode).toBe(200);
  });

  it('keeps answers sealed at rest and reveals them only with permission, audited', async () => {
    const r = await createResident(t);
    const answers = answersFor(GAD7, () => 2);
    const created = await sw.post(`/api/v1/residents/${r.id}/assessments`, {
      instrumentCode: 'gad7',
      answers,
      assessedOn: today,
      confirmedCareLevel: 1,
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const [raw] = await owner<{ answers_cipher: string }>(sql`SELECT answers_cipher FROM assessments WHERE id = ${id}`);
    expect(raw!.answers_cipher).not.toContain('gad7_1');
    expect(raw!.answers_cipher.startsWith(t.services.keys.current + ':')).toBe(true);
    const audit = await owner<{ after: unknown }>(
      sql`SELECT after FROM audit_log WHERE action = 'assessment.create' AND target_id = ${id}`,
    );
    expect(JSON.stringify(audit[0]!.after)).not.toContain('gad7_1');

    const detail = await sw.get(`/api/v1/assessments/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().answers).toEqual(answers);
    expect((await owner(sql`SELECT 1 FROM audit_log WHERE action = 'assessment.answers.view' AND target_id = ${id}`)).length).toBe(1);
    expect((await head.get(`/api/v1/assessments/${id}`)).statusCode).toBe(200); // may reveal
    expect((await huli.get(`/api/v1/assessments/${id}`)).statusCode).toBe(403); // official: neither reveal nor assessor
    expect((await jinshan.get(`/api/v1/assessments/${id}`)).statusCode).toBe(404);
    expect((await volunteer.get(`/api/v1/assessments/${id}`)).statusCode).toBe(403);
  });

  it("answers 404 for another street's resident and 403 without the permission", async () => {
    const other = await createResident(t, { areaCode: '350206005001' });
    const body = { instrumentCode: 'phq9', answers: answersFor(PHQ9), assessedOn: today };
    expect((await sw.post(`/api/v1/residents/${other.id}/assessments`, body)).statusCode).toBe(404);
    expect((await huli.post(`/api/v1/residents/${other.id}/assessments`, body)).statusCode).toBe(403);
    expect((await jinshan.post(`/api/v1/residents/${other.id}/assessments`, body)).statusCode).toBe(200);
    expect(await userId(t, 'jiangtou.head')).toBe(head.actor.id);
  });
});
