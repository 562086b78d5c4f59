// 覆盖率: an area (default the caller's) and a date (default today); summary, a bar chart of the
// children's rates (click to drill down, Breadcrumb to go back up), a table, export; every figure
// links to the residents it counts, and the area is broken down by care level and category.
import { useEffect, useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Col, DatePicker, Flex, Progress, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useCoverage, type CoverageCell } from '../../api/coverage.ts';
import { useActor } from '../../api/session.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { businessToday } from '../../fmt.ts';
import { areaLevel } from '@wushe/core';
import { TrendChart } from './TrendChart.tsx';
import { CoverageBreakdown } from './CoverageBreakdown.tsx';
import { FigureLink } from './FigureLink.tsx';

const pct = (rate: number) => Math.round(rate * 1000) / 10;

export function CoveragePage() {
  const { t } = useI18n();
  const actor = useActor();
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([{ code: actor.area.code, name: actor.area.name }]);
  const [date, setDate] = useState(businessToday());
  const area = trail[trail.length - 1]!;
  const dateStr = date.format('YYYY-MM-DD');
  const cov = useCoverage(area.code, dateStr);
  const data = cov.data;

  // A code picked in the AreaPicker gets its name once the answer arrives.
  useEffect(() => {
    if (data && area.code === data.area.code && area.name !== data.area.name) {
      setTrail((tr) => tr.map((a) => (a.code === data.area.code ? { ...a, name: data.area.name } : a)));
    }
  }, [data, area]);

  const drill = (c: { code: string; name: string }) => setTrail((tr) => [...tr, { code: c.code, name: c.name }]);

  const option = useMemo<ChartOption | null>(() => {
    if (!data?.children.length) return null;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.children.map((c) => c.name),
        axisLabel: { interval: 0, rotate: data.children.length > 6 ? 35 : 0 },
        triggerEvent: true,
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('cov.rate'),
          // No bar (rather than 0%) for an area with nobody registered.
          data: data.children.map((c) => ({
            value: c.registered === 0 ? null : pct(c.rate),
            itemStyle: { color: c.rate >= 0.9 ? '#52c41a' : c.rate >= 0.7 ? '#1677ff' : '#fa541c' },
          })),
          label: { show: true, position: 'top', formatter: '{c}%' },
        },
      ],
    } as ChartOption;
  }, [data, t]);

  const columns: TableColumnsType<CoverageCell> = [
    {
      title: t('name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => drill(c)}>
          {name}
        </Button>
      ),
    },
    ...(['registered', 'covered', 'overdue'] as const).map((kind) => ({
      title: t(`cov.${kind}`),
      dataIndex: kind,
      align: 'right' as const,
      sorter: (a: CoverageCell, b: CoverageCell) => a[kind] - b[kind],
      render: (n: number, c: CoverageCell) => <FigureLink area={c.code} date={dateStr} kind={kind} value={n} />,
    })),
    {
      title: t('cov.rate'),
      dataIndex: 'rate',
      sorter: (a, b) => a.rate - b.rate,
      render: (rate: number, c) =>
        c.registered === 0 ? (
          '—'
        ) : (
          <Progress
            percent={pct(rate)}
            size="small"
            style={{ minWidth: 120 }}
            status={rate < 0.7 ? 'exception' : 'normal'}
            format={(p) => `${p}%`}
          />
        ),
    },
  ];

  return (
    <Card title={t('cov.title')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <AreaPicker
          aria-label={t('filter.area')}
          allowClear={false}
          style={{ width: 240 }}
          value={area.code}
          onChange={(code) => code && setTrail([{ code, name: code }])}
        />
        <DatePicker
          aria-label={t('cov.date')}
          value={date}
          allowClear={false}
          disabledDate={(d) => d.isAfter(businessToday(), 'day')}
          onChange={(d) => d && setDate(d)}
        />
        <div style={{ marginLeft: 'auto' }}>
          <ExportButton path="/coverage" query={{ area: area.code, date: dateStr }} filename="coverage.xlsx" />
        </div>
      </Flex>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={trail.map((a, i) => {
          const name = data?.area.code === a.code ? data.area.name : a.name;
          return {
            key: a.code,
            title:
              i < trail.length - 1 ? (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    setTrail((tr) => tr.slice(0, i + 1));
                  }}
                >
                  {name}
                </a>
              ) : (
                name
              ),
          };
        })}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          {data && data.area.registered === 0 ? (
            <Statistic title={t('cov.rate')} value="—" />
          ) : (
            <Statistic title={t('cov.rate')} value={data ? pct(data.area.rate) : 0} precision={1} suffix="%" loading={cov.isPending} />
          )}
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('cov.registered')}
            value={data?.area.registered ?? 0}
            loading={cov.isPending}
            valueRender={() => <FigureLink area={area.code} date={dateStr} kind="registered" value={data?.area.registered ?? 0} />}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('cov.covered')}
            value={data?.area.covered ?? 0}
            loading={cov.isPending}
            valueRender={() => <FigureLink area={area.code} date={dateStr} kind="covered" value={data?.area.covered ?? 0} />}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('cov.overdue')}
            value={data?.area.overdue ?? 0}
            loading={cov.isPending}
            styles={{ content: { color: '#cf1322' } }}
            valueRender={() => <FigureLink area={area.code} date={dateStr} kind="overdue" value={data?.area.overdue ?? 0} />}
          />
        </Col>
      </Row>
      {option && (
        <>
          <Typography.Text type="secondary">{t('cov.drillHint')}</Typography.Text>
          <Chart
            option={option}
            ariaLabel={t('cov.chart')}
            onClick={(p) => {
              const c =
                (p.componentType === 'series' ? data?.children[p.dataIndex] : undefined) ??
                data?.children.find((x) => x.name === (p.name ?? p.value));
              if (c) drill(c);
            }}
          />
        </>
      )}
      {cov.isError && <Typography.Text type="danger">{cov.error.message}</Typography.Text>}
      <Table<CoverageCell>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={data?.children}
        loading={cov.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <CoverageBreakdown area={area.code} date={dateStr} />
      {!['community', 'grid'].includes(areaLevel(area.code)) && <TrendChart area={area.code} />}
    </Card>
  );
}
