import { Alert, Card, Col, Descriptions, Row, Tag } from 'antd';
import { useActor } from '../../api/session.ts';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { TotpCard } from './TotpCard.tsx';

export function AccountPage() {
  const { t, named } = useI18n();
  const actor = useActor();
  const mustSetUpTotp = actor.totpRequired && !actor.totpEnabled;
  return (
    <Row gutter={[16, 16]}>
      {mustSetUpTotp && (
        <Col span={24}>
          <Alert type="warning" showIcon title={t('auth.totpSetupRequired')} />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Card title={t('account.profile')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('username')}>{actor.username}</Descriptions.Item>
            <Descriptions.Item label={t('displayName')}>{actor.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('role')}>{named(actor.role)}</Descriptions.Item>
            <Descriptions.Item label={t('org')}>{actor.org?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('area')}>{actor.area.name}</Descriptions.Item>
            <Descriptions.Item label={t('account.totp')}>
              {actor.totpEnabled ? <Tag color="green">{t('account.totpOn')}</Tag> : <Tag>{t('account.totpOff')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <div style={{ height: 16 }} />
        <TotpCard />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('account.changePassword')}>
          <ChangePasswordForm />
        </Card>
      </Col>
    </Row>
  );
}
