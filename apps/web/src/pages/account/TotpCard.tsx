// TOTP (双因素认证): set up with a QR code or the secret, confirm with a code; disable with
// the password.
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { totpDisableBody, totpEnableBody } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useActor, useActorMutation, useTotpSetup } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Setup {
  secret: string;
  otpauthUrl: string;
}

function QrCode({ text }: { text: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Loaded on demand: the QR encoder is only needed here.
    void import('qrcode').then((m) => m.toDataURL(text, { margin: 1, width: 200 }).then((url) => live && setSrc(url)));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img src={src} width={200} height={200} alt="TOTP QR code" /> : <div style={{ width: 200, height: 200 }} />;
}

export function TotpCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const actor = useActor();
  const showProblem = useProblem();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [enableForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string }>();
  const start = useTotpSetup<Setup>();
  const enable = useActorMutation<{ code: string }>('/auth/totp/enable');
  const disable = useActorMutation<{ password: string }>('/auth/totp/disable');

  if (actor.totpEnabled) {
    return (
      <Card title={t('account.totp')}>
        <Form
          form={disableForm}
          layout="vertical"
          onFinish={(v) => {
            const body = validateWith(totpDisableBody, v, disableForm, lang);
            if (body)
              disable.mutate(body, {
                onSuccess: () => {
                  message.success(t('account.totpDisabledMsg'));
                  disableForm.resetFields();
                },
                onError: (e) => showProblem(e, disableForm),
              });
          }}
        >
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('field.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button danger htmlType="submit" loading={disable.isPending} disabled={actor.totpRequired}>
            {t('account.totpDisable')}
          </Button>
        </Form>
      </Card>
    );
  }

  return (
    <Card title={t('account.totp')}>
      {actor.totpRequired && <Typography.Paragraph type="warning">{t('account.totpRequired')}</Typography.Paragraph>}
      {!setup ? (
        <Button
          type="primary"
          loading={start.isPending}
          onClick={() => start.mutate(undefined, { onSuccess: setSetup, onError: (e) => showProblem(e) })}
        >
          {t('account.totpSetup')}
        </Button>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('account.totpScan')}</Typography.Text>
          <QrCode text={setup.otpauthUrl} />
          <Typography.Text code copyable={{ text: setup.secret }} style={{ fontSize: 16, letterSpacing: 1 }}>
            {setup.secret.match(/.{1,4}/g)?.join(' ')}
          </Typography.Text>
          <Typography.Text type="secondary" copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {setup.otpauthUrl}
          </Typography.Text>
          <Form
            form={enableForm}
            layout="vertical"
            onFinish={(v) => {
              const body = validateWith(totpEnableBody, { code: v.code?.trim() }, enableForm, lang);
              if (body)
                enable.mutate(body, {
                  onSuccess: () => {
                    message.success(t('account.totpEnabledMsg'));
                    setSetup(null);
                  },
                  onError: (e) => showProblem(e, enableForm),
                });
            }}
          >
            <Form.Item
              label={t('account.totpCode')}
              name="code"
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.totpCode') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={enable.isPending}>
              {t('account.totpEnable')}
            </Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
