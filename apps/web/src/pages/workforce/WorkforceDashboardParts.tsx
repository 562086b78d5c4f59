// The workforce dashboard's charts (the 12-month trend, rates by child area) and its table.
import { useMemo } from 'react';
import { Button, Table, type TableColumnsType } from 'antd';
import type { WorkforceDashboard } from '@wushe/core';
import type { ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Row = WorkforceDashboard['rows'][number];
export const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const pts = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

function useRowName() {
  const { t } = useI18n();
  return (r: Row, d?: WorkforceDashboard) =>
    d?.groupBy === 'org' ? r.name || t('wfd.noOrg') : r.drill === null ? `${r.name}${t('wfd.ownRow')}` : r.name;
}

export function useTrendLine(d: WorkforceDashboard | undefined): ChartOption {
  const { t } = useI18n();
  return useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (d?.trend ?? []).map((p) => p.day.slice(2, 7)) },
      yAxis: {
        type: 'value',
        min: (v: { min: number }) => Math.max(Math.floor(v.min / 10) * 10, 0),
        max: 100,
        axisLabel: { formatter: '{value}%' },
      },
      series: [
        { type: 'line', name: t('wfd.rate'), smooth: true, data: (d?.trend ?? []).map((p) => pts(p.rate)), areaStyle: { opacity: 0.08 } },
      ],
    }),
    [d, t],
  );
}

export function useRateBars(d: WorkforceDashboard | undefined): ChartOption {
  const { t } = useI18n();
  const name = useRowName();
  return useMemo<ChartOption>(() => {
    const rows = (d?.rows ?? []).slice(0, 30);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => name(r, d)),
        // long organisation names: slanted and cut, the table has them whole
        axisLabel: { interval: 0, rotate: rows.length > 3 ? 30 : 0, width: 120, overflow: 'truncate' },
        triggerEvent: true,
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: t('wfd.col.rate'), data: rows.map((r) => pts(r.rate)) },
        { type: 'bar', name: t('wfd.col.ceRate'), data: rows.map((r) => pts(r.ce.rate)) },
        { type: 'bar', name: t('wfd.col.examRate'), data: rows.map((r) => pts(r.exam.rate)) },
      ],
    };
  }, [d, t, name]);
}

export function RatesTable({
  data,
  loading,
  onDrill,
}: {
  data?: WorkforceDashboard;
  loading: boolean;
  onDrill: (code: string | null) => void;
}) {
  const { t } = useI18n();
  const name = useRowName();
  const num = (k: (r: Row) => number, title: string) => ({
    title,
    key: title,
    align: 'right' as const,
    render: (_: unknown, r: Row) => k(r),
    sorter: (a: Row, b: Row) => k(a) - k(b),
  });
  const rate = (k: (r: Row) => number | null, title: string) => ({
    title,
    key: title,
    align: 'right' as const,
    render: (_: unknown, r: Row) => pct(k(r)),
    sorter: (a: Row, b: Row) => (k(a) ?? -1) - (k(b) ?? -1),
  });
  const columns: TableColumnsType<Row> = [
    {
      title: data?.groupBy === 'org' ? t('wfd.org') : t('wfd.area'),
      key: 'name',
      fixed: 'left',
      render: (_, r) =>
        r.drill ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => onDrill(r.drill)}>
            {name(r, data)}
          </Button>
        ) : (
          name(r, data)
        ),
    },
    num((r) => r.workers, t('wfd.col.workers')),
    num((r) => r.certified, t('wfd.col.certified')),
    rate((r) => r.rate, t('wfd.col.rate')),
    rate((r) => r.ce.rate, t('wfd.col.ceRate')),
    num((r) => r.ce.behind, t('wfd.col.ceBehind')),
    rate((r) => r.exam.rate, t('wfd.col.examRate')),
    num((r) => r.training.hours, t('wfd.col.hours')),
    num((r) => r.training.personTimes, t('wfd.col.personTimes')),
    num((r) => r.programmes.open + r.programmes.closed, t('wfd.col.programmes')),
  ];
  return (
    <Table
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={data?.rows ?? []}
      loading={loading}
      pagination={(data?.rows.length ?? 0) > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
