// 跟进任务 on a resident's profile: open ones (with their due time) and done ones with the
// outcome. The profile shows it only when the resident has any.
import { useState } from 'react';
import { Button, Card, Space, Tag, Timeline, Typography } from 'antd';
import { useFollowUps, type FollowUp } from '../../api/followups.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { CompleteModal } from './CompleteModal.tsx';
import { ReassignModal } from './ReassignModal.tsx';
import { relativeDue, STATUS_COLORS } from './due.ts';

export function ResidentFollowUpsCard(props: { residentId: string; canComplete: boolean; canReassign: boolean }) {
  const { residentId, canComplete, canReassign } = props;
  const { t } = useI18n();
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const [reassigning, setReassigning] = useState<FollowUp | null>(null);
  const list = useFollowUps({ status: 'all', residentId, pageSize: 20 });
  const items = list.data?.items ?? [];
  const now = Date.now();

  return (
    <Card title={t('fu.residentTitle')} size="small">
      <Timeline
        items={items.map((f) => ({
          color: STATUS_COLORS[f.status],
          title: (
            <Space size={4} wrap>
              <Tag color={STATUS_COLORS[f.status]}>{t(`fu.status.${f.status}`)}</Tag>
              <span>{f.reason}</span>
            </Space>
          ),
          content:
            f.status === 'done' ? (
              <>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{f.outcome}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('fu.doneBy', { name: f.doneByName ?? '—', at: formatDateTime(f.doneAt) })}
                </Typography.Text>
              </>
            ) : (
              <Space wrap size={8}>
                <Typography.Text type={f.status === 'overdue' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                  {relativeDue(f.dueAt, now, t)} · {formatDateTime(f.dueAt)}
                  {f.assignedToName ? ` · ${t('fu.assigned')}: ${f.assignedToName}` : ''}
                </Typography.Text>
                {canComplete && (
                  <Button size="small" onClick={() => setCompleting(f)}>
                    {t('fu.complete')}
                  </Button>
                )}
                {canReassign && (
                  <Button size="small" onClick={() => setReassigning(f)}>
                    {t('fu.reassign')}
                  </Button>
                )}
              </Space>
            ),
        }))}
      />
      {completing && <CompleteModal task={completing} onClose={() => setCompleting(null)} />}
      {reassigning && <ReassignModal task={reassigning} onClose={() => setReassigning(null)} />}
    </Card>
  );
}
