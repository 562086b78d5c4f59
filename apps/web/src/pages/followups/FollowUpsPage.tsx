// 跟进任务: every follow-up in scope, filtered by status, owner and area, server-paged,
// overdue rows in red, completed from the row and exported with the same filters.
import { Link } from 'react-router-dom';
import { Segmented, Space, Tag, Typography } from 'antd';
import { followUpParams, useFollowUps, type FollowUp, type FollowUpQuery } from '../../api/followups.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { useUrlFilters } from '../../api/urlFilters.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { FollowUpActions, useFollowUpActions } from './FollowUpActions.tsx';
import { relativeDue, STATUS_COLORS } from './due.ts';

type Filters = { status: FollowUpQuery['status']; mine?: boolean; area?: string };

const STATUSES = ['open', 'overdue', 'done', 'all'] as const;
const LATE_ROW = { style: { background: '#fff1f0' } };

export function FollowUpsPage() {
  const { t } = useI18n();
  const actor = useActor();
  const { canComplete, canReassign, canOpenCase } = useFollowUpActions();
  // Workers start with theirs; station heads and officials (who do not complete) with all in scope.
  const oversees = actor.permissions.includes('resident.merge') || !canComplete;
  const linked = useUrlFilters(['status', 'mine']); // from a 工作台 figure
  const list = useListState<Filters>({
    status: (linked.status as Filters['status']) ?? 'open',
    mine: linked.mine === undefined ? !oversees : linked.mine === 'true',
  });
  const query: FollowUpQuery = {
    status: list.filters.status,
    mine: list.filters.mine,
    area: list.filters.area,
    page: list.query.page as number,
    pageSize: list.query.pageSize as number,
  };
  const followUps = useFollowUps(query);
  const now = Date.now();

  const columns: ListColumn<FollowUp>[] = [
    {
      title: t('fu.col.resident'),
      dataIndex: 'residentName',
      key: 'residentName',
      hideable: false,
      render: (name: string, f) => (
        <Link
          to={`/residents/${f.residentId}`}
          style={f.status === 'overdue' ? { color: '#cf1322', fontWeight: 500 } : { fontWeight: 500 }}
        >
          {name}
        </Link>
      ),
    },
    { title: t('fu.col.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    { title: t('fu.col.reason'), dataIndex: 'reason', key: 'reason', responsive: ['lg'], width: 260 },
    {
      title: t('fu.col.due'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      render: (dueAt: string, f) => (
        <Space orientation="vertical" size={0}>
          {f.status !== 'done' && (
            <Typography.Text type={f.status === 'overdue' ? 'danger' : 'warning'}>{relativeDue(dueAt, now, t)}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(dueAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('fu.col.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: FollowUp['status']) => <Tag color={STATUS_COLORS[s]}>{t(`fu.status.${s}`)}</Tag>,
    },
    {
      title: t('fu.assigned'),
      dataIndex: 'assignedToName',
      key: 'assignedToName',
      responsive: ['md'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('fu.col.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 320,
      render: (outcome: string | null, f) =>
        f.status === 'done' ? (
          <Space orientation="vertical" size={0}>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, tooltip: outcome }}>
              {outcome}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('fu.doneBy', { name: f.doneByName ?? '—', at: formatDateTime(f.doneAt) })}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  if (canComplete || canReassign || canOpenCase) {
    columns.push({
      title: t('fu.col.actions'),
      key: 'actions',
      hideable: false,
      fixed: 'right',
      render: (_, f) => <FollowUpActions task={f} primary />,
    });
  }

  return (
    <ListPage<FollowUp, Filters>
      id="follow-ups"
      title={t('menu.followUps')}
      rowKey="id"
      columns={columns}
      data={followUps}
      list={list}
      exportTo={{ path: '/follow-ups/export', filename: '跟进任务.xlsx', direct: true, query: followUpParams(query) }}
      table={{ onRow: (f) => (f.status === 'overdue' ? LATE_ROW : {}) }}
      filters={
        <>
          <Segmented<Filters['status']>
            aria-label={t('fu.filter.status')}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(s === 'open' || s === 'all' ? `fu.filter.${s}` : `fu.status.${s}`) }))}
          />
          <Segmented
            aria-label={t('fu.filter.scope')}
            value={list.filters.mine ? 'mine' : 'all'}
            onChange={(v) => list.setFilter('mine', v === 'mine')}
            options={[
              { value: 'mine', label: t('fu.mine') },
              { value: 'all', label: t('fu.all') },
            ]}
          />
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('fu.col.area')}
            style={{ width: 220 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
        </>
      }
    />
  );
}
