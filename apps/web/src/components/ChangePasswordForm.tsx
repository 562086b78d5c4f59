import { App, Button, Form, Input } from 'antd';
import { changePasswordBody, type Actor } from '@wushe/core';
import { passwordRule, useProblem, validateWith } from '../api/forms.ts';
import { useActorMutation, usePublicConfig } from '../api/session.ts';
import { useI18n } from '../i18n/index.tsx';
import { PasswordRules } from './PasswordRules.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change-password form, used by the forced first-login page and the account page. */
export function ChangePasswordForm({ onDone }: { onDone?: (actor: Actor) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const policy = usePublicConfig().data?.passwordPolicy;
  const change = useActorMutation<{ currentPassword: string; newPassword: string }>('/auth/password');
  const showProblem = useProblem();

  const submit = (values: Values) => {
    const body = validateWith(changePasswordBody, values, form, lang);
    if (!body) return;
    change.mutate(body, {
      onSuccess: (actor) => {
        message.success(t('account.passwordChanged'));
        form.resetFields();
        onDone?.(actor);
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <>
      <PasswordRules />
      <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item label={t('account.currentPassword')} name="currentPassword" rules={[{ required: true, message: t('field.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('account.newPassword')}
          name="newPassword"
          rules={[{ required: true, message: t('field.required') }, passwordRule(lang, policy)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('account.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('field.required') },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('account.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </>
  );
}
