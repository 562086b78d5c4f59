import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { userCreateBody, userUpdateBody, type User } from '@wushe/core';
import { passwordRule } from '../../api/forms.ts';
import { useRoles } from '../../api/roles.ts';
import { usePublicConfig } from '../../api/session.ts';
import { useUserEdit } from '../../api/users.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
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
  const [form] = Form.useForm<Values>();
  const policy = usePublicConfig().data?.passwordPolicy;
  const roles = useRoles();
  const { record, save, reload } = useUserEdit(user);

  useEffect(() => {
    if (record) {
      const { displayName, roleId, orgId, areaCode } = record;
      form.setFieldsValue({ displayName, roleId, orgId, areaCode, phone: undefined });
    }
  }, [record, form]);

  // An edit sends the phone only when retyped, and never the username or a password.
  const toInput = (values: Values) => {
    if (!record) return { ...values, orgId: values.orgId ?? null };
    const { username: _u, password: _p, phone, ...rest } = values;
    return { ...rest, orgId: rest.orgId ?? null, version: record.version, ...(phone ? { phone } : {}) };
  };

  const required = { required: true, message: t('field.required') };
  return (
    <FormDrawer<Values, typeof userCreateBody | typeof userUpdateBody, User>
      title={record ? `${t('users.edit')} · ${record.username}` : t('users.new')}
      form={form}
      schema={record ? userUpdateBody : userCreateBody}
      toInput={toInput}
      save={save}
      onConflict={reload}
      onClose={onClose}
    >
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
    </FormDrawer>
  );
}
