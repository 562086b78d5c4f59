// /p/signup: name, mobile, code → the account, then the "my" page, or back to the public page that
// sent here (?next=/p/…).
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Form, Input, Typography } from 'antd';
import { signupBody } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useSignup } from '../../api/publicAccount.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MobileCodeFields } from './MobileCodeFields.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

export function PublicSignupPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const next = useSearchParams()[0].get('next');
  const [form] = Form.useForm();
  const signup = useSignup();
  const showProblem = useProblem();
  const submit = (v: Record<string, string>) => {
    const body = validateWith(signupBody, v, form, lang);
    if (!body) return;
    signup.mutate(body, {
      onSuccess: (r) => {
        message.success(r.created ? t('pa.welcome') : t('pa.alreadyRegistered'));
        navigate(next?.startsWith('/p/') ? next : '/p/my');
      },
      onError: (e) => showProblem(e, form),
    });
  };
  return (
    <PublicShell title={t('pa.signup.title')}>
      <Typography.Paragraph style={{ color: MUTED }}>{t('pa.signup.lead')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('pa.name')} name="name">
          <Input size="large" maxLength={30} autoComplete="name" />
        </Form.Item>
        <MobileCodeFields form={form} purpose="signup" />
        <Button type="primary" size="large" block htmlType="submit" loading={signup.isPending}>
          {t('pa.signup.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/p/login">{t('pa.toLogin')}</Link>
      </Typography.Paragraph>
    </PublicShell>
  );
}
