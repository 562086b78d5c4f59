// 督导: the head's view of the station. The caseload per worker (active cases, stage mix, what
// waits for approval, overdue supervision actions), each row opening the worker's cases with the
// days since their last contact; and the sessions, filtered by worker and period, each opening to
// its advice and actions (完成 for an open one). 记录督导 records a new session.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Grid, Select, Space, Table, Tag, Typography, type TableColumnType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CASE_STAGES } from '@wushe/core';
import { useCaseload, useSupervisionSessions, type CaseloadRow, type SupervisionSession } from '../../api/supervision.ts';
import { useListState } from '../../api/useListState.ts';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { STAGE_COLORS, StageTag } from '../cases/tags.tsx';
import { SessionActions } from './SessionActions.tsx';
import { SupervisionForm } from './SupervisionForm.tsx';

type CaseloadCase = CaseloadRow['cases'][number];
type Filters = { worker?: string; from?: string; to?: string };

/** Days without contact: amber from 30, red from 60. */
function SinceContact({ days }: { days: number }) {
  const { t } = useI18n();
  const type = days >= 60 ? 'danger' : days >= 30 ? 'warning' : undefined;
  return (
    <Typography.Text type={type} strong={days >= 30}>
      {t('sv.days', { n: days })}
    </Typography.Text>
  );
}

