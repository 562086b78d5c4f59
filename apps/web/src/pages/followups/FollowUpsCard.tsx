// 紧急跟进 on the home page: open follow-ups, soonest due first, overdue ones in red, each
// completed from here. Workers see theirs; station heads (who get the alerts) see all in scope.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useFollowUps, type FollowUp } from '../../api/followups.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { CompleteModal } from './CompleteModal.tsx';
import { relativeDue } from './due.ts';

export function FollowUpsCard({ oversees, canComplete }: { oversees: boolean; canComplete: boolean }) {
  const { t } = useI18n();
  const [mine, setMine] = useState(!oversees);
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const list = useFollowUps({ status: 'open', mine, pageSize: 50 });
  const items = list.data?.items ?? [];
  const overdue = items.filter((f) => f.status === 'overdue').length;
  const now = Date.now();

  return (
    <Card
      title={t('fu.title')}
      loading={list.isPending}
      extra={
        <Space size={8}>
          {overdue > 0 && (
            <Tag color="red">
              {t('fu.status.overdue')} {overdue}
            </Tag>
          )}
          <Segmented
            size="small"
            value={mine ? 'mine' : 'all'}
            onChange={(v) => setMine(v === 'mine')}
            options={[
              { value: 'mine', label: t('fu.mine') },
              { value: 'all', label: t('fu.all') },
            ]}
          />
          <Link to="/follow-ups">{t('fu.viewAll')}</Link>
        </Space>
      }
      styles={{ body: { maxHeight: 480, overflow: 'auto' } }}
    >
      {items.length === 0 ? (
        <Empty description={t('fu.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => {
            const late = f.status === 'overdue';
            return (
              <List.Item
                style={late ? { background: '#fff1f0' } : undefined}
                extra={
                  canComplete && (
                    <Button size="small" type="primary" onClick={() => setCompleting(f)}>
                      {t('fu.complete')}
                    </Button>
                  )
                }
              >
                <Space orientation="vertical" size={0}>
                  <Space wrap size={4}>
                    <Link to={`/residents/${f.residentId}`} style={late ? { color: '#cf1322', fontWeight: 500 } : { fontWeight: 500 }}>
                      {f.residentName}
                    </Link>
                    {late && <Tag color="red">{t('fu.status.overdue')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.reason}
                    </Typography.Text>
                  </Space>
                  <Typography.Text type={late ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                    {relativeDue(f.dueAt, now, t)} · {formatDateTime(f.dueAt)}
                    {f.assignedToName ? ` · ${t('fu.assigned')}: ${f.assignedToName}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      {completing && <CompleteModal task={completing} onClose={() => setCompleting(null)} />}
    </Card>
  );
}
