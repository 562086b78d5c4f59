// 持证统计: headcount by level and 持证率 for an area on a day, by child area (click a bar or a
// name to drill down to the street) then by organisation; and the posts requiring a
// certificate, each opening the list of people in it not yet certified.
import { useMemo, useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Modal,
  Popconfirm,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { WORKER_POST_LABELS, type Requirement, type WorkforceStats } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useRemoveRequirement, useWorkforceStats } from '../../api/workforce.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RequirementForm } from './RequirementForm.tsx';

type Row = WorkforceStats['rows'][number];
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function WorkforceStatsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const [date, setDate] = useState<Dayjs>(businessToday());
  const [open, setOpen] = useState<Requirement | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = useRemoveRequirement();
  const canWrite = actor.permissions.includes('worker.write');
  const area = trail.at(-1)?.code ?? actor.area.code;
  const q = useWorkforceStats({ area, date: date.format('YYYY-MM-DD') });
  const data = q.data;
  const drill = (r: Row) => r.drill && data && setTrail([...trail, { code: r.drill, name: r.name }]);
  const byWhat = data?.groupBy === 'org' ? t('wf.stats.byOrg') : t('wf.stats.byArea');
  const rowName = (r: Row) => r.name || t('wf.stats.noOrg');

  const rateOption = useMemo<ChartOption>(() => {
    const rows = (data?.rows ?? []).slice(0, 30);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map(rowName),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0 },
        triggerEvent: true,
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('wf.stats.rate'),
          data: rows.map((r) => (r.rate === null ? 0 : Math.round(r.rate * 1000) / 10)),
          label: { show: rows.length <= 12, position: 'top', formatter: '{c}%' },
        },
      ],
    };
  }, [data, t]);
  const levelOption = useMemo<ChartOption>(() => {
    const tot = data?.total;
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: tot
            ? [
                { name: t('wf.stats.assistant'), value: tot.assistant },
                { name: t('wf.stats.intermediate'), value: tot.intermediate },
                { name: t('wf.stats.senior'), value: tot.senior },
                { name: t('wf.none'), value: tot.workers - tot.certified },
              ]
            : [],
        },
      ],
    };
  }, [data, t]);

  const columns: TableColumnsType<Row> = [
    {
      title: byWhat,
      dataIndex: 'name',
      render: (_: string, r) =>
        r.drill ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => drill(r)}>
            {rowName(r)}
          </Button>
        ) : (
          rowName(r)
        ),
    },
    ...(['workers', 'certified', 'assistant', 'intermediate', 'senior'] as const).map((k) => ({
      title: t(`wf.stats.${k}`),
      dataIndex: k,
      align: 'right' as const,
      sorter: (a: Row, b: Row) => a[k] - b[k],
    })),
    { title: t('wf.stats.rate'), dataIndex: 'rate', align: 'right', sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1), render: pct },
  ];
  const today = businessToday().format('YYYY-MM-DD');
  const reqColumns: TableColumnsType<Requirement> = [
    { title: t('wf.post'), dataIndex: 'post', render: (p: Requirement['post']) => label(WORKER_POST_LABELS[p]) },
    { title: t('wf.req.scope'), key: 'scope', render: (_, r) => r.orgName ?? r.areaName },
    {
      title: t('wf.req.deadline'),
      dataIndex: 'deadline',
      render: (d: string) => (d < today ? <Tag color="red">{`${d} ${t('wf.req.overdue')}`}</Tag> : d),
    },
    { title: t('wf.req.inPost'), dataIndex: 'inPost', align: 'right' },
    {
      title: t('wf.req.uncertified'),
      key: 'uncertified',
      align: 'right',
      render: (_, r) => (
        <Button type="link" style={{ padding: 0 }} disabled={!r.uncertified.length} onClick={() => setOpen(r)}>
          {r.uncertified.length}
        </Button>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, r: Requirement) => (
              <Popconfirm title={t('wf.req.remove')} onConfirm={() => remove.mutateAsync(r.id)}>
                <Button type="link" danger style={{ padding: 0 }}>
                  {t('delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.workforceStats')}
        </Typography.Title>
        <DatePicker
          aria-label={t('wf.stats.date')}
          allowClear={false}
          value={date}
          onChange={(d) => d && setDate(d)}
          disabledDate={(d) => d.isAfter(dayjs())}
        />
      </Flex>
      <Breadcrumb
        items={[{ code: actor.area.code, name: actor.area.name }, ...trail].map((a, i, all) => ({
          key: a.code,
          title:
            i < all.length - 1 ? (
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  setTrail(trail.slice(0, i));
                }}
              >
                {a.name}
              </a>
            ) : (
              a.name
            ),
        }))}
      />
      <Row gutter={[16, 16]}>
        {(['workers', 'certified', 'assistant', 'intermediate', 'senior'] as const).map((k) => (
          <Col key={k} xs={12} md={8} lg={4}>
            <Card size="small">
              <Statistic title={t(`wf.stats.${k}`)} value={data?.total[k] ?? 0} loading={q.isLoading} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} lg={4}>
          <Card size="small">
            <Statistic title={t('wf.stats.rate')} value={pct(data?.total.rate ?? null)} loading={q.isLoading} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('wf.stats.definition')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('wf.stats.rateChart', { by: byWhat })}>
            <Chart
              option={rateOption}
              ariaLabel={t('wf.stats.rateChart', { by: byWhat })}
              onClick={(p) => data && drill(data.rows[p.dataIndex]!)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('wf.stats.levelChart')}>
            <Chart option={levelOption} ariaLabel={t('wf.stats.levelChart')} />
          </Card>
        </Col>
      </Row>
      <Card>
        <Table
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={q.isLoading}
          pagination={false}
          scroll={{ x: true }}
        />
      </Card>
      <Card
        title={t('wf.req.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('wf.req.add')}
            </Button>
          )
        }
      >
        <Table rowKey="id" size="small" columns={reqColumns} dataSource={data?.requirements ?? []} pagination={false} />
      </Card>
      {adding && <RequirementForm area={area} onClose={() => setAdding(false)} />}
      <Modal
        open={!!open}
        title={open && t('wf.req.people', { post: label(WORKER_POST_LABELS[open.post]) })}
        footer={null}
        onCancel={() => setOpen(null)}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          dataSource={open?.uncertified ?? []}
          columns={[
            {
              title: t('wf.name'),
              dataIndex: 'name',
              render: (n: string, p) => (actor.permissions.includes('worker.read') ? <Link to={`/workers/${p.id}`}>{n}</Link> : n),
            },
            { title: t('wf.org'), dataIndex: 'orgName', render: (n: string | null) => n ?? '—' },
            { title: t('wf.area'), dataIndex: 'areaName' },
          ]}
        />
      </Modal>
    </Flex>
  );
}
