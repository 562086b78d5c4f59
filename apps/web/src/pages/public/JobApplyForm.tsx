// Applying to a post as the signed-in public account: education, certificate level, years,
// a note and the CV (PDF or Word, 2 MB at most, checked here and again by the server).
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { CERT_KIND_LABELS, CV_TYPES, EDUCATION_LABELS, EDUCATION_LEVELS, SW_LEVELS, publicJobApplyBody } from '@wushe/core';
import { readBase64 } from '../../api/files.ts';
import { useProblem, validateWith } from '../../api/forms.ts';
import { useApplyToJob } from '../../api/jobs.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MUTED } from './PublicShell.tsx';

const MAX_BYTES = 2 * 1024 * 1024;
type Cv = { filename: string; contentType: string; data: string };
type Values = { education?: string; certLevel: string; years: number; note?: string };

export function JobApplyForm({ jobId, csrf }: { jobId: string; csrf: string }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const [form] = Form.useForm<Values>();
  const apply = useApplyToJob(jobId);
  const [cv, setCv] = useState<Cv | null>(null);
  const [cvError, setCvError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    setCv(null);
    if (!file) return;
    if (!(CV_TYPES as readonly string[]).includes(file.type)) return setCvError(t('pub.job.cvType'));
    if (file.size > MAX_BYTES) return setCvError(t('pub.job.cvTooBig'));
    setCvError(null);
    setCv({ filename: file.name, contentType: file.type, data: await readBase64(file) });
  };
  const submit = (v: Values) => {
    if (!cv) return setCvError(t('pub.job.cvNeeded'));
    const body = validateWith(publicJobApplyBody, { ...v, education: v.education ?? null, cv }, form, lang);
    if (!body) return;
    apply.mutate({ body, csrf }, { onSuccess: () => void message.success(t('pub.job.sent')), onError: (e) => showProblem(e, form) });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ certLevel: 'none', years: 0 }}>
      <Form.Item name="education" label={t('pub.job.education')}>
        <Select size="large" allowClear options={EDUCATION_LEVELS.map((l) => ({ value: l, label: label(EDUCATION_LABELS[l]) }))} />
      </Form.Item>
      <Form.Item name="certLevel" label={t('pub.job.level')}>
        <Select
          size="large"
          options={[
            { value: 'none', label: t('pub.job.none') },
            ...SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) })),
          ]}
        />
      </Form.Item>
      <Form.Item name="years" label={t('pub.job.years')}>
        <InputNumber size="large" min={0} max={50} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="note" label={t('pub.job.note')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('pub.job.cv')} validateStatus={cvError ? 'error' : undefined} help={cvError ?? undefined} htmlFor="job-cv">
        <input
          id="job-cv"
          type="file"
          accept=".pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => void pick(e.target.files?.[0])}
          style={{ fontSize: 16, maxWidth: '100%' }}
        />
        {cv && <Typography.Text style={{ color: MUTED, display: 'block' }}>{cv.filename}</Typography.Text>}
      </Form.Item>
      <Button type="primary" size="large" block htmlType="submit" loading={apply.isPending}>
        {t('pub.job.apply')}
      </Button>
    </Form>
  );
}
