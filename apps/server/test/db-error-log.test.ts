// A logged database error carries its SQLSTATE code and a statement name, never the failed
// query's parameter values (Drizzle puts them in the message) or the driver's quoted values.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { statementName } from '../src/http/db-errors.ts';
import { startTestApp, type TestApp } from './harness.ts';

const SECRET_NAME = '王秘密';
const SECRET_BIRTH = `${SECRET_NAME}-1957-03-08`;

describe('database errors in the log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'info' }, { residents: 0 });
  });
  afterAll(() => t.close());

  it('names a statement by its first words, literals blanked', () => {
    expect(statementName(`select "id", "name" from "residents" where "name" = 'x' and age > 70 limit 5`)).toBe(
      `select "id", "name" from "residents" where "name" = …`,
    );
    expect(statementName(`update users set age = 70 where name = 'O''Brien'`)).toBe(`update users set age = ? where name …`);
    expect(statementName(`delete from t where note = 'a b c d e f g h'`)).toBe(`delete from t where note = '?'`);
  });

  it('logs the code and the statement, not the values', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp(t.services, { logger: true, logStream });
    app.get('/api/v1/_test/failing-query', async () =>
      t.database.run('', (db) => db.execute(sql`SELECT ${SECRET_BIRTH}::date AS birth_date, ${SECRET_NAME} AS name`)),
    );
    const res = await app.inject({ method: 'GET', url: '/api/v1/_test/failing-query' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(SECRET_NAME);
    const logged = lines.join('');
    const entry = lines
      .map((l) => JSON.parse(l) as { msg?: string; err?: Record<string, string> })
      .find((l) => l.msg === 'unhandled error');
    expect(entry?.err).toMatchObject({ type: 'DatabaseError', code: '22007' });
    expect(entry?.err?.statement).toMatch(/^SELECT \$1::date AS birth_date/);
    expect(logged).not.toContain(SECRET_NAME);
    expect(logged).not.toContain('1957');
    expect(logged).not.toContain('params');
  });
});
