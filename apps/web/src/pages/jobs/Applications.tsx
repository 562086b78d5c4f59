// A post's applications: filter by stage, move one step or decline with a reason (the candidate
// sees it), reveal the mobile and download the CV (both audited), add a hire to the register.
import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  APPLICATION_STAGE_LABELS,
  APPLICATION_STAGES,
  CERT_KIND_LABELS,
  nextApplicationStage,
  type Job,
  type JobApplication,
} from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { downloadCv, useAddToRegister, useJobApplications, useMoveApplication, useRevealApplicant } from '../../api/jobs.ts';
import { useI18n } from '../../i18n/index.tsx';

export function Applications({ job, manage, register: canRegister }: { job: Job; manage: boolean; register: boolean }) {
  const { t, label } = useI18n();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const [stage, setStage] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useJobApplications(job.id, { stage, page, pageSize: 20 });
  const moveApp = useMoveApplication();
  const reveal = useRevealApplicant();
  const register = useAddToRegister();
  const [shown, setShown] = useState<Record<string, string>>({});
  const done = () => void message.success(t('jb.moved'));
  const fail = (e: Error) => {
    showProblem(e);
    throw e;
  };

  /** A confirm dialog asking a reason (kept open on a refusal so it can be corrected). */
  const askReason = (title: string, onOk: (reason: string) => Promise<unknown>) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input.TextArea aria-label={title} rows={3} maxLength={300} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => onOk(reason.trim()),
    });
  };
  const next = (a: JobApplication, to: JobApplication['stage']) =>
    moveApp.mutateAsync({ id: a.id, stage: to, version: a.version }).then(done, (e: Error) => showProblem(e));
  const decline = (a: JobApplication) =>
    askReason(t('jb.declineReason'), (reason) =>
      moveApp.mutateAsync({ id: a.id, stage: 'declined', reason, version: a.version }).then(done, fail),
    );
  const showMobile = (a: JobApplication) =>
    askReason(t('jb.revealReason'), (reason) =>
      reveal.mutateAsync({ id: a.id, reason }).then((r) => setShown((s) => ({ ...s, [a.id]: r.mobile })), fail),
    );
  const addToRegister = (a: JobApplication) =>
    modal.confirm({
      title: t('jb.registerConfirm'),
      onOk: () => register.mutateAsync(a.id).then(() => void message.success(t('jb.saved')), fail),
    });

  const actions = (a: JobApplication) => {
    const to = nextApplicationStage(a.stage);
    return (
      <Space wrap>
        {to && (
          <Button size="small" type="primary" onClick={() => void next(a, to)}>
            {t('jb.next', { stage: label(APPLICATION_STAGE_LABELS[to]) })}
          </Button>
        )}
        {to && (
          <Button size="small" danger onClick={() => decline(a)}>
            {t('jb.decline')}
          </Button>
        )}
        {a.stage === 'hired' &&
          canRegister &&
          (a.workerId ? (
            <Link to={`/workers/${a.workerId}`}>{t('jb.registered')}</Link>
          ) : (
            <Button size="small" onClick={() => addToRegister(a)}>
              {t('jb.register')}
            </Button>
          ))}
      </Space>
    );
  };
  const columns = [
    { title: t('jb.candidate'), dataIndex: 'name', key: 'name' },
    {
      title: t('jb.mobile'),
      key: 'mobile',
      render: (_: unknown, a: JobApplication) =>
        shown[a.id] ?? (
          <Space>
            {a.mobileMasked}
            {manage && (
              <Button size="small" type="link" onClick={() => showMobile(a)}>
                {t('jb.reveal')}
              </Button>
            )}
          </Space>
        ),
    },
    {
      title: t('jb.candidateLevel'),
      dataIndex: 'certLevel',
      key: 'certLevel',
      responsive: ['md' as const],
      render: (l: JobApplication['certLevel']) => (l === 'none' ? '—' : label(CERT_KIND_LABELS[l])),
    },
    { title: t('jb.candidateYears'), dataIndex: 'years', key: 'years', responsive: ['md' as const] },
    {
      title: t('jb.cv'),
      key: 'cv',
      render: (_: unknown, a: JobApplication) =>
        manage ? (
          <Button size="small" type="link" onClick={() => void downloadCv(a)}>
            {a.cv.filename}
          </Button>
        ) : (
          a.cv.filename
        ),
    },
    {
      title: t('jb.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (s: JobApplication['stage'], a: JobApplication) => (
        <Space orientation="vertical" size={0}>
          <Tag color={s === 'hired' ? 'green' : s === 'declined' || s === 'withdrawn' ? 'default' : 'blue'}>
            {label(APPLICATION_STAGE_LABELS[s])}
          </Tag>
          {a.reason && <Typography.Text style={{ color: '#595959' }}>{a.reason}</Typography.Text>}
        </Space>
      ),
    },
    ...(manage ? [{ title: '', key: 'actions', render: (_: unknown, a: JobApplication) => actions(a) }] : []),
  ];
  return (
    <Card
      title={`${t('jb.applications')} (${list.data?.total ?? 0})`}
      extra={
        <Select
          aria-label={t('jb.stage')}
          placeholder={t('jb.stage')}
          allowClear
          style={{ width: 140 }}
          value={stage}
          onChange={(v) => {
            setStage(v);
            setPage(1);
          }}
          options={APPLICATION_STAGES.map((s) => ({ value: s, label: label(APPLICATION_STAGE_LABELS[s]) }))}
        />
      }
    >
      <Table<JobApplication>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('jb.noApplications') }}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
      />
    </Card>
  );
}
