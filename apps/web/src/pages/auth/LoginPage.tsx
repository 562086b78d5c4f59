import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginBody } from '@wushe/core';
import { ApiError } from '../../api/client.ts';
import { validateWith } from '../../api/forms.ts';
import { getSessionNotice, takeReturnTo, useLogin, useMe, usePublicConfig } from '../../api/session.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const me = useMe();
  const config = usePublicConfig();
  const login = useLogin();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [notice] = useState(getSessionNotice);

  if (me.data && !login.isPending) return <Navigate to={me.data.mustChangePassword ? '/change-password' : '/'} replace />;

  const submit = (values: Values) => {
    const body = validateWith(loginBody, { ...values, totp: needTotp ? values.totp : undefined }, form, lang);
    if (!body) return;
    setError(null);
    login.mutate(body, {
      onSuccess: (actor) => navigate(actor.mustChangePassword ? '/change-password' : takeReturnTo(actor.username), { replace: true }),
      onError: (e) => {
        if (!(e instanceof ApiError)) {
          setError({ text: t('networkError'), locked: false });
          return;
        }
        const detail = e.problem.detail ?? e.problem.title;
        if (e.code === 'auth.totpRequired') {
          setNeedTotp(true);
          setError({ text: detail, locked: false });
          return;
        }
        if (e.code === 'auth.totpWrong') {
          form.setFields([{ name: 'totp', errors: [detail], value: '' }]);
          return;
        }
        if (e.problem.errors?.length) {
          form.setFields(e.problem.errors.map((x) => ({ name: (x.path.split('.')[0] ?? '') as keyof Values, errors: [x.message] })));
        }
        setError({ text: detail, locked: e.code === 'auth.locked' });
      },
    });
  };

  const c = config.data;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #fff5f3 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} align="start">
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#c0392b' }}>
              {t('appBrand')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('appSubtitle')}
              {c ? ` · ${c.installationArea.name}` : ''}
            </Typography.Text>
          </div>
          <LangSwitch />
        </Space>

        {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={error.locked ? <strong>{error.text}</strong> : error.text}
            style={{ marginBottom: 16 }}
          />
        )}

        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
          <Form.Item label={t('username')} name="username" rules={[{ required: true, message: t('field.required') }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('field.required') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          {needTotp && (
            <Form.Item label={t('totp')} name="totp" rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.totpCode') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login')}
          </Button>
        </Form>

        {c?.demo && (
          <div style={{ marginTop: 20 }}>
            <Alert type="info" showIcon title={t('demoHint', { password: c.demoPassword ?? '' })} />
            {/* Plain markup, not antd List: it would pull the pagination code into the first page. */}
            <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
              {t('demoAccounts')}
            </Typography.Text>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {c.demoAccounts.map((a) => (
                <li
                  key={a.username}
                  onClick={() => form.setFieldsValue({ username: a.username, password: c.demoPassword ?? '' })}
                  style={{
                    display: 'flex',
                    justifyContent: 'space-between',
                    gap: 8,
                    padding: '6px 4px',
                    borderBottom: '1px solid #f0f0f0',
                    cursor: 'pointer',
                  }}
                >
                  <Typography.Text code>{a.username}</Typography.Text>
                  <Typography.Text type="secondary">{a.label}</Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        )}
        {c && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12, textAlign: 'center' }}>
            v{c.version}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}
