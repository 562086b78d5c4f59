import { useEffect } from 'react';
import { App, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { ORG_KIND_LABELS, ORG_KINDS, orgCreateBody, orgUpdateBody, type Org } from '@wushe/core';
import { useOrgEdit } from '../../api/orgs.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = Pick<Org, 'name' | 'kind' | 'areaCode' | 'creditCode' | 'contactName' | 'contactPhone' | 'address'>;

/** New or edit organisation, in a Drawer; edits carry the version they read. */
export function OrgForm({ org, onClose }: { org: Org | null; onClose: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showProblem = useProblem();
  const screens = Grid.useBreakpoint();
  const { record, save, reload } = useOrgEdit(org);

  useEffect(() => {
    if (record) form.setFieldsValue(record);
  }, [record, form]);

  const submit = (values: Values) => {
    const body = record
      ? validateWith(orgUpdateBody, { ...values, version: record.version }, form, lang)
      : validateWith(orgCreateBody, values, form, lang);
    if (!body) return;
    save.mutate(body as Record<string, unknown>, {
      onSuccess: () => {
        message.success(t('saved'));
        onClose();
      },
      onError: (e) => showProblem(e, form, reload),
    });
  };

  return (
    <Drawer
      open
      title={record ? t('orgs.edit') : t('orgs.new')}
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
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'social_org' }}>
        <Form.Item label={t('name')} name="name" rules={[{ required: true, message: t('field.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('kind')} name="kind" rules={[{ required: true, message: t('field.required') }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: label(ORG_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item label={t('area')} name="areaCode" rules={[{ required: true, message: t('field.required') }]}>
          <AreaPicker allowClear={false} />
        </Form.Item>
        <Form.Item label={t('creditCode')} name="creditCode">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label={t('contactName')} name="contactName">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('contactPhone')} name="contactPhone">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label={t('address')} name="address">
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
