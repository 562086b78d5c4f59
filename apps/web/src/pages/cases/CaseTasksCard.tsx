// 任务与跟进: a case's tasks are follow-ups naming the case (the follow-up machinery: due times,
// overdue notices, the home pages). Listed here with their state; added, completed or handed on
// with the follow-ups' own form and actions.
import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useFollowUps } from '../../api/followups.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FollowUpActions } from '../followups/FollowUpActions.tsx';
import { FollowUpForm } from '../followups/FollowUpForm.tsx';
import type { CaseDetail } from '../../api/cases.ts';
import { useCaseRights } from './tags.tsx';

const STATUS_COLOR = { open: 'processing', overdue: 'error', done: 'success' } as const;

export function CaseTasksCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { canWrite } = useCaseRights();
  const [adding, setAdding] = useState(false);
  const tasks = useFollowUps({ status: 'all', caseId: c.id, pageSize: 50 });
  const items = tasks.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('cs.task.title')}
      loading={tasks.isPending}
      extra={
        canWrite && c.stage !== 'closed' ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('cs.task.new')}
          </Button>
        ) : undefined
      }
      data-testid="case-tasks"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cs.task.none')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => (
            <List.Item actions={[<FollowUpActions key="a" task={f} />]}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Tag color={STATUS_COLOR[f.status]}>{t(`fu.status.${f.status}`)}</Tag>
                    <span>{f.reason}</span>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('fu.col.due')} {formatDateTime(f.dueAt).slice(0, 16)}
                    {f.assignedToName ? ` · ${f.assignedToName}` : ''}
                    {f.outcome ? ` · ${f.outcome}` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cs.task.hint')}
      </Typography.Text>
      {adding && (
        <FollowUpForm
          resident={{ id: c.residentId, name: c.residentName, areaCode: c.areaCode }}
          caseRef={{ id: c.id, caseNo: c.caseNo }}
          onClose={() => setAdding(false)}
        />
      )}
    </Card>
  );
}
