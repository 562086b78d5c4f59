// Applying to a policy: for oneself (a worker linked to the register), or, with the
// organisation reviewer's permission, for a worker of one's own register; proof is uploaded
// as attachments first (the contacts' upload), then listed with the application.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { subsidyApplyBody } from '@wushe/core';
import { uploadAttachment } from '../../api/contacts.ts';
import { readBase64 } from '../../api/files.ts';
import { useApplySubsidy } from '../../api/subsidies.ts';
import { useWorkers } from '../../api/workforce.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = { workerId?: string; statement?: string; arrivedOn?: Dayjs | null };

export function ApplyDrawer({ policyId, forWorker, onClose }: { policyId: string; forWorker: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApplySubsidy();
  const [q, setQ] = useState('');
  const workers = useWorkers({ q: q || undefined, status: 'active', pageSize: 20 });
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  return (
    <FormDrawer
      title={forWorker ? t('sb.applyFor') : t('sb.apply')}
      form={form}
      schema={subsidyApplyBody}
      toInput={(v) => ({
        policyId,
        workerId: forWorker ? v.workerId : undefined,
        statement: v.statement,
        arrivedOn: v.arrivedOn ? v.arrivedOn.format('YYYY-MM-DD') : null,
        attachmentIds: files.map((f) => f.id),
      })}
      save={save}
      onClose={onClose}
      onSaved={onClose}
      savedText={t('sb.applied')}
      saveText={t('sb.submit')}
    >
      {forWorker && (
        <Form.Item name="workerId" label={t('sb.workerId')} required>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name}${w.orgName ? ` · ${w.orgName}` : ''}` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="statement" label={t('sb.statement')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="arrivedOn" label={t('sb.arrivedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('sb.attachments')}>
        <Upload
          accept="image/jpeg,image/png,application/pdf"
          fileList={files.map((f) => ({ uid: f.id, name: f.name, status: 'done' as const }))}
          onRemove={(f) => setFiles((all) => all.filter((x) => x.id !== f.uid))}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const f = file as File;
              const a = await uploadAttachment({ filename: f.name, contentType: f.type || 'application/pdf', data: await readBase64(f) });
              setFiles((all) => [...all, { id: a.id, name: (file as File).name }]);
              onSuccess?.(a);
            } catch (e) {
              onError?.(e as Error);
            }
          }}
          showUploadList
        >
          <Button icon={<UploadOutlined aria-hidden />}>{t('sb.attachments')}</Button>
        </Upload>
      </Form.Item>
    </FormDrawer>
  );
}
