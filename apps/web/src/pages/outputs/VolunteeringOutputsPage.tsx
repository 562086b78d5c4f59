// 心愿与志愿成效: an area (default the caller's) and a period (default the last twelve months);
// the figures as they stood at the period's end, charts by child area (click or a name to drill
// down, the breadcrumb back up), by month and of the wishes by status, a table and its export.
import { useState } from 'react';
import { Card, Col, Flex, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { hoursOf, type VolunteeringFigures } from '@wushe/core';
import { useVolunteeringOutputs, type VolunteeringRow } from '../../api/outputs.ts';
import { useActor } from '../../api/session.ts';
import { AreaPath } from '../../components/AreaPath.tsx';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { yuanShort } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { drillNameColumn, PeriodPicker, usePeriod } from './OutputsControls.tsx';
import { VolunteeringMonthsChart, VolunteeringRowsChart, WishStatusChart } from './VolunteeringCharts.tsx';

type Figure = { key: string; label: string; value: (f: VolunteeringFigures) => number; show?: (f: VolunteeringFigures) => string };

export function VolunteeringOutputsPage() {
  const { t } = useI18n();
  const actor = useActor();
  const [area, setArea] = useState(actor.area.code);
  const { range, setRange, from, to } = usePeriod();
  const filter = { area, from, to };
  const q = useVolunteeringOutputs(filter);
  const data = q.data;
  const drill = (row: VolunteeringRow) => row.drill && setArea(row.key);

  const figures: Figure[] = [
    { key: 'wishesPosted', label: t('outv.wishesPosted'), value: (f) => f.wishesPosted },
    { key: 'wishesClaimed', label: t('outv.wishesClaimed'), value: (f) => f.wishesClaimed },
    { key: 'wishesFulfilled', label: t('outv.wishesFulfilled'), value: (f) => f.wishesFulfilled },
    {
      key: 'fulfilledValue',
      label: t('outv.fulfilledValue'),
      value: (f) => f.fulfilledValueFen,
      show: (f) => yuanShort(f.fulfilledValueFen),
    },
    { key: 'wishesOpen', label: t('outv.wishesOpen'), value: (f) => f.wishesOpen },
    { key: 'volunteersRegistered', label: t('outv.volunteersRegistered'), value: (f) => f.volunteersRegistered },
    { key: 'volunteersNew', label: t('outv.volunteersNew'), value: (f) => f.volunteersNew },
    { key: 'volunteersActive', label: t('outv.volunteersActive'), value: (f) => f.volunteersActive },
    { key: 'services', label: t('outv.services'), value: (f) => f.services },
    {
      key: 'serviceHours',
      label: t('outv.serviceHours'),
      value: (f) => f.serviceMinutes,
      show: (f) => hoursOf(f.serviceMinutes).toLocaleString('zh-CN'),
    },
  ];

  const columns: TableColumnsType<VolunteeringRow> = [
    drillNameColumn<VolunteeringRow>(t('out.name.area'), drill),
    ...figures.map((f) => ({
      title: f.label,
      key: f.key,
      align: 'right' as const,
      sorter: (a: VolunteeringRow, b: VolunteeringRow) => f.value(a.figures) - f.value(b.figures),
      render: (_: unknown, row: VolunteeringRow) => (f.show ? f.show(row.figures) : f.value(row.figures).toLocaleString('zh-CN')),
    })),
  ];

  return (
    <Card title={t('outv.title')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <AreaPicker
          aria-label={t('filter.area')}
          allowClear={false}
          style={{ width: 240 }}
          value={area}
          onChange={(c) => c && setArea(c)}
        />
        <PeriodPicker value={range} onChange={setRange} />
        <div style={{ marginLeft: 'auto' }}>
          <ExportButton path="/outputs/volunteering" query={filter} filename="volunteering-outputs.xlsx" />
        </div>
      </Flex>
      <AreaPath path={data?.path ?? []} area={data?.area} onOpen={setArea} />
      <Row gutter={[16, 16]} style={{ marginBottom: 8 }} data-testid="volunteering-totals">
        {figures.map((f) => (
          <Col xs={12} sm={8} md={6} xl={4} xxl={4} key={f.key}>
            <Statistic title={f.label} loading={q.isPending} value={data ? (f.show ? f.show(data.totals) : f.value(data.totals)) : 0} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('outv.definitions')}
      </Typography.Paragraph>
      {q.isError && <Typography.Text type="danger">{q.error.message}</Typography.Text>}
      {data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={12}>
            <VolunteeringRowsChart data={data} onDrill={drill} />
          </Col>
          <Col xs={24} xl={12}>
            <VolunteeringMonthsChart data={data} />
          </Col>
          <Col xs={24}>
            <WishStatusChart data={data} />
          </Col>
        </Row>
      )}
      {(data?.rows.length ?? 1) > 0 && (
        <Table<VolunteeringRow>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={data?.rows}
          loading={q.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('out.empty') }}
        />
      )}
    </Card>
  );
}
