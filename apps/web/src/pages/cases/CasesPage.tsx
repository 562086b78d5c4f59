// 个案管理: the cases in scope, server-paged: search by case number or resident, filters (stage
// with 进行中, type, risk, 我的个案, what waits for approval), sort. A row opens the case. A head
// (case.approve) has 待我审批, the approval queue, one click away (also `/cases?awaiting=any`).
import { Link, useNavigate } from 'react-router-dom';
import { Badge, Button, Checkbox, Select, Space, Tag, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { CASE_STAGES, RISK_LEVELS } from '@wushe/core';
import { useCases, type CaseQuery, type CaseSummary, type RiskLevel } from '../../api/cases.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useListState } from '../../api/useListState.ts';
import { useUrlFilters } from '../../api/urlFilters.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDate, formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ApprovalTags, RiskTag, StageTag, useCaseRights } from './tags.tsx';

type Filters = {
  q?: string;
  stage?: CaseQuery['stage'];
  type?: string;
  risk?: RiskLevel;
  mine?: boolean;
  awaiting?: CaseQuery['awaiting'];
  area?: string;
};

const SORTS = ['-lastEventAt', 'lastEventAt', '-openedOn', 'openedOn', 'caseNo'] as const;
const AWAITING = ['any', 'plan', 'closure'] as const;

export function CasesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite, canApprove } = useCaseRights();
  const types = useCodeLabels('case_type');
  const linked = useUrlFilters(['stage', 'awaiting', 'mine', 'type', 'risk']);
  // Workers start with their own open cases; heads with every open case of the station.
  const list = useListState<Filters>(
    {
      stage: linked.stage === 'all' ? undefined : ((linked.stage as Filters['stage']) ?? 'open'),
      type: linked.type as string | undefined,
      risk: linked.risk as RiskLevel | undefined,
      mine: linked.mine === undefined ? canWrite && !canApprove : linked.mine === 'true',
      awaiting: linked.awaiting as Filters['awaiting'],
    },
    '-lastEventAt',
  );
  const { mine, ...rest } = list.filters;
  const query: CaseQuery = {
    ...rest,
    worker: mine ? 'me' : undefined,
    sort: list.query.sort as string,
    page: list.query.page as number,
    pageSize: list.query.pageSize as number,
  };
  const cases = useCases(query);
  // The queue's size on the head's button.
  const queue = useCases({ awaiting: 'any', pageSize: 1 }, canApprove);
  const inQueue = list.filters.awaiting === 'any' && !list.filters.mine;

  const toggleQueue = () => {
    if (inQueue) {
      list.reset();
      return;
    }
    list.setFilter('awaiting', 'any');
    list.setFilter('mine', false);
    list.setFilter('stage', undefined);
  };

  const columns: ListColumn<CaseSummary>[] = [
    {
      title: t('cs.col.caseNo'),
      dataIndex: 'caseNo',
      key: 'caseNo',
      hideable: false,
      render: (no: string, c) => (
        <Link to={`/cases/${c.id}`} style={{ fontFamily: 'monospace', fontWeight: 500 }}>
          {no}
        </Link>
      ),
    },
    {
      title: t('cs.col.resident'),
      dataIndex: 'residentName',
      key: 'residentName',
      hideable: false,
      render: (name: string, c) => (
        <Space size={4}>
          {name}
          {c.sensitive && <Tag color="magenta">{t('cs.sensitive')}</Tag>}
        </Space>
      ),
    },
    { title: t('cs.col.type'), dataIndex: 'type', key: 'type', responsive: ['md'], render: (v: string) => types.labelOf(v) },
    { title: t('cs.col.risk'), dataIndex: 'riskLevel', key: 'riskLevel', render: (v: RiskLevel) => <RiskTag risk={v} /> },
    {
      title: t('cs.col.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (_, c) => (
        <Space size={0} wrap>
          <StageTag stage={c.stage} />
          <ApprovalTags c={c} />
        </Space>
      ),
    },
    { title: t('cs.col.worker'), dataIndex: 'workerName', key: 'workerName', responsive: ['md'] },
    { title: t('cs.col.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['lg'] },
    {
      title: t('cs.col.openedOn'),
      dataIndex: 'openedOn',
      key: 'openedOn',
      sortable: true,
      responsive: ['md'],
      render: (v: string, c) => (
        <Space orientation="vertical" size={0}>
          {formatDate(v)}
          {c.closedOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cs.closedOnShort', { date: formatDate(c.closedOn) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('cs.col.lastEventAt'),
      dataIndex: 'lastEventAt',
      key: 'lastEventAt',
      sortable: true,
      responsive: ['lg'],
      render: (v: string) => formatDateTime(v),
    },
  ];

  const queueButton = canApprove && (
    <Badge count={queue.data?.total ?? 0} size="small">
      <Button type={inQueue ? 'primary' : 'default'} icon={<AuditOutlined aria-hidden />} aria-pressed={inQueue} onClick={toggleQueue}>
        {t('cs.queue')}
      </Button>
    </Badge>
  );

  return (
    <ListPage<CaseSummary, Filters>
      id="cases"
      title={t('menu.cases')}
      rowKey="id"
      columns={columns}
      data={cases}
      list={list}
      search={{ placeholder: t('cs.search'), width: 260 }}
      exportTo={{ path: '/cases/export', filename: '个案.xlsx', direct: true, query: { ...query, page: undefined, pageSize: undefined } }}
      actions={queueButton}
      // Cases are opened from a resident's profile.
      emptyAction={canWrite && <Button onClick={() => navigate('/residents')}>{t('cs.openFromResident')}</Button>}
      table={{
        onRow: (c) => ({
          style: { cursor: 'pointer' },
          // The case number is a link already; elsewhere the row opens the case.
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a, button')) navigate(`/cases/${c.id}`);
          },
        }),
      }}
      filters={
        <>
          <Select<Filters['stage']>
            aria-label={t('cs.filter.stage')}
            placeholder={t('cs.stage.all')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.stage}
            onChange={(v) => list.setFilter('stage', v)}
            options={[{ value: 'open', label: t('cs.stage.open') }, ...CASE_STAGES.map((s) => ({ value: s, label: t(`case.stage.${s}`) }))]}
          />
          <Select
            aria-label={t('cs.filter.type')}
            placeholder={t('cs.col.type')}
            allowClear
            style={{ width: 130 }}
            value={list.filters.type}
            onChange={(v?: string) => list.setFilter('type', v)}
            options={types.options}
          />
          <Select<RiskLevel>
            aria-label={t('cs.filter.risk')}
            placeholder={t('cs.col.risk')}
            allowClear
            style={{ width: 120 }}
            value={list.filters.risk}
            onChange={(v) => list.setFilter('risk', v)}
            options={RISK_LEVELS.map((r) => ({ value: r, label: t(`cs.risk.${r}`) }))}
          />
          <Select<Filters['awaiting']>
            aria-label={t('cs.filter.awaiting')}
            placeholder={t('cs.filter.awaiting')}
            allowClear
            style={{ width: 140 }}
            value={list.filters.awaiting}
            onChange={(v) => list.setFilter('awaiting', v)}
            options={AWAITING.map((a) => ({ value: a, label: t(`cs.awaiting.${a}`) }))}
          />
          {canWrite && (
            <Checkbox
              checked={!!list.filters.mine}
              onChange={(e) => list.setFilter('mine', e.target.checked)}
              style={{ alignSelf: 'center' }}
            >
              {t('cs.mine')}
            </Checkbox>
          )}
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('cs.col.area')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          <Select
            aria-label={t('cs.sort')}
            style={{ width: 170 }}
            value={(list.query.sort as string | undefined) ?? '-lastEventAt'}
            onChange={(v: string) => list.setSort(v)}
            options={SORTS.map((s) => ({ value: s, label: t(`cs.sort.${s}`) }))}
          />
        </>
      }
    />
  );
}
