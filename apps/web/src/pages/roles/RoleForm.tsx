import { useEffect } from 'react';
import { Checkbox, Form, Input, Switch } from 'antd';
import { PERMISSION_LABELS, PERMISSIONS, roleCreateBody, roleUpdateBody, type Permission, type Role } from '@wushe/core';
import { useRoles, useSaveRole } from '../../api/roles.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  code?: string;
  name: string;
  nameEn: string;
  permissions: Permission[];
  requireTotp: boolean;
}

/** New, edit or (built-in / no role.write) view a role. */
export function RoleForm({ role, readOnly, onClose }: { role: Role | null; readOnly: boolean; onClose: () => void }) {
  const { t, label, named } = useI18n();
  const [form] = Form.useForm<Values>();
  const roles = useRoles();
  const save = useSaveRole(role);

  useEffect(() => {
    if (role) form.setFieldsValue(role);
  }, [role, form]);

  const title = !role ? t('roles.new') : readOnly ? t('roles.view') : t('roles.edit');
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof roleCreateBody | typeof roleUpdateBody, Role>
      title={role ? `${title} · ${named(role)}` : title}
      form={form}
      schema={role ? roleUpdateBody : roleCreateBody}
      toInput={(values) => (role ? { ...values, code: undefined, version: role.version } : values)}
      save={save}
      // A stale version: the list is reloaded; close so the next edit starts from fresh data.
      onConflict={() => void roles.refetch().then(onClose)}
      onClose={onClose}
      readOnly={readOnly}
      initialValues={{ permissions: [], requireTotp: false }}
    >
      <Form.Item label={t('code')} name="code" rules={required}>
        <Input maxLength={32} disabled={!!role} placeholder="e.g. grid_worker" />
      </Form.Item>
      <Form.Item label={t('name')} name="name" rules={required}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('nameEn')} name="nameEn" rules={required}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item label={t('permissions')} name="permissions" rules={required}>
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 8 }}
          options={PERMISSIONS.map((p) => ({ value: p, label: label(PERMISSION_LABELS[p]) }))}
        />
      </Form.Item>
      <Form.Item label={t('requireTotp')} name="requireTotp" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
