// 社区活动: the activities in scope, server-paged: search by title or place, status, a date
// range, 我负责的, sort, export. A row opens the activity; 新建活动 opens the form drawer.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Checkbox, DatePicker, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ACTIVITY_STATUSES } from '@wushe/core';
import { useActivities, type ActivityQuery, type ActivityStatus, type ActivitySummary } from '../../api/activities.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDateTime, formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { StatusTag, useActivityRights } from './tags.tsx';

type Filters = { q?: string; status?: ActivityStatus; from?: string; to?: string; mine?: boolean };
const SORTS = ['-startsAt', 'startsAt', 'title'] as const;

export function ActivitiesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useActivityRights();
  const [creating, setCreating] = useState(false);
  const list = useListState<Filters>({}, '-startsAt');
  const query: ActivityQuery = {
    ...list.filters,
    sort: list.query.sort as string,
    page: list.query.page as number,
    pageSize: list.query.pageSize as number,
  };
  const activities = useActivities(query);

  const columns: ListColumn<ActivitySummary>[] = [
    {
      title: t('act.col.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (title: string, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/activities/${a.id}`} style={{ fontWeight: 500 }}>
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.place}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('act.col.time'),
      dataIndex: 'startsAt',
      key: 'startsAt',
      sortable: true,
      render: (v: string, a) => `${formatDateTime(v).slice(0, 16)}–${formatTime(a.endsAt)}`,
    },
    { title: t('act.col.status'), dataIndex: 'status', key: 'status', render: (s: ActivityStatus) => <StatusTag status={s} /> },
    {
      title: t('act.col.people'),
      dataIndex: 'signedUp',
      key: 'people',
      render: (_: number, a) => `${a.signedUp}${a.capacity ? `/${a.capacity}` : ''} · ${a.present}`,
    },
    { title: t('act.col.organiser'), dataIndex: 'organiserName', key: 'organiserName', responsive: ['md'] },
    { title: t('act.col.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['lg'] },
  ];

  return (
    <ListPage<ActivitySummary, Filters>
      id="activities"
      title={t('menu.activities')}
      rowKey="id"
      columns={columns}
      data={activities}
      list={list}
      search={{ placeholder: t('act.search'), width: 240 }}
      exportTo={{
        path: '/activities/export',
        filename: '社区活动.xlsx',
        direct: true,
        query: { ...query, mine: query.mine ? 'true' : undefined, page: undefined, pageSize: undefined },
      }}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('act.new')}
          </Button>
        )
      }
      emptyAction={canWrite && <Button onClick={() => setCreating(true)}>{t('act.new')}</Button>}
      table={{
        onRow: (a) => ({
          style: { cursor: 'pointer' },
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a, button')) navigate(`/activities/${a.id}`);
          },
        }),
      }}
      filters={
        <>
          <Select<ActivityStatus>
            aria-label={t('act.filter.status')}
            placeholder={t('act.status.all')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activity.status.${s}`) }))}
          />
          <DatePicker.RangePicker
            key={`range-${list.generation}`}
            aria-label={t('act.filter.period')}
            style={{ maxWidth: '100%' }}
            onChange={(range) => {
              list.setFilter('from', range?.[0]?.format('YYYY-MM-DD'));
              list.setFilter('to', range?.[1]?.format('YYYY-MM-DD'));
            }}
          />
          {canWrite && (
            <Checkbox
              checked={!!list.filters.mine}
              onChange={(e) => list.setFilter('mine', e.target.checked)}
              style={{ alignSelf: 'center' }}
            >
              {t('act.mine')}
            </Checkbox>
          )}
          <Select
            aria-label={t('act.sort')}
            style={{ width: 180 }}
            value={(list.query.sort as string | undefined) ?? '-startsAt'}
            onChange={(v: string) => list.setSort(v)}
            options={SORTS.map((s) => ({ value: s, label: t(`act.sort.${s}`) }))}
          />
        </>
      }
    >
      {creating && <ActivityForm onClose={() => setCreating(false)} onSaved={(a) => navigate(`/activities/${a.id}`)} />}
    </ListPage>
  );
}
