// Search as people search (issue 8, item 8): the last 4 or 6 characters of an ID number
// through a keyed blind index (exact only, scoped, capped per person), and full pinyin.
import { makeIdNumber } from '@wushe/core';
import { backfillResidentSearch, rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';
import { TAIL_SEARCHES_PER_MINUTE } from '../src/modules/residents/residents.search-limit.ts';

interface Item {
  id: string;
  name: string;
  areaCode: string;
  idMasked: string;
}

describe('search by the last digits of an ID number, and by full pinyin', () => {
  let t: TestApp;
  let sw: Session;
  let jinshan: Session;
  let head: Session;
  const idNumber = makeIdNumber('350206', '19460918', 317);
  let simaId = '';
  const find = async (s: Session, q: string) => {
    const res = await s.get(`/api/v1/residents?pageSize=100&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Item[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    [sw, jinshan, head] = await Promise.all(['jiangtou.sw', 'jinshan.sw', 'jiangtou.head'].map((u) => t.login(u)));
    const res = await sw.post('/api/v1/residents', {
      name: '司马光',
      idNumber,
      areaCode: DEMO.jiangtouCommunity,
      careLevel: 3,
      categories: [],
      consent: { purpose: '建档', date: '2026-01-05', givenBy: '本人' },
    });
    expect(res.statusCode, res.body).toBe(200);
    simaId = res.json().id;
  });
  afterAll(() => t?.close());

  it('finds a resident by the last 4 and the last 6 characters, exactly', async () => {
    const last4 = idNumber.slice(-4);
    const byFour = await find(sw, last4);
    expect(byFour.map((i) => i.id)).toContain(simaId);
    // Every hit really ends so (the mask keeps the last four).
    expect(byFour.every((i) => i.idMasked.endsWith(last4))).toBe(true);
    const bySix = await find(sw, idNumber.slice(-6));
    expect(bySix.map((i) => i.id)).toContain(simaId);
    expect(bySix.every((i) => i.idMasked.endsWith(last4))).toBe(true);
    expect(bySix.length).toBeLessThanOrEqual(byFour.length);
  });

  it('misses on another tail, and never matches by 1–3 digits, 5 digits or a fragment', async () => {
    const other = String((Number(idNumber.slice(-5, -1)) + 1) % 10000).padStart(4, '0');
    expect((await find(sw, other)).map((i) => i.id)).not.toContain(simaId);
    for (const q of [idNumber.slice(-1), idNumber.slice(-2), idNumber.slice(-3), idNumber.slice(-5), idNumber.slice(-8, -4)]) {
      expect(await find(sw, q), q).toEqual([]);
    }
    // A middle run of six digits is not a tail either.
    expect((await find(sw, idNumber.slice(6, 12))).map((i) => i.id)).not.toContain(simaId);
  });

  it('keeps to the scope: another street never finds the record by its tail', async () => {
    expect((await find(jinshan, idNumber.slice(-4))).every((i) => i.areaCode.startsWith('350206005'))).toBe(true);
    expect((await find(jinshan, idNumber.slice(-6))).map((i) => i.id)).not.toContain(simaId);
  });

  it('stores keyed hashes, never the digits', async () => {
    const [row] = await t.database.owner((db) =>
      rows<{ t4: string; t6: string; py: string }>(
        db,
        sql`SELECT id_tail4_hash AS t4, id_tail6_hash AS t6, name_pinyin AS py FROM residents WHERE id = ${simaId}`,
      ),
    );
    expect(row!.t4).not.toContain(idNumber.slice(-4));
    expect(row!.t6).not.toContain(idNumber.slice(-6));
    expect(row!.t4).toMatch(/^[A-Za-z0-9_-]{43}$/); // an HMAC-SHA256, base64url
    expect(row!.py).toBe('simaguang');
  });

  it('finds by full pinyin as well as by initials and name grams', async () => {
    for (const q of ['sima', 'SiMa', 'simaguang', 'smg'])
      expect(
        (await find(sw, q)).map((i) => i.name),
        q,
      ).toContain('司马光');
    expect((await find(sw, 'simaguangx')).map((i) => i.name)).not.toContain('司马光');
    expect((await find(sw, '马光')).map((i) => i.name)).toContain('司马光');
  });

  it('fills the indexes of rows stored before them at start-up, with the key', async () => {
    await t.database.owner((db) => db.execute(sql`UPDATE residents SET id_tail4_hash = NULL, id_tail6_hash = NULL, name_pinyin = NULL`));
    expect((await find(sw, idNumber.slice(-4))).map((i) => i.id)).not.toContain(simaId);
    const filled = await backfillResidentSearch(t.database, t.services.keys);
    const [{ n }] = (await t.database.owner((db) => rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM residents`))) as [
      { n: number },
    ];
    expect(filled).toBe(n);
    expect((await find(sw, idNumber.slice(-4))).map((i) => i.id)).toContain(simaId);
    expect((await find(sw, 'sima')).map((i) => i.id)).toContain(simaId);
    expect(await backfillResidentSearch(t.database, t.services.keys)).toBe(0);
  });

  it('caps tail searches per person (429), leaving other searches alone', async () => {
    for (let i = 0; i < TAIL_SEARCHES_PER_MINUTE; i++) await find(head, String(1000 + i));
    const over = await head.get('/api/v1/residents?q=4321', { 'accept-language': 'en' });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('resident.searchRateLimited');
    expect(over.headers['retry-after']).toBeDefined();
    expect((await head.get(`/api/v1/residents?q=${encodeURIComponent('司马')}`)).statusCode).toBe(200);
    // Another person's share is their own.
    expect((await sw.get('/api/v1/residents?q=4321')).statusCode).toBe(200);
  });
});
