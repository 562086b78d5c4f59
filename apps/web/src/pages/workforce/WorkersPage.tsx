// 人才库: the workforce register with search (name or ID tail), filters (org, post, level,
// certified, title, status, area), server paging, export, and the add form.
import { useState } from 'react';
import { Button, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { CERT_KIND_LABELS, SW_LEVELS, TITLE_KIND_LABELS, TITLE_KINDS, WORKER_POST_LABELS, WORKER_POSTS, type Worker } from '@wushe/core';
import { useOrgs } from '../../api/orgs.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { useWorkers } from '../../api/workforce.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { WorkerForm } from './WorkerForm.tsx';

type Filters = {
  q?: string;
  area?: string;
  org?: string;
  post?: string;
  level?: string;
  certified?: string;
  title?: string;
  status?: string;
};

export function WorkersPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const canWrite = actor.permissions.includes('worker.write');
  const list = useListState<Filters>({ status: 'active' }, 'areaCode');
  const workers = useWorkers(list.query);
  const orgs = useOrgs({ pageSize: 100, active: 'true' });
  const [adding, setAdding] = useState(false);

  const columns: ListColumn<Worker>[] = [
    {
      title: t('wf.name'),
      dataIndex: 'name',
      key: 'name',
      sortable: true,
      hideable: false,
      render: (name: string, w) => <Link to={`/workers/${w.id}`}>{name}</Link>,
    },
    { title: t('wf.org'), dataIndex: 'orgName', key: 'orgName', render: (n: string | null) => n ?? '—' },
    { title: t('wf.area'), dataIndex: 'areaName', key: 'areaCode', sortable: true, responsive: ['md'] },
    { title: t('wf.post'), dataIndex: 'post', key: 'post', render: (p: Worker['post']) => label(WORKER_POST_LABELS[p]) },
    {
      title: t('wf.level'),
      dataIndex: 'level',
      key: 'level',
      render: (l: Worker['level']) =>
        l ? <Tag color={l === 'assistant' ? 'blue' : 'gold'}>{label(CERT_KIND_LABELS[l])}</Tag> : <Tag>{t('wf.none')}</Tag>,
    },
    {
      title: t('wf.title'),
      dataIndex: 'titles',
      key: 'titles',
      responsive: ['lg'],
      render: (ts: Worker['titles']) => ts.map((k) => <Tag key={k}>{label(TITLE_KIND_LABELS[k])}</Tag>),
    },
    { title: t('wf.idNumber'), dataIndex: 'idMasked', key: 'idMasked', responsive: ['lg'], render: (s: string | null) => s ?? '—' },
    {
      title: t('wf.years'),
      dataIndex: 'yearsInField',
      key: 'startedInFieldOn',
      responsive: ['md'],
      render: (n: number | null) => (n === null ? '—' : t('wf.yearsN', { n })),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Worker['status']) => (s === 'active' ? <Tag color="green">{t('wf.active')}</Tag> : <Tag>{t('wf.left')}</Tag>),
    },
  ];

  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('wf.new')}
    </Button>
  );
  const select = (key: keyof Filters, placeholder: string, options: { value: string; label: string }[], width = 150) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      value={list.filters[key]}
      onChange={(v) => list.setFilter(key, v)}
      options={options}
    />
  );

  return (
    <ListPage<Worker, Filters>
      id="workers"
      title={t('menu.workers')}
      rowKey="id"
      columns={columns}
      data={workers}
      list={list}
      search={{ placeholder: t('wf.search') }}
      exportTo={{ path: '/workers', filename: 'workforce.xlsx' }}
      actions={create}
      emptyAction={create}
      filters={
        <>
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('wf.area')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          {select(
            'org',
            t('wf.org'),
            (orgs.data?.items ?? [])
              .filter((o) => o.kind === 'station' || o.kind === 'agency')
              .map((o) => ({ value: o.id, label: o.name })),
            220,
          )}
          {select(
            'post',
            t('wf.post'),
            WORKER_POSTS.map((p) => ({ value: p, label: label(WORKER_POST_LABELS[p]) })),
          )}
          {select(
            'level',
            t('wf.level'),
            [...SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) })), { value: 'none', label: t('wf.none') }],
            160,
          )}
          {select(
            'certified',
            t('wf.certified'),
            [
              { value: 'yes', label: t('yes') },
              { value: 'no', label: t('no') },
            ],
            120,
          )}
          {select(
            'title',
            t('wf.title'),
            TITLE_KINDS.map((k) => ({ value: k, label: label(TITLE_KIND_LABELS[k]) })),
          )}
          <Select
            aria-label={t('filter.status')}
            style={{ width: 110 }}
            value={list.filters.status ?? 'active'}
            onChange={(v) => list.setFilter('status', v)}
            options={[
              { value: 'active', label: t('wf.active') },
              { value: 'left', label: t('wf.left') },
              { value: 'all', label: t('all') },
            ]}
          />
        </>
      }
    >
      {adding && <WorkerForm worker={null} onClose={() => setAdding(false)} onSaved={(w) => navigate(`/workers/${w.id}`)} />}
    </ListPage>
  );
}
