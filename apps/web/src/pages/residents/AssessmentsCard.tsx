// 评估: totals over time per instrument (ECharts line) and a table of results.
import { useMemo } from 'react';
import { Card, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { useAssessments, type Assessment } from '../../api/assessments.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../fmt.ts';
import { CareLevelTag } from './tags.tsx';

export function AssessmentsCard({ residentId, extra }: { residentId: string; extra?: React.ReactNode }) {
  const { t } = useI18n();
  const list = useAssessments(residentId);
  const items = list.data?.items;

  const option = useMemo<ChartOption | null>(() => {
    if (!items?.length) return null;
    const byInstrument = new Map<string, Assessment[]>();
    for (const a of [...items].sort((x, y) => x.assessedOn.localeCompare(y.assessedOn))) {
      const arr = byInstrument.get(a.instrumentName) ?? [];
      arr.push(a);
      byInstrument.set(a.instrumentName, arr);
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'time', minInterval: 86_400_000, axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true } },
      yAxis: { type: 'value', name: t('assess.total') },
      series: [...byInstrument].map(([name, arr]) => ({
        type: 'line',
        name,
        showSymbol: true,
        data: arr.map((a) => [a.assessedOn, a.total]),
      })),
    } as ChartOption;
  }, [items, t]);

  const columns: TableColumnsType<Assessment> = [
    { title: t('assess.date'), dataIndex: 'assessedOn', render: (d: string) => formatDate(d) },
    { title: t('assess.instrument'), dataIndex: 'instrumentName' },
    { title: t('assess.total'), dataIndex: 'total' },
    {
      title: t('assess.band'),
      key: 'band',
      render: (_, a) => (
        <>
          {a.bandLabel ?? a.band ?? '—'}
          {a.flags.includes('urgent') && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('assess.urgent')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('res.careLevel'),
      key: 'care',
      responsive: ['md'],
      render: (_, a) =>
        a.confirmedCareLevel ? (
          <CareLevelTag level={a.confirmedCareLevel} />
        ) : a.suggestedCareLevel ? (
          <CareLevelTag level={a.suggestedCareLevel} />
        ) : (
          '—'
        ),
    },
    { title: t('assess.by'), dataIndex: 'assessedByName', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { key: 'print', render: (_, a) => <Link to={`/assessments/${a.id}/print`}>{t('print.open')}</Link> },
  ];

  return (
    <Card title={t('res.assessments')} extra={extra}>
      {option && <Chart option={option} height={240} ariaLabel={t('assess.trend')} />}
      {items && items.length === 0 ? (
        <Empty description={t('assess.none')} />
      ) : (
        <Table<Assessment>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          pagination={{ pageSize: 5 }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
