// The outputs page's two charts: the rows (child areas or workers) as bars, click to drill down;
// and the months of the period (person-times as a line over cases, sessions and activities).
import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import type { OutputsResponse, OutputsRow } from '../../api/outputs.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function RowsChart({ data, onDrill }: { data: OutputsResponse; onDrill: (row: OutputsRow) => void }) {
  const { t } = useI18n();
  const byWorker = data.by === 'worker';
  const rows = data.rows.slice(0, 30);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0 },
        triggerEvent: true,
      },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        {
          type: 'bar',
          name: t('out.personTimes'),
          data: rows.map((r) => r.figures.personTimes),
          label: { show: rows.length <= 12, position: 'top' },
        },
        {
          type: 'bar',
          yAxisIndex: 1,
          name: byWorker ? t('out.casesActive') : t('out.activities'),
          data: rows.map((r) => (byWorker ? r.figures.casesActive : r.figures.activities)),
        },
      ],
    }),
    [rows, byWorker, t],
  );
  if (!rows.length) return null;
  return (
    <Card size="small" title={byWorker ? t('out.chart.byWorker') : t('out.chart.byArea')}>
      {!byWorker && <Typography.Text type="secondary">{t('out.drillHint')}</Typography.Text>}
      <Chart
        option={option}
        ariaLabel={byWorker ? t('out.chart.byWorker') : t('out.chart.byArea')}
        onClick={(p) => {
          const row = (p.componentType === 'series' ? rows[p.dataIndex] : undefined) ?? rows.find((r) => r.name === (p.name ?? p.value));
          if (row?.drill) onDrill(row);
        }}
      />
    </Card>
  );
}

export function MonthsChart({ data }: { data: OutputsResponse }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => m.month), axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        { type: 'bar', name: t('out.casesOpened'), data: data.months.map((m) => m.casesOpened) },
        { type: 'bar', name: t('out.groupSessions'), data: data.months.map((m) => m.groupSessions) },
        { type: 'bar', name: t('out.activities'), data: data.months.map((m) => m.activities) },
        { type: 'line', yAxisIndex: 1, name: t('out.personTimes'), data: data.months.map((m) => m.personTimes), lineStyle: { width: 3 } },
      ],
    }),
    [data, t],
  );
  return (
    <Card size="small" title={t('out.chart.months')}>
      <Chart option={option} ariaLabel={t('out.chart.months')} height={280} />
    </Card>
  );
}
