import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { translate, type Lang } from '@wushe/core';
import { STRINGS, type TextKey } from './strings.ts';

export type { StringKey, TextKey } from './strings.ts';

const STORAGE_KEY = 'wushe.lang';

/** The current language, readable outside React (the API client sends it on every call). */
let currentLang: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function getLang(): Lang {
  return currentLang;
}

type Params = Record<string, string | number>;

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** UI string, or a shared core message key, in a language. */
export function tr(lang: Lang, key: TextKey, params: Params = {}): string {
  const entry = Object.prototype.hasOwnProperty.call(STRINGS, key) ? STRINGS[key as keyof typeof STRINGS] : undefined;
  if (entry) return fill(lang === 'en' ? entry.en : entry.zh, params);
  return translate(lang, key, params);
}

/** The `t` of useI18n, for helpers that translate outside a component. */
export type Translate = (key: TextKey, params?: Params) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: TextKey, params?: Params) => string;
  /** Picks the zh or en member of a label pair. */
  label: (pair: { zh: string; en: string }) => string;
  /** The name of a record that carries both (`name`, `nameEn`: roles). */
  named: (row: { name: string; nameEn: string }) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => tr(lang, key, params),
      label: (pair) => (lang === 'en' ? pair.en : pair.zh),
      named: (row) => (lang === 'en' ? row.nameEn : row.name),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
