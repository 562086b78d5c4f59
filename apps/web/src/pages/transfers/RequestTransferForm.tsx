// 申请调入: the receiving station asks for a resident by exact document number, into one of
// its communities. Until approval the answer holds only masks and the holding station.
import { Alert, Form, Input, Select, Space } from 'antd';
import { DOCUMENT_TYPES, transferRequest, type DocumentType, type Transfer } from '@wushe/core';
import { useRequestTransfer } from '../../api/transfers.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  documentType: DocumentType;
  idNumber: string;
  toAreaCode: string;
  note?: string;
}

export function RequestTransferForm({
  initial,
  onClose,
  onSaved,
}: {
  initial?: Partial<Values>;
  onClose: () => void;
  onSaved?: (t: Transfer) => void;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useRequestTransfer();
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<Values, typeof transferRequest, Transfer>
      title={t('tr.requestTitle')}
      form={form}
      schema={transferRequest}
      save={save}
      saveText={t('tr.request')}
      onClose={onClose}
      savedText={t('tr.requested')}
      onSaved={onSaved}
      initialValues={{ documentType: 'resident_id', ...initial }}
    >
      <Alert type="info" showIcon title={t('tr.requestHint')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('tr.idNumber')} required>
        <Space.Compact style={{ display: 'flex' }}>
          <Form.Item name="documentType" noStyle>
            <Select style={{ width: 140 }} options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: label(d) }))} />
          </Form.Item>
          <Form.Item name="idNumber" noStyle rules={required}>
            <Input style={{ flex: 1 }} maxLength={40} autoComplete="off" aria-label={t('tr.idNumber')} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item label={t('tr.toArea')} name="toAreaCode" rules={required}>
        <AreaPicker allowClear={false} selectableLevels={['community', 'grid']} />
      </Form.Item>
      <Form.Item label={t('tr.note')} name="note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} placeholder={t('tr.notePlaceholder')} />
      </Form.Item>
    </FormDrawer>
  );
}
