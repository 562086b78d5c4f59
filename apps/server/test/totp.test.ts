import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, newTotpSecret, otpauthUrl, totpCode, verifyTotp } from '../src/crypto/totp.ts';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (the 8-digit values truncated to 6).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it('encodes and decodes base32', () => {
    expect(base32Encode(Buffer.from('12345678901234567890'))).toBe(RFC_SECRET);
    expect(base32Decode(RFC_SECRET).toString()).toBe('12345678901234567890');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString()).toBe('12345678901234567890');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('MY======').toString()).toBe('f');
    expect(() => base32Decode('01!')).toThrow();
  });

  it('matches the RFC test vectors', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_111_111_111_000)).toBe('050471');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
  });

  it('accepts one step of clock drift either way, no more', () => {
    const now = 1_700_000_015_000;
    const code = totpCode(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, code, now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, code, now + 30_000)).toBe(true);
    expect(verifyTotp(RFC_SECRET, code, now - 30_000)).toBe(true);
    expect(verifyTotp(RFC_SECRET, code, now + 90_000)).toBe(false);
    expect(verifyTotp(RFC_SECRET, code, now - 90_000)).toBe(false);
    const inWindow = [-1, 0, 1].map((d) => totpCode(RFC_SECRET, now + d * 30_000));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !inWindow.includes(c))!;
    expect(verifyTotp(RFC_SECRET, wrong, now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, '', now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, `${code}9`, now)).toBe(true); // only the first 6 digits count
  });

  it('makes fresh 160-bit secrets and an otpauth URL', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
    const url = otpauthUrl(a, 'huli');
    expect(url).toBe(`otpauth://totp/Wushe%3Ahuli?secret=${a}&issuer=Wushe&algorithm=SHA1&digits=6&period=30`);
  });
});
