// A session's follow-up actions: what, who, by when; overdue ones in red; 完成 (asked first) for
// an open action, to its worker, the supervisor or a head (the server decides the same).
import { App, Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useCompleteSupervisionAction, type SupervisionSession } from '../../api/supervision.ts';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

/** 完成 for action `n` of session `s`. */
export function CompleteActionButton({ s, n }: { s: SupervisionSession; n: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const complete = useCompleteSupervisionAction();
  return (
    <Popconfirm
      title={t('sv.completeConfirm')}
      okText={t('confirm')}
      cancelText={t('cancel')}
      onConfirm={() =>
        complete.mutateAsync({ id: s.id, n, version: s.version }).then(
          () => void message.success(t('sv.completed')),
          (e: unknown) => showProblem(e),
        )
      }
    >
      <Button size="small" type="primary" icon={<CheckOutlined aria-hidden />} loading={complete.isPending}>
        {t('sv.complete')}
      </Button>
    </Popconfirm>
  );
}

/** The actions of a session; `only` keeps those of one worker. */
export function SessionActions({ s, only }: { s: SupervisionSession; only?: string }) {
  const { t } = useI18n();
  const actor = useActor();
  const mayComplete = (workerId: string) =>
    actor.id === workerId || actor.id === s.supervisorId || actor.permissions.includes('case.approve');
  const items = s.actions.map((a, n) => ({ a, n })).filter(({ a }) => !only || a.workerId === only);
  if (!items.length) return <Typography.Text type="secondary">{t('sv.noActions')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      rowKey={({ n }) => n}
      renderItem={({ a, n }) => (
        <List.Item
          style={a.overdue ? { background: '#fff1f0' } : undefined}
          extra={!a.doneOn && actor.permissions.includes('case.write') && mayComplete(a.workerId) && <CompleteActionButton s={s} n={n} />}
        >
          <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
            <Typography.Text delete={!!a.doneOn} style={{ whiteSpace: 'pre-wrap' }}>
              {a.text}
            </Typography.Text>
            <Space wrap size={4} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.workerName}
              </Typography.Text>
              {a.doneOn ? (
                <Tag color="green">{t('sv.doneOn', { date: formatDate(a.doneOn) })}</Tag>
              ) : (
                <Typography.Text type={a.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {t('sv.dueOnShort', { date: formatDate(a.dueOn) })}
                </Typography.Text>
              )}
              {a.overdue && <Tag color="red">{t('sv.overdue')}</Tag>}
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}
