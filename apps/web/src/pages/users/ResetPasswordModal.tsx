import { App, Form, Input, Modal } from 'antd';
import { resetPasswordBody, type User } from '@wushe/core';
import { passwordRule, useProblem, validateWith } from '../../api/forms.ts';
import { usePublicConfig } from '../../api/session.ts';
import { useResetPassword } from '../../api/users.ts';
import { PasswordRules } from '../../components/PasswordRules.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** 重置密码: the person must change it at their next login. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const policy = usePublicConfig().data?.passwordPolicy;
  const showProblem = useProblem();
  const reset = useResetPassword(user.id);

  const submit = async () => {
    // An invalid form shows its errors in place; nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = validateWith(resetPasswordBody, values, form, lang);
    if (!body) return;
    reset.mutate(body, {
      onSuccess: () => {
        message.success(t('users.passwordReset'));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  };

  return (
    <Modal
      open
      title={`${t('users.resetPassword')} · ${user.displayName}（${user.username}）`}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={reset.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <PasswordRules />
      <Form form={form} layout="vertical">
        <Form.Item
          label={t('users.newPassword')}
          name="password"
          rules={[{ required: true, message: t('field.required') }, passwordRule(lang, policy)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
