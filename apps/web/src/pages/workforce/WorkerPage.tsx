// A worker's page: profile, certificates with the current registration cycle, titles, and the
// continuing-education hours of the current cycle (CeHoursCard). Also "my entry" at /workers/me.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import {
  CERT_KIND_LABELS,
  EDUCATION_LABELS,
  PRACTICE_FIELD_LABELS,
  TITLE_KIND_LABELS,
  WORKER_POST_LABELS,
  type PracticeField,
  type WorkerCertificate,
  type WorkerDetail,
  type WorkerTitle,
} from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { useLeaveWorker, useMyWorker, useRemoveCertificate, useRemoveTitle, useWorker } from '../../api/workforce.ts';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CeHoursCard } from '../trainings/CeHoursCard.tsx';
import { CertificateForm, TitleForm } from './CertificateForm.tsx';
import { WorkerForm } from './WorkerForm.tsx';

export function WorkerPage() {
  const { id } = useParams();
  const q = useWorker(id);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Empty />;
  return <WorkerView worker={q.data} />;
}

export function MyWorkerPage() {
  const { t } = useI18n();
  const q = useMyWorker();
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Empty description={t('wf.mine')} />;
  return <WorkerView worker={q.data} readOnly />;
}

function WorkerView({ worker: w, readOnly }: { worker: WorkerDetail; readOnly?: boolean }) {
  const { t, label } = useI18n();
  const actor = useActor();
  const { modal, message } = App.useApp();
  const showProblem = useProblem();
  const canWrite = !readOnly && actor.permissions.includes('worker.write');
  const [editing, setEditing] = useState(false);
  const [cert, setCert] = useState<WorkerCertificate | 'new' | null>(null);
  const [addingTitle, setAddingTitle] = useState(false);
  const leave = useLeaveWorker();
  const removeCert = useRemoveCertificate(w.id);
  const removeTitle = useRemoveTitle(w.id);
  const done = () => void message.success(t('saved'));

  const confirmLeave = () =>
    modal.confirm({
      title: t('wf.leaveConfirm', { name: w.name }),
      okButtonProps: { danger: true },
      okText: t('wf.leave'),
      cancelText: t('cancel'),
      onOk: () =>
        leave.mutateAsync({ id: w.id, leftOn: businessToday().format('YYYY-MM-DD'), version: w.version }).then(done, (e) => showProblem(e)),
    });

  const certColumns = [
    { title: t('wf.certKind'), dataIndex: 'kind', render: (k: WorkerCertificate['kind']) => label(CERT_KIND_LABELS[k]) },
    { title: t('wf.certNumber'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
    { title: t('wf.obtainedOn'), dataIndex: 'obtainedOn' },
    { title: t('wf.registeredOn'), dataIndex: 'registeredOn', render: (d: string | null) => d ?? '—' },
    {
      title: t('wf.cycle'),
      dataIndex: 'cycle',
      render: (c: WorkerCertificate['cycle']) => (c ? t('wf.cycleN', { n: c.n, start: c.start, end: c.end }) : t('wf.noCycle')),
    },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, c: WorkerCertificate) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setCert(c)}>
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t('wf.removeCertConfirm', { kind: label(CERT_KIND_LABELS[c.kind]) })}
                  okText={t('wf.remove')}
                  cancelText={t('cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => removeCert.mutateAsync({ id: c.id, version: c.version }).then(done, (e) => showProblem(e))}
                >
                  <Button type="link" size="small" danger>
                    {t('wf.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const titleColumns = [
    { title: t('wf.title'), dataIndex: 'title', render: (k: WorkerTitle['title']) => label(TITLE_KIND_LABELS[k]) },
    { title: t('wf.year'), dataIndex: 'year' },
    { title: t('wf.grantedBy'), dataIndex: 'grantedBy' },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, x: WorkerTitle) => (
              <Popconfirm
                title={t('wf.removeTitleConfirm')}
                okText={t('wf.remove')}
                cancelText={t('cancel')}
                onConfirm={() => removeTitle.mutateAsync(x.id).then(done, (e) => showProblem(e))}
              >
                <Button type="link" size="small" danger>
                  {t('wf.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {w.name} {w.level ? <Tag color="gold">{label(CERT_KIND_LABELS[w.level])}</Tag> : <Tag>{t('wf.none')}</Tag>}
          {w.status === 'left' && <Tag>{t('wf.left')}</Tag>}
        </Typography.Title>
        {canWrite && (
          <Space>
            <Button onClick={() => setEditing(true)}>{t('wf.edit')}</Button>
            {w.status === 'active' && (
              <Button danger onClick={confirmLeave}>
                {t('wf.leave')}
              </Button>
            )}
          </Space>
        )}
      </Flex>
      <Card title={t('wf.profile')}>
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('wf.gender')}>{w.gender ? t(w.gender === 'male' ? 'wf.male' : 'wf.female') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wf.birthDate')}>{w.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wf.idNumber')}>{w.idMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wf.mobile')}>{w.mobileMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wf.org')}>{w.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wf.area')}>{w.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('wf.post')}>{label(WORKER_POST_LABELS[w.post])}</Descriptions.Item>
          <Descriptions.Item label={t('wf.education')}>
            {w.education ? label(EDUCATION_LABELS[w.education]) : '—'} {w.major ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.years')}>
            {w.yearsInField === null ? '—' : `${t('wf.yearsN', { n: w.yearsInField })}（${w.startedInFieldOn}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.fields')}>
            {w.fields.map((f) => label(PRACTICE_FIELD_LABELS[f as PracticeField] ?? { zh: f, en: f })).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('wf.languages')}>{w.languages.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wf.account')}>{w.userName ?? '—'}</Descriptions.Item>
          {w.leftOn && <Descriptions.Item label={t('wf.leftOn')}>{w.leftOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title={t('wf.certificates')}
        extra={
          canWrite && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCert('new')}>
              {t('wf.addCert')}
            </Button>
          )
        }
      >
        <Table rowKey="id" size="small" pagination={false} columns={certColumns} dataSource={w.certificates} scroll={{ x: true }} />
      </Card>
      <Card
        title={t('wf.titles')}
        extra={
          canWrite && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAddingTitle(true)}>
              {t('wf.addTitle')}
            </Button>
          )
        }
      >
        <Table rowKey="id" size="small" pagination={false} columns={titleColumns} dataSource={w.titleRecords} />
      </Card>
      <CeHoursCard workerId={w.id} canAdd={readOnly || actor.permissions.includes('worker.write')} />
      {editing && <WorkerForm worker={w} onClose={() => setEditing(false)} />}
      {cert && <CertificateForm workerId={w.id} cert={cert === 'new' ? null : cert} onClose={() => setCert(null)} />}
      {addingTitle && <TitleForm workerId={w.id} onClose={() => setAddingTitle(false)} />}
    </Flex>
  );
}
