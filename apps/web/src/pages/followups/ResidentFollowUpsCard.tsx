// 跟进任务 on a resident's profile: open ones (with their due time) and done ones with the
// outcome. The profile shows it only when the resident has any.
import { Card, Space, Tag, Timeline, Typography } from 'antd';
import { useFollowUps } from '../../api/followups.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { FollowUpActions } from './FollowUpActions.tsx';
import { relativeDue, STATUS_COLORS } from './due.ts';

export function ResidentFollowUpsCard({ residentId }: { residentId: string }) {
  const { t } = useI18n();
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
                <FollowUpActions task={f} />
              </Space>
            ),
        }))}
      />
    </Card>
  );
}
