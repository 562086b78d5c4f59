import { describe, expect, it } from 'vitest';
import { checkCharacter, isValidIdNumber, makeIdNumber, parseIdNumber, type IdNumberError } from '../src/residents/idcard.ts';
import { DEFAULT_DOCUMENT_TYPE, DOCUMENT_TYPES, documentType, parseDocumentNumber } from '../src/residents/documents.ts';
import { ID_NUMBER_MESSAGES, idNumberMessage } from '../src/residents/idcard-messages.ts';

const TODAY = '2025-06-15';
const reason = (raw: string, today = TODAY): IdNumberError | 'ok' => {
  const r = parseIdNumber(raw, today);
  return r.ok ? 'ok' : r.reason;
};

describe('checkCharacter', () => {
  it('computes the GB 11643 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44030819900101123')).toBe(makeIdNumber('440308', '19900101', 123)[17]);
    expect(() => checkCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => checkCharacter('1101051949123100A')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('accepts the reference example and derives sex, birth date and area', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      sex: 'female',
      birthDate: '1949-12-31',
      areaCode6: '110105',
    });
  });

  it('accepts a lowercase x and surrounding spaces, normalising them', () => {
    const r = parseIdNumber('  11010519491231002x ', TODAY);
    expect(r.ok && r.id).toBe('11010519491231002X');
  });

  it('derives male from an odd sequence and female from an even one', () => {
    const male = parseIdNumber(makeIdNumber('320102', '19800229', 7), TODAY);
    const female = parseIdNumber(makeIdNumber('320102', '19800229', 8), TODAY);
    expect(male.ok && male.sex).toBe('male');
    expect(female.ok && female.sex).toBe('female');
    expect(male.ok && male.birthDate).toBe('1980-02-29');
  });

  it('rejects a wrong check character without revealing the right one', () => {
    const r = parseIdNumber('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('checkFailed');
    expect(r.message.zh).toContain('校验');
    expect(r.message.zh).not.toMatch(/X/);
    expect(r.message.en).not.toMatch(/\bX\b/);
  });

  it('rejects impossible dates', () => {
    // Valid check characters, so only the date is wrong.
    const fake = (birth: string) => {
      const first17 = `110105${birth}002`;
      return first17 + checkCharacter(first17);
    };
    expect(reason(fake('19490230'))).toBe('impossibleDate');
    expect(reason(fake('19491301'))).toBe('impossibleDate');
    expect(reason(fake('19490001'))).toBe('impossibleDate');
    expect(reason(fake('19490100'))).toBe('impossibleDate');
    expect(reason(fake('20230229'))).toBe('impossibleDate');
    expect(reason(fake('20240229'))).toBe('ok');
    expect(reason(fake('18991231'))).toBe('impossibleDate');
    const r = parseIdNumber(fake('19490230'), TODAY);
    expect(!r.ok && r.message.zh).toContain('1949-02-30');
  });

  it('rejects a future birth date but accepts today', () => {
    expect(reason(makeIdNumber('110105', '20250616', 1))).toBe('futureDate');
    expect(reason(makeIdNumber('110105', '20250615', 1))).toBe('ok');
    expect(reason(makeIdNumber('110105', '20250616', 1), '2025-06-16')).toBe('ok');
  });

  it('refuses old 15-digit numbers with a specific message', () => {
    const r = parseIdNumber('110105491231002', TODAY);
    expect(!r.ok && r.reason).toBe('fifteenDigit');
    expect(!r.ok && r.message.zh).toBe('15 位旧身份证号请换为 18 位');
  });

  it('rejects other lengths, reporting the length', () => {
    expect(reason('11010519491231002')).toBe('wrongLength');
    expect(reason('11010519491231002X1')).toBe('wrongLength');
    const r = parseIdNumber('1101051949123100', TODAY);
    expect(!r.ok && r.message.zh).toContain('16');
  });

  it('rejects letters and symbols inside', () => {
    expect(reason('1101051949A231002X')).toBe('badCharacters');
    expect(reason('X1010519491231002X')).toBe('badCharacters');
    expect(reason('110105-9491231002X')).toBe('badCharacters');
    expect(reason('11010519491231002Y')).toBe('badCharacters');
  });

  it('rejects empty input', () => {
    expect(reason('')).toBe('empty');
    expect(reason('   ')).toBe('empty');
  });

  describe('Excel damage', () => {
    it('flags scientific notation and decimals and never repairs them', () => {
      for (const raw of ['1.10105E+17', '1.10105e17', '1.10105194912310E+17', '110105194912310000.0', '1.1E17', '11010519491231.5']) {
        const r = parseIdNumber(raw, TODAY);
        expect(r.ok, raw).toBe(false);
        expect(!r.ok && r.reason, raw).toBe('excelMangled');
      }
      const r = parseIdNumber('1.10105E+17', TODAY);
      expect(!r.ok && r.message.zh).toContain('Excel');
      expect(!r.ok && r.message.en).toContain('Format the column as text');
    });

    it('flags digits lost past the 15th when the check fails', () => {
      expect(reason('110105194912310000')).toBe('excelMangled');
      // Take valid numbers and zero their last three characters.
      let mangled = 0;
      for (let seq = 0; seq < 200; seq++) {
        const valid = makeIdNumber('330106', '19671203', seq);
        const zeroed = valid.slice(0, 15) + '000';
        const r = parseIdNumber(zeroed, TODAY);
        if (zeroed === valid) continue;
        if (checkCharacter(zeroed.slice(0, 17)) === '0') {
          expect(r.ok).toBe(true); // a genuine number that happens to end in 000
        } else {
          expect(!r.ok && r.reason).toBe('excelMangled');
          mangled++;
        }
      }
      expect(mangled).toBeGreaterThan(150);
    });

    it('still accepts a genuine number ending in 000 that passes the check', () => {
      // Find a sequence 000 whose check character is 0.
      for (let d = 1; d <= 28; d++) {
        const first17 = `110105199001${String(d).padStart(2, '0')}000`;
        if (checkCharacter(first17) === '0') {
          expect(reason(first17 + '0')).toBe('ok');
          return;
        }
      }
      for (let y = 1950; y < 2000; y++) {
        const first17 = `110105${y}0101000`;
        if (checkCharacter(first17) === '0') {
          expect(reason(first17 + '0')).toBe('ok');
          return;
        }
      }
      throw new Error('no sample found');
    });
  });
});

