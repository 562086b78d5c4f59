import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../src/masking.ts';

describe('masking (脱敏)', () => {
  it('keeps the first 3 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('110105491231002')).toBe('110********1002'); // old 15-digit form
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('');
  });

  it('keeps 3 + 4 digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('123456')).toBe('******');
  });

  it('keeps the family name, including compound ones', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳修')).toBe('欧阳*');
    expect(maskName('司马相如')).toBe('司马**');
    expect(maskName('诸葛亮')).toBe('诸葛*');
    // 欧 alone is a single-character family name.
    expect(maskName('欧明')).toBe('欧*');
    // A one-character name still hides something.
    expect(maskName('张')).toBe('张*');
  });

  it('never reveals the given name', () => {
    for (const name of ['李小明', '欧阳娜娜', '王五', '上官婉儿']) {
      const masked = maskName(name);
      expect([...masked].length).toBe([...name].length);
      expect(masked.endsWith(name.slice(-1))).toBe(false);
    }
  });
});
