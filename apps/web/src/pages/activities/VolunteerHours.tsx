// An activity's service-hours records: check-in and check-out (Asia/Shanghai) and how, the
// minutes served and credited, a red 未签退 when the check-out was closed by the system; select
// rows to 认定 (approve) or 不予认定 (decline, with a reason); per row 修改时长 (minutes and a
// reason) and 记录 (the record's history).
import { useState } from 'react';
import { App, Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ActivityDetail } from '../../api/activities.ts';
import { useProblem } from '../../api/forms.ts';
import { useDecideHours, type ActivityVolunteers, type ServiceHoursRecord } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { HoursStatusTag, hoursText, shanghai, shanghaiTime, useVolunteerRights } from '../volunteers/tags.tsx';
import { CorrectionModal, DeclineModal, HistoryModal } from './VolunteerHoursModals.tsx';

type Row = ServiceHoursRecord;
const METHOD_KEYS = { qr: 'vol.method.qr', list: 'vol.method.list', auto: 'vol.method.auto' } as const;

export function VolunteerHours({ activity, data }: { activity: ActivityDetail; data: ActivityVolunteers }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useVolunteerRights();
  const decide = useDecideHours(activity.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [correcting, setCorrecting] = useState<Row | null>(null);
  const [history, setHistory] = useState<Row | null>(null);
  const [declining, setDeclining] = useState(false);
  const minutesText = (m: number | null) => (m === null ? '—' : t('vol.minutesN', { m, h: hoursText(m) }));

  const approve = () =>
    decide.mutate(
      { ids: selected, decision: 'approve' },
      {
        onSuccess: (r) => {
          message.success(t('vol.decided', { changed: r.changed, skipped: r.skipped }));
          setSelected([]);
        },
        onError: (e) => showProblem(e),
      },
    );

  return (
    <>
      {canWrite && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} role="toolbar" aria-label={t('vol.hoursActions')}>
          <Typography.Text type="secondary">{t('vol.selectedN', { n: selected.length })}</Typography.Text>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={!selected.length}
            loading={decide.isPending}
            onClick={approve}
          >
            {t('vol.approve')}
          </Button>
          <Button danger icon={<CloseOutlined aria-hidden />} disabled={!selected.length} onClick={() => setDeclining(true)}>
            {t('vol.declineHours')}
          </Button>
        </Flex>
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={data.hours}
        pagination={data.hours.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('vol.noHours') }}
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                // Still checked in: nothing to decide yet.
                getCheckboxProps: (r) => ({ disabled: r.status === 'open', 'aria-label': r.name }),
              }
            : undefined
        }
        columns={[
          {
            title: t('vol.name'),
            dataIndex: 'name',
            key: 'name',
            render: (n: string, r) => <Link to={`/volunteers/${r.volunteerId}`}>{n}</Link>,
          },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Row['status']) => <HoursStatusTag status={s} /> },
          {
            title: t('vol.checkinAt'),
            dataIndex: 'checkinAt',
            key: 'checkinAt',
            render: (s: string, r) => (
              <span title={shanghai(s)}>
                {shanghaiTime(s)} <Typography.Text type="secondary">{t(METHOD_KEYS[r.checkinMethod])}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('vol.checkoutAt'),
            dataIndex: 'checkoutAt',
            key: 'checkoutAt',
            render: (s: string | null, r) => (
              <Space size={4} wrap>
                <span title={shanghai(s)}>{shanghaiTime(s)}</span>
                {r.checkoutMethod && <Typography.Text type="secondary">{t(METHOD_KEYS[r.checkoutMethod])}</Typography.Text>}
                {r.missingCheckout && <Tag color="red">{t('vol.missingCheckout')}</Tag>}
              </Space>
            ),
          },
          { title: t('vol.minutes'), dataIndex: 'minutes', key: 'minutes', align: 'right', responsive: ['md'], render: minutesText },
          {
            title: t('vol.credited'),
            dataIndex: 'creditedMinutes',
            key: 'creditedMinutes',
            align: 'right',
            render: (m: number | null, r) =>
              r.correctionReason ? (
                <Tooltip title={r.correctionReason}>
                  <Typography.Text underline>{minutesText(m)}</Typography.Text>
                </Tooltip>
              ) : (
                minutesText(m)
              ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size={0}>
                {canWrite && r.status !== 'open' && (
                  <Button type="link" size="small" aria-label={`${t('vol.correct')} ${r.name}`} onClick={() => setCorrecting(r)}>
                    {t('vol.correct')}
                  </Button>
                )}
                <Button type="link" size="small" aria-label={`${t('vol.history')} ${r.name}`} onClick={() => setHistory(r)}>
                  {t('vol.history')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {correcting && <CorrectionModal activity={activity} row={correcting} onClose={() => setCorrecting(null)} />}
      {history && <HistoryModal activityId={activity.id} row={history} onClose={() => setHistory(null)} />}
      {declining && (
        <DeclineModal
          activityId={activity.id}
          ids={selected}
          onClose={(done) => {
            setDeclining(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </>
  );
}
