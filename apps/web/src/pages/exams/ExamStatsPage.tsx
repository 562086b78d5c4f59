// 考试通过率: for an area, a year and a level, the pass rate by child area (click to drill down
// to the street) or organisation, each against the area shown, and the area against the one
// above it as a computed line ("高于厦门市 6.8 个百分点"); a table and a chart.
import { useMemo, useState } from 'react';
import { Breadcrumb, Card, Empty, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CERT_KIND_LABELS, SW_LEVELS, type ExamStats } from '@wushe/core';
import { useExamStats } from '../../api/exams.ts';
import { useActor } from '../../api/session.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Row = ExamStats['rows'][number];
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function ExamStatsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const [year, setYear] = useState<number>();
  const [level, setLevel] = useState<string>();
  const area = trail.at(-1)?.code ?? actor.area.code;
  const q = useExamStats({ area, year, level });
  const data = q.data;
  const compare = (points: number | null, parent: string) =>
    points === null
      ? ''
      : points > 0
        ? t('ex.stats.above', { parent, n: points.toFixed(1) })
        : points < 0
          ? t('ex.stats.below', { parent, n: Math.abs(points).toFixed(1) })
          : t('ex.stats.same', { parent });
  const pointsTag = (p: number | null, parent: string) =>
    p === null ? '—' : <Tag color={p > 0 ? 'green' : p < 0 ? 'red' : 'default'}>{compare(p, parent)}</Tag>;

  const option = useMemo<ChartOption>(() => {
    const rows = (data?.rows ?? []).filter((r) => r.registered).slice(0, 30);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name || t('ex.stats.noOrg')),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: t('ex.stats.rate'), data: rows.map((r) => Math.round((r.rate ?? 0) * 1000) / 10) },
        {
          type: 'line',
          name: data?.area.name ?? '',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: rows.map(() => Math.round((data?.total.rate ?? 0) * 1000) / 10),
        },
      ],
    };
  }, [data, t]);

  const columns: TableColumnsType<Row> = [
    {
      title: data?.groupBy === 'org' ? t('ex.stats.byOrg') : t('ex.stats.byArea'),
      dataIndex: 'name',
      render: (n: string, r) =>
        r.drill ? (
          <Typography.Link onClick={() => setTrail([...trail, { code: r.drill!, name: r.name }])}>{n}</Typography.Link>
        ) : (
          n || t('ex.stats.noOrg')
        ),
    },
    { title: t('ex.stats.registered'), dataIndex: 'registered', align: 'right' },
    { title: t('ex.stats.passedN'), dataIndex: 'passed', align: 'right' },
    { title: t('ex.stats.rate'), dataIndex: 'rate', align: 'right', render: pct },
    { title: t('ex.stats.points'), dataIndex: 'pointsAbove', render: (p: number | null) => pointsTag(p, data?.area.name ?? '') },
  ];
  const headline =
    data && data.year !== null
      ? t('ex.stats.headline', {
          area: data.area.name,
          year: data.year,
          registered: data.total.registered,
          passed: data.total.passed,
          rate: pct(data.total.rate),
          compare: data.parent ? compare(data.total.pointsAbove, data.parent.name) : '',
        })
      : null;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('menu.examStats')}
      </Typography.Title>
      <Breadcrumb
        items={[{ code: actor.area.code, name: actor.area.name }, ...trail].map((a, i) => ({
          title: i < trail.length ? <Typography.Link onClick={() => setTrail(trail.slice(0, i))}>{a.name}</Typography.Link> : a.name,
        }))}
      />
      <Flex gap={8} wrap>
        <Select
          aria-label={t('ex.stats.year')}
          style={{ width: 120 }}
          value={data?.year ?? undefined}
          onChange={setYear}
          options={(data?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          aria-label={t('ex.level')}
          style={{ width: 180 }}
          allowClear
          placeholder={t('ex.stats.allLevels')}
          value={level}
          onChange={setLevel}
          options={SW_LEVELS.map((l) => ({ value: l, label: label(CERT_KIND_LABELS[l]) }))}
        />
      </Flex>
      {data && data.year === null ? (
        <Empty description={t('ex.stats.empty')} />
      ) : (
        <>
          {headline && (
            <Card size="small" data-testid="exam-headline">
              <Typography.Text strong>{headline}</Typography.Text>
            </Card>
          )}
          <Card size="small" title={t('ex.level')}>
            <Table
              size="small"
              rowKey="level"
              pagination={false}
              loading={q.isLoading}
              dataSource={data?.byLevel ?? []}
              columns={[
                {
                  title: t('ex.level'),
                  dataIndex: 'level',
                  render: (l: Row['key'] & keyof typeof CERT_KIND_LABELS) => label(CERT_KIND_LABELS[l]),
                },
                { title: t('ex.stats.registered'), dataIndex: 'registered', align: 'right' },
                { title: t('ex.stats.passedN'), dataIndex: 'passed', align: 'right' },
                { title: t('ex.stats.rate'), dataIndex: 'rate', align: 'right', render: pct },
                {
                  title: t('ex.stats.points'),
                  dataIndex: 'pointsAbove',
                  render: (p: number | null) => pointsTag(p, data?.parent?.name ?? ''),
                },
              ]}
            />
          </Card>
          <Card size="small">
            <Chart option={option} height={280} ariaLabel={t('ex.stats.rate')} />
          </Card>
          <Table<Row> size="small" rowKey="key" pagination={false} loading={q.isLoading} dataSource={data?.rows ?? []} columns={columns} />
        </>
      )}
    </Flex>
  );
}
