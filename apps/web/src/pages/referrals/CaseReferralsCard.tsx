// 转介 on the case page: the case's referrals (to whom, status, reason, service, the answer and
// who gave it, when it ended) and, for the worker, 转介 (not for a closed case), 撤回 a pending one
// in Wushe, 结束转介 an accepted one (both asked first), and 登记结果 for one outside Wushe.
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { CaseDetail } from '../../api/cases.ts';
import { useProblem } from '../../api/forms.ts';
import { useCaseReferrals, useCloseReferral, type Referral } from '../../api/referrals.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCaseRights } from '../cases/tags.tsx';
import { OutcomeModal } from './OutcomeModal.tsx';
import { ReferModal } from './ReferModal.tsx';
import { ReferralStatusTag, ReferralTarget } from './ReferralTags.tsx';

function CloseButton({ r }: { r: Referral }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const close = useCloseReferral(r.id);
  const pending = r.status === 'pending';
  return (
    <Popconfirm
      title={t(pending ? 'rf.withdrawConfirm' : 'rf.endConfirm')}
      okText={t('confirm')}
      cancelText={t('cancel')}
      onConfirm={() =>
        close.mutateAsync({ version: r.version }).then(
          () => void message.success(t(pending ? 'rf.withdrawn' : 'rf.ended')),
          (e: unknown) => showProblem(e),
        )
      }
    >
      <Button size="small" danger loading={close.isPending}>
        {t(pending ? 'rf.withdraw' : 'rf.end')}
      </Button>
    </Popconfirm>
  );
}

function ReferralItem({ r, canWrite, onOutcome }: { r: Referral; canWrite: boolean; onOutcome: () => void }) {
  const { t } = useI18n();
  const actions = [];
  if (canWrite && r.status === 'pending' && !r.toOrgId)
    actions.push(
      <Button key="o" size="small" type="primary" onClick={onOutcome}>
        {t('rf.recordOutcome')}
      </Button>,
    );
  if (canWrite && ((r.status === 'pending' && r.toOrgId) || r.status === 'accepted')) actions.push(<CloseButton key="c" r={r} />);
  return (
    <List.Item data-referral={r.id}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Space wrap size={4}>
            <Typography.Text strong>
              <ReferralTarget r={r} />
            </Typography.Text>
            <ReferralStatusTag status={r.status} />
          </Space>
          {actions.length > 0 && <Space wrap>{actions}</Space>}
        </Flex>
        {r.reason && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {t('rf.reason')}：{r.reason}
          </Typography.Paragraph>
        )}
        {r.service && (
          <span>
            {t('rf.service')}：{r.service}
          </span>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rf.referredBy')}：{t('rf.by', { name: r.referredByName, at: formatDateTime(r.referredAt) })}
        </Typography.Text>
        {r.decidedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rf.decidedBy')}：{t('rf.by', { name: r.decidedByName ?? '—', at: formatDateTime(r.decidedAt) })}
          </Typography.Text>
        )}
        {r.decisionComment && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {t('rf.decision')}：{r.decisionComment}
          </Typography.Paragraph>
        )}
        {r.endedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rf.endedAt', { at: formatDateTime(r.endedAt) })}
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

export function CaseReferralsCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canWrite } = useCaseRights();
  const referrals = useCaseReferrals(c.id);
  const [referring, setReferring] = useState(false);
  const [answering, setAnswering] = useState<Referral | null>(null);
  const items = referrals.data?.items ?? [];
  const mayRefer = canWrite && c.stage !== 'closed' && !c.narrativeHidden;

  return (
    <Card
      title={t('rf.title')}
      size="small"
      aria-label={t('rf.title')}
      extra={
        mayRefer && (
          <Button size="small" icon={<SendOutlined aria-hidden />} onClick={() => setReferring(true)}>
            {t('rf.refer')}
          </Button>
        )
      }
    >
      {referrals.isPending ? (
        <Skeleton active />
      ) : items.length ? (
        <List
          size="small"
          dataSource={items}
          rowKey="id"
          renderItem={(r) => <ReferralItem r={r} canWrite={canWrite} onOutcome={() => setAnswering(r)} />}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rf.none')} />
      )}
      {referring && <ReferModal c={c} onClose={() => setReferring(false)} />}
      {answering && <OutcomeModal r={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
