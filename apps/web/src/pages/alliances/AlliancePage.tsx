// One alliance: its charter, member bases (joined/left, in which area), joint events and shared
// trainings; the owning scope adds and removes them (removal and leaving asked first).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useProblem } from '../../api/forms.ts';
import { useAlliance, useLeaveAlliance, useRemoveFromAlliance, type Alliance } from '../../api/alliances.ts';
import { useActor } from '../../api/session.ts';
import { businessToday } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { EventForm, MemberForm, TrainingForm } from './AllianceForms.tsx';

type Member = Alliance['memberList'][number];
type Event = Alliance['eventList'][number];
type Shared = Alliance['trainingList'][number];

export function AlliancePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showProblem = useProblem();
  const actor = useActor();
  const found = useAlliance(id);
  const leave = useLeaveAlliance(id);
  const remove = useRemoveFromAlliance(id);
  const [drawer, setDrawer] = useState<'member' | 'event' | 'training' | null>(null);
  const a = found.data;
  if (!a) return null;
  const can = a.own && actor.permissions.includes('alliance.write');
  const ask = (title: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, okButtonProps: { danger: true }, onOk: () => onOk().catch((e) => showProblem(e)) });
  const add = (what: 'member' | 'event' | 'training', key: 'al.addMember' | 'al.addEvent' | 'al.addTraining') =>
    can && (
      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer(what)}>
        {t(key)}
      </Button>
    );
  const removeButton = (what: 'events' | 'trainings', row: Event | Shared) =>
    can && (
      <Button
        size="small"
        danger
        type="link"
        onClick={() => ask(t('al.removeConfirm', { name: row.title }), () => remove.mutateAsync({ what, itemId: row.id }))}
      >
        {t('al.remove')}
      </Button>
    );
  const today = businessToday().format('YYYY-MM-DD');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {a.name}
      </Typography.Title>
      {!a.own && <Alert type="info" showIcon message={t('al.readOnly', { area: a.areaName })} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('al.lead')}>{a.leadName}</Descriptions.Item>
        <Descriptions.Item label={t('al.area')}>{a.areaName}</Descriptions.Item>
        <Descriptions.Item label={t('al.signedOn')}>{a.signedOn}</Descriptions.Item>
        <Descriptions.Item label={t('al.members')}>{a.members}</Descriptions.Item>
        <Descriptions.Item label={t('al.charter')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.charter ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('al.members')} extra={add('member', 'al.addMember')} size="small">
        <Table<Member>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={a.memberList}
          columns={[
            { title: t('al.base'), dataIndex: 'name', key: 'name' },
            { title: t('al.area'), dataIndex: 'areaName', key: 'area' },
            { title: t('al.joinedOn'), dataIndex: 'joinedOn', key: 'joined' },
            {
              title: t('al.leftOn'),
              dataIndex: 'leftOn',
              key: 'left',
              render: (d: string | null, m) =>
                d ? (
                  d
                ) : (
                  <Space>
                    <Tag color="green">{t('al.current')}</Tag>
                    {can && (
                      <Button
                        size="small"
                        type="link"
                        danger
                        onClick={() =>
                          ask(t('al.leaveConfirm', { name: m.name }), () =>
                            leave.mutateAsync({ memberId: m.id, leftOn: today, version: m.version }),
                          )
                        }
                      >
                        {t('al.leave')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('al.events')} extra={add('event', 'al.addEvent')} size="small">
        <Table<Event>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={a.eventList}
          columns={[
            { title: t('al.eventTitle'), dataIndex: 'title', key: 'title' },
            { title: t('al.heldOn'), dataIndex: 'heldOn', key: 'heldOn' },
            { title: t('al.place'), dataIndex: 'place', key: 'place' },
            { title: t('al.host'), dataIndex: 'hostName', key: 'host', render: (s: string | null) => s ?? '—' },
            { title: t('al.participants'), dataIndex: 'participants', key: 'participants' },
            { title: '', key: 'x', render: (_: unknown, e) => removeButton('events', e) },
          ]}
        />
      </Card>
      <Card title={t('al.trainings')} extra={add('training', 'al.addTraining')} size="small">
        <Table<Shared>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={a.trainingList}
          columns={[
            {
              title: t('al.trainingTitle'),
              dataIndex: 'title',
              key: 'title',
              render: (s: string, r) => (
                <Space>
                  {s}
                  <Tag>{t(r.trainingId ? 'al.linked' : 'al.outside')}</Tag>
                </Space>
              ),
            },
            { title: t('al.heldOn'), dataIndex: 'heldOn', key: 'heldOn', render: (s: string | null) => s ?? '—' },
            { title: t('al.host'), dataIndex: 'hostName', key: 'host', render: (s: string | null) => s ?? '—' },
            { title: '', key: 'x', render: (_: unknown, r) => removeButton('trainings', r) },
          ]}
        />
      </Card>
      {drawer === 'member' && <MemberForm alliance={a} onClose={() => setDrawer(null)} />}
      {drawer === 'event' && <EventForm alliance={a} onClose={() => setDrawer(null)} />}
      {drawer === 'training' && <TrainingForm alliance={a} onClose={() => setDrawer(null)} />}
    </Space>
  );
}
