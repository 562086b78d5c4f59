// Area codes as people type them: officials know their district as 350206, so API queries,
// bodies and paths, WUSHE_AREA and `seed --area` take 2-, 4-, 6- and 9-digit codes and read
// them as 12 digits; a malformed code is still a clear 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationArea, loadConfig } from '../src/config.ts';
import { DEMO, GOOD_PASSWORD, startTestApp, type Session, type TestApp } from './harness.ts';

describe('area codes as typed', () => {
  let t: TestApp;
  let huli: Session;
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 60 });
    huli = await t.login('huli');
  });
  afterAll(() => t.close());

  it('reads a 9-digit street code in a query like its 12-digit form', async () => {
    const long = await huli.get(`/api/v1/residents?area=${DEMO.jiangtou}&pageSize=100`);
    const short = await huli.get(`/api/v1/residents?area=${DEMO.jiangtou.slice(0, 9)}&pageSize=100`);
    expect(long.statusCode).toBe(200);
    expect(long.json().total).toBeGreaterThan(0);
    expect(short.json()).toEqual(long.json());
    const cov = await huli.get('/api/v1/coverage?area=350206');
    expect(cov.statusCode).toBe(200);
    expect(cov.json().area.code).toBe(DEMO.district);
  });

  it('reads a short code in a path and a body', async () => {
    const area = await huli.get('/api/v1/areas/350206004');
    expect(area.statusCode).toBe(200);
    expect(area.json().code).toBe(DEMO.jiangtou);
    const created = await huli.post('/api/v1/users', {
      username: 'short.area',
      displayName: '短代码',
      phone: null,
      roleId: huli.actor.role.id,
      areaCode: '350206',
      password: GOOD_PASSWORD,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().areaCode).toBe(DEMO.district);
  });

  it('still refuses a malformed code with a field message in both languages', async () => {
    for (const bad of ['350', '35020', '3502060040', 'abc']) {
      const res = await huli.get(`/api/v1/residents?area=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'area', message: '区划代码应为 2、4、6、9 或 12 位数字（网格可更长）' }]);
    }
    const en = await huli.get('/api/v1/areas/35020', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual([{ path: 'code', message: 'An area code has 2, 4, 6, 9 or 12 digits (longer for a grid)' }]);
  });

  it('takes WUSHE_AREA and seed --area as typed', () => {
    expect(loadConfig({ WUSHE_AREA: '3502' }).areaCode).toBe('350200000000');
    expect(loadConfig({ WUSHE_AREA: '350206' }).areaCode).toBe(DEMO.district);
    expect(loadConfig({}).areaCode).toBe(DEMO.district);
    expect(loadConfig({ WUSHE_AREA: '350206004' }).areaCode).toBe(DEMO.jiangtou);
    expect(() => loadConfig({ WUSHE_AREA: '35020' })).toThrow(/WUSHE_AREA: an area code of 2, 4, 6, 9 or 12 digits/);
    expect(installationArea('35')).toBe('350000000000');
    // An installation serves a division, never a grid.
    expect(installationArea('350206004001007')).toBeNull();
    expect(installationArea('x')).toBeNull();
  });
});
