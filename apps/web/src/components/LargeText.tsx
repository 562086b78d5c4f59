// Large-text mode (适老化) for the public pages: older people and cheap phones. One switch in
// the public header, kept in localStorage, shared by every public page through a store.
import { useSyncExternalStore, type ReactNode } from 'react';
import { Button, ConfigProvider, type ThemeConfig } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { AA_TOKENS } from '../theme.ts';

const KEY = 'wushe.largeText';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked (private mode): the default size
  }
}

function write(on: boolean) {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // keeps working for this page even when it cannot be remembered
  }
  for (const l of listeners) l();
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => false,
  );
  return [on, write];
}

/** The public theme: AA colours; in large-text mode 20 px text and 48 px controls (touch targets). */
export function publicTheme(large: boolean): ThemeConfig {
  return {
    token: {
      ...AA_TOKENS,
      ...(large ? { fontSize: 20, controlHeight: 48, controlHeightLG: 56, controlHeightSM: 36, lineHeight: 1.6 } : { fontSize: 16 }),
    },
  };
}

/** The theme of a public page, following the switch. */
export function PublicTheme({ children }: { children: ReactNode }) {
  const [large] = useLargeText();
  return (
    <ConfigProvider theme={publicTheme(large)}>
      <div data-large-text={large ? '1' : '0'} style={{ fontSize: large ? 20 : 16 }}>
        {children}
      </div>
    </ConfigProvider>
  );
}

export function LargeTextSwitch() {
  const { t } = useI18n();
  const [on, set] = useLargeText();
  return (
    <Button aria-pressed={on} onClick={() => set(!on)} data-testid="large-text">
      {on ? t('largeTextOff') : t('largeTextOn')}
    </Button>
  );
}
