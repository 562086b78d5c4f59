// Small shared bits of the casework pages: the stage, risk and approval tags, and who may do what.
import { Alert, Space, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useCaseTimeline, type CaseStage, type CaseSummary, type RiskLevel } from '../../api/cases.ts';
import { useActor } from '../../api/session.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

export const STAGE_COLORS: Record<CaseStage, string> = {
  intake: 'blue',
  assessment: 'cyan',
  plan: 'geekblue',
  intervention: 'purple',
  review: 'orange',
  closed: 'default',
};
export const RISK_COLORS: Record<RiskLevel, string> = { low: 'green', medium: 'gold', high: 'red' };

export function StageTag({ stage }: { stage: CaseStage }) {
  const { t } = useI18n();
  return <Tag color={STAGE_COLORS[stage]}>{t(`case.stage.${stage}`)}</Tag>;
}

export function RiskTag({ risk }: { risk: RiskLevel }) {
  const { t } = useI18n();
  return <Tag color={RISK_COLORS[risk]}>{t(`cs.risk.${risk}`)}</Tag>;
}

/** What waits for the head, or came back from them (a plan once approved says nothing more). */
export function ApprovalTags({ c }: { c: Pick<CaseSummary, 'planStatus' | 'closureStatus' | 'stage'> }) {
  const { t } = useI18n();
  const tags = [];
  if (c.planStatus === 'submitted')
    tags.push(
      <Tag key="p" color="gold">
        {t('cs.approval.planSubmitted')}
      </Tag>,
    );
  if (c.planStatus === 'returned' && c.stage !== 'closed')
    tags.push(
      <Tag key="p" color="red">
        {t('cs.approval.planReturned')}
      </Tag>,
    );
  if (c.closureStatus === 'submitted')
    tags.push(
      <Tag key="c" color="gold">
        {t('cs.approval.closureSubmitted')}
      </Tag>,
    );
  if (c.closureStatus === 'returned')
    tags.push(
      <Tag key="c" color="red">
        {t('cs.approval.closureReturned')}
      </Tag>,
    );
  return tags.length ? <Space size={0}>{tags}</Space> : null;
}

/** The caller's casework permissions. */
export function useCaseRights() {
  const { permissions } = useActor();
  return {
    canRead: permissions.includes('case.read'),
    canWrite: permissions.includes('case.write'),
    canApprove: permissions.includes('case.approve'),
  };
}

/** The head's comment when they last returned the plan or the closure (from the timeline). */
export function ReturnedNotice({ caseId, kind }: { caseId: string; kind: 'plan' | 'closure' }) {
  const { t } = useI18n();
  const events = useCaseTimeline(caseId, kind === 'plan' ? 'plan_returned' : 'closure_returned');
  const last = events.data?.items.at(-1);
  if (!last) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={t(kind === 'plan' ? 'cs.planReturnedBy' : 'cs.closureReturnedBy', {
        name: last.actorName ?? '—',
        at: formatDateTime(last.at),
      })}
      description={<span style={{ whiteSpace: 'pre-wrap' }}>{last.text ?? t('cs.textHidden')}</span>}
    />
  );
}

/** The notice shown instead of a sensitive case's narrative (`compact`: one line, after the full notice once). */
export function NarrativeHidden({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  if (compact)
    return (
      <Typography.Text type="secondary">
        <LockOutlined aria-hidden /> {t('cs.hiddenTitle')}
      </Typography.Text>
    );
  return <Alert type="info" showIcon icon={<LockOutlined aria-hidden />} title={t('cs.hiddenTitle')} description={t('cs.hiddenText')} />;
}
