// /p/jobs/:id: a post on a phone (no login to read it). Applying needs a public account: a
// visitor is sent to /p/login and back; a signed-in one applies with a CV, or sees their
// application's stage (and the reason when declined) and may withdraw it while it is open.
import { Alert, App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { APPLICATION_STAGE_LABELS, CERT_KIND_LABELS, EDUCATION_LABELS, isOpenStage, salaryText, type PublicJob } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useMyJobApplication, usePublicJob, useWithdrawApplication } from '../../api/jobs.ts';
import { usePublicMe, type PublicAccountMe } from '../../api/publicAccount.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { JobApplyForm } from './JobApplyForm.tsx';
import { MUTED, PublicShell } from './PublicShell.tsx';

export function PublicJobPage() {
  const { id = '' } = useParams();
  const { t, label, lang } = useI18n();
  const j = usePublicJob(id).data;
  const me = usePublicMe();
  if (!j) return <PublicShell title="">{null}</PublicShell>;
  return (
    <PublicShell title={j.title} notice={false}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <div style={{ color: '#cf1322', fontSize: 18 }}>{salaryText(j.salaryMinFen, j.salaryMaxFen, lang)}</div>
          <div style={{ color: MUTED }}>
            {j.orgName} · {j.areaName}
          </div>
        </div>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('jb.headcount')}>{j.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('jb.level')}>{j.certLevel ? label(CERT_KIND_LABELS[j.certLevel]) : t('jb.any')}</Descriptions.Item>
          <Descriptions.Item label={t('jb.education')}>
            {j.education ? label(EDUCATION_LABELS[j.education]) : t('jb.any')}
          </Descriptions.Item>
          <Descriptions.Item label={t('jb.years')}>
            {j.experienceYears ? t('jb.yearsN', { n: j.experienceYears }) : t('jb.any')}
          </Descriptions.Item>
          <Descriptions.Item label={t('jb.deadline')}>{j.deadline ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{j.description}</Typography.Paragraph>
        {j.fairs.length > 0 && (
          <div>
            <Typography.Text strong>{t('pub.job.fairs')}</Typography.Text>
            {j.fairs.map((f) => (
              <div key={f.id}>
                <Link to={`/p/job-fairs/${f.id}`}>{f.title}</Link>{' '}
                <span style={{ color: MUTED }}>{formatDateTime(f.startsAt).slice(0, 16)}</span>
              </div>
            ))}
          </div>
        )}
        {me.isPending ? null : me.data ? <Applying job={j} me={me.data} /> : <LoginToApply job={j} />}
        <Link to="/p/jobs">{t('pub.job.back')}</Link>
      </Space>
    </PublicShell>
  );
}

function LoginToApply({ job }: { job: PublicJob }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (job.status !== 'open') return <Alert type="info" showIcon title={t('pub.job.closed')} />;
  return (
    <Button type="primary" size="large" block onClick={() => navigate(`/p/login?next=${encodeURIComponent(`/p/jobs/${job.id}`)}`)}>
      {t('pub.job.loginToApply')}
    </Button>
  );
}

function Applying({ job, me }: { job: PublicJob; me: PublicAccountMe }) {
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const mine = useMyJobApplication(job.id, true);
  const withdraw = useWithdrawApplication(job.id);
  if (mine.isPending) return null;
  const a = mine.data?.application;
  if (a)
    return (
      <Alert
        type={a.stage === 'hired' ? 'success' : a.stage === 'declined' || a.stage === 'withdrawn' ? 'warning' : 'info'}
        showIcon
        data-testid="my-application"
        title={t('pub.job.applied', { stage: label(APPLICATION_STAGE_LABELS[a.stage]) })}
        description={
          <Space orientation="vertical">
            {a.reason && <span>{t('pub.job.declinedReason', { reason: a.reason })}</span>}
            {isOpenStage(a.stage) && (
              <Button
                loading={withdraw.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('pub.job.withdrawConfirm'),
                    okButtonProps: { danger: true },
                    onOk: () => withdraw.mutateAsync({ id: a.id, csrf: me.csrfToken }).catch((e: Error) => showProblem(e)),
                  })
                }
              >
                {t('pub.job.withdraw')}
              </Button>
            )}
          </Space>
        }
      />
    );
  if (job.status !== 'open') return <Alert type="info" showIcon title={t('pub.job.closed')} />;
  return (
    <>
      <Tag style={{ whiteSpace: 'normal' }}>{t('pub.job.as', { name: me.name, mobile: me.mobileMasked })}</Tag>
      <JobApplyForm jobId={job.id} csrf={me.csrfToken} />
    </>
  );
}
