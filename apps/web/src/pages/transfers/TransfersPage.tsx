// 调入调出: transfers into and out of the caller's area, pending first. The receiving station
// requests here (or from the registration form's "already registered" answer); the holding
// station approves (after a confirmation) or declines with a reason.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Segmented, Space, Tag, Typography } from 'antd';
import { useDecideTransfer, useTransfers, type Transfer, type TransferQuery } from '../../api/transfers.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DeclineModal } from './DeclineModal.tsx';
import { RequestTransferForm } from './RequestTransferForm.tsx';

type Filters = { direction: TransferQuery['direction']; status: TransferQuery['status'] };

const STATUS_COLORS = { pending: 'gold', approved: 'green', declined: 'default' } as const;
const place = (street: string, area: string) => (street && street !== area ? `${street} · ${area}` : area);

export function TransfersPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const actor = useActor();
  const canRequest = actor.permissions.includes('transfer.request');
  const canDecide = actor.permissions.includes('transfer.decide');
  const list = useListState<Filters>({ direction: canDecide ? 'out' : 'in', status: 'all' });
  const query: TransferQuery = { ...list.filters, page: list.query.page as number, pageSize: list.query.pageSize as number };
  const transfers = useTransfers(query);
  const decide = useDecideTransfer();
  const [requesting, setRequesting] = useState(false);
  const [declining, setDeclining] = useState<Transfer | null>(null);

  const approve = (tr: Transfer) =>
    modal.confirm({
      title: t('tr.approve'),
      content: t('tr.approveConfirm', { name: tr.residentNameMasked, station: place(tr.toStreetName, tr.toAreaName) }),
      okText: t('tr.approve'),
      onOk: () =>
        decide.mutateAsync({ id: tr.id, decision: 'approve' }).then(
          () => void message.success(t('tr.approved')),
          (e: Error) => void message.error(e.message),
        ),
    });

  const columns: ListColumn<Transfer>[] = [
    {
      title: t('tr.col.resident'),
      dataIndex: 'residentNameMasked',
      key: 'resident',
      hideable: false,
      // The record opens for whoever holds it: the holding station until approval, the receiver after.
      render: (name: string, tr) =>
        (tr.status === 'approved' ? tr.direction !== 'out' : tr.direction !== 'in') ? (
          <Link to={`/residents/${tr.residentId}`}>{name}</Link>
        ) : (
          name
        ),
    },
    { title: t('tr.col.id'), dataIndex: 'idMasked', key: 'idMasked', responsive: ['md'], render: (v: string) => <code>{v}</code> },
    { title: t('tr.col.from'), key: 'from', render: (_, tr) => place(tr.fromStreetName, tr.fromAreaName) },
    { title: t('tr.col.to'), key: 'to', render: (_, tr) => place(tr.toStreetName, tr.toAreaName) },
    {
      title: t('tr.col.worker'),
      dataIndex: 'toWorkerName',
      key: 'toWorkerName',
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('tr.col.requested'),
      key: 'requested',
      responsive: ['md'],
      render: (_, tr) => (
        <Space orientation="vertical" size={0}>
          <span>{t('tr.by', { name: tr.requestedByName, at: formatDateTime(tr.requestedAt) })}</span>
          {tr.note && <Typography.Text type="secondary">{tr.note}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('tr.filter.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Transfer['status'], tr) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLORS[s]}>{t(`tr.status.${s}`)}</Tag>
          {tr.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tr.by', { name: tr.decidedByName ?? '—', at: formatDateTime(tr.decidedAt) })}
            </Typography.Text>
          )}
          {tr.decisionReason && <Typography.Text type="secondary">{tr.decisionReason}</Typography.Text>}
        </Space>
      ),
    },
  ];
  if (canDecide) {
    columns.push({
      title: t('tr.col.actions'),
      key: 'actions',
      hideable: false,
      fixed: 'right',
      render: (_, tr) =>
        tr.status === 'pending' &&
        tr.direction !== 'in' && (
          <Space>
            <Button size="small" type="primary" onClick={() => approve(tr)}>
              {t('tr.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDeclining(tr)}>
              {t('tr.decline')}
            </Button>
          </Space>
        ),
    });
  }

  const requestButton = canRequest && (
    <Button type="primary" onClick={() => setRequesting(true)}>
      {t('tr.request')}
    </Button>
  );
  return (
    <ListPage<Transfer, Filters>
      id="transfers"
      title={t('menu.transfers')}
      rowKey="id"
      columns={columns}
      data={transfers}
      list={list}
      actions={requestButton}
      emptyAction={requestButton}
      filters={
        <>
          <Segmented<Filters['direction']>
            aria-label={t('tr.filter.direction')}
            value={list.filters.direction}
            onChange={(v) => list.setFilter('direction', v)}
            options={(['in', 'out', 'all'] as const).map((d) => ({ value: d, label: t(`tr.${d}`) }))}
          />
          <Segmented<Filters['status']>
            aria-label={t('tr.filter.status')}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={(['pending', 'approved', 'declined', 'all'] as const).map((s) => ({
              value: s,
              label: t(s === 'all' ? 'tr.all' : `tr.status.${s}`),
            }))}
          />
        </>
      }
    >
      {requesting && <RequestTransferForm onClose={() => setRequesting(false)} />}
      {declining && <DeclineModal transfer={declining} onClose={() => setDeclining(null)} />}
    </ListPage>
  );
}
