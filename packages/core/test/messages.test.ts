import { describe, expect, it } from 'vitest';
import { isMessageKey, MESSAGES, pickLang, translate } from '../src/messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('translates with parameters in both languages', () => {
    expect(translate('zh-CN', 'password.tooShort', { min: 8 })).toBe('密码至少 8 位');
    expect(translate('en', 'password.tooShort', { min: 8 })).toBe('Password must be at least 8 characters');
    expect(translate('en', 'auth.badCredentialsLeft', { left: 2, minutes: 15 })).toBe(
      'Wrong username or password; 2 more failures lock the account for 15 minutes',
    );
    expect(translate('zh-CN', 'auth.badCredentialsLeft', { left: 2, minutes: 15 })).toContain('再错 2 次');
  });

  it('keeps a missing parameter visible and passes unknown keys through', () => {
    expect(translate('en', 'password.tooShort')).toBe('Password must be at least {min} characters');
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
    expect(isMessageKey('no.such.key')).toBe(false);
    expect(isMessageKey('auth.csrf')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('has both languages, with the same placeholders, for every key', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.zh, key).not.toBe('');
      expect(m.en, key).not.toBe('');
      expect(placeholders(m.zh), key).toEqual(placeholders(m.en));
    }
  });

  it('picks the language from Accept-Language, zh-CN by default', () => {
    expect(pickLang(undefined)).toBe('zh-CN');
    expect(pickLang('')).toBe('zh-CN');
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('EN-GB')).toBe('en');
    expect(pickLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLang('fr-FR')).toBe('zh-CN');
  });
});
