// The mobile number and SMS code fields, with "get code" and its countdown (60 s by default).
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Space, type FormInstance } from 'antd';
import { requestCodeBody, translate, type SmsPurpose } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useRequestCode } from '../../api/publicAccount.ts';
import { useI18n } from '../../i18n/index.tsx';

export function MobileCodeFields({ form, purpose }: { form: FormInstance; purpose: SmsPurpose }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const ask = useRequestCode();
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (!left) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [left]);

  const getCode = () => {
    const res = requestCodeBody.safeParse({ mobile: form.getFieldValue('mobile') ?? '', purpose });
    if (!res.success) {
      form.setFields([{ name: 'mobile', errors: [translate(lang, 'publicAccount.mobile')] }]);
      return;
    }
    form.setFields([{ name: 'mobile', errors: [] }]);
    ask.mutate(res.data, {
      onSuccess: (r) => {
        setNow(Date.now());
        setUntil(Date.now() + r.resendAfter * 1000);
        message.success(t('pa.codeSent'));
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <>
      <Form.Item label={t('pa.mobile')} name="mobile">
        <Input size="large" inputMode="tel" maxLength={13} autoComplete="tel" />
      </Form.Item>
      <Form.Item label={t('pa.code')} required={false}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle>
            <Input id="code" aria-label={t('pa.code')} size="large" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <Button size="large" onClick={getCode} disabled={left > 0} loading={ask.isPending} style={{ minWidth: 132 }}>
            {left > 0 ? t('pa.resendIn', { seconds: left }) : t('pa.getCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </>
  );
}
