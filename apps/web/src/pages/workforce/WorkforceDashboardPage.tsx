// 人才看板: an official's view of the workforce of an area on a day — KPI cards, the 持证率 trend,
// rates by child area (click a bar or a name to drill down; the breadcrumb goes back up), the
// table by child area or organisation, and its Excel export.
import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PROGRAMME_STAGE_LABELS, type WorkforceDashboard } from '@wushe/core';
import { useActor } from '../../api/session.ts';
import { useWorkforceDashboard } from '../../api/workforce.ts';
import { AreaPath } from '../../components/AreaPath.tsx';
import { Chart } from '../../components/Chart.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pct, RatesTable, useRateBars, useTrendLine } from './WorkforceDashboardParts.tsx';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function Kpi({ title, value, detail, loading }: { title: string; value: string | number; detail?: React.ReactNode; loading: boolean }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} loading={loading} />
      {detail && !loading && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {detail}
        </Typography.Text>
      )}
    </Card>
  );
}

export function WorkforceDashboardPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const [area, setArea] = useState<string>(actor.area.code);
  const [date, setDate] = useState<Dayjs>(businessToday());
  const asOf = date.format('YYYY-MM-DD');
  const q = useWorkforceDashboard({ area, asOf });
  const d: WorkforceDashboard | undefined = q.data;
  const trail = d?.trail ?? [{ code: actor.area.code, name: actor.area.name }];
  const loading = q.isLoading;
  const by = d?.groupBy === 'org' ? t('wfd.org') : t('wfd.area');
  const trend = useTrendLine(d);
  const bars = useRateBars(d);
  const drill = (code: string | null) => code && setArea(code);
  const tot = d?.total;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.wfDashboard')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            aria-label={t('wfd.asOf')}
            allowClear={false}
            value={date}
            onChange={(v) => v && setDate(v)}
            disabledDate={(v) => v.isAfter(dayjs())}
          />
          <ExportButton path="/workforce/dashboard/export" direct query={{ area, asOf }} filename="workforce-dashboard.xlsx" />
        </Space>
      </Flex>
      <AreaPath path={trail.slice(0, -1)} area={trail.at(-1)} onOpen={setArea} style={{}} />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Kpi title={t('wfd.workers')} value={tot?.workers ?? 0} loading={loading} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Kpi
            title={t('wfd.rate')}
            value={pct(tot?.rate ?? null)}
            loading={loading}
            detail={tot && t('wfd.levels', { a: tot.assistant, i: tot.intermediate, s: tot.senior })}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Kpi
            title={t('wfd.ce')}
            value={pct(tot?.ce.rate ?? null)}
            loading={loading}
            detail={tot && t('wfd.ceDetail', { c: tot.ce.complete, o: tot.ce.onPace, b: tot.ce.behind })}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Kpi
            title={d?.examYear ? t('wfd.exam', { year: d.examYear }) : t('wfd.examNone')}
            value={pct(tot?.exam.rate ?? null)}
            loading={loading}
            detail={
              tot && (
                <>
                  {t('wfd.examCounts', { r: tot.exam.registered, p: tot.exam.passed })}
                  {d?.examParent && d.examPointsAbove !== null && (
                    <>
                      <br />
                      <Tag color={d.examPointsAbove >= 0 ? 'green' : 'orange'} style={{ marginTop: 2 }}>
                        {t('wfd.examVs', {
                          name: d.examParent.name,
                          points: `${d.examPointsAbove > 0 ? '+' : ''}${d.examPointsAbove}`,
                        })}
                      </Tag>
                    </>
                  )}
                </>
              )
            }
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Kpi
            title={t('wfd.training')}
            value={tot?.training.hours ?? 0}
            loading={loading}
            detail={tot && t('wfd.personTimes', { n: tot.training.personTimes })}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Kpi
            title={t('wfd.programmes')}
            value={tot ? tot.programmes.open + tot.programmes.closed : 0}
            loading={loading}
            detail={
              tot &&
              t('wfd.programmesDetail', {
                o: tot.programmes.open,
                c: tot.programmes.closed,
                p: tot.programmes.places,
                s: tot.programmes.selected,
              })
            }
          />
        </Col>
        {d?.rewards && (
          <Col xs={12} md={8} xl={4}>
            <Kpi title={t('wfd.rewards')} value={`${yuan(d.rewards.paid)} / ${yuan(d.rewards.budget)}`} loading={loading} />
          </Col>
        )}
      </Row>
      {!!d?.programmeStages.some((s) => s.count) && (
        <Space wrap size={4}>
          <Typography.Text type="secondary">{t('wfd.stages')}：</Typography.Text>
          {d.programmeStages
            .filter((s) => s.count)
            .map((s) => (
              <Tag key={s.stage} color={s.stage === 'done' ? 'green' : 'blue'}>
                {label(PROGRAMME_STAGE_LABELS[s.stage])} {s.count}
              </Tag>
            ))}
        </Space>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('wfd.trend')} size="small">
            <Chart option={trend} height={280} ariaLabel={t('wfd.trend')} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('wfd.byArea', { by })} size="small">
            <Chart
              option={bars}
              height={280}
              ariaLabel={t('wfd.byArea', { by })}
              onClick={(p) => d && drill(d.rows[p.dataIndex]?.drill ?? null)}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('wfd.table', { by })} size="small">
        <RatesTable data={d} loading={loading} onDrill={drill} />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('wfd.definition')}
      </Typography.Text>
    </Flex>
  );
}
