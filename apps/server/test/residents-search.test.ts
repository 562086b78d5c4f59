// Finding residents: one search box (name fragment incl. two-character given names, pinyin
// initials, exact ID, exact phone), filters, sorts, paging, due state, and scope.
import { addDays, makeIdNumber, shanghaiToday } from '@wushe/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

interface Item {
  id: string;
  name: string;
  areaCode: string;
  categories: string[];
  careLevel: number;
  assistanceStatus: string | null;
  assignedWorkerId: string | null;
  nextDueOn: string;
  due: string;
  age: number | null;
  idMasked: string;
  phoneMasked: string | null;
}

const C1 = DEMO.jiangtouCommunity;
const C2 = '350206004002';
const PEOPLE = [
  {
    name: '张建国',
    birth: '19470312',
    phone: '13812345678',
    areaCode: C1,
    careLevel: 1,
    categories: ['living_alone', 'dibao'],
    assistanceStatus: 'dibao',
  },
  {
    name: '张建华',
    birth: '19500420',
    phone: '13812345679',
    areaCode: C1,
    careLevel: 2,
    categories: ['empty_nest'],
    assistanceStatus: null,
  },
  { name: '李建国', birth: '19420101', phone: null, areaCode: C2, careLevel: 3, categories: ['dibao'], assistanceStatus: 'dibao' },
  {
    name: '欧阳娜娜',
    birth: '19600707',
    phone: '13600001111',
    areaCode: C2,
    careLevel: 4,
    categories: ['disability'],
    assistanceStatus: 'tekun',
  },
  { name: '张三', birth: '19550505', phone: null, areaCode: C2, careLevel: 4, categories: [], assistanceStatus: null },
];

