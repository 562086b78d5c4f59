// Registrations of a training: registered first, then the waiting list in order, then the
// cancelled; a tick per session (attendance by list, one by one or for the selected rows), hours
// attended and completion, certificates issued to whoever attended enough and printed one by one.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useProblem } from '../../api/forms.ts';
import {
  useCancelRegistration,
  useIssueCertificates,
  useMarkAttendance,
  useRegistrations,
  type Registration,
  type TrainingDetail,
} from '../../api/trainings.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RegisterButtons } from './RegisterForms.tsx';

const REG_COLOR = { registered: 'green', waiting: 'orange', cancelled: 'default' } as const;

export function RegistrationsCard({ training: tr, canWrite }: { training: TrainingDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useProblem();
  const q = useRegistrations(tr.id);
  const mark = useMarkAttendance(tr.id);
  const cancel = useCancelRegistration(tr.id);
  const issue = useIssueCertificates(tr.id);
  const sessions = tr.sessionList.filter((s) => !s.cancelled);
  const [selected, setSelected] = useState<string[]>([]);
  const [sessionId, setSessionId] = useState<string | undefined>(sessions[0]?.id);
  const done = () => void message.success(t('saved'));

  const tick = (registrationIds: string[], sid: string, present: boolean) =>
    mark.mutateAsync({ sessionId: sid, registrationIds, present }).then(done, (e) => showProblem(e));
  const confirmIssue = () =>
    modal.confirm({
      title: t('trw.issueConfirm'),
      okText: t('trw.issue'),
      cancelText: t('cancel'),
      onOk: () =>
        issue.mutateAsync(undefined).then(
          (r) => void message.success(t('trw.issued', { n: r.issued })),
          (e) => showProblem(e),
        ),
    });

  const columns = [
    {
      title: t('trw.name'),
      dataIndex: 'personName',
      fixed: 'left' as const,
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (n: string, r: Registration) => (r.workerId ? <Link to={`/workers/${r.workerId}`}>{n}</Link> : n),
    },
    { title: t('trw.orgName'), dataIndex: 'orgName', render: (o: string | null) => o ?? '—', responsive: ['md' as const] },
    { title: t('trw.mobile'), dataIndex: 'mobileMasked', render: (m: string | null) => m ?? '—', responsive: ['lg' as const] },
    {
      title: t('trw.regStatus'),
      dataIndex: 'status',
      render: (s: Registration['status'], r: Registration) => (
        <Tag color={REG_COLOR[s]}>
          {s === 'waiting' ? t('trw.position', { n: r.position ?? 0 }) : t(s === 'registered' ? 'trw.registered' : 'trw.st.cancelled')}
        </Tag>
      ),
    },
    ...sessions.map((s, i) => ({
      title: (
        <span title={s.title}>
          {i + 1}. {formatDate(s.startsAt).slice(5)}
        </span>
      ),
      key: s.id,
      align: 'center' as const,
      render: (_: unknown, r: Registration) => (
        <Checkbox
          aria-label={`${r.personName} ${s.title}`}
          checked={r.presentSessionIds.includes(s.id)}
          disabled={!canWrite || r.status !== 'registered' || mark.isPending}
          onChange={(e) => void tick([r.id], s.id, e.target.checked)}
        />
      ),
    })),
    {
      title: t('trw.attended'),
      dataIndex: 'attendedHours',
      render: (h: number, r: Registration) => (
        <Space size={4}>
          {h}
          {r.completed && <Tag color="green">{t('trw.completed')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('trw.certificate'),
      dataIndex: 'certificateCode',
      render: (c: string | null, r: Registration) =>
        c ? (
          <Link to={`/trainings/${tr.id}/certificates/${r.id}/print`}>
            <PrinterOutlined aria-hidden /> {c}
          </Link>
        ) : (
          '—'
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, r: Registration) =>
              r.status !== 'cancelled' && (
                <Popconfirm
                  title={t('trw.cancelRegConfirm', { name: r.personName })}
                  okText={t('trw.cancelReg')}
                  cancelText={t('cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => cancel.mutateAsync(r.id).then(done, (e) => showProblem(e))}
                >
                  <Button type="link" size="small" danger>
                    {t('trw.cancelReg')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      extra={
        canWrite && (
          <Space wrap>
            {tr.status === 'open' && <RegisterButtons trainingId={tr.id} areaCode={tr.areaCode} />}
            <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={confirmIssue}>
              {t('trw.issue')}
            </Button>
          </Space>
        )
      }
    >
      {canWrite && sessions.length > 0 && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('trw.tickSession')}</Typography.Text>
          <Select
            aria-label={t('trw.chooseSession')}
            style={{ minWidth: 220 }}
            value={sessionId}
            onChange={setSessionId}
            options={sessions.map((s, i) => ({ value: s.id, label: `${i + 1}. ${formatDate(s.startsAt)} ${s.title}` }))}
          />
          <Button
            type="primary"
            disabled={!selected.length || !sessionId}
            loading={mark.isPending}
            onClick={() => void tick(selected, sessionId!, true).then(() => setSelected([]))}
          >
            {t('trw.markPresent', { n: selected.length })}
          </Button>
          <Button
            disabled={!selected.length || !sessionId}
            onClick={() => void tick(selected, sessionId!, false).then(() => setSelected([]))}
          >
            {t('trw.markAbsent', { n: selected.length })}
          </Button>
        </Flex>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        columns={columns}
        dataSource={q.data ?? []}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r: Registration) => ({ disabled: r.status !== 'registered', 'aria-label': r.personName }),
              }
            : undefined
        }
      />
    </Card>
  );
}
