// The demo's residents: valid sealed IDs with matching blind indexes, guardians for children,
// coverage neither 0 nor 100%, nothing in clear text, and the same people on every run.
import { isValidIdNumber, parseIdNumber } from '@wushe/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from '../src/client.ts';
import { generateKeyFile, keysFrom, type Keys } from '../src/keys.ts';
import { migrate } from '../src/migrate.ts';
import { idBlindIndex, openFamily, phoneBlindIndex } from '../src/residents/prepare.ts';
import { seedDemo } from '../src/demo/index.ts';
import { seedBase } from '../src/seed.ts';

const TODAY = '2026-03-01'; // a fixed day: the demo's dates are relative to it
const COUNT = 3000;

async function demoDatabase(keys: Keys, residents: number): Promise<Database> {
  const database = await openDatabase({});
  await migrate(database);
  await seedBase(database, '350206');
  await seedDemo(database, keys, { today: TODAY, residents });
  return database;
}

const query = <T>(database: Database, q: ReturnType<typeof sql>) => database.owner((db) => rows<T>(db, q));

describe('demo residents', () => {
  const keys = keysFrom(generateKeyFile());
  let database: Database;

  beforeAll(async () => {
    database = await demoDatabase(keys, COUNT);
  }, 120_000);
  afterAll(() => database?.close());

  it('registers the number asked for across 湖里区 communities', async () => {
    const [r] = await query<{ n: number; communities: number; streets: number }>(
      database,
      sql`SELECT count(*)::int AS n, count(DISTINCT area_code)::int AS communities, count(DISTINCT left(area_code, 9))::int AS streets FROM residents`,
    );
    expect(r!.n).toBe(COUNT);
    expect(r!.communities).toBeGreaterThan(40);
    expect(r!.streets).toBe(5);
    const levels = await query<{ care_level: number; n: number }>(
      database,
      sql`SELECT care_level, count(*)::int AS n FROM residents GROUP BY 1 ORDER BY 1`,
    );
    const share = (l: number) => levels.find((x) => x.care_level === l)!.n / COUNT;
    expect(share(1)).toBeCloseTo(0.1, 1);
    expect(share(2)).toBeCloseTo(0.25, 1);
    expect(share(3)).toBeCloseTo(0.45, 1);
    expect(share(4)).toBeCloseTo(0.2, 1);
  });

  it('stores valid 350206 ID numbers, sealed, with matching blind indexes and no duplicates', async () => {
    const found = await query<{
      id_cipher: string;
      id_hash: string;
      id_masked: string;
      sex: string;
      birth_date: string;
      phone_cipher: string | null;
      phone_hash: string | null;
    }>(
      database,
      sql`SELECT id_cipher, id_hash, id_masked, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, phone_cipher, phone_hash FROM residents`,
    );
    const hashes = new Set<string>();
    for (const r of found) {
      const id = keys.open(r.id_cipher);
      expect(isValidIdNumber(id, TODAY)).toBe(true);
      expect(id.startsWith('350206')).toBe(true);
      const parsed = parseIdNumber(id, TODAY);
      expect(parsed.ok && parsed.sex === r.sex && parsed.birthDate === r.birth_date).toBe(true);
      expect(r.id_hash).toBe(idBlindIndex(keys, 'resident_id', id));
      expect(r.id_masked.slice(-4)).toBe(id.slice(-4));
      if (r.phone_cipher) {
        const phone = keys.open(r.phone_cipher);
        expect(phone).toMatch(/^1[3-9]\d{9}$/);
        expect(r.phone_hash).toBe(phoneBlindIndex(keys, phone));
      }
      hashes.add(r.id_hash);
    }
    expect(hashes.size).toBe(found.length);
  });

  it('gives every child under 14 a guardian and a guardian consent', async () => {
    const children = await query<{ family_cipher: string | null; consent: { byGuardian: boolean } }>(
      database,
      sql`SELECT family_cipher, consent FROM residents WHERE birth_date > ${TODAY}::date - interval '14 years'`,
    );
    expect(children.length).toBeGreaterThan(50);
    for (const c of children) {
      expect(openFamily(keys, c.family_cipher).guardian?.name).toBeTruthy();
      expect(c.consent.byGuardian).toBe(true);
    }
  });

  it('covers most residents today and leaves some overdue', async () => {
    const [c] = await query<{ covered: number; overdue: number; never: number; n: number }>(
      database,
      sql`SELECT count(*) FILTER (WHERE last_contact_on <= ${TODAY}::date AND last_contact_on > (CASE care_level
              WHEN 1 THEN ${TODAY}::date - interval '1 week' WHEN 2 THEN ${TODAY}::date - interval '2 weeks'
              WHEN 3 THEN ${TODAY}::date - interval '1 month' ELSE ${TODAY}::date - interval '3 months' END))::int AS covered,
            count(*) FILTER (WHERE next_due_on < ${TODAY}::date)::int AS overdue,
            count(*) FILTER (WHERE last_contact_on IS NULL)::int AS never,
            count(*)::int AS n
          FROM residents`,
    );
    const rate = c!.covered / c!.n;
    expect(rate).toBeGreaterThan(0.6);
    expect(rate).toBeLessThan(0.95);
    expect(c!.overdue).toBeGreaterThan(0.05 * c!.n);
    expect(c!.never).toBeGreaterThan(0);
    // last_contact_on is the latest contact; every resident is visited only after registration.
    const [k] = await query<{ n: number; bad_last: number; early: number }>(
      database,
      sql`SELECT count(*)::int AS n,
            count(*) FILTER (WHERE r.last_contact_on IS DISTINCT FROM (SELECT max(occurred_on) FROM contacts c WHERE c.resident_id = r.id))::int AS bad_last,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.resident_id = r.id AND (c.occurred_on < r.registered_on OR c.occurred_on > ${TODAY}::date)))::int AS early
          FROM residents r`,
    );
    expect(k).toEqual({ n: COUNT, bad_last: 0, early: 0 });
    const [t] = await query<{ contacts: number }>(database, sql`SELECT count(*)::int AS contacts FROM contacts`);
    expect(t!.contacts).toBeGreaterThan((30 * COUNT) / 3);
    expect(t!.contacts).toBeLessThan(20 * COUNT);
  });

  it('has assessments, three urgent PHQ-9 screens with their follow-ups, and a first care-level record per resident', async () => {
    const [a] = await query<{ n: number; urgent: number; residents: number; levels: number }>(
      database,
      sql`SELECT (SELECT count(*)::int FROM assessments) AS n,
            (SELECT count(*)::int FROM assessments WHERE 'urgent' = ANY(flags)) AS urgent,
            (SELECT count(DISTINCT resident_id)::int FROM assessments WHERE instrument_code = 'gbt42195') AS residents,
            (SELECT count(*)::int FROM care_level_changes WHERE from_level IS NULL) AS levels`,
    );
    expect(a!.urgent).toBe(3);
    // One follow-up per urgent screen, due 48 h after it: open (tomorrow), overdue, done with an outcome.
    const fu = await query<{ due: string; done: boolean; outcome: string | null; alerts: number }>(
      database,
      sql`SELECT (f.due_at AT TIME ZONE 'Asia/Shanghai')::date::text AS due, f.done_at IS NOT NULL AS done, f.outcome,
            (SELECT count(*)::int FROM notifications n WHERE n.link = '/residents/' || f.resident_id AND n.kind = 'assessment.urgent') AS alerts
          FROM follow_ups f JOIN assessments a ON a.id = f.assessment_id AND 'urgent' = ANY(a.flags) ORDER BY f.due_at DESC`,
    );
    expect(fu.map((f) => [f.due, f.done])).toEqual([
      ['2026-03-02', false],
      ['2026-02-27', false],
      ['2026-02-11', true],
    ]);
    expect(fu[2]!.outcome).toContain('转介');
    expect(fu.map((f) => f.alerts)).toEqual([1, 1, 0]); // 江头's station head, for the open ones
    expect(a!.residents).toBeGreaterThan(COUNT / 2);
    expect(a!.levels).toBe(COUNT);
    const [one] = await query<{ answers_cipher: string; total: number }>(
      database,
      sql`SELECT answers_cipher, total FROM assessments ORDER BY id LIMIT 1`,
    );
    expect(JSON.parse(keys.open(one!.answers_cipher))).toHaveProperty('answers');
  });

  it('keeps no ID number or phone in clear text in the raw table', async () => {
    const sample = await query<{ id_cipher: string; phone_cipher: string | null }>(
      database,
      sql`SELECT id_cipher, phone_cipher FROM residents ORDER BY id LIMIT 50`,
    );
    const raw = await query<{ t: string }>(database, sql`SELECT r::text AS t FROM residents r`);
    const text = raw.map((r) => r.t).join('\n');
    expect(text).not.toMatch(/350206(19|20)\d{9}[\dX]/);
    for (const s of sample) {
      expect(text).not.toContain(keys.open(s.id_cipher));
      if (s.phone_cipher) expect(text).not.toContain(keys.open(s.phone_cipher));
    }
  });
});

describe('demo residents are deterministic', () => {
  it('gives the same names and ID numbers on two runs with the same today', async () => {
    const people = async () => {
      const keys = keysFrom(generateKeyFile());
      const database = await demoDatabase(keys, 300);
      try {
        const found = await query<{ id: string; name: string; id_cipher: string; last_contact_on: string | null }>(
          database,
          sql`SELECT id, name, id_cipher, to_char(last_contact_on, 'YYYY-MM-DD') AS last_contact_on FROM residents ORDER BY id`,
        );
        const [c] = await query<{ n: number }>(database, sql`SELECT count(*)::int AS n FROM contacts`);
        return {
          residents: found.map((r) => ({ id: r.id, name: r.name, idNumber: keys.open(r.id_cipher), last: r.last_contact_on })),
          contacts: c!.n,
        };
      } finally {
        await database.close();
      }
    };
    const first = await people();
    expect(first.residents).toHaveLength(300);
    expect(await people()).toEqual(first);
  }, 120_000);
});
