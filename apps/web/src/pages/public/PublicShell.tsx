// The light frame of the public account pages: brand, language, the demo notice; no staff shell.
// Phone first (390 px), large touch targets, text in AA contrast (no antd "secondary" grey).
import type { ReactNode } from 'react';
import { Alert, ConfigProvider, Space, Typography } from 'antd';
import { usePublicAccountConfig } from '../../api/publicAccount.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Readable grey on white (7:1). */
export const MUTED = '#595959';
/** A blue that white text and links on white read at AA (about 6:1; antd's default is 4:1). */
const THEME = { token: { colorPrimary: '#0958d9', colorLink: '#0958d9' } };

/** `notice`: the demo notice (how to log in), on the sign-up and login pages. */
export function PublicShell({ title, children, notice = true }: { title: string; children: ReactNode; notice?: boolean }) {
  const { t } = useI18n();
  const config = usePublicAccountConfig();
  return (
    <ConfigProvider theme={THEME}>
      <main style={{ maxWidth: 480, margin: '0 auto', padding: 16, minHeight: '100vh', fontSize: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Text style={{ color: MUTED }}>{t('pa.brand')}</Typography.Text>
          <LangSwitch />
        </Space>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
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
    </ConfigProvider>
  );
}