function WorkerCases({ row }: { row: CaseloadRow }) {
  const { t } = useI18n();
  // On a phone the resident's name goes under the case number, so the days fit beside it.
  const narrow = !Grid.useBreakpoint().md;
  const columns: TableColumnType<CaseloadCase>[] = [
    {
      title: t('sv.col.caseNo'),
      dataIndex: 'caseNo',
      key: 'caseNo',
      render: (no: string, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${c.id}`} style={{ fontFamily: 'monospace' }}>
            {no}
          </Link>
          {narrow && <Typography.Text type="secondary">{c.residentName}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('sv.col.resident'), dataIndex: 'residentName', key: 'residentName', responsive: ['md'] },
    {
      title: t('sv.col.sinceContact'),
      dataIndex: 'daysSinceContact',
      key: 'daysSinceContact',
      align: 'right',
      render: (d: number) => <SinceContact days={d} />,
    },
    { title: t('sv.col.stage'), dataIndex: 'stage', key: 'stage', render: (s: CaseloadCase['stage']) => <StageTag stage={s} /> },
  ];
  return (
    <Table<CaseloadCase>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={row.cases}
      // The longest without contact first; a long caseload pages rather than fills the screen.
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('sv.noCases') }}
    />
  );
}

/** The active cases by stage, as small tags. */
function StageMix({ w }: { w: CaseloadRow }) {
  const { t } = useI18n();
  return (
    <Space size={[0, 4]} wrap>
      {CASE_STAGES.filter((s) => s !== 'closed' && (w.byStage[s] ?? 0) > 0).map((s) => (
        <Tag key={s} color={STAGE_COLORS[s]}>
          {t(`case.stage.${s}`)} {w.byStage[s]}
        </Tag>
      ))}
    </Space>
  );
}

function CaseloadCard({ rows, loading }: { rows: CaseloadRow[]; loading: boolean }) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const columns: TableColumnType<CaseloadRow>[] = [
    {
      title: t('sv.col.worker'),
      dataIndex: 'workerName',
      key: 'workerName',
      // On a phone the stage mix goes under the name, so the table fits the screen.
      width: narrow ? 124 : undefined,
      render: (n: string, w) => (
        <Space orientation="vertical" size={4}>
          <strong>{n}</strong>
          {narrow && <StageMix w={w} />}
        </Space>
      ),
    },
    { title: t(narrow ? 'sv.col.activeShort' : 'sv.col.active'), dataIndex: 'active', key: 'active', align: 'right' },
    {
      title: t('sv.col.awaiting'),
      dataIndex: 'awaitingApproval',
      key: 'awaitingApproval',
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="gold">{n}</Tag> : n),
    },
    {
      title: t(narrow ? 'sv.col.overdueShort' : 'sv.col.overdue'),
      dataIndex: 'overdueActions',
      key: 'overdueActions',
      align: 'right',
      render: (n: number) =>
        n > 0 ? (
          <Tag color="red" data-overdue={n}>
            {n}
          </Tag>
        ) : (
          <span data-overdue={0}>0</span>
        ),
    },
    {
      title: t('sv.col.stages'),
      key: 'stages',
      width: 260,
      responsive: ['md'],
      render: (_, w) => <StageMix w={w} />,
    },
  ];
  return (
    <Card title={t('sv.caseload')} styles={narrow ? { body: { padding: 12 } } : undefined}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sv.caseloadHint')}
      </Typography.Paragraph>
      <Table<CaseloadRow>
        rowKey="workerId"
        size={narrow ? 'small' : 'middle'}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('sv.noWorkers') }}
        expandable={{ expandedRowRender: (w) => <WorkerCases row={w} />, rowExpandable: (w) => w.cases.length > 0 }}
      />
    </Card>
  );
}

export function SupervisionPage() {
  const { t } = useI18n();
  const caseload = useCaseload();
  const rows = caseload.data?.items ?? [];
  const [recording, setRecording] = useState(false);
  const list = useListState<Filters>({});
  const sessions = useSupervisionSessions({
    ...list.filters,
    page: list.query.page as number,
    pageSize: list.query.pageSize as number,
  });

  const columns: ListColumn<SupervisionSession>[] = [
    { title: t('sv.col.heldOn'), dataIndex: 'heldOn', key: 'heldOn', hideable: false, render: (d: string) => formatDate(d) },
    {
      title: t('sv.col.format'),
      dataIndex: 'format',
      key: 'format',
      responsive: ['sm'],
      render: (f: SupervisionSession['format']) => t(`sv.format.${f}`),
    },
    {
      title: t('sv.col.workers'),
      dataIndex: 'workers',
      key: 'workers',
      hideable: false,
      render: (ws: SupervisionSession['workers']) => ws.map((w) => w.name).join('、'),
    },
    {
      title: t('sv.col.cases'),
      dataIndex: 'cases',
      key: 'cases',
      responsive: ['md'],
      render: (cs: SupervisionSession['cases']) =>
        cs.length ? (
          <Space size={[8, 0]} wrap>
            {cs.map((c) => (
              <Link key={c.id} to={`/cases/${c.id}`} style={{ fontFamily: 'monospace' }}>
                {c.caseNo}
              </Link>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('sv.col.supervisor'), dataIndex: 'supervisorName', key: 'supervisorName', responsive: ['lg'] },
    {
      title: t('sv.col.actions'),
      key: 'actions',
      render: (_, s) => {
        if (!s.actions.length) return '—';
        const done = s.actions.filter((a) => a.doneOn).length;
        const overdue = s.actions.filter((a) => a.overdue).length;
        return (
          <Space size={4} wrap>
            <Typography.Text type={done === s.actions.length ? 'success' : undefined}>
              {t('sv.actionsDone', { done, total: s.actions.length })}
            </Typography.Text>
            {overdue > 0 && <Tag color="red">{t('sv.overdueN', { n: overdue })}</Tag>}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <CaseloadCard rows={rows} loading={caseload.isFetching} />
      <ListPage<SupervisionSession, Filters>
        id="supervision"
        title={t('sv.sessions')}
        rowKey="id"
        columns={columns}
        data={sessions}
        list={list}
        actions={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRecording(true)} disabled={!caseload.data}>
            {t('sv.record')}
          </Button>
        }
        table={{
          expandable: {
            expandedRowRender: (s) => (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <div>
                  <Typography.Text strong>{t('sv.advice')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.advice}</Typography.Paragraph>
                </div>
                <div>
                  <Typography.Text strong>{t('sv.col.actions')}</Typography.Text>
                  <SessionActions s={s} />
                </div>
              </Space>
            ),
          },
        }}
        filters={
          <>
            <Select
              key={`worker-${list.generation}`}
              aria-label={t('sv.filter.worker')}
              placeholder={t('sv.col.worker')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 160 }}
              value={list.filters.worker}
              onChange={(v?: string) => list.setFilter('worker', v)}
              options={rows.map((w) => ({ value: w.workerId, label: w.workerName }))}
            />
            <DatePicker.RangePicker
              key={`range-${list.generation}`}
              aria-label={t('sv.filter.period')}
              style={{ maxWidth: '100%' }}
              onChange={(range) => {
                list.setFilter('from', range?.[0]?.format('YYYY-MM-DD'));
                list.setFilter('to', range?.[1]?.format('YYYY-MM-DD'));
              }}
            />
          </>
        }
      >
        {recording && <SupervisionForm caseload={rows} onClose={() => setRecording(false)} />}
      </ListPage>
    </Space>
  );
}
