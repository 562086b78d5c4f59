// The light frame of the public account pages: brand, language, the demo notice; no staff shell.
// Phone first (390 px), large touch targets, text in AA contrast (no antd "secondary" grey), and
// a large-text mode (适老化) for every public page.
import type { ReactNode } from 'react';
import { Alert, Space, Typography } from 'antd';
import { usePublicAccountConfig } from '../../api/publicAccount.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { LargeTextSwitch, PublicTheme } from '../../components/LargeText.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Readable grey on white (7:1). */
export const MUTED = '#595959';

/** The header of every public page: brand, large text, language. */
export function PublicHeader({ brand }: { brand: string }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
      <Typography.Text style={{ color: MUTED }}>{brand}</Typography.Text>
      <Space wrap>
        <LargeTextSwitch />
        <LangSwitch />
      </Space>
    </Space>
  );
}

/** `notice`: the demo notice (how to log in), on the sign-up and login pages. */
export function PublicShell({ title, children, notice = true }: { title: string; children: ReactNode; notice?: boolean }) {
  const { t } = useI18n();
  const config = usePublicAccountConfig();
  return (
    <PublicTheme>
      <main style={{ maxWidth: 480, margin: '0 auto', padding: 16, minHeight: '100vh' }}>
        <PublicHeader brand={t('pa.brand')} />
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 8 }}>
          {title}
        </Typography.Title>
        {notice && config.data?.demo && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('pa.demo')}
            description={config.data.demoAccounts ? t('pa.demoAccounts') : undefined}
            data-testid="pa-demo"
          />
        )}
        {children}
      </main>
    </PublicTheme>
  );
}
