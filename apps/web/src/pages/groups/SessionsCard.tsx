// 小组节次: the sessions in order with their state and who came; 记录 opens the record drawer
// (members ticked, guests by name, content, evaluation); a planned session can be cancelled
// (asked first). Recording again replaces the marks.
import { useState } from 'react';
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useChangeSession, useGroupSessions, type GroupDetail, type GroupSession } from '../../api/groups.ts';
import { useProblem } from '../../api/forms.ts';
import { formatDate, formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RecordDrawer } from './RecordDrawer.tsx';

const COLORS = { planned: 'blue', held: 'green', cancelled: 'default' } as const;

export function SessionsCard({ g, writable }: { g: GroupDetail; writable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sessions = useGroupSessions(g.id);
  const change = useChangeSession(g.id);
  const showProblem = useProblem();
  const [recording, setRecording] = useState<GroupSession | null>(null);
  const now = Date.now();
  return (
    <Card size="small" title={t('gr.sessions')}>
      <List
        loading={sessions.isPending}
        dataSource={sessions.data?.items ?? []}
        renderItem={(s) => {
          const started = Date.parse(s.startsAt) <= now;
          const actions = [];
          if (writable && s.status !== 'cancelled' && started)
            actions.push(
              <Button key="record" size="small" type={s.status === 'held' ? 'link' : 'primary'} onClick={() => setRecording(s)}>
                {t('gr.record')}
              </Button>,
            );
          if (writable && s.status === 'planned' && g.status !== 'ended')
            actions.push(
              <Popconfirm
                key="cancel"
                title={t('gr.cancelSessionConfirm')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() =>
                  change.mutateAsync({ sid: s.id, version: s.version, status: 'cancelled' }).then(
                    () => message.success(t('saved')),
                    (e: unknown) => showProblem(e),
                  )
                }
              >
                <Button size="small" type="link" danger>
                  {t('gr.cancelSession')}
                </Button>
              </Popconfirm>,
            );
          return (
            <List.Item actions={actions} style={{ flexWrap: 'wrap' }}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{s.theme}</span>
                    <Tag color={COLORS[s.status]}>{t(`gr.session.${s.status}`)}</Tag>
                    {s.status === 'held' && <Tag>{t('gr.presentCount', { n: s.present })}</Tag>}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    <span>
                      {formatDate(s.startsAt)} {formatTime(s.startsAt)}–{formatTime(s.endsAt)}
                      {s.place ? ` · ${s.place}` : ''}
                    </span>
                    {s.content && <Typography.Text>{s.content}</Typography.Text>}
                    {s.evaluation && <Typography.Text type="secondary">{s.evaluation}</Typography.Text>}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {recording && <RecordDrawer g={g} session={recording} onClose={() => setRecording(null)} />}
    </Card>
  );
}
