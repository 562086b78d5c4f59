// Start-up a newcomer trusts: one readable line per request in a terminal (WUSHE_LOG_FORMAT=pretty),
// JSON elsewhere by default; the pretty lines come from the server's real request log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { prettyLine, prettyLog } from '../src/log-format.ts';
import { startTestApp, type TestApp } from './harness.ts';

describe('log format', () => {
  it('defaults to pretty on a terminal and JSON otherwise; WUSHE_LOG_FORMAT decides when set', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ WUSHE_LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ WUSHE_LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ WUSHE_LOG_FORMAT: 'xml' })).toThrow(/WUSHE_LOG_FORMAT/);
  });

  it('turns a request pair into one line and keeps warnings and errors', () => {
    const pending = new Map<string, string>();
    const time = new Date(2026, 0, 5, 9, 3, 4).getTime();
    expect(
      prettyLine({ time, msg: 'incoming request', reqId: 'r1', req: { method: 'GET', url: '/api/v1/residents' } }, pending),
    ).toBeNull();
    expect(prettyLine({ time, msg: 'request completed', reqId: 'r1', res: { statusCode: 200 }, responseTime: 12.4 }, pending)).toBe(
      '09:03:04  GET /api/v1/residents  200  12 ms',
    );
    expect(pending.size).toBe(0);
    expect(prettyLine({ time, level: 40, msg: 'slow' }, pending)).toBe('09:03:04  WARN  slow');
    expect(prettyLine({ time, level: 50, msg: 'boom', err: { message: 'x', stack: 'Error: x\n  at y' } }, pending)).toBe(
      '09:03:04  ERROR  boom\nError: x\n  at y',
    );
  });
});

describe('the server log in pretty form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'info' }, { residents: 0 });
  });
  afterAll(() => t?.close());

  it('prints one line per request with method, path (no query), status and time', async () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    }) as unknown as NodeJS.WriteStream;
    // What main.ts gives fastify when the format is pretty.
    const app = await buildApp(t.services, { logger: true, logStream: prettyLog(out) });
    await app.inject({ method: 'GET', url: '/api/v1/health?idNumber=350206194501010011' });
    await app.inject({ method: 'GET', url: '/api/v1/residents' });
    await app.close();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d {2}GET \/api\/v1\/health {2}200 {2}\d+ ms$/);
    expect(lines[1]).toMatch(/ {2}GET \/api\/v1\/residents {2}401 {2}\d+ ms$/);
    expect(lines.join('\n')).not.toContain('350206194501010011');
  });
});
