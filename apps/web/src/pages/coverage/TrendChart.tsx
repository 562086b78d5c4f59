// 近 12 个月覆盖率: the area's monthly coverage from the nightly snapshots, one line per child
// area (the area itself in bold); a month without a snapshot is a gap and is named below.
import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import { useCoverageTrend } from '../../api/dashboard.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n/index.tsx';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function TrendChart({ area, height = 280 }: { area?: string; height?: number }) {
  const { t } = useI18n();
  const trend = useCoverageTrend(area);
  const data = trend.data;
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const lines = [data.area, ...data.children.slice(0, 12)];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: data.months, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: lines.map((s, i) => ({
        type: 'line',
        name: s.name,
        connectNulls: false,
        lineStyle: { width: i === 0 ? 3 : 1.5 },
        data: s.points.map((p) => pct(p.rate)),
      })),
    };
  }, [data]);
  const missing = data?.area.points.filter((p) => p.date === null).map((p) => p.month) ?? [];
  const backfilled = data?.area.points.some((p) => p.backfilled);
  return (
    <Card title={t('trend.title')} loading={trend.isPending} size="small" data-testid="coverage-trend">
      {option && <Chart option={option} height={height} ariaLabel={t('trend.chart')} />}
      {missing.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('trend.none', { months: missing.join('、') })}
        </Typography.Text>
      )}
      {backfilled && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('trend.backfilled')}
        </Typography.Text>
      )}
      {trend.isError && <Typography.Text type="danger">{trend.error.message}</Typography.Text>}
    </Card>
  );
}
