// The visit record's print data (modules/print): masked, scoped, refused without resident.read.
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

describe('GET /api/v1/contacts/:id/print', () => {
  let t: TestApp;
  let sw: Session;
  let jiangtouContact: string;
  let jinshanContact: string;
  const contactIn = async (street: string) =>
    (
      await t.database.owner((db) =>
        rows<{ id: string }>(db, sql`SELECT id FROM contacts WHERE area_code LIKE ${`${street.slice(0, 9)}%`} ORDER BY id LIMIT 1`),
      )
    )[0]!.id;

  beforeAll(async () => {
    t = await startTestApp({}, { residents: 60 });
    sw = await t.login('jiangtou.sw');
    jiangtouContact = await contactIn(DEMO.jiangtou);
    jinshanContact = await contactIn(DEMO.jinshan);
  });
  afterAll(() => t?.close());

  it('gives the contact and its resident, the ID number and phone masked', async () => {
    const res = await sw.get(`/api/v1/contacts/${jiangtouContact}/print`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.contact.id).toBe(jiangtouContact);
    expect(body.resident.id).toBe(body.contact.residentId);
    expect(body.resident.idMasked).toMatch(/\*{6,}/);
    expect(res.body).not.toMatch(/\d{17}[\dX]/); // no full ID number anywhere in the answer
  });

  it('answers 404 for another street’s contact, 400 for a bad id, 403 without resident.read', async () => {
    expect((await sw.get(`/api/v1/contacts/${jinshanContact}/print`)).statusCode).toBe(404);
    const bad = await sw.get('/api/v1/contacts/not-a-uuid/print');
    expect(bad.statusCode).toBe(400);
    const volunteer = await t.login('volunteer.demo');
    expect((await volunteer.get(`/api/v1/contacts/${jiangtouContact}/print`)).statusCode).toBe(403);
  });
});
