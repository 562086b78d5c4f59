// Due visits: my caseload and the unassigned residents of my area, nearest first, overdue
// counted; a station head's view per worker; scope and permission rules.
import { addDays, addMonths, daysBetween, shanghaiToday } from '@wushe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from './factories.ts';
import { startTestApp, type Session, type TestApp } from './harness.ts';

describe('due visits API', () => {
  let t: TestApp;
  let sw: Session;
  let head: Session;
  let huli: Session;
  let volunteer: Session;
  const today = shanghaiToday(new Date());
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp({}, { residents: 0 }); // a constructed register: no demo residents
    [sw, head, huli, volunteer] = await Promise.all(['jiangtou.sw', 'jiangtou.head', 'huli', 'volunteer.demo'].map((u) => t.login(u)));
    const mk = async (key: string, spec: Parameters<typeof createResident>[1]) => {
      ids[key] = (await createResident(t, { registeredOn: addDays(today, -200), name: `到期${key}`, ...spec })).id;
    };
    await mk('d1', { careLevel: 1, lastContactOn: addDays(today, -10), assignedWorkerId: sw.actor.id }); // due today-3
    await mk('d2', { careLevel: 2, lastContactOn: addDays(today, -10), assignedWorkerId: sw.actor.id }); // due today+4
    await mk('d3', { careLevel: 3, lastContactOn: addDays(today, -40) }); // unassigned, due ≈ today-10
    await mk('d4', { careLevel: 4, lastContactOn: addDays(today, -40), assignedWorkerId: head.actor.id }); // not due yet
    await mk('d5', { careLevel: 1, lastContactOn: addDays(today, -8), assignedWorkerId: head.actor.id }); // due today-1
    await mk('d6', { careLevel: 1, lastContactOn: addDays(today, -30), areaCode: '350206005001' }); // 金山
    await mk('d7', { careLevel: 1, lastContactOn: addDays(today, -30), status: 'moved' });
  });
  afterAll(() => t?.close());

  it('lists my due and overdue residents and the unassigned ones, nearest first', async () => {
    const res = await sw.get('/api/v1/due');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe(today);
    expect(body.items.map((i: { residentId: string }) => i.residentId)).toEqual([ids.d3, ids.d1, ids.d2]);
    expect(body).toMatchObject({ total: 3, overdue: 2, dueSoon: 1, byWorker: [] });
    const d3Due = addMonths(addDays(today, -40), 1);
    expect(body.items[0]).toMatchObject({
      name: '到期d3',
      due: 'overdue',
      nextDueOn: d3Due,
      daysOverdue: daysBetween(d3Due, today),
      assignedWorkerId: null,
      careLevel: 3,
    });
    expect(body.items[1]).toMatchObject({
      due: 'overdue',
      daysOverdue: 3,
      nextDueOn: addDays(today, -3),
      assignedWorkerName: expect.any(String),
      areaName: expect.any(String),
    });
    expect(body.items[2]).toMatchObject({ due: 'due_soon', daysOverdue: 0, nextDueOn: addDays(today, 4) });
  });

  it('narrows by days and limits the page without losing the totals', async () => {
    const overdueOnly = (await sw.get('/api/v1/due?days=0')).json();
    expect(overdueOnly.items.map((i: { residentId: string }) => i.residentId)).toEqual([ids.d3, ids.d1]);
    const limited = (await sw.get('/api/v1/due?limit=1')).json();
    expect(limited.items).toHaveLength(1);
    expect(limited).toMatchObject({ total: 3, overdue: 2, dueSoon: 1 });
    // A quarterly resident shows once its due date is within the horizon.
    const d4Due = addMonths(addDays(today, -40), 3);
    const horizon = daysBetween(today, d4Due);
    const wide = (await head.get(`/api/v1/due?scope=all&days=${horizon}`)).json();
    expect(wide.items.at(-1)).toMatchObject({ residentId: ids.d4, nextDueOn: d4Due, due: 'due_soon' });
    const short = (await head.get(`/api/v1/due?scope=all&days=${horizon - 1}`)).json();
    expect(short.items.map((i: { residentId: string }) => i.residentId)).not.toContain(ids.d4);
    expect((await sw.get('/api/v1/due?days=61')).statusCode).toBe(400);
  });

  it('shows a station head everyone in scope with counts per worker (unassigned as null)', async () => {
    const body = (await head.get('/api/v1/due?scope=all')).json();
    expect(body.items.map((i: { residentId: string }) => i.residentId)).toEqual([ids.d3, ids.d1, ids.d5, ids.d2]);
    expect(body).toMatchObject({ total: 4, overdue: 3, dueSoon: 1 });
    const byWorker = Object.fromEntries(
      body.byWorker.map((w: { workerId: string | null; overdue: number; dueSoon: number }) => [String(w.workerId), [w.overdue, w.dueSoon]]),
    );
    expect(byWorker).toEqual({ [sw.actor.id]: [1, 1], [head.actor.id]: [1, 0], null: [1, 0] });
    // The district official sees 金山 too; moved residents never appear.
    const district = (await huli.get('/api/v1/due?scope=all')).json();
    expect(district.items.map((i: { residentId: string }) => i.residentId)).toContain(ids.d6);
    expect(district.items.map((i: { residentId: string }) => i.residentId)).not.toContain(ids.d7);
    expect((await volunteer.get('/api/v1/due')).statusCode).toBe(403);
  });
});
