// A training: its facts and status moves (open ⇄ closed → cancelled, confirmed), the sessions
// (offline place, online link and join code, mixed) with the QR check-in screen of each, the
// registrations with the waiting list, attendance ticks and certificates, and the evaluations.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Progress, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { SESSION_MODE_LABELS, TRAINING_LEVEL_LABELS } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import {
  useEditTraining,
  useEvaluations,
  useSaveSession,
  useTraining,
  type TrainingDetail,
  type TrainingSession,
} from '../../api/trainings.ts';
import { formatDate, formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { TrainingForm } from './TrainingForm.tsx';
import { RegistrationsCard } from './RegistrationsCard.tsx';
import { SessionForm } from './SessionForm.tsx';
import { STATUS_COLOR } from './TrainingsPage.tsx';

export function TrainingPage() {
  const { id = '' } = useParams();
  const q = useTraining(id);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Empty />;
  return <TrainingView training={q.data} />;
}

function TrainingView({ training: tr }: { training: TrainingDetail }) {
  const { t, label } = useI18n();
  const actor = useActor();
  const { message, modal } = App.useApp();
  const showProblem = useProblem();
  const canWrite = actor.permissions.includes('training.write');
  const edit = useEditTraining(tr.id);
  const [editing, setEditing] = useState(false);
  const move = (status: 'open' | 'closed' | 'cancelled') =>
    edit.mutateAsync({ status, version: tr.version }).then(
      () => void message.success(t('saved')),
      (e) => showProblem(e),
    );
  const confirmCancel = () =>
    modal.confirm({
      title: t('trw.cancelConfirm', { title: tr.title }),
      okButtonProps: { danger: true },
      okText: t('trw.cancel'),
      cancelText: t('cancel'),
      onOk: () => move('cancelled'),
    });

  return (
    <Flex vertical gap={16}>
      {editing && <TrainingForm training={tr} onClose={() => setEditing(false)} />}
      <Link to="/trainings">
        <ArrowLeftOutlined aria-hidden /> {t('trw.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tr.title} <Tag color="blue">{label(TRAINING_LEVEL_LABELS[tr.level])}</Tag>
          <Tag color={STATUS_COLOR[tr.status]}>{t(`trw.st.${tr.status}`)}</Tag>
        </Typography.Title>
        <Space wrap>
          <Button href={`/p/trainings/${tr.id}`} target="_blank">
            {t('trw.publicPage')}
          </Button>
          {canWrite && tr.status !== 'cancelled' && <Button onClick={() => setEditing(true)}>{t('trw.edit')}</Button>}
          {canWrite && tr.status === 'open' && <Button onClick={() => void move('closed')}>{t('trw.close')}</Button>}
          {canWrite && tr.status === 'closed' && <Button onClick={() => void move('open')}>{t('trw.reopen')}</Button>}
          {canWrite && tr.status !== 'cancelled' && (
            <Button danger onClick={confirmCancel}>
              {t('trw.cancel')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card>
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('trw.area')}>{tr.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('trw.org')}>{tr.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trw.when')}>
            {tr.firstStart ? `${formatDate(tr.firstStart)} ~ ${formatDate(tr.lastEnd)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('trw.hours')}>{`${tr.hours}（${t('trw.sessionsN', { n: tr.sessions })}）`}</Descriptions.Item>
          <Descriptions.Item label={t('trw.registered')}>
            {`${tr.registered}/${tr.capacity ?? t('trw.unlimited')}`}
            {tr.waiting > 0 && `，${t('trw.waiting')} ${tr.waiting}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('trw.requiredShare')}>{`${Math.round(tr.requiredShare * 100)}%`}</Descriptions.Item>
          {tr.description && <Descriptions.Item label={t('trw.description')}>{tr.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          { key: 'sessions', label: t('trw.sessions'), children: <SessionsCard training={tr} canWrite={canWrite} /> },
          { key: 'registrations', label: t('trw.registrations'), children: <RegistrationsCard training={tr} canWrite={canWrite} /> },
          { key: 'evaluations', label: t('trw.evaluations'), children: <EvaluationsCard id={tr.id} /> },
        ]}
      />
    </Flex>
  );
}

function SessionsCard({ training: tr, canWrite }: { training: TrainingDetail; canWrite: boolean }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const [editing, setEditing] = useState<TrainingSession | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<TrainingSession | null>(null);
  const cancel = useSaveSession(tr.id, cancelling?.id ?? null);
  const columns = [
    { title: t('trw.sessionTitle'), dataIndex: 'title', render: (s: string, x: TrainingSession) => (x.cancelled ? <s>{s}</s> : s) },
    {
      title: t('trw.when'),
      dataIndex: 'startsAt',
      render: (_: string, x: TrainingSession) => `${formatDate(x.startsAt)} ${formatTime(x.startsAt)}–${formatTime(x.endsAt)}`,
    },
    {
      title: t('trw.mode'),
      dataIndex: 'mode',
      render: (m: TrainingSession['mode'], x: TrainingSession) => (
        <Space orientation="vertical" size={0}>
          <span>{label(SESSION_MODE_LABELS[m])}</span>
          {x.place && <Typography.Text type="secondary">{x.place}</Typography.Text>}
          {x.streamUrl && (
            <a href={x.streamUrl} target="_blank" rel="noreferrer">
              {t('trw.streamUrl')}
            </a>
          )}
        </Space>
      ),
    },
    { title: t('trw.hours'), dataIndex: 'hours' },
    { title: t('trw.teacher'), dataIndex: 'teacherName', render: (n: string | null) => n ?? '—' },
    {
      title: t('trw.joinCode'),
      dataIndex: 'joinCode',
      render: (c: string, x: TrainingSession) => (x.mode === 'offline' ? '—' : <Typography.Text code>{c}</Typography.Text>),
    },
    {
      title: t('trw.present'),
      dataIndex: 'present',
      render: (n: number) => <Progress percent={tr.registered ? Math.round((n / tr.registered) * 100) : 0} format={() => n} size="small" />,
    },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, x: TrainingSession) =>
              x.cancelled ? (
                <Tag>{t('trw.sessionCancelled')}</Tag>
              ) : (
                <Space size={0} wrap>
                  <Link to={`/trainings/${tr.id}/sessions/${x.id}/qr`}>
                    <Button type="link" size="small" icon={<QrcodeOutlined aria-hidden />}>
                      {t('trw.qr')}
                    </Button>
                  </Link>
                  <Button type="link" size="small" onClick={() => setEditing(x)}>
                    {t('edit')}
                  </Button>
                  <Popconfirm
                    title={t('trw.cancelSessionConfirm')}
                    okText={t('trw.cancelSession')}
                    cancelText={t('cancel')}
                    okButtonProps={{ danger: true }}
                    onOpenChange={(open) => setCancelling(open ? x : null)}
                    onConfirm={() =>
                      cancel.mutateAsync({ cancelled: true, version: x.version }).then(
                        () => void message.success(t('saved')),
                        (e) => showProblem(e),
                      )
                    }
                  >
                    <Button type="link" size="small" danger>
                      {t('trw.cancelSession')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card
      extra={
        canWrite &&
        tr.status !== 'cancelled' && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('trw.addSession')}
          </Button>
        )
      }
    >
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={tr.sessionList} scroll={{ x: true }} />
      {editing && <SessionForm trainingId={tr.id} session={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function EvaluationsCard({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useEvaluations(id);
  const e = q.data;
  if (!e) return <Skeleton active />;
  if (!e.count) return <Empty description={t('trw.noEvaluations')} />;
  return (
    <Card>
      <Descriptions column={{ xs: 1, md: 3 }} size="small" title={t('trw.evalCount', { n: e.count })}>
        <Descriptions.Item label={t('trw.evalMean')}>{e.mean?.toFixed(2) ?? '—'}</Descriptions.Item>
        {e.byQuestion.map((m, i) => (
          <Descriptions.Item key={i} label={t(`trw.q.${i as 0 | 1 | 2 | 3}`)}>
            {m === null ? '—' : <Progress percent={(m / 5) * 100} format={() => m.toFixed(2)} size="small" style={{ width: 160 }} />}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {e.comments.length > 0 && (
        <>
          <Typography.Title level={5}>{t('trw.comments')}</Typography.Title>
          <ul>
            {e.comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
