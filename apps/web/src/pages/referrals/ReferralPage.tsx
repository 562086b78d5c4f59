// 转介单: one referral (the person, reason, service, from whom, status and answer). For the
// receiving organisation while it is pending or accepted, the case read-only: facts, presenting
// problem, plan goals and timeline, with the notice that the reading is recorded (查阅留痕), and
// the decision while pending. The referring side gets a link to its case instead.
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, List, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useReferral, type ReferredCase } from '../../api/referrals.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate, formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CaseEvents } from '../cases/CaseTimeline.tsx';
import { GOAL_COLORS } from '../cases/PlanCard.tsx';
import { NarrativeHidden, RiskTag, StageTag } from '../cases/tags.tsx';
import { ReferralDecision } from './ReferralDecision.tsx';
import { ReferralStatusTag, ReferralTarget, usePersonLine } from './ReferralTags.tsx';

type ReadCase = NonNullable<ReferredCase['case']>;

function ReadOnlyCase({ c }: { c: ReadCase }) {
  const { t } = useI18n();
  const types = useCodeLabels('case_type');
  const services = useCodeLabels('service_type');
  return (
    <Card title={t('rf.caseTitle', { no: c.caseNo })} size="small">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <StageTag stage={c.stage} />
          <RiskTag risk={c.riskLevel} />
          <span>
            {types.labelOf(c.type)} · {t('cs.col.openedOn')} {formatDate(c.openedOn)}
          </span>
        </Space>
        {c.narrativeHidden ? (
          <NarrativeHidden />
        ) : (
          <>
            <div>
              <Typography.Text strong>{t('cs.problem')}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.problem}</Typography.Paragraph>
            </div>
            <List
              size="small"
              header={<Typography.Text strong>{t('rf.goals')}</Typography.Text>}
              dataSource={c.plan?.goals ?? []}
              locale={{ emptyText: t('rf.noPlan') }}
              renderItem={(g, i) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <Space wrap size={4}>
                      <span>
                        {i + 1}. {g.title}
                      </span>
                      <Tag color={GOAL_COLORS[g.status]}>{t(`cs.goal.status.${g.status}`)}</Tag>
                    </Space>
                    <Typography.Text type="secondary">
                      {t('cs.goal.measure')}: {g.measure} · {t('cs.goal.targetDate')}: {formatDate(g.targetDate)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {!!c.plan?.services.length && (
              <div>
                <Typography.Text strong>{t('cs.services')}: </Typography.Text>
                {c.plan.services.map((s) => (
                  <Tag key={s}>{services.labelOf(s)}</Tag>
                ))}
              </div>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

export function ReferralPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useReferral(id);
  const person = usePersonLine();

  if (q.isPending) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('notFound')} />;
  const { referral: r, case: c, timeline } = q.data;

  const facts = [
    { key: 'person', label: t('rf.person'), children: person(r.subject), span: 2 },
    { key: 'from', label: t('rf.col.from'), children: r.fromOrgName ?? '—' },
    { key: 'by', label: t('rf.referredBy'), children: t('rf.by', { name: r.referredByName, at: formatDateTime(r.referredAt) }) },
    { key: 'to', label: t('rf.col.to'), children: <ReferralTarget r={r} /> },
    { key: 'status', label: t('rf.status'), children: <ReferralStatusTag status={r.status} /> },
    { key: 'service', label: t('rf.service'), children: r.service ?? '—' },
    ...(r.decidedAt
      ? [
          {
            key: 'decided',
            label: t('rf.decidedBy'),
            children: t('rf.by', { name: r.decidedByName ?? '—', at: formatDateTime(r.decidedAt) }),
          },
        ]
      : []),
    {
      key: 'reason',
      label: t('rf.reason'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason ?? '—'}</span>,
    },
    ...(r.decisionComment
      ? [
          {
            key: 'comment',
            label: t('rf.decision'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.decisionComment}</span>,
          },
        ]
      : []),
    ...(r.acceptedCaseId
      ? [{ key: 'accepted', label: t('rf.acceptedCase'), children: <Link to={`/cases/${r.acceptedCaseId}`}>{t('rf.openCase')}</Link> }]
      : []),
    ...(r.endedAt ? [{ key: 'ended', label: t('rf.status.ended'), children: formatDateTime(r.endedAt) }] : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('rf.pageTitle', { no: r.caseNo })}
        extra={r.direction === 'outgoing' && <Link to={`/cases/${r.caseId}`}>{t('rf.openCase')}</Link>}
      >
        <Descriptions aria-label={t('rf.form')} size="small" bordered column={{ xs: 1, md: 2 }} items={facts} />
      </Card>
      <ReferralDecision r={r} />
      {c && <Alert type="info" showIcon icon={<EyeOutlined aria-hidden />} title={t('rf.readNotice')} />}
      {c ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ReadOnlyCase c={c} />
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('cs.timeline')} size="small">
              <CaseEvents events={timeline} narrativeHidden={c.narrativeHidden} />
            </Card>
          </Col>
        </Row>
      ) : (
        r.direction === 'incoming' && <Alert type="info" showIcon title={t('rf.noCase')} />
      )}
    </Space>
  );
}
