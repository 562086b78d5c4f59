// 转介: referrals received by the caller's organisation (pending first, to accept or decline)
// and those sent from the caller's area, with a status filter and server paging.
import { Link } from 'react-router-dom';
import { Select, Space, Tabs, Typography } from 'antd';
import { REFERRAL_STATUSES } from '@wushe/core';
import { useReferrals, type Referral, type ReferralQuery, type ReferralStatus } from '../../api/referrals.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ReferralStatusTag, ReferralTarget } from './ReferralTags.tsx';

type Filters = { direction: ReferralQuery['direction']; status?: ReferralStatus };

export function ReferralsPage() {
  const { t } = useI18n();
  const list = useListState<Filters>({ direction: 'incoming' });
  const referrals = useReferrals({ ...list.filters, page: list.query.page as number, pageSize: list.query.pageSize as number });
  const incoming = list.filters.direction === 'incoming';

  const columns: ListColumn<Referral>[] = [
    {
      title: t('rf.col.case'),
      dataIndex: 'caseNo',
      key: 'caseNo',
      hideable: false,
      render: (no: string, r) => (
        <Link to={`/referrals/${r.id}`} style={{ fontFamily: 'monospace' }}>
          {no}
        </Link>
      ),
    },
    { title: t('rf.col.person'), key: 'person', render: (_, r) => r.subject?.name ?? '—' },
    incoming
      ? { title: t('rf.col.from'), dataIndex: 'fromOrgName', key: 'from', responsive: ['md'], render: (v: string | null) => v ?? '—' }
      : { title: t('rf.col.to'), key: 'to', render: (_, r) => <ReferralTarget r={r} /> },
    {
      title: t('rf.reason'),
      dataIndex: 'reason',
      key: 'reason',
      responsive: ['lg'],
      render: (v: string | null) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 320 }}>
          {v ?? '—'}
        </Typography.Paragraph>
      ),
    },
    { title: t('rf.service'), dataIndex: 'service', key: 'service', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    {
      title: t('rf.status'),
      dataIndex: 'status',
      key: 'status',
      hideable: false,
      render: (s: ReferralStatus) => <ReferralStatusTag status={s} />,
    },
    {
      title: t('rf.col.referredAt'),
      key: 'referredAt',
      responsive: ['md'],
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDateTime(r.referredAt)}</span>
          <Typography.Text type="secondary">{r.referredByName}</Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Tabs
        activeKey={list.filters.direction}
        onChange={(k) => list.setFilter('direction', k as Filters['direction'])}
        items={(['incoming', 'outgoing'] as const).map((d) => ({ key: d, label: t(`rf.${d}`) }))}
        style={{ marginBottom: 4 }}
      />
      <ListPage<Referral, Filters>
        id="referrals"
        title={t('menu.referrals')}
        rowKey="id"
        columns={columns}
        data={referrals}
        list={list}
        filters={
          <Select<ReferralStatus>
            aria-label={t('rf.status')}
            placeholder={t('rf.allStatuses')}
            allowClear
            style={{ width: 140 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`rf.status.${s}`) }))}
          />
        }
      />
    </>
  );
}
