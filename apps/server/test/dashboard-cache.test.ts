// An official's 工作台 figures are counted once per cache period for an area and day
// (dashboard.cache.ts), through the API and in the cache itself.
import type { AreaDashboard } from '@wushe/core';
import { rows } from '@wushe/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaFigures } from '../src/modules/dashboard/dashboard.cache.ts';
import { startTestApp, type TestApp } from './harness.ts';

const figures = (n: number) => ({ kind: 'area', computedAt: `t${n}` }) as unknown as AreaDashboard;

describe('the official 工作台 cache', () => {
  it('reuses a count within the period, shares one count between callers, counts again after it, keeps no failure', async () => {
    let counted = 0;
    const count = async () => figures(++counted);
    const [a, b] = await Promise.all([areaFigures('k1', 1000, count, 0), areaFigures('k1', 1000, count, 10)]);
    expect([a.computedAt, b.computedAt, counted]).toEqual(['t1', 't1', 1]);
    expect((await areaFigures('k1', 1000, count, 999)).computedAt).toBe('t1');
    expect((await areaFigures('k2', 1000, count, 999)).computedAt).toBe('t2'); // another area or day
    expect((await areaFigures('k1', 1000, count, 1000)).computedAt).toBe('t3'); // the period is over
    await expect(areaFigures('k3', 1000, () => Promise.reject(new Error('db down')), 2000)).rejects.toThrow('db down');
    expect((await areaFigures('k3', 1000, count, 2001)).computedAt).toBe('t4');
    expect((await areaFigures('k4', 0, count, 2002)).computedAt).toBe('t5'); // off: always counted
    expect((await areaFigures('k4', 0, count, 2002)).computedAt).toBe('t6');
  });

  describe('through the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ areaDashboardCacheMs: 60_000 }, { residents: 20 });
    });
    afterAll(() => t?.close());

    it('answers the district official from the count made a moment ago, and says when it was counted', async () => {
      const huli = await t.login('huli');
      const first = (await huli.get('/api/v1/dashboard')).json();
      expect(first.kind).toBe('area');
      expect(Date.now() - Date.parse(first.computedAt)).toBeLessThan(60_000);
      // A resident deactivated now shows on the next count, not within the period.
      await t.database.owner((db) =>
        db.execute(sql`UPDATE residents SET status = 'deceased' WHERE id = (SELECT id FROM residents WHERE status = 'active' LIMIT 1)`),
      );
      const [now] = await t.database.owner((db) =>
        rows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM residents WHERE status = 'active' AND registered_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date`,
        ),
      );
      expect(now!.n).toBe(first.area.registered - 1); // a fresh count would differ
      const again = (await huli.get('/api/v1/dashboard')).json();
      expect(again).toEqual(first);
    });
  });
});
