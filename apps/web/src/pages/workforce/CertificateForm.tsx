// Add or edit one certificate, and add a title: small drawers on the worker's page.
import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CERT_KIND_LABELS,
  CERT_KINDS,
  TITLE_KIND_LABELS,
  TITLE_KINDS,
  workerCertificateBody,
  workerCertificateUpdate,
  workerTitleBody,
  type WorkerCertificate,
  type WorkerTitle,
} from '@wushe/core';
import { useAddTitle, useSaveCertificate } from '../../api/workforce.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface CertValues {
  kind: string;
  number?: string | null;
  obtainedOn?: Dayjs | null;
  registeredOn?: Dayjs | null;
}
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function CertificateForm({ workerId, cert, onClose }: { workerId: string; cert: WorkerCertificate | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<CertValues>();
  const save = useSaveCertificate(workerId, cert?.id ?? null);
  useEffect(() => {
    if (cert)
      form.setFieldsValue({
        ...cert,
        obtainedOn: dayjs(cert.obtainedOn),
        registeredOn: cert.registeredOn ? dayjs(cert.registeredOn) : null,
      });
  }, [cert, form]);
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<CertValues, typeof workerCertificateBody | typeof workerCertificateUpdate, WorkerCertificate>
      title={cert ? t('wf.editCert') : t('wf.addCert')}
      form={form}
      schema={cert ? workerCertificateUpdate : workerCertificateBody}
      toInput={(v) => ({
        ...v,
        number: v.number ?? null,
        obtainedOn: day(v.obtainedOn) ?? '',
        registeredOn: day(v.registeredOn),
        ...(cert ? { version: cert.version } : {}),
      })}
      save={save}
      onClose={onClose}
      initialValues={{ kind: 'assistant' }}
    >
      <Form.Item label={t('wf.certKind')} name="kind" rules={required}>
        <Select options={CERT_KINDS.map((k) => ({ value: k, label: label(CERT_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item label={t('wf.certNumber')} name="number">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('wf.obtainedOn')} name="obtainedOn" rules={required}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item label={t('wf.registeredOn')} name="registeredOn">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

interface TitleValues {
  title: string;
  year: number;
  grantedBy: string;
}

export function TitleForm({ workerId, onClose }: { workerId: string; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<TitleValues>();
  const save = useAddTitle(workerId);
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormDrawer<TitleValues, typeof workerTitleBody, WorkerTitle>
      title={t('wf.addTitle')}
      form={form}
      schema={workerTitleBody}
      save={save}
      onClose={onClose}
      initialValues={{ title: 'backbone', year: dayjs().year() }}
    >
      <Form.Item label={t('wf.title')} name="title" rules={required}>
        <Select options={TITLE_KINDS.map((k) => ({ value: k, label: label(TITLE_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item label={t('wf.year')} name="year" rules={required}>
        <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('wf.grantedBy')} name="grantedBy" rules={required}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDrawer>
  );
}
