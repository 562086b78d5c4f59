// 微心愿: the wishes of the scope with search (title or resident), status, category and area
// filters, server paging and sort, Excel export; with wish.write one wish is recorded in the form
// drawer, or a needs survey's wishes for several residents at once.
import { useState } from 'react';
import { Button, Select } from 'antd';
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { WISH_STATUS_LABELS, WISH_STATUSES } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useListState } from '../../api/useListState.ts';
import { useWishes, type WishSummary } from '../../api/wishes.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDateTime, yuan } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useWishRights, WishStatusTag } from './tags.tsx';
import { WishBatchForm } from './WishBatchForm.tsx';
import { WishForm } from './WishForm.tsx';

type Filters = { q?: string; status?: string; category?: string; area?: string };

export function WishesPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useWishRights();
  const categories = useCodeLabels('wish_category');
  const list = useListState<Filters>({}, '-createdAt');
  const data = useWishes(list.query);
  const [adding, setAdding] = useState<'one' | 'batch' | null>(null);
  const columns: ListColumn<WishSummary>[] = [
    {
      title: t('wi.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, w) => <Link to={`/wishes/${w.id}`}>{s}</Link>,
    },
    { title: t('wi.resident'), dataIndex: 'residentName', key: 'residentName' },
    { title: t('wi.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    {
      title: t('wi.category'),
      dataIndex: 'category',
      key: 'category',
      responsive: ['md'],
      render: (c: string) => categories.labelOf(c),
    },
    {
      title: t('wi.value'),
      dataIndex: 'valueFen',
      key: 'valueFen',
      align: 'right',
      sortable: true,
      sortDirections: ['descend'],
      render: (f: number) => yuan(f),
    },
    { title: t('wi.deadline'), dataIndex: 'deadline', key: 'deadline', sortable: true, sortDirections: ['ascend'], responsive: ['md'] },
    {
      title: t('wi.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: WishSummary['status']) => <WishStatusTag status={s} />,
    },
    { title: t('wi.claimant'), dataIndex: 'claimantName', key: 'claimantName', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
    {
      title: t('wi.createdBy'),
      dataIndex: 'createdByName',
      key: 'createdByName',
      responsive: ['lg'],
      render: (s: string | null) => s ?? '—',
    },
    {
      title: t('wi.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      responsive: ['lg'],
      sortable: true,
      sortDirections: ['descend'],
      render: (s: string) => formatDateTime(s).slice(0, 16),
    },
  ];
  const create = canWrite && (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding('one')}>
        {t('wi.new')}
      </Button>
      <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => setAdding('batch')}>
        {t('wi.batch')}
      </Button>
    </>
  );
  return (
    <ListPage<WishSummary, Filters>
      id="wishes"
      title={t('menu.wishes')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('wi.search') }}
      actions={create}
      emptyAction={create}
      exportTo={{ path: '/wishes', filename: 'wishes.xlsx' }}
      filters={
        <>
          <Select
            aria-label={t('wi.status')}
            placeholder={t('wi.status')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={WISH_STATUSES.map((s) => ({ value: s, label: label(WISH_STATUS_LABELS[s]) }))}
          />
          <Select
            aria-label={t('wi.category')}
            placeholder={t('wi.category')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.category}
            onChange={(v) => list.setFilter('category', v)}
            options={categories.options}
          />
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('wi.area')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
        </>
      }
    >
      {adding === 'one' && <WishForm onClose={() => setAdding(null)} onSaved={(w) => navigate(`/wishes/${w.id}`)} />}
      {adding === 'batch' && <WishBatchForm onClose={() => setAdding(null)} />}
    </ListPage>
  );
}
