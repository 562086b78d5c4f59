// 我的督导事项 (home page): a worker's open supervision actions, overdue ones first and in red,
// each completed from here. Hidden while there is none.
import { Card, List, Space, Tag, Typography } from 'antd';
import { useSupervisionSessions } from '../../api/supervision.ts';
import { useActor } from '../../api/session.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CompleteActionButton } from './SessionActions.tsx';

export function MySupervisionCard() {
  const { t } = useI18n();
  const me = useActor();
  const sessions = useSupervisionSessions({ worker: me.id, pageSize: 50 });
  const open = (sessions.data?.items ?? [])
    .flatMap((s) => s.actions.map((a, n) => ({ s, a, n })))
    .filter(({ a }) => a.workerId === me.id && !a.doneOn)
    .sort((x, y) => Number(y.a.overdue) - Number(x.a.overdue) || x.a.dueOn.localeCompare(y.a.dueOn));
  if (!open.length) return null;
  const overdue = open.filter(({ a }) => a.overdue).length;

  return (
    <Card
      title={t('sv.mine')}
      extra={overdue > 0 && <Tag color="red">{t('sv.overdueN', { n: overdue })}</Tag>}
      styles={{ body: { maxHeight: 360, overflow: 'auto' } }}
      style={{ marginBottom: 16 }}
    >
      <List
        size="small"
        dataSource={open}
        rowKey={({ s, n }) => `${s.id}-${n}`}
        renderItem={({ s, a, n }) => (
          <List.Item style={a.overdue ? { background: '#fff1f0' } : undefined} extra={<CompleteActionButton s={s} n={n} />}>
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Typography.Text>
              <Space wrap size={4}>
                <Typography.Text type={a.overdue ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                  {t('sv.dueOnShort', { date: formatDate(a.dueOn) })}
                </Typography.Text>
                {a.overdue && <Tag color="red">{t('sv.overdue')}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sv.mineFrom', { date: formatDate(s.heldOn), supervisor: s.supervisorName })}
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
