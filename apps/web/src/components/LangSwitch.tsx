import type { Lang } from '@wushe/core';
import { Button } from 'antd';
import { useRefetchAll } from '../api/session.ts';
import { useI18n } from '../i18n/index.tsx';

const OTHER: Record<Lang, Lang> = { 'zh-CN': 'en', en: 'zh-CN' };

/** Shows the other language's name; server-side texts are refetched in the new language. */
export function LangSwitch({ type = 'default' }: { type?: 'default' | 'text' | 'link' }) {
  const { lang, setLang, t } = useI18n();
  const refetchAll = useRefetchAll();
  const next = OTHER[lang];
  return (
    <Button
      type={type}
      lang={next}
      onClick={() => {
        setLang(next);
        refetchAll();
      }}
    >
      {t('langSwitch')}
    </Button>
  );
}