describe('resident search', () => {
  let t: TestApp;
  let sw: Session;
  let huli: Session;
  let jinshan: Session;
  const ids: Record<string, string> = {};
  const idNumbers: Record<string, string> = {};
  const names = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.name);
  const search = (s: Session, qs: string) => s.get(`/api/v1/residents?pageSize=100&${qs}`);

  beforeAll(async () => {
    t = await startTestApp();
    [sw, huli, jinshan] = await Promise.all(['jiangtou.sw', 'huli', 'jinshan.sw'].map((u) => t.login(u)));
    let seq = 11;
    for (const p of PEOPLE) {
      const idNumber = makeIdNumber('350206', p.birth, seq++);
      const res = await sw.post('/api/v1/residents', {
        name: p.name,
        idNumber,
        phone: p.phone,
        areaCode: p.areaCode,
        careLevel: p.careLevel,
        categories: p.categories,
        assistanceStatus: p.assistanceStatus,
        assignedWorkerId: p.name === '张建华' ? sw.actor.id : null,
        consent: { purpose: '建档', date: '2026-01-05', givenBy: '本人' },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      ids[p.name] = res.json().id;
      idNumbers[p.name] = idNumber;
    }
  });
  afterAll(() => t?.close());

  it('finds a two-character given name, a surname, and a longer name', async () => {
    const jg = names(await search(sw, `q=${encodeURIComponent('建国')}`));
    expect(jg).toEqual(expect.arrayContaining(['张建国', '李建国']));
    expect(jg.every((n) => n.includes('建国'))).toBe(true);
    const zhang = names(await search(sw, `q=${encodeURIComponent('张')}`));
    expect(zhang).toEqual(expect.arrayContaining(['张建国', '张建华', '张三']));
    expect(zhang.every((n) => n.includes('张'))).toBe(true);
    expect(names(await search(sw, `q=${encodeURIComponent('欧阳娜娜')}`))).toEqual(['欧阳娜娜']);
    expect(names(await search(sw, `q=${encodeURIComponent('阳娜')}`))).toEqual(['欧阳娜娜']);
  });

  it('finds by pinyin initials, exact ID and exact phone', async () => {
    const zjg = await search(sw, 'q=zjg');
    expect(names(zjg)).toContain('张建国');
    expect(names(zjg)).not.toContain('张建华');
    expect(names(await search(sw, 'q=ZJG'))).toContain('张建国');
    const byId = await search(sw, `q=${idNumbers['张建国']}`);
    expect(byId.json().total).toBe(1);
    expect(byId.json().items[0]).toMatchObject({
      id: ids['张建国'],
      idMasked: idNumbers['张建国']!.slice(0, 3) + '*'.repeat(11) + idNumbers['张建国']!.slice(-4),
    });
    const byPhone = await search(sw, 'q=13812345678');
    expect(names(byPhone)).toEqual(['张建国']);
    expect(byPhone.json().items[0].phoneMasked).toBe('138****5678');
    // A prefix of the ID or phone is no match: only exact values are indexed.
    expect((await search(sw, `q=${idNumbers['张建国']!.slice(0, 17)}`)).json().total).toBe(0);
    expect((await search(sw, 'q=1381234567')).json().total).toBe(0);
  });

  it('filters by area, category, care level, assistance status, worker, status and overdue', async () => {
    const c2 = (await search(sw, `area=${C2}`)).json().items as Item[];
    expect(c2.map((i) => i.name)).toEqual(expect.arrayContaining(['李建国', '欧阳娜娜', '张三']));
    expect(c2.every((i) => i.areaCode.startsWith(C2))).toBe(true);
    const dibao = (await search(sw, 'category=dibao')).json().items as Item[];
    expect(dibao.map((i) => i.name)).toEqual(expect.arrayContaining(['张建国', '李建国']));
    expect(dibao.every((i) => i.categories.includes('dibao'))).toBe(true);
    const l4 = (await search(sw, 'careLevel=4')).json().items as Item[];
    expect(l4.map((i) => i.name)).toEqual(expect.arrayContaining(['欧阳娜娜', '张三']));
    expect(l4.every((i) => i.careLevel === 4)).toBe(true);
    const tekun = (await search(sw, 'assistanceStatus=tekun')).json().items as Item[];
    expect(tekun.every((i) => i.assistanceStatus === 'tekun') && tekun.some((i) => i.name === '欧阳娜娜')).toBe(true);
    const mine = (await search(sw, `worker=${sw.actor.id}`)).json().items as Item[];
    expect(mine.map((i) => i.name)).toContain('张建华');
    expect(mine.every((i) => i.assignedWorkerId === sw.actor.id)).toBe(true);
    // Overdue: due yesterday.
    const today = shanghaiToday(new Date());
    await t.database.owner((db) =>
      db.execute(sql`UPDATE residents SET next_due_on = ${addDays(today, -1)}::date WHERE id = ${ids['张三']}`),
    );
    const overdue = (await search(sw, 'overdue=true')).json().items as Item[];
    expect(overdue.find((i) => i.name === '张三')?.due).toBe('overdue');
    expect(overdue.every((i) => i.nextDueOn < today)).toBe(true);
    expect(names(await search(sw, 'overdue=false'))).not.toContain('张三');
    // Due state from next_due_on: weekly is due within 7 days, quarterly is not.
    const all = (await search(sw, `q=${encodeURIComponent('建')}`)).json().items as Item[];
    expect(all.find((i) => i.name === '张建国')).toMatchObject({ due: 'due_soon', careLevel: 1, age: expect.any(Number) });
    expect(((await search(sw, `q=${encodeURIComponent('欧阳娜娜')}`)).json().items[0] as Item).due).toBe('ok');
    const moved = await sw.patch(`/api/v1/residents/${ids['张三']}`, { version: 1, status: 'moved' });
    expect(moved.statusCode).toBe(200);
    expect(names(await search(sw, `q=${encodeURIComponent('张')}`))).not.toContain('张三');
    expect(names(await search(sw, `status=moved&q=${encodeURIComponent('张')}`))).toEqual(['张三']);
  });

  it('sorts and pages', async () => {
    const q = `q=${encodeURIComponent('建')}`;
    const byName = names(await search(sw, `${q}&sort=name`));
    expect(byName).toEqual([...byName].sort());
    const first = await sw.get(`/api/v1/residents?${q}&sort=name&pageSize=2&page=1`);
    const second = await sw.get(`/api/v1/residents?${q}&sort=name&pageSize=2&page=2`);
    const total = first.json().total as number;
    expect(total).toBe(byName.length);
    expect([...names(first), ...names(second)]).toEqual(byName.slice(0, 4));
    expect((await sw.get(`/api/v1/residents?${q}&pageSize=2&page=50`)).json()).toEqual({ items: [], total });
    const levels = ((await search(sw, 'sort=careLevel')).json().items as Item[]).map((i) => i.careLevel);
    expect(levels).toEqual([...levels].sort());
    const due = ((await search(sw, 'sort=-nextDueOn')).json().items as Item[]).map((i) => i.nextDueOn);
    expect(due).toEqual([...due].sort().reverse());
  });

  it("keeps to the caller's scope and checks the query", async () => {
    expect(names(await search(huli, `q=${encodeURIComponent('张建国')}`))).toEqual(['张建国']);
    expect((await search(jinshan, `q=${encodeURIComponent('张建国')}`)).json().total).toBe(0);
    // The owner-run gram search keeps to the scope too (金山's own demo residents may be called 建国).
    expect(
      ((await search(jinshan, `q=${encodeURIComponent('建国')}`)).json().items as Item[]).every((i) => i.areaCode.startsWith('350206005')),
    ).toBe(true);
    expect((await search(jinshan, `area=${C1}`)).json()).toEqual({ items: [], total: 0 });
    const bad = await sw.get('/api/v1/residents?careLevel=7&pageSize=1000&sort=age');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['careLevel', 'pageSize', 'sort']);
  });
});
