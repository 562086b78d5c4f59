import { describe, expect, it } from 'vitest';
import {
  AREA_CODE_PATTERN,
  areaAncestors,
  areaLevel,
  areaPrefix,
  childPrefixLength,
  inScope,
  narrowScope,
  normalizeAreaCode,
  parseAreaCode,
} from '../src/area.ts';
import { areaCode } from '../src/schemas/common.ts';

const GRID = '350206004001007'; // a grid under community 350206004001

describe('area codes', () => {
  it('pads short codes to 12 digits and keeps long ones', () => {
    expect(normalizeAreaCode('35')).toBe('350000000000');
    expect(normalizeAreaCode('3502')).toBe('350200000000');
    expect(normalizeAreaCode('350206')).toBe('350206000000');
    expect(normalizeAreaCode('350206004')).toBe('350206004000');
    expect(normalizeAreaCode('350206004001')).toBe('350206004001');
    expect(normalizeAreaCode(GRID)).toBe(GRID);
  });

  it('reads the level off the trailing zeros', () => {
    expect(areaLevel('350000000000')).toBe('province');
    expect(areaLevel('350200000000')).toBe('city');
    expect(areaLevel('350206000000')).toBe('county');
    expect(areaLevel('350206004000')).toBe('street');
    expect(areaLevel('350206004001')).toBe('community');
    // A community whose own number ends in zeros is still a community (e.g. …010).
    expect(areaLevel('350206004010')).toBe('community');
    expect(areaLevel(GRID)).toBe('grid');
  });

  it('gives the significant prefix of each level', () => {
    expect(areaPrefix('350000000000')).toBe('35');
    expect(areaPrefix('350200000000')).toBe('3502');
    expect(areaPrefix('350206000000')).toBe('350206');
    expect(areaPrefix('350206005000')).toBe('350206005');
    expect(areaPrefix('350206004001')).toBe('350206004001');
    expect(areaPrefix(GRID)).toBe(GRID);
  });

  it('matches scope by prefix', () => {
    expect(inScope('350206005', '350206005003')).toBe(true);
    expect(inScope('350206005', '350206004003')).toBe(false);
    expect(inScope('350206004001', GRID)).toBe(true);
  });

  it('lists ancestors top first, without the code itself or duplicates', () => {
    expect(areaAncestors('350000000000')).toEqual([]);
    expect(areaAncestors('350206000000')).toEqual(['350000000000', '350200000000']);
    expect(areaAncestors('350206004001')).toEqual(['350000000000', '350200000000', '350206000000', '350206004000']);
    expect(areaAncestors(GRID)).toEqual(['350000000000', '350200000000', '350206000000', '350206004000', '350206004001']);
  });

  it('narrows a scope by an area filter', () => {
    expect(narrowScope('350206', undefined)).toBe('350206');
    expect(narrowScope('350206', '350206005000')).toBe('350206005');
    // A filter above the scope cannot widen it.
    expect(narrowScope('350206005', '350206000000')).toBe('350206005');
    expect(narrowScope('350206005', '350000000000')).toBe('350206005');
    // A sibling area is outside: nothing visible.
    expect(narrowScope('350206005', '350206004000')).toBeNull();
    expect(narrowScope('350206004', GRID)).toBe(GRID);
    expect(narrowScope('350206005', GRID)).toBeNull();
  });

  it('knows how long the codes of children are significant', () => {
    expect(childPrefixLength('350000000000')).toBe(4);
    expect(childPrefixLength('350200000000')).toBe(6);
    expect(childPrefixLength('350206000000')).toBe(9);
    expect(childPrefixLength('350206004000')).toBe(12);
    expect(childPrefixLength('350206004001')).toBeNull();
    expect(childPrefixLength(GRID)).toBeNull();
  });

  it('accepts 12-digit codes and grid codes only', () => {
    expect(AREA_CODE_PATTERN.test('350206004001')).toBe(true);
    expect(AREA_CODE_PATTERN.test(GRID)).toBe(true);
    expect(AREA_CODE_PATTERN.test('350206')).toBe(false);
    expect(AREA_CODE_PATTERN.test('35020600400a')).toBe(false);
    expect(AREA_CODE_PATTERN.test('3502060040011234567')).toBe(false);
  });

  it('reads area codes as people type them: 2, 4, 6, 9 digits padded to 12, 12 and grids kept', () => {
    expect(parseAreaCode('35')).toBe('350000000000');
    expect(parseAreaCode('3502')).toBe('350200000000');
    expect(parseAreaCode('350206')).toBe('350206000000');
    expect(parseAreaCode(' 350206004 ')).toBe('350206004000');
    expect(parseAreaCode('350206004001')).toBe('350206004001');
    expect(parseAreaCode(GRID)).toBe(GRID);
    for (const bad of [
      '',
      '3',
      '350',
      '35020',
      '3502060',
      '35020600',
      '3502060040',
      '35020600400',
      '35020600400a',
      '3502060040011234567',
      '３５０２',
    ])
      expect(parseAreaCode(bad), bad).toBeNull();
  });

  it('normalises area fields in the shared schema and refuses the rest with area.invalid', () => {
    expect(areaCode.parse('350206')).toBe('350206000000');
    expect(areaCode.parse(GRID)).toBe(GRID);
    const bad = areaCode.safeParse('35020');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('area.invalid');
  });
});
