// 服务对象: one search box, filters, sort, paging, masked columns, export, import, register.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Checkbox, Select, Space, Tag } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { RESIDENT_STATUSES, type ResidentSummary } from '@wushe/core';
import { downloadUnmaskedResidents } from '../../api/exports.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useResidents } from '../../api/residents.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { useUrlFilters } from '../../api/urlFilters.ts';
import { LinkedFilterTags } from './LinkedFilterTags.tsx';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { businessToday, formatDate } from '../../fmt.ts';
import { ImportModal } from './ImportModal.tsx';
import { AssignModal } from './AssignModal.tsx';
import { CareLevelTag, DueTag } from './tags.tsx';

type Filters = {
  q?: string;
  area?: string;
  category?: string;
  careLevel?: number;
  assistanceStatus?: string;
  overdue?: string;
  status?: string;
  // From a 工作台 figure (shown as closable tags).
  worker?: string;
  due?: string;
  unassigned?: string;
  withoutAssessment?: string;
  /** From a coverage figure: registered | covered | uncovered | overdue on asOf, in area then. */
  coverage?: string;
  asOf?: string;
  mine?: string;
};

// Filters a figure elsewhere (coverage, 工作台) opens the list with: /residents?area=…&coverage=overdue&asOf=….
const URL_FILTERS = [
  'q',
  'area',
  'category',
  'assistanceStatus',
  'careLevel',
  'overdue',
  'status',
  'worker',
  'due',
  'unassigned',
  'withoutAssessment',
  'coverage',
  'asOf',
  'mine',
] as const;
const SORTS = ['nextDueOn', '-nextDueOn', 'name', 'careLevel', '-registeredOn', 'areaCode'] as const;

