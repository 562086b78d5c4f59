// 结对共建: the scope's 一校两社 and 结对共建 agreements with search, kind and status filters,
// paging, Excel export, and (with alliance.write) the drafting form.
import { useState } from 'react';
import { Button, Progress, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  PARTNERSHIP_KIND_LABELS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUS_LABELS,
  PARTNERSHIP_STATUSES,
  PARTY_ROLE_LABELS,
  type PartnershipStatus,
} from '@wushe/core';
import { usePartnerships, type PartnershipSummary } from '../../api/alliances.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PartnershipForm } from './PartnershipForm.tsx';

type Filters = { q?: string; kind?: string; status?: string };
export const STATUS_COLOR: Record<PartnershipStatus, string> = { draft: 'default', active: 'green', ended: 'red' };

export function PartnershipsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({}, 'startOn');
  const data = usePartnerships(list.query);
  const [adding, setAdding] = useState(false);
  const columns: ListColumn<PartnershipSummary>[] = [
    {
      title: t('ps.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, p) => <Link to={`/partnerships/${p.id}`}>{s}</Link>,
    },
    { title: t('ps.kind'), dataIndex: 'kind', key: 'kind', render: (k: PartnershipSummary['kind']) => label(PARTNERSHIP_KIND_LABELS[k]) },
    {
      title: t('ps.parties'),
      dataIndex: 'parties',
      key: 'parties',
      responsive: ['lg'],
      render: (ps: PartnershipSummary['parties']) => ps.map((x) => `${label(PARTY_ROLE_LABELS[x.role])}：${x.name}`).join('；'),
    },
    { title: t('ps.period'), key: 'period', responsive: ['md'], render: (_: unknown, p) => `${p.startOn} – ${p.endOn ?? ''}` },
    {
      title: t('ps.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: PartnershipStatus) => <Tag color={STATUS_COLOR[s]}>{label(PARTNERSHIP_STATUS_LABELS[s])}</Tag>,
    },
    {
      title: t('ps.progress'),
      dataIndex: 'progress',
      key: 'progress',
      render: (n: number) => <Progress percent={n} size="small" style={{ minWidth: 90 }} />,
    },
  ];
  const create = actor.permissions.includes('alliance.write') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('ps.new')}
    </Button>
  );
  return (
    <ListPage<PartnershipSummary, Filters>
      id="partnerships"
      title={t('menu.partnerships')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('ps.search') }}
      exportTo={{ path: '/partnerships', filename: 'partnerships.xlsx' }}
      actions={create}
      emptyAction={create}
      filters={
        <>
          <Select
            aria-label={t('ps.kind')}
            placeholder={t('ps.kind')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v)}
            options={PARTNERSHIP_KINDS.map((k) => ({ value: k, label: label(PARTNERSHIP_KIND_LABELS[k]) }))}
          />
          <Select
            aria-label={t('ps.status')}
            placeholder={t('ps.status')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={PARTNERSHIP_STATUSES.map((s) => ({ value: s, label: label(PARTNERSHIP_STATUS_LABELS[s]) }))}
          />
        </>
      }
    >
      {adding && <PartnershipForm onClose={() => setAdding(false)} onSaved={(p) => navigate(`/partnerships/${p.id}`)} />}
    </ListPage>
  );
}
