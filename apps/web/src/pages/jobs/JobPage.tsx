// A post: its facts, open/close (confirmed), edit, and the applications table: the stage moved
// one step (or declined with a reason the candidate sees), the mobile revealed with a reason,
// the CV downloaded (both audited), and a hire added to the register of the hiring organisation.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { CERT_KIND_LABELS, EDUCATION_LABELS, JOB_STATUS_LABELS, salaryText, type Job } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useJob, useJobStatus } from '../../api/jobs.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Applications } from './Applications.tsx';
import { JobForm } from './JobForm.tsx';
import { STATUS_COLOR } from './JobsPage.tsx';

export function JobPage() {
  const { id = '' } = useParams();
  const q = useJob(id);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Empty />;
  return <JobView job={q.data} />;
}

function JobView({ job: j }: { job: Job }) {
  const { t, label, lang } = useI18n();
  const actor = useActor();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const manage = actor.permissions.includes('job.manage');
  const [editing, setEditing] = useState(false);
  const status = useJobStatus(j.id);
  const move = (to: Job['status'], confirm: 'jb.openConfirm' | 'jb.closeConfirm') =>
    modal.confirm({
      title: t(confirm),
      okButtonProps: { danger: to === 'closed' },
      onOk: () =>
        status.mutateAsync({ status: to, version: j.version }).then(
          () => void message.success(t('jb.saved')),
          (e: Error) => showProblem(e),
        ),
    });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {j.title}
            </Typography.Title>
            <Tag color={STATUS_COLOR[j.status]}>{label(JOB_STATUS_LABELS[j.status])}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {j.status !== 'draft' && <Link to={`/p/jobs/${j.id}`}>{t('jb.publicLink')}</Link>}
            {manage && j.status !== 'closed' && <Button onClick={() => setEditing(true)}>{t('jb.edit')}</Button>}
            {manage && j.status === 'draft' && (
              <Button type="primary" onClick={() => move('open', 'jb.openConfirm')}>
                {t('jb.open')}
              </Button>
            )}
            {manage && j.status === 'open' && (
              <Button danger onClick={() => move('closed', 'jb.closeConfirm')}>
                {t('jb.close')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('jb.org')}>{j.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('jb.area')}>{j.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('jb.headcount')}>{j.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('jb.salary')}>{salaryText(j.salaryMinFen, j.salaryMaxFen, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('jb.level')}>{j.certLevel ? label(CERT_KIND_LABELS[j.certLevel]) : t('jb.any')}</Descriptions.Item>
          <Descriptions.Item label={t('jb.education')}>
            {j.education ? label(EDUCATION_LABELS[j.education]) : t('jb.any')}
          </Descriptions.Item>
          <Descriptions.Item label={t('jb.years')}>
            {j.experienceYears ? t('jb.yearsN', { n: j.experienceYears }) : t('jb.any')}
          </Descriptions.Item>
          <Descriptions.Item label={t('jb.deadline')}>{j.deadline ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{j.description}</Typography.Paragraph>
      </Card>
      <Applications job={j} manage={manage} register={actor.permissions.includes('worker.write')} />
      {editing && <JobForm job={j} onClose={() => setEditing(false)} />}
    </Space>
  );
}
