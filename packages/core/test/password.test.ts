import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY, passwordClasses } from '../src/password.ts';

describe('password policy (等保 2.0)', () => {
  it('counts character classes', () => {
    expect(passwordClasses('abc')).toBe(1);
    expect(passwordClasses('abcABC')).toBe(2);
    expect(passwordClasses('abcABC123')).toBe(3);
    expect(passwordClasses('aA1!')).toBe(4);
    // Chinese characters count as symbols.
    expect(passwordClasses('密码abc123')).toBe(3);
  });

  it('defaults to 8 characters and 3 classes', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({ minLength: 8, minClasses: 3 });
    expect(checkPassword('Ab1!')).toBe('password.tooShort');
    expect(checkPassword('Ab1!xyz')).toBe('password.tooShort');
    expect(checkPassword('abcdefgh')).toBe('password.tooSimple');
    expect(checkPassword('abcdefg1')).toBe('password.tooSimple');
    expect(checkPassword('abcdef1!')).toBeNull();
    expect(checkPassword('Wushe@2026')).toBeNull();
  });

  it('refuses passwords over 128 characters', () => {
    expect(checkPassword(`Aa1!${'x'.repeat(124)}`)).toBeNull();
    expect(checkPassword(`Aa1!${'x'.repeat(125)}`)).toBe('password.tooLong');
  });

  it('follows a configured policy', () => {
    const strict = { minLength: 12, minClasses: 4 };
    expect(checkPassword('Abcdef1!', strict)).toBe('password.tooShort');
    expect(checkPassword('Abcdefgh1234', strict)).toBe('password.tooSimple');
    expect(checkPassword('Abcdefgh123!', strict)).toBeNull();
    const lax = { minLength: 6, minClasses: 1 };
    expect(checkPassword('abcdef', lax)).toBeNull();
  });
});
