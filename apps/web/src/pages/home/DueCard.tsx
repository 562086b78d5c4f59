// 本周待走访: my due and overdue residents, nearest first; per worker for heads and officials.
import { Link } from 'react-router-dom';
import { Badge, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useDue, type DueResponse } from '../../api/coverage.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../fmt.ts';
import { CareLevelTag } from '../residents/tags.tsx';

export function DueCard() {
  const { t } = useI18n();
  const due = useDue('me');
  const data = due.data;
  const items = [...(data?.items ?? [])].sort((a, b) => b.daysOverdue - a.daysOverdue || a.nextDueOn.localeCompare(b.nextDueOn));
  return (
    <Card
      title={t('due.title')}
      loading={due.isPending}
      extra={
        data && (
          <Space size={4}>
            <Tag color="red">
              {t('due.overdue')} {data.overdue}
            </Tag>
            <Tag color="orange">
              {t('due.dueSoon')} {data.dueSoon}
            </Tag>
          </Space>
        )
      }
      styles={{ body: { maxHeight: 480, overflow: 'auto' } }}
    >
      {items.length === 0 ? (
        <Empty description={t('due.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item
              extra={
                d.due === 'overdue' ? (
                  <Typography.Text type="danger">{t('res.overdueDays', { n: d.daysOverdue })}</Typography.Text>
                ) : (
                  <Typography.Text type="warning">{t('due.on', { d: formatDate(d.nextDueOn) })}</Typography.Text>
                )
              }
            >
              <Space wrap size={4}>
                <Link to={`/residents/${d.residentId}`} style={d.due === 'overdue' ? { color: '#cf1322' } : undefined}>
                  {d.name}
                </Link>
                <CareLevelTag level={d.careLevel} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.areaName}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

type WorkerRow = DueResponse['byWorker'][number];

export function DueByWorkerCard() {
  const { t } = useI18n();
  const due = useDue('all');
  const rows = [...(due.data?.byWorker ?? [])].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  return (
    <Card title={t('due.byWorker')} loading={due.isPending}>
      <Table<WorkerRow>
        size="small"
        rowKey={(r) => r.workerId ?? 'none'}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('res.worker'), dataIndex: 'workerName', render: (v: string | null) => v ?? t('due.unassigned') },
          {
            title: t('due.overdue'),
            dataIndex: 'overdue',
            align: 'right',
            render: (n: number) => <Badge count={n} showZero color={n ? '#cf1322' : '#d9d9d9'} overflowCount={9999} />,
          },
          {
            title: t('due.dueSoon'),
            dataIndex: 'dueSoon',
            align: 'right',
            render: (n: number) => <Badge count={n} showZero color={n ? '#fa8c16' : '#d9d9d9'} overflowCount={9999} />,
          },
        ]}
      />
    </Card>
  );
}
