// The review queues: the organisation's (submitted and in its review) and the department's
// (passed by the organisation). Each row shows every rule of the auto-check, the amount, the
// proof and the history, with the moves the reviewer may make.
import { useState } from 'react';
import { Drawer, List, Select, Space, Timeline, Typography } from 'antd';
import { SUBSIDY_STAGE_LABELS, type SubsidyStage } from '@wushe/core';
import { usePolicies, useSubsidyApps, useSubsidyEvents, type SubsidyApplication } from '../../api/subsidies.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CheckTags, MoveButtons, StageTag, yuan } from './parts.tsx';

type Filters = { q?: string; policyId?: string };

export function ReviewPage({ queue }: { queue: 'org' | 'dept' }) {
  const { t, label } = useI18n();
  const list = useListState<Filters>({}, 'createdAt');
  const data = useSubsidyApps({ ...list.query, queue });
  const policies = usePolicies({ pageSize: 100 });
  const [open, setOpen] = useState<SubsidyApplication | null>(null);
  const columns: ListColumn<SubsidyApplication>[] = [
    {
      title: t('sb.name'),
      dataIndex: 'name',
      key: 'name',
      hideable: false,
      render: (s: string, a) => <Typography.Link onClick={() => setOpen(a)}>{s}</Typography.Link>,
    },
    { title: t('sb.org'), dataIndex: 'orgName', key: 'org', responsive: ['md'], render: (s: string | null) => s ?? '—' },
    { title: t('sb.policy'), dataIndex: 'policyTitle', key: 'policy', responsive: ['lg'] },
    {
      title: t('sb.route'),
      dataIndex: 'route',
      key: 'route',
      responsive: ['lg'],
      render: (r: SubsidyApplication['route']) => t(`sb.route.${r}`),
    },
    { title: t('sb.check'), dataIndex: 'checks', key: 'checks', render: (c: SubsidyApplication['checks']) => <CheckTags checks={c} /> },
    { title: t('sb.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (n: number | null) => yuan(n) },
    { title: t('sb.stage'), dataIndex: 'stage', key: 'stage', render: (s: SubsidyStage) => <StageTag stage={s} /> },
    { title: '', key: 'act', hideable: false, fixed: 'right', render: (_: unknown, a) => <MoveButtons a={a} /> },
  ];
  return (
    <ListPage<SubsidyApplication, Filters>
      id={`subsidy-review-${queue}`}
      title={t(queue === 'org' ? 'menu.subsidyOrg' : 'menu.subsidyDept')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('sb.name') }}
      exportTo={{ path: '/subsidy-applications', filename: t('sb.exportFile'), query: { ...list.query, queue } }}
      filters={
        <Select
          aria-label={t('sb.policy')}
          placeholder={t('sb.policy')}
          allowClear
          style={{ width: 260 }}
          value={list.filters.policyId}
          onChange={(v) => list.setFilter('policyId', v)}
          options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
      }
    >
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open ? `${t('sb.detail')}：${open.name}` : ''} width={520}>
        {open && <AppDetail a={open} label={label} />}
      </Drawer>
    </ListPage>
  );
}

function AppDetail({ a, label }: { a: SubsidyApplication; label: (p: { zh: string; en: string }) => string }) {
  const { t } = useI18n();
  const events = useSubsidyEvents(a.id);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text strong>{a.policyTitle}</Typography.Text>
      <CheckTags checks={a.checks} />
      {a.statement && <Typography.Paragraph>{a.statement}</Typography.Paragraph>}
      {a.arrivedOn && <Typography.Text>{`${t('sb.arrivedOn')}：${a.arrivedOn}`}</Typography.Text>}
      <Typography.Title level={5}>{t('sb.attachments')}</Typography.Title>
      <List
        size="small"
        dataSource={a.attachments}
        locale={{ emptyText: t('sb.none') }}
        renderItem={(f) => (
          <List.Item>
            <a href={`/api/v1/attachments/${f.id}`} target="_blank" rel="noreferrer">
              {f.filename}
            </a>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('sb.history')}</Typography.Title>
      <Timeline
        items={(events.data ?? []).map((e) => ({
          children: `${formatDateTime(e.at)} ${e.byName}：${label(SUBSIDY_STAGE_LABELS[e.toStage])}${e.reason ? `（${e.reason}）` : ''}`,
        }))}
      />
      <MoveButtons a={a} />
    </Space>
  );
}

export const OrgReviewPage = () => <ReviewPage queue="org" />;
export const DeptReviewPage = () => <ReviewPage queue="dept" />;
