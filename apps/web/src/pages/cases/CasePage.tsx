// 个案: one case: its facts and the six stages, what can be done now (stage moves, the head's
// decision, reassignment), the presenting problem, the plan and its goals, the closure, its
// referrals (转介), its tasks and the timeline. A case outside the caller's scope answers 404 like a missing one.
import { CaseSatisfactionCard } from './CaseSatisfactionCard.tsx';
import { CaseTasksCard } from './CaseTasksCard.tsx';
import { useParams } from 'react-router-dom';
import { Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useCase, type CaseDetail } from '../../api/cases.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { CaseHeader } from './CaseHeader.tsx';
import { ClosureCard } from './ClosureCard.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { PlanCard } from './PlanCard.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { NarrativeHidden } from './tags.tsx';
import { CaseReferralsCard } from '../referrals/CaseReferralsCard.tsx';

function ProblemCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Card title={t('cs.problem')} size="small">
      {c.narrativeHidden ? (
        <NarrativeHidden />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.problem}</Typography.Paragraph>
      )}
    </Card>
  );
}

export function CasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useCase(id);

  if (q.isPending) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('cs.notFound')} />;
  const c = q.data;
  const showClosure = c.stage === 'review' || c.closureStatus !== 'none' || !!c.closingSummary;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <CaseHeader c={c} />
      <DecisionBar c={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ProblemCard c={c} />
            <PlanCard c={c} />
            {showClosure && <ClosureCard c={c} />}
            {(c.stage === 'review' || c.stage === 'closed') && <CaseSatisfactionCard c={c} />}
            <CaseReferralsCard c={c} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <CaseTasksCard c={c} />
            <CaseTimeline c={c} />
          </Space>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cs.updatedAt', { at: formatDateTime(c.updatedAt) })}
      </Typography.Text>
    </Space>
  );
}
