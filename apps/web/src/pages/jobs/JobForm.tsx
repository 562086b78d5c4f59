// The post form (a new draft, or an edit with its version): salary asked in yuan, sent in fen.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CERT_KIND_LABELS, EDUCATION_LABELS, EDUCATION_LEVELS, SW_LEVELS, jobCreateBody, jobUpdateBody, type Job } from '@wushe/core';
import { useCreateJob, useUpdateJob } from '../../api/jobs.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { inYuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OrgSelect } from '../users/OrgSelect.tsx';

type Values = {
  orgId: string;
  areaCode: string;
  title: string;
  description: string;
  headcount: number;
  salaryMinFen?: number | null;
  salaryMaxFen?: number | null;
  certLevel?: string | null;
  education?: string | null;
  experienceYears: number;
  deadline?: Dayjs | null;
};

export function JobForm({ job, onClose, onSaved }: { job?: Job; onClose: () => void; onSaved?: (j: Job) => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateJob();
  const update = useUpdateJob(job?.id ?? '');
  // Blank fields go as '' so the schema answers "required" on them rather than a type error.
  const toInput = (v: Values) => ({
    orgId: v.orgId ?? '',
    areaCode: v.areaCode ?? '',
    title: v.title ?? '',
    description: v.description ?? '',
    headcount: v.headcount,
    salaryMinFen: v.salaryMinFen ?? null,
    salaryMaxFen: v.salaryMaxFen ?? null,
    certLevel: v.certLevel ?? null,
    education: v.education ?? null,
    experienceYears: v.experienceYears ?? 0,
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
    ...(job ? { version: job.version } : {}),
  });
  const initialValues: Partial<Values> = job
    ? { ...job, deadline: job.deadline ? dayjs(job.deadline) : null }
    : { headcount: 1, experienceYears: 0 };
  return (
    <FormDrawer
      title={job ? t('jb.edit') : t('jb.new')}
      form={form}
      schema={job ? jobUpdateBody : jobCreateBody}
      toInput={toInput}
      save={(job ? update : create) as never}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={initialValues}
    >
      <Form.Item name="title" label={t('jb.title')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="orgId" label={t('jb.org')} required>
        <OrgSelect aria-label={t('jb.org')} />
      </Form.Item>
      <Form.Item name="areaCode" label={t('jb.area')} required>
        <AreaPicker />
      </Form.Item>
      <Form.Item name="description" label={t('jb.description')} required>
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
      <Form.Item name="headcount" label={t('jb.headcount')}>
        <InputNumber min={1} max={200} />
      </Form.Item>
      <Form.Item name="salaryMinFen" label={t('jb.salaryMin')} {...inYuan}>
        <InputNumber min={0} max={1_000_000} step={100} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="salaryMaxFen" label={t('jb.salaryMax')} {...inYuan}>
        <InputNumber min={0} max={1_000_000} step={100} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="certLevel" label={t('jb.level')}>
        <Select allowClear placeholder={t('jb.any')} options={SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) }))} />
      </Form.Item>
      <Form.Item name="education" label={t('jb.education')}>
        <Select
          allowClear
          placeholder={t('jb.any')}
          options={EDUCATION_LEVELS.map((l) => ({ value: l, label: label(EDUCATION_LABELS[l]) }))}
        />
      </Form.Item>
      <Form.Item name="experienceYears" label={t('jb.years')}>
        <InputNumber min={0} max={40} />
      </Form.Item>
      <Form.Item name="deadline" label={t('jb.deadline')}>
        <DatePicker />
      </Form.Item>
    </FormDrawer>
  );
}
