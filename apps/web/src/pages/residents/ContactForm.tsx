// 记录走访: a form drawer (full screen on a phone). The clientKey is made when the form opens, so a
// double tap or a retry after a network error records the contact once. Opened from a case
// (记录服务), the contact is recorded as part of that case (`caseId`) and shows on its timeline.
import { useState } from 'react';
import { App, Checkbox, DatePicker, Form, Grid, Input, InputNumber, Select, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CONTACT_KINDS, CONTACT_KIND_LABELS, contactCreate } from '@wushe/core';
import type { z } from 'zod';
import { useCodeLabels } from '../../api/settings.ts';
import { uploadAttachment, useCreateContact } from '../../api/contacts.ts';
import { FormDrawer, type DrawerSave } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { businessToday } from '../../fmt.ts';
import { ChecklistFields, checklistInput, type ChecklistValues } from './ChecklistFields.tsx';

interface Values {
  kind: (typeof CONTACT_KINDS)[number];
  serviceType?: string;
  occurredAt: Dayjs;
  durationMinutes?: number;
  notes?: string;
  wholeHousehold: boolean;
  checklist?: ChecklistValues;
}

type ContactCreate = z.infer<typeof contactCreate>;

const MAX_PHOTO = 5 * 1024 * 1024;

function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function ContactForm({
  residentId,
  hasHousehold,
  caseId,
  title,
  onClose,
}: {
  residentId: string;
  hasHousehold: boolean;
  /** The resident's open case this contact is part of. */
  caseId?: string;
  title?: string;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const create = useCreateContact(residentId, caseId);
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const services = useCodeLabels('service_type');
  const [clientKey] = useState(() => crypto.randomUUID());
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  const upload = async (f: UploadFile): Promise<string> => {
    if (f.response && typeof f.response === 'object' && 'id' in f.response) return (f.response as { id: string }).id;
    const raw = f.originFileObj as File;
    const res = await uploadAttachment({
      filename: raw.name,
      contentType: raw.type || 'image/jpeg',
      data: await toBase64(raw),
    });
    // Remember it, so a retry does not upload the photo again.
    f.response = res;
    return res.id;
  };

  const toInput = (v: Values) => ({
    residentId,
    wholeHousehold: v.wholeHousehold,
    kind: v.kind,
    serviceType: v.kind === 'service' ? v.serviceType : null,
    occurredAt: v.occurredAt.format('YYYY-MM-DDTHH:mm:ssZ'),
    durationMinutes: v.durationMinutes ?? null,
    notes: v.notes?.trim() || null,
    // The photos' ids are known once they are uploaded, just before the contact is sent.
    attachmentIds: [],
    checklist: checklistInput(v.checklist),
    clientKey,
    caseId,
  });

  // The drawer's save: upload the photos (each once, even across retries), then the contact.
  const save: DrawerSave<ContactCreate, unknown> = {
    isPending: busy,
    mutate: (body, { onSuccess, onError }) => {
      setBusy(true);
      (async () => {
        const attachmentIds: string[] = [];
        for (const f of files) attachmentIds.push(await upload(f));
        return create.mutateAsync({ ...body, attachmentIds });
      })()
        .then(onSuccess, onError)
        .finally(() => setBusy(false));
    },
  };

  return (
    <FormDrawer<Values, typeof contactCreate, unknown>
      title={title ?? t('res.recordContact')}
      form={form}
      schema={contactCreate}
      toInput={toInput}
      save={save}
      savedText={t('contact.saved')}
      onClose={onClose}
      initialValues={{ kind: 'home_visit', occurredAt: dayjs(), wholeHousehold: false, durationMinutes: 30 }}
    >
      <Form.Item label={t('contact.kind')} name="kind" rules={[{ required: true, message: t('field.required') }]}>
        <Select options={CONTACT_KINDS.map((k) => ({ value: k, label: label(CONTACT_KIND_LABELS[k]) }))} />
      </Form.Item>
      {kind === 'service' && (
        <Form.Item label={t('contact.service')} name="serviceType" rules={[{ required: true, message: t('contact.serviceType') }]}>
          <Select options={services.options} loading={services.loading} />
        </Form.Item>
      )}
      <Form.Item label={t('contact.occurredAt')} name="occurredAt" rules={[{ required: true, message: t('field.required') }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(businessToday(), 'day')}
          inputReadOnly={!screens.md}
        />
      </Form.Item>
      <Form.Item label={t('contact.duration')} name="durationMinutes">
        <InputNumber min={1} max={1440} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <Form.Item label={t('contact.notes')} name="notes">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <ChecklistFields form={form} />
      <Form.Item label={t('contact.photos')}>
        <Upload
          listType="picture-card"
          accept="image/*"
          capture="environment"
          multiple
          fileList={files}
          beforeUpload={(f) => {
            if (f.size > MAX_PHOTO) {
              message.error(t('contact.photoTooBig'));
              return Upload.LIST_IGNORE;
            }
            return false;
          }}
          onChange={({ fileList }) => setFiles(fileList.slice(0, 10))}
        >
          {files.length < 10 && (
            <div>
              <CameraOutlined aria-hidden />
              <div style={{ marginTop: 4 }}>{t('contact.addPhoto')}</div>
            </div>
          )}
        </Upload>
      </Form.Item>
      {hasHousehold && (
        <Form.Item name="wholeHousehold" valuePropName="checked">
          <Checkbox>{t('contact.wholeHousehold')}</Checkbox>
        </Form.Item>
      )}
    </FormDrawer>
  );
}
