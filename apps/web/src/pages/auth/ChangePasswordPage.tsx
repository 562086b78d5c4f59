import { useNavigate } from 'react-router-dom';
import { Button, Card, Space, Typography } from 'antd';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { useActor, useLogout } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Forced first-login password change: no menu until it is done. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 480 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <div>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('account.forcedTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {actor.displayName}（{actor.username}）
            </Typography.Paragraph>
          </div>
          <LangSwitch />
        </Space>
        <ChangePasswordForm onDone={(next) => navigate(next.totpRequired && !next.totpEnabled ? '/account' : '/', { replace: true })} />
        <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => logout.mutate()}>
          {t('logout')}
        </Button>
      </Card>
    </div>
  );
}
