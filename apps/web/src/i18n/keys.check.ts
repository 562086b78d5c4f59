// Type-level checks of the string table, run by `tsc -p apps/web` (never imported by the app).
import type { MessageKey } from '@wushe/core';
import type { CATALOGS } from './strings.ts';
import { tr, type Translate } from './index.tsx';

type Catalogs = typeof CATALOGS;
type KeysOf<M extends keyof Catalogs> = keyof Catalogs[M];

/** Keys that two module catalogs both define (the later one would silently win). */
type Overlap = {
  [A in keyof Catalogs]: { [B in Exclude<keyof Catalogs, A>]: KeysOf<A> & KeysOf<B> }[Exclude<keyof Catalogs, A>];
}[keyof Catalogs];
/** Web keys that shadow a core message key. */
type Shadowed = { [M in keyof Catalogs]: KeysOf<M> & MessageKey }[keyof Catalogs];

export const noOverlap: [Overlap] extends [never] ? true : Overlap = true;
export const noShadowed: [Shadowed] extends [never] ? true : Shadowed = true;

export function knownKeysOnly(t: Translate): string[] {
  return [
    t('menu.orgs'),
    t('error.conflict'), // a core message key
    tr('en', 'fu.dueIn', { d: '1 h' }),
    // @ts-expect-error a typo in a key must fail the type-check
    t('menu.ogrs'),
    // @ts-expect-error so must a key built from an unchecked string
    t(String('save')),
  ];
}