describe('makeIdNumber', () => {
  it('round-trips 1,000 generated numbers', () => {
    const areas = ['110105', '310104', '440305', '510107', '650102'];
    let state = 42;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    for (let i = 0; i < 1000; i++) {
      const y = 1920 + rand(100);
      const m = 1 + rand(12);
      const d = 1 + rand(28);
      const birth = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
      const seq = rand(1000);
      const area = areas[rand(areas.length)];
      const id = makeIdNumber(area, birth, seq);
      const r = parseIdNumber(id, TODAY);
      expect(r.ok, id).toBe(true);
      if (!r.ok) return;
      expect(r.id).toBe(id);
      expect(r.areaCode6).toBe(area);
      expect(r.birthDate).toBe(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`);
      expect(r.sex).toBe(seq % 2 === 1 ? 'male' : 'female');
      expect(isValidIdNumber(id.toLowerCase())).toBe(true);
    }
  });

  it('refuses bad inputs', () => {
    expect(() => makeIdNumber('11010', '19491231', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '19490230', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '19491231', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '19491231', -1)).toThrow(RangeError);
  });
});

describe('isValidIdNumber', () => {
  it('answers yes or no, with an optional today', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber(makeIdNumber('110105', '20300101', 1))).toBe(true);
    expect(isValidIdNumber(makeIdNumber('110105', '20300101', 1), TODAY)).toBe(false);
  });
});

describe('other documents', () => {
  it('lists document types with the mainland ID as default', () => {
    expect(DEFAULT_DOCUMENT_TYPE).toBe('resident_id');
    expect(DOCUMENT_TYPES.map((t) => t.code)).toEqual([
      'resident_id',
      'hk_macao_permit',
      'taiwan_permit',
      'passport',
      'foreign_permanent_id',
      'other',
    ]);
    for (const t of DOCUMENT_TYPES) expect(t.zh && t.en).toBeTruthy();
    expect(documentType.safeParse('passport').success).toBe(true);
    expect(documentType.safeParse('driving_licence').success).toBe(false);
  });

  it('checks non-mainland numbers lightly, with no derivation', () => {
    expect(parseDocumentNumber('passport', ' e12345678 ')).toEqual({ ok: true, type: 'passport', id: 'E12345678' });
    expect(parseDocumentNumber('hk_macao_permit', 'H1234567801')).toEqual({ ok: true, type: 'hk_macao_permit', id: 'H1234567801' });
    const short = parseDocumentNumber('taiwan_permit', '1234');
    expect(!short.ok && short.reason).toBe('documentFormat');
    expect(!short.ok && short.message.zh).toContain('5–30');
    const bad = parseDocumentNumber('foreign_permanent_id', 'ABC 12345');
    expect(!bad.ok && bad.reason).toBe('documentFormat');
    expect(parseDocumentNumber('other', 'A'.repeat(31)).ok).toBe(false);
    const empty = parseDocumentNumber('other', '  ');
    expect(!empty.ok && empty.reason).toBe('empty');
  });

  it('routes the mainland ID through the full check', () => {
    const r = parseDocumentNumber('resident_id', '11010519491231002x', TODAY);
    expect(r).toMatchObject({ ok: true, type: 'resident_id', sex: 'female', birthDate: '1949-12-31' });
    const bad = parseDocumentNumber('resident_id', '110105194912310021', TODAY);
    expect(!bad.ok && bad.reason).toBe('checkFailed');
  });
});

describe('messages', () => {
  it('has zh and en for every key and fills placeholders', () => {
    for (const entry of Object.values(ID_NUMBER_MESSAGES)) {
      expect(entry.zh.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
    }
    expect(idNumberMessage('en', 'idNumber.wrongLength', { length: 17 })).toBe('A resident ID number has 18 characters; this one has 17');
    expect(idNumberMessage('zh-CN', 'idNumber.futureDate', { date: '2030-01-01' })).toContain('2030-01-01');
  });
});
