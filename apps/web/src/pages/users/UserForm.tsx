import { useEffect } from 'react';
import { App, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { userCreateBody, userUpdateBody, type User } from '@wushe/core';
import { passwordRule, useProblem, validateWith } from '../../api/forms.ts';
import { useRoles } from '../../api/roles.ts';
import { usePublicConfig } from '../../api/session.ts';
import { useUserEdit } from '../../api/users.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { PasswordRules } from '../../components/PasswordRules.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { OrgSelect } from './OrgSelect.tsx';

interface Values {
  username?: string;
  displayName: string;
  phone?: string;
  roleId: string;
  orgId?: string | null;
  areaCode: string;
  password?: string;
}

/** New or edit account. The phone comes back masked, so an edit sends it only when retyped. */
export function UserForm({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, lang, named } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useProblem();
  const screens = Grid.useBreakpoint();
  const policy = usePublicConfig().data?.passwordPolicy;
  const roles = useRoles();
  const { record, save, reload } = useUserEdit(user);

  useEffect(() => {
    if (record) {
      const { displayName, roleId, orgId, areaCode } = record;
      form.setFieldsValue({ displayName, roleId, orgId, areaCode, phone: undefined });
    }
  }, [record, form]);

  const submit = (values: Values) => {
    let body: Record<string, unknown> | null;
    if (record) {
      const { username: _u, password: _p, phone, ...rest } = values;
      const patch = { ...rest, orgId: rest.orgId ?? null, version: record.version, ...(phone ? { phone } : {}) };
      body = validateWith(userUpdateBody, patch, form, lang);
    } else {
      body = validateWith(userCreateBody, { ...values, orgId: values.orgId ?? null }, form, lang);
    }
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        message.success(t('saved'));
        onClose();
      },
      onError: (e) => showProblem(e, form, reload),
    });
  };

  const required = { required: true, message: t('field.required') };
  return (
    <Drawer
      open
      title={record ? `${t('users.edit')} · ${record.username}` : t('users.new')}
      size={screens.md ? 520 : '100%'}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {!record && (
          <Form.Item label={t('username')} name="username" rules={[required]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label={t('displayName')} name="displayName" rules={[required]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('phone')} name="phone">
          <Input maxLength={11} inputMode="tel" placeholder={record?.phone ?? undefined} />
        </Form.Item>
        <Form.Item label={t('role')} name="roleId" rules={[required]}>
          <Select loading={roles.isPending} options={roles.data?.items.map((r) => ({ value: r.id, label: named(r) }))} />
        </Form.Item>
        <Form.Item label={t('org')} name="orgId">
          <OrgSelect />
        </Form.Item>
        <Form.Item label={t('area')} name="areaCode" rules={[required]}>
          <AreaPicker allowClear={false} />
        </Form.Item>
        {!record && (
          <>
            <PasswordRules />
            <Form.Item label={t('users.initialPassword')} name="password" rules={[required, passwordRule(lang, policy)]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
