// The 心愿与志愿成效 page's charts: hours and wishes fulfilled by child area (click to drill
// down), the months of the period, and the wishes by status at its end (count and value).
import { useMemo } from 'react';
import { Card, Col, Row, Table, Typography } from 'antd';
import { hoursOf, WISH_STATUS_LABELS, type WishStatus } from '@wushe/core';
import type { VolunteeringOutputsResponse, VolunteeringRow } from '../../api/outputs.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { yuanShort } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DrillBarsChart } from './OutputsCharts.tsx';

type Data = VolunteeringOutputsResponse;

export function VolunteeringRowsChart({ data, onDrill }: { data: Data; onDrill: (row: VolunteeringRow) => void }) {
  const { t } = useI18n();
  return (
    <DrillBarsChart
      rows={data.rows}
      title={t('outv.chart.byArea')}
      hint={t('out.drillHint')}
      left={{ name: t('outv.serviceHours'), value: (r) => hoursOf(r.figures.serviceMinutes) }}
      right={{ name: t('outv.wishesFulfilled'), value: (r) => r.figures.wishesFulfilled }}
      onDrill={onDrill}
    />
  );
}

export function VolunteeringMonthsChart({ data }: { data: Data }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => m.month), axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        { type: 'bar', name: t('outv.wishesPosted'), data: data.months.map((m) => m.wishesPosted) },
        { type: 'bar', name: t('outv.wishesFulfilled'), data: data.months.map((m) => m.wishesFulfilled) },
        { type: 'bar', name: t('outv.volunteersNew'), data: data.months.map((m) => m.volunteersNew) },
        {
          type: 'line',
          yAxisIndex: 1,
          name: t('outv.serviceHours'),
          data: data.months.map((m) => hoursOf(m.serviceMinutes)),
          lineStyle: { width: 3 },
        },
      ],
    }),
    [data, t],
  );
  return (
    <Card size="small" title={t('outv.chart.months')}>
      <Chart option={option} ariaLabel={t('outv.chart.months')} height={280} />
    </Card>
  );
}

export function WishStatusChart({ data }: { data: Data }) {
  const { t, label } = useI18n();
  const shown = data.statuses.filter((s) => s.count > 0);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { name, value, dataIndex } = p as { name: string; value: number; dataIndex: number };
          return `${name}：${value}<br/>${t('outv.valueYuan')}：${yuanShort(shown[dataIndex]!.valueFen)}`;
        },
      },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          name: t('outv.count'),
          data: shown.map((s) => ({ name: label(WISH_STATUS_LABELS[s.status]), value: s.count })),
          label: { formatter: '{b} {c}' },
        },
      ],
    }),
    [shown, t, label],
  );
  return (
    <Card size="small" title={t('outv.chart.statuses')}>
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={12}>
          {shown.length ? (
            <Chart option={option} ariaLabel={t('outv.chart.statuses')} height={280} />
          ) : (
            <Typography.Text type="secondary">{t('out.empty')}</Typography.Text>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Table
            size="small"
            rowKey="status"
            pagination={false}
            dataSource={data.statuses}
            columns={[
              { title: t('outv.status'), dataIndex: 'status', render: (s: WishStatus) => label(WISH_STATUS_LABELS[s]) },
              { title: t('outv.count'), dataIndex: 'count', align: 'right' },
              { title: t('outv.valueYuan'), dataIndex: 'valueFen', align: 'right', render: (fen: number) => yuanShort(fen) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
