// 服务成效: an area (default the caller's) and a period (default the last twelve months); the
// figures, a chart of the child areas (click or a name to drill down, Breadcrumb back up) or of
// the workers, the months, a table and its Excel export. Definitions are stated under the figures.
import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import type { OutputFigures } from '@wushe/core';
import { useOutputs, type OutputsRow } from '../../api/outputs.ts';
import { useActor } from '../../api/session.ts';
import { AreaPath } from '../../components/AreaPath.tsx';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { MonthsChart, RowsChart } from './OutputsCharts.tsx';
import { drillNameColumn, PeriodPicker, usePeriod } from './OutputsControls.tsx';

const FIGURES = ['casesOpened', 'casesActive', 'casesClosed', 'groups', 'groupSessions', 'activities', 'personTimes', 'people'] as const;

export function OutputsPage() {
  const { t } = useI18n();
  const actor = useActor();
  const [area, setArea] = useState(actor.area.code);
  const { range, setRange, from, to } = usePeriod();
  const [by, setBy] = useState<'area' | 'worker'>('area');
  const filter = { area, from, to, by };
  const q = useOutputs(filter);
  const data = q.data;
  const drill = (row: OutputsRow) => row.drill && setArea(row.key);

  const columns: TableColumnsType<OutputsRow> = [
    drillNameColumn<OutputsRow>(data?.by === 'worker' ? t('out.name.worker') : t('out.name.area'), drill),
    ...FIGURES.map((f) => ({
      title: t(`out.${f}`),
      key: f,
      align: 'right' as const,
      sorter: (a: OutputsRow, b: OutputsRow) => a.figures[f] - b.figures[f],
      render: (_: unknown, row: OutputsRow) => row.figures[f].toLocaleString(),
    })),
    {
      title: t('out.satisfaction'),
      key: 'satisfaction',
      align: 'right',
      render: (_: unknown, row) => (row.figures.satisfaction === null ? '—' : row.figures.satisfaction.toFixed(1)),
    },
  ];

  return (
    <Card title={t('out.title')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <AreaPicker
          aria-label={t('filter.area')}
          allowClear={false}
          style={{ width: 240 }}
          value={area}
          onChange={(c) => c && setArea(c)}
        />
        <PeriodPicker value={range} onChange={setRange} />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'area' | 'worker')}
          options={[
            { value: 'area', label: t('out.by.area') },
            { value: 'worker', label: t('out.by.worker') },
          ]}
        />
        <div style={{ marginLeft: 'auto' }}>
          <ExportButton path="/outputs" query={filter} filename="outputs.xlsx" />
        </div>
      </Flex>
      <AreaPath path={data?.path ?? []} area={data?.area} onOpen={setArea} />
      <Row gutter={[16, 16]} style={{ marginBottom: 8 }} data-testid="outputs-totals">
        {FIGURES.map((f) => (
          <Col xs={12} sm={8} md={6} xl={3} key={f}>
            <Statistic title={t(`out.${f}`)} value={data?.totals[f] ?? 0} loading={q.isPending} />
          </Col>
        ))}
        <Col xs={12} sm={8} md={6} xl={3}>
          <Satisfaction figures={data?.totals} loading={q.isPending} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('out.definitions')}
      </Typography.Paragraph>
      {q.isError && <Typography.Text type="danger">{q.error.message}</Typography.Text>}
      {data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={12}>
            <RowsChart data={data} onDrill={drill} />
          </Col>
          <Col xs={24} xl={12}>
            <MonthsChart data={data} />
          </Col>
        </Row>
      )}
      <Table<OutputsRow>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={data?.rows}
        loading={q.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('out.empty') }}
      />
    </Card>
  );
}

function Satisfaction({ figures, loading }: { figures?: OutputFigures; loading: boolean }) {
  const { t } = useI18n();
  const value = figures?.satisfaction;
  return (
    <Statistic
      title={t('out.satisfaction')}
      loading={loading}
      value={value === null || value === undefined ? '—' : value.toFixed(1)}
      suffix={
        figures?.satisfactionAnswers ? (
          <Typography.Text type="secondary">/5 · {t('out.answers', { n: figures.satisfactionAnswers })}</Typography.Text>
        ) : undefined
      }
    />
  );
}
