import { useEffect } from 'react';
import { App, Button, Checkbox, Drawer, Form, Grid, Input, Space, Switch } from 'antd';
import { PERMISSION_LABELS, PERMISSIONS, roleCreateBody, roleUpdateBody, type Permission, type Role } from '@wushe/core';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useRoles, useSaveRole } from '../../api/roles.ts';
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
  const { t, lang, label, named } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useProblem();
  const screens = Grid.useBreakpoint();
  const roles = useRoles();
  const save = useSaveRole(role);

  useEffect(() => {
    if (role) form.setFieldsValue(role);
  }, [role, form]);

  const submit = (values: Values) => {
    const body = role
      ? validateWith(roleUpdateBody, { ...values, code: undefined, version: role.version }, form, lang)
      : validateWith(roleCreateBody, values, form, lang);
    if (!body) return;
    save.mutate(body as Record<string, unknown>, {
      onSuccess: () => {
        message.success(t('saved'));
        onClose();
      },
      // A stale version: the list is reloaded; close so the next edit starts from fresh data.
      onError: (e) => showProblem(e, form, () => void roles.refetch().then(onClose)),
    });
  };

  const title = !role ? t('roles.new') : readOnly ? t('roles.view') : t('roles.edit');
  return (
    <Drawer
      open
      title={role ? `${title} · ${named(role)}` : title}
      size={screens.md ? 520 : '100%'}
      onClose={onClose}
      destroyOnHidden
      extra={
        readOnly ? null : (
          <Space>
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {t('save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        initialValues={{ permissions: [], requireTotp: false }}
      >
        <Form.Item label={t('code')} name="code" rules={[{ required: true, message: t('field.required') }]}>
          <Input maxLength={32} disabled={!!role} placeholder="e.g. grid_worker" />
        </Form.Item>
        <Form.Item label={t('name')} name="name" rules={[{ required: true, message: t('field.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('nameEn')} name="nameEn" rules={[{ required: true, message: t('field.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('permissions')} name="permissions" rules={[{ required: true, message: t('field.required') }]}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 8 }}
            options={PERMISSIONS.map((p) => ({ value: p, label: label(PERMISSION_LABELS[p]) }))}
          />
        </Form.Item>
        <Form.Item label={t('requireTotp')} name="requireTotp" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
