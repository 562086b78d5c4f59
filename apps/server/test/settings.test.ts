// Settings: code lists (read by anyone signed in, replaced by administrators; codes in use are
// deactivated, never dropped) and visit intervals (recompute every active resident's due date).
import { makeIdNumber } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

interface Entry {
  code: string;
  labelZh: string;
  labelEn: string;
  sort: number;
  active: boolean;
}

describe('settings API', () => {
  let t: TestApp;
  let admin: Session;
  let sw: Session;
  let volunteer: Session;
  let huli: Session;
  let residentId: string;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, sw, volunteer, huli] = await Promise.all(['admin', 'jiangtou.sw', 'volunteer.demo', 'huli'].map((u) => t.login(u)));
    const r = await sw.post('/api/v1/residents', {
      name: '林阿婆',
      idNumber: makeIdNumber('350206', '19380808', 21),
      areaCode: DEMO.jiangtouCommunity,
      careLevel: 1,
      categories: ['living_alone'],
      consent: { purpose: '建档', date: '2026-01-05', givenBy: '本人' },
    });
    if (r.statusCode !== 200) throw new Error(r.body);
    residentId = r.json().id;
  });
  afterAll(() => t?.close());

  const list = async (name: string) => (await volunteer.get(`/api/v1/code-lists?list=${name}`)).json() as { items: Entry[]; total: number };

  it('reads code lists for anyone signed in', async () => {
    const cats = await list('resident_category');
    expect(cats.total).toBe(cats.items.length);
    expect(cats.items.find((e) => e.code === 'living_alone')).toMatchObject({ labelZh: '独居', active: true });
    expect((await list('service_type')).items.map((e) => e.labelZh)).toEqual(
      expect.arrayContaining(['助餐', '助洁', '助医', '助浴', '助急']),
    );
    const bad = await volunteer.get('/api/v1/code-lists?list=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('list');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/code-lists?list=service_type' })).statusCode).toBe(401);
  });

  it('replaces a code list; a code in use can be deactivated but not left out', async () => {
    const before = (await list('resident_category')).items;
    expect((await sw.request('PUT', '/api/v1/code-lists/resident_category', { items: before })).statusCode).toBe(403);
    expect((await huli.request('PUT', '/api/v1/code-lists/resident_category', { items: before })).statusCode).toBe(403);
    const dupe = await admin.request('PUT', '/api/v1/code-lists/resident_category', { items: [...before, before[0]] });
    expect(dupe.statusCode).toBe(400);
    expect(dupe.json().errors[0]).toEqual({ path: `items.${before.length}.code`, message: `代码 ${before[0]!.code} 重复` });
    const empty = await admin.request('PUT', '/api/v1/code-lists/resident_category', {
      items: [{ code: '', labelZh: '', labelEn: 'x', sort: 1, active: true }],
    });
    expect(empty.json().errors.map((e: { path: string }) => e.path)).toEqual(['items.0.code', 'items.0.labelZh']);
    const inUse = await admin.request('PUT', '/api/v1/code-lists/resident_category', {
      items: before.filter((e) => e.code !== 'living_alone'),
    });
    expect(inUse.statusCode).toBe(400);
    expect(inUse.json().errors[0].message).toContain('living_alone');
    // Unused code left out: kept but inactive; a new one added; an in-use one deactivated.
    const next = [
      ...before.filter((e) => e.code !== 'vagrant').map((e) => (e.code === 'living_alone' ? { ...e, active: false } : e)),
      { code: 'hoarding', labelZh: '囤积行为', labelEn: 'Hoarding', sort: 999, active: true },
    ];
    const ok = await admin.request('PUT', '/api/v1/code-lists/resident_category', { items: next });
    expect(ok.statusCode).toBe(200);
    const after = (await list('resident_category')).items;
    expect(after.find((e) => e.code === 'vagrant')?.active).toBe(false);
    expect(after.find((e) => e.code === 'living_alone')?.active).toBe(false);
    expect(after.at(-1)).toMatchObject({ code: 'hoarding', labelZh: '囤积行为' });
    // Inactive codes cannot be given to a resident any more; the new one can.
    const patch = await sw.patch(`/api/v1/residents/${residentId}`, { version: 1, categories: ['living_alone', 'hoarding'] });
    expect(patch.json().errors).toEqual([{ path: 'categories.0', message: '代码不在代码表中：living_alone' }]);
    expect((await sw.patch(`/api/v1/residents/${residentId}`, { version: 1, categories: ['hoarding'] })).json().categories).toEqual([
      'hoarding',
    ]);
    const audit = await t.database.owner((db) =>
      rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'codeList.update' AND target_id = 'resident_category'`,
      ),
    );
    expect(audit[0]!.n).toBe(1);
  });

  it("sets visit intervals and moves every active resident's due date", async () => {
    const current = await sw.get('/api/v1/settings/visit-intervals');
    expect(current.json()).toEqual({
      1: { unit: 'week', count: 1 },
      2: { unit: 'week', count: 2 },
      3: { unit: 'month', count: 1 },
      4: { unit: 'month', count: 3 },
    });
    const next = { ...current.json(), 1: { unit: 'day', count: 3 } };
    expect((await sw.request('PUT', '/api/v1/settings/visit-intervals', next)).statusCode).toBe(403);
    const bad = await admin.request(
      'PUT',
      '/api/v1/settings/visit-intervals',
      { ...next, 1: { unit: 'year', count: 0 } },
      { 'accept-language': 'en' },
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['1.count', '1.unit']);
    const ok = await admin.request('PUT', '/api/v1/settings/visit-intervals', next);
    expect(ok.statusCode).toBe(200);
    expect((await sw.get('/api/v1/settings/visit-intervals')).json()[1]).toEqual({ unit: 'day', count: 3 });
    const r = (await sw.get(`/api/v1/residents/${residentId}`)).json();
    const reg = new Date(r.registeredOn + 'T00:00:00Z').getTime();
    expect(r.nextDueOn).toBe(new Date(reg + 3 * 86_400_000).toISOString().slice(0, 10));
    const [a] = await t.database.owner((db) =>
      rows<{ after: { recomputed: number } }>(db, sql`SELECT after FROM audit_log WHERE action = 'settings.visitIntervals'`),
    );
    expect(a!.after.recomputed).toBeGreaterThanOrEqual(1);
  });
});
