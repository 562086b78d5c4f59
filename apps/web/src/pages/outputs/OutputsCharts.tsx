// The outputs page's two charts: the rows (child areas or workers) as bars, click to drill down;
// and the months of the period (person-times as a line over cases, sessions and activities).
import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import type { OutputsResponse, OutputsRow } from '../../api/outputs.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Bars per row (child areas or workers), a second series on the right axis; a click on an area drills down. */
export function DrillBarsChart<R extends { name: string; drill: boolean }>({
  rows: all,
  title,
  hint,
  left,
  right,
  onDrill,
}: {
  rows: R[];
  title: string;
  hint?: string;
  left: { name: string; value: (r: R) => number };
  right: { name: string; value: (r: R) => number };
  onDrill: (row: R) => void;
}) {
  const rows = all.slice(0, 30);
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
        { type: 'bar', name: left.name, data: rows.map(left.value), label: { show: rows.length <= 12, position: 'top' } },
        { type: 'bar', yAxisIndex: 1, name: right.name, data: rows.map(right.value) },
      ],
    }),
    [rows, left, right],
  );
  if (!rows.length) return null;
  return (
    <Card size="small" title={title}>
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      <Chart
        option={option}
        ariaLabel={title}
        onClick={(p) => {
          const row = (p.componentType === 'series' ? rows[p.dataIndex] : undefined) ?? rows.find((r) => r.name === (p.name ?? p.value));
          if (row?.drill) onDrill(row);
        }}
      />
    </Card>
  );
}

export function RowsChart({ data, onDrill }: { data: OutputsResponse; onDrill: (row: OutputsRow) => void }) {
  const { t } = useI18n();
  const byWorker = data.by === 'worker';
  return (
    <DrillBarsChart
      rows={data.rows}
      title={byWorker ? t('out.chart.byWorker') : t('out.chart.byArea')}
      hint={byWorker ? undefined : t('out.drillHint')}
      left={{ name: t('out.personTimes'), value: (r) => r.figures.personTimes }}
      right={
        byWorker
          ? { name: t('out.casesActive'), value: (r) => r.figures.casesActive }
          : { name: t('out.activities'), value: (r) => r.figures.activities }
      }
      onDrill={onDrill}
    />
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