export function ResidentsPage() {
  const { t } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const canWrite = actor.permissions.includes('resident.write');
  const canUnmask = actor.permissions.includes('resident.export.unmasked');
  const canAssign = actor.permissions.includes('resident.assign');
  // `/residents?unassigned=true` (a head's link) and `?mine=true` open the list so filtered.
  const list = useListState<Filters>(useUrlFilters(URL_FILTERS, ['careLevel']) as Filters, 'nextDueOn');
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const residents = useResidents(list.query);
  const categories = useCodeLabels('resident_category');
  const assistance = useCodeLabels('assistance_status');
  const [importing, setImporting] = useState(false);
  const sort = (list.query.sort as string | undefined) ?? 'nextDueOn';

  const columns: ListColumn<ResidentSummary>[] = [
    {
      title: t('res.name'),
      dataIndex: 'name',
      key: 'name',
      sortable: true,
      hideable: false,
      render: (name: string, r) => <Link to={`/residents/${r.id}`}>{name}</Link>,
    },
    {
      title: t('res.idNumber'),
      dataIndex: 'idMasked',
      key: 'idMasked',
      responsive: ['sm'],
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    {
      title: t('res.sex'),
      key: 'sexAge',
      responsive: ['md'],
      render: (_, r) => [r.sex ? t(`res.sex.${r.sex}`) : '', r.age !== null ? t('res.ageN', { n: r.age }) : ''].filter(Boolean).join(' · '),
    },
    { title: t('res.phone'), dataIndex: 'phoneMasked', key: 'phoneMasked', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('res.community'), dataIndex: 'areaName', key: 'areaCode', responsive: ['md'] },
    {
      title: t('res.categories'),
      dataIndex: 'categories',
      key: 'categories',
      responsive: ['lg'],
      render: (cs: string[]) => cs.map((c) => <Tag key={c}>{categories.labelOf(c)}</Tag>),
    },
    {
      title: t('res.careLevel'),
      dataIndex: 'careLevel',
      key: 'careLevel',
      sortable: true,
      render: (n: number) => <CareLevelTag level={n} />,
    },
    {
      title: t('res.nextDue'),
      dataIndex: 'nextDueOn',
      key: 'nextDueOn',
      sortable: true,
      render: (d: string, r) => (
        <Space size={4} wrap>
          <span>{formatDate(d)}</span>
          {r.due !== 'ok' && <DueTag due={r.due} />}
        </Space>
      ),
    },
    {
      title: t('res.lastContact'),
      dataIndex: 'lastContactOn',
      key: 'lastContactOn',
      responsive: ['xl'],
      render: (d: string | null) => formatDate(d),
    },
    {
      title: t('res.worker'),
      dataIndex: 'assignedWorkerName',
      key: 'assignedWorkerName',
      responsive: ['xl'],
      render: (v: string | null) => v ?? '—',
    },
  ];

  const register = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/residents/new')}>
      {t('res.register')}
    </Button>
  );

  return (
    <ListPage<ResidentSummary, Filters>
      id="residents"
      title={t('menu.residents')}
      rowKey="id"
      columns={columns}
      data={residents}
      list={list}
      search={{ placeholder: t('res.searchPlaceholder'), width: 320, enterButton: true }}
      exportTo={{
        path: '/residents/export',
        filename: 'residents.xlsx',
        direct: true,
        // Only holders of resident.export.unmasked see the unmasked export (it asks the purpose).
        unmasked: canUnmask ? (reason) => downloadUnmaskedResidents(list.query, reason, 'residents.xlsx') : undefined,
      }}
      actions={
        <>
          {canWrite && (
            <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)}>
              {t('res.import')}
            </Button>
          )}
          {register}
        </>
      }
      emptyAction={register}
      selection={
        canAssign
          ? {
              keys: selected,
              onChange: setSelected,
              always: true,
              actions: (
                <Button disabled={!residents.data?.total} onClick={() => setAssigning(true)}>
                  {t('assign.action')}
                </Button>
              ),
            }
          : undefined
      }
      filters={
        <>
          <LinkedFilterTags list={list} />
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('res.community')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          <Select
            aria-label={t('res.categories')}
            placeholder={t('res.categories')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 150 }}
            value={list.filters.category}
            onChange={(v) => list.setFilter('category', v)}
            options={categories.options}
          />
          <Select
            aria-label={t('res.careLevel')}
            placeholder={t('res.careLevel')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.careLevel}
            onChange={(v) => list.setFilter('careLevel', v)}
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('res.careLevelN', { n }) }))}
          />
          <Select
            aria-label={t('res.assistanceStatus')}
            placeholder={t('res.assistanceStatus')}
            allowClear
            style={{ width: 150 }}
            value={list.filters.assistanceStatus}
            onChange={(v) => list.setFilter('assistanceStatus', v)}
            options={assistance.options}
          />
          <Select
            aria-label={t('res.status')}
            placeholder={t('res.status')}
            style={{ width: 110 }}
            value={list.filters.status ?? 'active'}
            onChange={(v) => list.setFilter('status', v === 'active' ? undefined : v)}
            options={RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`res.status.${s}`) }))}
          />
          {list.filters.coverage && (
            <Tag
              closable
              color="blue"
              style={{ alignSelf: 'center' }}
              onClose={() => {
                list.setFilter('coverage', undefined);
                list.setFilter('asOf', undefined);
              }}
            >
              {t('cov.filter', {
                kind: t(`cov.kind.${list.filters.coverage}` as 'cov.kind.overdue'),
                date: list.filters.asOf ?? businessToday().format('YYYY-MM-DD'),
              })}
            </Tag>
          )}
          <Checkbox
            checked={list.filters.overdue === 'true'}
            onChange={(e) => list.setFilter('overdue', e.target.checked ? 'true' : undefined)}
            style={{ alignSelf: 'center' }}
          >
            {t('res.overdueOnly')}
          </Checkbox>
          <Checkbox
            checked={list.filters.mine === 'true'}
            onChange={(e) => list.setFilter('mine', e.target.checked ? 'true' : undefined)}
            style={{ alignSelf: 'center' }}
          >
            {t('assign.mine')}
          </Checkbox>
          <Checkbox
            checked={list.filters.unassigned === 'true'}
            onChange={(e) => list.setFilter('unassigned', e.target.checked ? 'true' : undefined)}
            style={{ alignSelf: 'center' }}
          >
            {t('assign.unassigned')}
          </Checkbox>
          <Select
            aria-label={t('res.sort')}
            style={{ width: 190 }}
            value={sort}
            onChange={(v) => list.setSort(v)}
            options={SORTS.map((s) => ({ value: s, label: t(`res.sort.${s}`) }))}
          />
        </>
      }
    >
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      {assigning && (
        <AssignModal
          ids={selected}
          filter={list.query}
          total={residents.data?.total ?? 0}
          area={list.filters.area}
          onClose={(done) => {
            setAssigning(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </ListPage>
  );
}
