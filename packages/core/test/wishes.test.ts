// Micro-wish rules worked out by hand: the moves, the claim's due day, the public label, the
// board's totals by the Shanghai day (midnight and month ends) and the privacy check.
import { describe, expect, it } from 'vitest';
import {
  claimDueOn,
  privateInWishText,
  WISH_ACTIONS,
  WISH_STATUSES,
  wishEditable,
  wishMove,
  wishPublicLabel,
  wishTotals,
} from '../src/index.ts';

describe('wishMove', () => {
  it('allows exactly the documented moves', () => {
    const allowed = WISH_STATUSES.flatMap((s) => WISH_ACTIONS.filter((a) => wishMove(s, a)).map((a) => `${s}:${a}→${wishMove(s, a)}`));
    expect(allowed.sort()).toEqual(
      [
        'draft:submit→submitted',
        'returned:submit→submitted',
        'submitted:publish→published',
        'submitted:return→returned',
        'draft:cancel→cancelled',
        'submitted:cancel→cancelled',
        'returned:cancel→cancelled',
        'published:cancel→cancelled',
        'delivered:confirm→fulfilled',
      ].sort(),
    );
  });
  it('a claimed, fulfilled or cancelled wish cannot be cancelled, and only drafts and returned ones are edited', () => {
    expect(wishMove('claimed', 'cancel')).toBeNull();
    expect(wishMove('fulfilled', 'cancel')).toBeNull();
    expect(wishMove('cancelled', 'submit')).toBeNull();
    expect(WISH_STATUSES.filter(wishEditable)).toEqual(['draft', 'returned']);
  });
});

describe('claimDueOn', () => {
  it('is 14 days later across a month end and a leap day', () => {
    expect(claimDueOn('2026-11-20', null)).toBe('2026-12-04');
    expect(claimDueOn('2028-02-20', null)).toBe('2028-03-05');
    expect(claimDueOn('2026-12-25', null)).toBe('2027-01-08');
  });
  it('takes the deadline when it comes first, never a deadline already past', () => {
    expect(claimDueOn('2026-11-20', '2026-11-25')).toBe('2026-11-25');
    expect(claimDueOn('2026-11-20', '2026-11-20')).toBe('2026-11-20');
    expect(claimDueOn('2026-11-20', '2026-12-31')).toBe('2026-12-04');
    expect(claimDueOn('2026-11-20', '2026-11-19')).toBe('2026-12-04');
  });
});

describe('wishPublicLabel', () => {
  it('names the street and the category, never the person', () => {
    expect(wishPublicLabel('江头街道', '独居')).toBe('江头街道 · 独居');
    expect(wishPublicLabel('金山街道', null)).toBe('金山街道 · 居民');
  });
});

describe('wishTotals', () => {
  // 2026-11-30T16:00Z is midnight of 12-01 in Shanghai.
  const at = (iso: string) => new Date(iso);
  const wishes = [
    // Published 11-30 23:59 Shanghai, claimed 12-01 00:00 Shanghai, fulfilled 12-02.
    {
      valueFen: 5000,
      publishedAt: at('2026-11-30T15:59:59Z'),
      firstClaimedAt: at('2026-11-30T16:00:00Z'),
      fulfilledAt: at('2026-12-02T02:00:00Z'),
    },
    // Published and claimed in November, fulfilled on 11-30 at 23:30 Shanghai.
    {
      valueFen: 12000,
      publishedAt: at('2026-11-03T01:00:00Z'),
      firstClaimedAt: at('2026-11-10T01:00:00Z'),
      fulfilledAt: at('2026-11-30T15:30:00Z'),
    },
    // Published in December, not yet claimed.
    { valueFen: 800, publishedAt: at('2026-12-05T01:00:00Z'), firstClaimedAt: null, fulfilledAt: null },
    // Never published (a draft): counts nowhere.
    { valueFen: 999, publishedAt: null, firstClaimedAt: null, fulfilledAt: null },
  ];
  it('counts November by the Shanghai day', () => {
    expect(wishTotals(wishes, '2026-11-01', '2026-11-30')).toEqual({ posted: 2, claimed: 1, fulfilled: 1, fulfilledValueFen: 12000 });
  });
  it('counts December by the Shanghai day', () => {
    expect(wishTotals(wishes, '2026-12-01', '2026-12-31')).toEqual({ posted: 1, claimed: 1, fulfilled: 1, fulfilledValueFen: 5000 });
  });
  it('a one-day period includes both of its ends', () => {
    expect(wishTotals(wishes, '2026-12-01', '2026-12-01')).toEqual({ posted: 0, claimed: 1, fulfilled: 0, fulfilledValueFen: 0 });
    expect(wishTotals(wishes, '2026-11-30', '2026-11-30')).toEqual({ posted: 1, claimed: 0, fulfilled: 1, fulfilledValueFen: 12000 });
  });
});

describe('privateInWishText', () => {
  it('finds the name, a phone or an ID number, spaces and dashes ignored', () => {
    expect(privateInWishText('为张桂兰奶奶安装扶手', '张桂兰')).toBe('name');
    expect(privateInWishText('联系 138-0000-1234', '张桂兰')).toBe('number');
    expect(privateInWishText('身份证 350206 19450312', '张桂兰')).toBe('number');
    expect(privateInWishText('一床 1.5 米的冬季棉被，两件', '张桂兰')).toBeNull();
    expect(privateInWishText('王家里', '王')).toBeNull();
  });
});
