import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { ORG_KIND_LABELS, ORG_KINDS, orgCreateBody, orgUpdateBody, type Org } from '@wushe/core';
import { useOrgEdit } from '../../api/orgs.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = Pick<Org, 'name' | 'kind' | 'areaCode' | 'creditCode' | 'contactName' | 'contactPhone' | 'address'>;

/** New or edit organisation; edits carry the version they read. */
export function OrgForm({ org, onClose }: { org: Org | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const { record, save, reload } = useOrgEdit(org);

  useEffect(() => {
    if (record) form.setFieldsValue(record);
  }, [record, form]);

  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof orgCreateBody | typeof orgUpdateBody, Org>
      title={record ? t('orgs.edit') : t('orgs.new')}
      form={form}
      schema={record ? orgUpdateBody : orgCreateBody}
      toInput={(values) => (record ? { ...values, version: record.version } : values)}
      save={save}
      onConflict={reload}
      onClose={onClose}
      initialValues={{ kind: 'social_org' }}
    >
      <Form.Item label={t('name')} name="name" rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('kind')} name="kind" rules={required}>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: label(ORG_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item label={t('area')} name="areaCode" rules={required}>
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
    </FormDrawer>
  );
}
