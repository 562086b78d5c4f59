// /p/login: mobile → code → the "my" page, or back to the public page that sent here (?next=/p/…).
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Form, Typography } from 'antd';
import { publicLoginBody } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { usePublicLogin } from '../../api/publicAccount.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MobileCodeFields } from './MobileCodeFields.tsx';
import { PublicShell } from './PublicShell.tsx';

export function PublicLoginPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const next = useSearchParams()[0].get('next');
  const [form] = Form.useForm();
  const login = usePublicLogin();
  const showProblem = useProblem();
  const submit = (v: Record<string, string>) => {
    const body = validateWith(publicLoginBody, v, form, lang);
    if (!body) return;
    login.mutate(body, { onSuccess: () => navigate(next?.startsWith('/p/') ? next : '/p/my'), onError: (e) => showProblem(e, form) });
  };
  return (
    <PublicShell title={t('pa.login.title')}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <MobileCodeFields form={form} purpose="login" />
        <Button type="primary" size="large" block htmlType="submit" loading={login.isPending}>
          {t('pa.login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/p/signup">{t('pa.toSignup')}</Link>
      </Typography.Paragraph>
    </PublicShell>
  );
}
