import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';

/** Shows the other language's name; server-side texts are refetched in the new language. */
export function LangSwitch({ type = 'default' }: { type?: 'default' | 'text' | 'link' }) {
  const { lang, setLang, t } = useI18n();
  const qc = useQueryClient();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type={type}
      lang={next}
      onClick={() => {
        setLang(next);
        void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      }}
    >
      {t('langSwitch')}
    </Button>
  );
}
