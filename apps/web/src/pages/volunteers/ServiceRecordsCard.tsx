// A volunteer's service records (志愿服务记录) in the caller's scope: each activity served, when,
// the hours credited and their status; the export in the national volunteer service information
// system's fields, ID masked, or with the clear number for holders of volunteer.reveal (asks the
// purpose, audited).
import { Table, Typography } from 'antd';
import { downloadUnmaskedRecords, useVolunteerRecords, type ServiceRecords, type Volunteer } from '../../api/volunteers.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { HoursStatusTag, hoursText, shanghai, useVolunteerRights } from './tags.tsx';

type Row = ServiceRecords['items'][number];

export function ServiceRecordsCard({ v }: { v: Volunteer }) {
  const { t } = useI18n();
  const { canReveal } = useVolunteerRights();
  const q = useVolunteerRecords(v.id);
  const filename = `${v.volunteerNo}-志愿服务记录.xlsx`;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('vol.records.hint')}</Typography.Text>
        <ExportButton
          path={`/volunteers/${v.id}/records`}
          query={{}}
          filename={filename}
          unmasked={canReveal ? (reason) => downloadUnmaskedRecords(v.id, reason, filename) : undefined}
        />
      </div>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.servedOn}-${r.checkinAt}-${r.activityTitle}`}
        loading={q.isPending}
        dataSource={q.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('vol.records.empty') }}
        columns={[
          { title: t('vol.records.date'), dataIndex: 'servedOn', key: 'servedOn' },
          { title: t('vol.records.activity'), dataIndex: 'activityTitle', key: 'activityTitle' },
          { title: t('vol.records.place'), dataIndex: 'place', key: 'place' },
          {
            title: t('vol.records.time'),
            key: 'time',
            render: (_: unknown, r) => `${shanghai(r.checkinAt).slice(11)}–${r.checkoutAt ? shanghai(r.checkoutAt).slice(11) : '—'}`,
          },
          {
            title: t('vol.records.hours'),
            dataIndex: 'creditedMinutes',
            key: 'hours',
            align: 'right',
            render: (m: number | null) => (m === null ? '—' : hoursText(m)),
          },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Row['status']) => <HoursStatusTag status={s} /> },
          { title: t('vol.records.org'), dataIndex: 'orgName', key: 'org', render: (o: string | null) => o ?? '—' },
        ]}
      />
    </>
  );
}
