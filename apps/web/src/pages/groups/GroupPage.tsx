// 小组: one group: its facts and counts, end or cancel (asked first), the members, the sessions
// with 记录 for each, and satisfaction. A group outside the caller's scope answers 404.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useEditGroup, useGroup, type GroupDetail } from '../../api/groups.ts';
import { useProblem } from '../../api/forms.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupEditForm } from './GroupForm.tsx';
import { MembersCard } from './MembersCard.tsx';
import { SatisfactionCard } from './SatisfactionCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { GroupStatusTag, useGroupRights } from './tags.tsx';

function StatusActions({ g }: { g: GroupDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const edit = useEditGroup(g.id);
  const showProblem = useProblem();
  const [editing, setEditing] = useState(false);
  const to = (status: 'ended' | 'cancelled') =>
    edit.mutateAsync({ version: g.version, status }).then(
      () => message.success(t('saved')),
      (e: unknown) => showProblem(e),
    );
  return (
    <Space wrap>
      <Button onClick={() => setEditing(true)}>{t('edit')}</Button>
      {g.sessionsHeld > 0 ? (
        <Popconfirm title={t('gr.endConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => to('ended')}>
          <Button danger loading={edit.isPending}>
            {t('gr.end')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm title={t('gr.cancelConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => to('cancelled')}>
          <Button danger loading={edit.isPending}>
            {t('gr.cancel')}
          </Button>
        </Popconfirm>
      )}
      {editing && <GroupEditForm group={g} onClose={() => setEditing(false)} />}
    </Space>
  );
}

export function GroupPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = useGroup(id);
  const types = useCodeLabels('group_type');
  const { canWrite } = useGroupRights();
  if (q.isPending) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="404" title="404" subTitle={t('gr.notFound')} />;
  const g = q.data;
  const open = g.status === 'recruiting' || g.status === 'running';
  const writable = canWrite && open;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {g.name}
          </Typography.Title>
          <GroupStatusTag status={g.status} />
        </Space>
        {writable && <StatusActions g={g} />}
      </Space>
      <Row gutter={[16, 16]}>
        {(
          [
            ['gr.col.members', g.memberCount],
            ['gr.col.sessions', `${g.sessionsHeld}/${g.sessionsPlanned}`],
            ['gr.col.personTimes', g.personTimes],
            ['gr.satisfaction', g.satisfaction ?? '—'],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} md={6} key={key}>
            <Card size="small">
              <Statistic title={t(key)} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('gr.facts')} size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('gr.form.goal')}>{g.goal}</Descriptions.Item>
          <Descriptions.Item label={t('gr.col.type')}>{types.labelOf(g.type)}</Descriptions.Item>
          <Descriptions.Item label={t('gr.form.target')}>{g.targetGroup ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('gr.col.worker')}>{g.workerName}</Descriptions.Item>
          <Descriptions.Item label={t('gr.col.area')}>{g.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('gr.col.startsOn')}>
            {formatDate(g.startsOn)}
            {g.endsOn ? ` – ${formatDate(g.endsOn)}` : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <MembersCard g={g} writable={writable} />
            <SatisfactionCard g={g} writable={canWrite && g.status !== 'cancelled' && g.sessionsHeld > 0} />
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <SessionsCard g={g} writable={canWrite && g.status !== 'cancelled'} />
        </Col>
      </Row>
    </Space>
  );
}
