// Areas: the caller's root, children within scope, name / pinyin-initials search, grids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type Session, type TestApp } from './harness.ts';

interface AreaOut {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  path: string;
  hasChildren: boolean;
}

const STREETS = ['350206001000', '350206002000', '350206003000', '350206004000', '350206005000', '350206405000', '350206406000'];
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('areas API', () => {
  let t: TestApp;
  let huli: Session;
  let jinshan: Session;
  beforeAll(async () => {
    t = await startTestApp();
    [huli, jinshan] = await Promise.all([t.login('huli'), t.login('jinshan.sw')]);
  });
  afterAll(() => t?.close());

  it("answers the caller's own area as the root", async () => {
    const h = await huli.get('/api/v1/areas');
    expect(h.statusCode).toBe(200);
    expect(h.json()).toMatchObject({ total: 1, items: [{ code: DEMO.district, name: '湖里区', level: 'county', hasChildren: true }] });
    expect(h.json().items[0].path).toBe('福建省 / 厦门市 / 湖里区');
    const j = await jinshan.get('/api/v1/areas');
    expect(j.json().items.map((a: AreaOut) => a.code)).toEqual([DEMO.jinshan]);
  });

  it('lists the 7 streets under the district for huli', async () => {
    const res = await huli.get(`/api/v1/areas?parent=${DEMO.district}`);
    expect(res.statusCode).toBe(200);
    const items: AreaOut[] = res.json().items;
    expect(items.map((a) => a.code)).toEqual(STREETS);
    expect(res.json().total).toBe(7);
    expect(items.every((a) => a.level === 'street' && a.parentCode === DEMO.district)).toBe(true);
    expect(items.find((a) => a.code === DEMO.jiangtou)).toMatchObject({ name: '江头街道', hasChildren: true });
  });

  it('shows a street worker only their own branch of an ancestor', async () => {
    const res = await jinshan.get(`/api/v1/areas?parent=${DEMO.district}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: AreaOut) => a.name)).toEqual(['金山街道']);
    const communities = await jinshan.get(`/api/v1/areas?parent=${DEMO.jinshan}`);
    expect(communities.json().total).toBeGreaterThan(5);
    expect(communities.json().items.every((a: AreaOut) => a.code.startsWith('350206005') && a.level === 'community')).toBe(true);
    const other = await jinshan.get(`/api/v1/areas?parent=${DEMO.jiangtou}`);
    expect(other.json()).toEqual({ items: [], total: 0 });
  });

  it('finds areas by pinyin initials within scope', async () => {
    const h = await huli.get('/api/v1/areas?q=jt');
    expect(h.statusCode).toBe(200);
    const names = h.json().items.map((a: AreaOut) => a.name);
    expect(names).toContain('江头街道');
    expect(names).toContain('江头社区');
    // Higher levels first.
    expect(names.indexOf('江头街道')).toBeLessThan(names.indexOf('江头社区'));
    const j = await jinshan.get('/api/v1/areas?q=jt');
    expect(j.statusCode).toBe(200);
    expect(j.json().items.map((a: AreaOut) => a.name)).not.toContain('江头街道');
    expect(j.json().items.every((a: AreaOut) => a.code.startsWith('350206005'))).toBe(true);
    // Upper case initials work too.
    expect((await huli.get('/api/v1/areas?q=JTJD')).json().items.map((a: AreaOut) => a.code)).toEqual([DEMO.jiangtou]);
  });

  it('finds areas by a name fragment and honours the limit', async () => {
    const res = await huli.get(`/api/v1/areas?q=${encodeURIComponent('江头')}`);
    expect(res.statusCode).toBe(200);
    const items: AreaOut[] = res.json().items;
    expect(items[0]).toMatchObject({ code: DEMO.jiangtou, name: '江头街道' });
    expect(items.every((a) => a.name.includes('江头'))).toBe(true);
    const limited = await huli.get(`/api/v1/areas?q=${encodeURIComponent('社区')}&limit=3`);
    expect(limited.json().items).toHaveLength(3);
    // LIKE wildcards are taken literally.
    for (const q of ['%', '_']) expect((await huli.get(`/api/v1/areas?q=${encodeURIComponent(q)}`)).json().total).toBe(0);
    const none = await jinshan.get(`/api/v1/areas?q=${encodeURIComponent('江头')}`);
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('rejects a malformed parent and limit with field errors', async () => {
    const zh = await huli.get('/api/v1/areas?parent=35020&limit=0');
    expect(zh.statusCode).toBe(400);
    expect(zh.json().code).toBe('error.validation');
    expect(paths(zh.json())).toEqual(expect.arrayContaining(['parent', 'limit']));
    expect(zh.json().errors.find((e: { path: string }) => e.path === 'parent').message).toContain('区划代码');
    const en = await huli.get('/api/v1/areas?parent=35020', { 'accept-language': 'en' });
    expect(en.json().errors[0]).toEqual({ path: 'parent', message: 'An area code has 2, 4, 6, 9 or 12 digits (longer for a grid)' });
  });

  it('reads one area in scope and answers 404 outside it', async () => {
    const own = await jinshan.get(`/api/v1/areas/${DEMO.jinshan}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ code: DEMO.jinshan, name: '金山街道', level: 'street', parentCode: DEMO.district });
    const other = await jinshan.get(`/api/v1/areas/${DEMO.jiangtou}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('error.notFound');
    // The district itself is above a street worker's scope.
    expect((await jinshan.get(`/api/v1/areas/${DEMO.district}`)).statusCode).toBe(404);
    expect((await huli.get(`/api/v1/areas/${DEMO.jiangtou}`)).statusCode).toBe(200);
    expect((await huli.get('/api/v1/areas/350206999999')).statusCode).toBe(404);
    expect((await huli.get('/api/v1/areas/abc')).statusCode).toBe(400);
  });

  it('needs a login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/areas' });
    expect(res.statusCode).toBe(401);
  });
});

describe('grids', () => {
  let t: TestApp;
  let huli: Session;
  let head: Session;
  let sw: Session;
  let jinshan: Session;
  beforeAll(async () => {
    t = await startTestApp();
    [huli, head, sw, jinshan] = await Promise.all([
      t.login('huli'),
      t.login('jiangtou.head'),
      t.login('jiangtou.sw'),
      t.login('jinshan.sw'),
    ]);
  });
  afterAll(() => t?.close());

  it('adds a grid under a community', async () => {
    const res = await huli.post('/api/v1/areas/grids', { parentCode: DEMO.jiangtouCommunity, name: '第一网格', suffix: '001' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: `${DEMO.jiangtouCommunity}001`,
      name: '第一网格',
      level: 'grid',
      parentCode: DEMO.jiangtouCommunity,
      initials: 'dywg',
      hasChildren: false,
      path: '福建省 / 厦门市 / 湖里区 / 江头街道 / 江头社区 / 第一网格',
    });
    const children = await huli.get(`/api/v1/areas?parent=${DEMO.jiangtouCommunity}`);
    expect(children.json().items.map((a: AreaOut) => a.code)).toEqual([`${DEMO.jiangtouCommunity}001`]);
    const parent = await huli.get(`/api/v1/areas/${DEMO.jiangtouCommunity}`);
    expect(parent.json().hasChildren).toBe(true);
    const one = await sw.get(`/api/v1/areas/${DEMO.jiangtouCommunity}001`);
    expect(one.statusCode).toBe(200);
    expect(one.json().level).toBe('grid');
  });

  it('lets a station head add a grid in their street', async () => {
    const res = await head.post('/api/v1/areas/grids', { parentCode: '350206004002', name: '吕厝一网格', suffix: '001' });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe('350206004002001');
  });

  it('rejects a grid under a street, or outside the scope', async () => {
    const street = await huli.post('/api/v1/areas/grids', { parentCode: DEMO.jiangtou, name: '街道网格', suffix: '001' });
    expect(street.statusCode).toBe(400);
    expect(paths(street.json())).toEqual(['parentCode']);
    expect(street.json().errors[0].message).toBe('网格只能建在社区（村）之下');
    const en = await huli.post('/api/v1/areas/grids', { parentCode: DEMO.jiangtou, name: 'x', suffix: '002' }, { 'accept-language': 'en' });
    expect(en.json().errors[0]).toEqual({ path: 'parentCode', message: 'A grid can only be added under a community' });
    // A community of 金山 is beyond a 江头 station head's scope.
    const other = await head.post('/api/v1/areas/grids', { parentCode: '350206005013', name: '高林一网格', suffix: '001' });
    expect(other.statusCode).toBe(400);
    expect(paths(other.json())).toEqual(['parentCode']);
    expect((await huli.get('/api/v1/areas/350206005013001')).statusCode).toBe(404);
  });

  it('rejects a duplicate suffix and bad input', async () => {
    const dup = await huli.post('/api/v1/areas/grids', { parentCode: DEMO.jiangtouCommunity, name: '重复网格', suffix: '001' });
    expect(dup.statusCode).toBe(400);
    expect(paths(dup.json())).toEqual(['suffix']);
    expect(dup.json().errors[0].message).toBe('该网格编号已被使用');
    const bad = await huli.post('/api/v1/areas/grids', { parentCode: '35020600400', name: ' ', suffix: '1' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json()).sort()).toEqual(['name', 'parentCode', 'suffix']);
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'name').message).toBe('必填');
    // The existing grid kept its name.
    expect((await huli.get(`/api/v1/areas/${DEMO.jiangtouCommunity}001`)).json().name).toBe('第一网格');
  });

  it('forbids accounts without area.write', async () => {
    const res = await sw.post('/api/v1/areas/grids', { parentCode: DEMO.jiangtouCommunity, name: '社工网格', suffix: '009' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('error.forbidden');
    expect((await jinshan.post('/api/v1/areas/grids', { parentCode: '350206005013', name: 'x', suffix: '009' })).statusCode).toBe(403);
    expect((await huli.get(`/api/v1/areas/${DEMO.jiangtouCommunity}009`)).statusCode).toBe(404);
  });

  it('audits a new grid', async () => {
    const res = await huli.get('/api/v1/audit?action=area.grid.create');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((e: { targetId: string }) => e.targetId);
    expect(ids).toEqual(expect.arrayContaining([`${DEMO.jiangtouCommunity}001`, '350206004002001']));
  });
});
