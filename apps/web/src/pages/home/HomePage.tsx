import { useCallback, useMemo } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { DueByWorkerCard, DueCard } from './DueCard.tsx';
import { VolunteerHome } from './VolunteerHome.tsx';
import { Workbench } from './Workbench.tsx';
import { FollowUpsCard } from '../followups/FollowUpsCard.tsx';
import { MySupervisionCard } from '../supervision/MySupervisionCard.tsx';
import { IncomingReferralsCard } from '../referrals/IncomingReferralsCard.tsx';
import { ORG_KIND_LABELS, type OrgKind } from '@wushe/core';
import { useOrgStats } from '../../api/orgs.ts';
import { useActor } from '../../api/session.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function HomePage() {
  const actor = useActor();
  const { t, label, named } = useI18n();
  const canSeeOrgs = actor.permissions.includes('org.read');
  const canSeeDue = actor.permissions.includes('coverage.read');
  // Station heads and officials (who oversee others) also see the due list per worker.
  const oversees = canSeeDue && (actor.permissions.includes('resident.merge') || !actor.permissions.includes('contact.write'));
  // Those who can act on follow-ups see the urgent ones first.
  const canFollowUp = actor.permissions.includes('resident.read') && actor.permissions.includes('contact.write');
  const kindLabel = useCallback((k: string) => label(ORG_KIND_LABELS[k as OrgKind] ?? { zh: k, en: k }), [label]);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: actor.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {named(actor.role)}
        {actor.org ? ` · ${actor.org.name}` : ''} · {t('home.scope')}: {actor.area.name}
      </Typography.Paragraph>
      {/* Referrals waiting for the caller's organisation (a partner organisation's main work). */}
      {actor.permissions.includes('case.approve') && <IncomingReferralsCard />}
      {canSeeDue && <Workbench />}
      {actor.permissions.includes('volunteer.self') && <VolunteerHome />}
      {/* A worker's open supervision actions (none: nothing shows). */}
      {actor.permissions.includes('case.write') && <MySupervisionCard />}
      {canFollowUp && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24}>
            <FollowUpsCard oversees={actor.permissions.includes('resident.merge')} canComplete />
          </Col>
        </Row>
      )}
      {canSeeDue && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {actor.permissions.includes('contact.write') && (
            <Col xs={24} lg={oversees ? 12 : 24}>
              <DueCard />
            </Col>
          )}
          {oversees && (
            <Col xs={24} lg={actor.permissions.includes('contact.write') ? 12 : 24}>
              <DueByWorkerCard />
            </Col>
          )}
        </Row>
      )}
      {canSeeOrgs ? <OrgOverview kindLabel={kindLabel} /> : null}
    </>
  );
}

function OrgOverview({ kindLabel }: { kindLabel: (kind: string) => string }) {
  const { t } = useI18n();
  const stats = useOrgStats();
  const data = stats.data;
  const total = data ? data.byKind.reduce((s, k) => s + k.count, 0) : 0;

  const bar = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.byArea.map((a) => a.name),
        axisLabel: { interval: 0, rotate: data.byArea.length > 6 ? 35 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('home.orgTotal'), data: data.byArea.map((a) => a.count) }],
    } as ChartOption;
  }, [data, t]);

  const pie = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          // Names are in the legend; the slices carry the counts.
          label: { formatter: '{c}' },
          data: data.byKind.filter((k) => k.count > 0).map((k) => ({ name: kindLabel(k.kind), value: k.count })),
        },
      ],
    };
  }, [data, kindLabel]);

  if (stats.isPending) return <Skeleton active />;
  if (!data) return <Empty />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8}>
        <Card>
          <Statistic title={t('home.orgTotal')} value={total} />
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card>
          <Statistic title={t('home.areaCount')} value={data.byArea.length} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('home.byArea')}>{bar && data.byArea.length ? <Chart option={bar} ariaLabel={t('home.byArea')} /> : <Empty />}</Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('home.byKind')}>{pie && total ? <Chart option={pie} ariaLabel={t('home.byKind')} /> : <Empty />}</Card>
      </Col>
    </Row>
  );
}
