// 奖补政策: the reward and subsidy policies seen from the scope (drafts for their managers),
// with search, filters, paging and each one's budget use; officials draft new ones here.
import { useState } from 'react';
import { Button, Progress, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { POLICY_KIND_LABELS, POLICY_KINDS, POLICY_STATUS_LABELS, POLICY_STATUSES, type Policy } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { usePolicies } from '../../api/subsidies.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { yuan } from './parts.tsx';

type Filters = { q?: string; kind?: string; status?: string };

export const usedShare = (p: Policy) => Math.round(((p.totals.approved + p.totals.paid) / p.totals.budget) * 100);

export function PoliciesPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const list = useListState<Filters>({}, 'createdAt');
  const data = usePolicies(list.query);
  const [adding, setAdding] = useState(false);
  const columns: ListColumn<Policy>[] = [
    {
      title: t('sb.title'),
      dataIndex: 'title',
      key: 'title',
      hideable: false,
      render: (s: string, p) => <Link to={`/policies/${p.id}`}>{s}</Link>,
    },
    { title: t('sb.kind'), dataIndex: 'kind', key: 'kind', render: (k: Policy['kind']) => label(POLICY_KIND_LABELS[k]) },
    { title: t('sb.year'), dataIndex: 'year', key: 'year', responsive: ['md'] },
    { title: t('sb.period'), key: 'period', responsive: ['lg'], render: (_: unknown, p) => `${p.opensOn} ~ ${p.closesOn}` },
    { title: t('sb.budget'), dataIndex: 'budgetFen', key: 'budget', align: 'right', render: (n: number) => yuan(n) },
    {
      title: t('sb.totals'),
      key: 'used',
      responsive: ['md'],
      render: (_: unknown, p) => <Progress percent={usedShare(p)} size="small" style={{ width: 120 }} />,
    },
    {
      title: t('sb.applications'),
      dataIndex: 'counts',
      key: 'counts',
      render: (c: Policy['counts']) => Object.values(c).reduce((s, n) => s + n, 0),
    },
    {
      title: t('sb.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Policy['status']) => (
        <Tag color={s === 'published' ? 'green' : s === 'draft' ? 'default' : 'blue'}>{label(POLICY_STATUS_LABELS[s])}</Tag>
      ),
    },
  ];
  const create = actor.permissions.includes('policy.manage') && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('sb.new')}
    </Button>
  );
  return (
    <ListPage<Policy, Filters>
      id="policies"
      title={t('menu.policies')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('sb.search') }}
      exportTo={{ path: '/policies', filename: t('sb.policiesFile') }}
      actions={create}
      emptyAction={create}
      filters={
        <>
          <Select
            aria-label={t('sb.kind')}
            placeholder={t('sb.kind')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v)}
            options={POLICY_KINDS.map((k) => ({ value: k, label: label(POLICY_KIND_LABELS[k]) }))}
          />
          <Select
            aria-label={t('sb.status')}
            placeholder={t('sb.status')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={POLICY_STATUSES.map((s) => ({ value: s, label: label(POLICY_STATUS_LABELS[s]) }))}
          />
        </>
      }
    >
      {adding && <PolicyForm onClose={() => setAdding(false)} onSaved={(p) => navigate(`/policies/${p.id}`)} />}
    </ListPage>
  );
}
