// 活动详情: the facts, partners and status (held / cancel, each asked first), 二维码签到, the
// sign-up and tick list, the volunteers (posts, sign-ups, hours: volunteer.read), and afterwards the summary, photos and satisfaction.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useActivity, useActivityStatus, type ActivityDetail } from '../../api/activities.ts';
import { useProblem } from '../../api/forms.ts';
import { useActor } from '../../api/session.ts';
import { formatDateTime, formatTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { AfterwardsCard } from './AfterwardsCard.tsx';
import { AttendanceCard } from './AttendanceCard.tsx';
import { SatisfactionCard } from './SatisfactionCard.tsx';
import { StatusTag, useActivityRights } from './tags.tsx';
import { VolunteersCard } from './VolunteersCard.tsx';

export function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const activity = useActivity(id);
  const volunteers = useActor().permissions.includes('volunteer.read');
  if (activity.isPending) return <Spin />;
  if (!activity.data) return <Result status="404" title="404" subTitle={t('notFound')} />;
  const a = activity.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/activities">
        <ArrowLeftOutlined aria-hidden /> {t('act.back')}
      </Link>
      <Facts a={a} />
      <AttendanceCard activity={a} />
      {volunteers && <VolunteersCard activity={a} />}
      {a.status !== 'cancelled' && Date.parse(a.startsAt) <= Date.now() && (
        <>
          <AfterwardsCard activity={a} />
          <SatisfactionCard activity={a} />
        </>
      )}
    </Space>
  );
}

function Facts({ a }: { a: ActivityDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useActivityRights();
  const status = useActivityStatus(a.id);
  const [editing, setEditing] = useState(false);
  const started = Date.parse(a.startsAt) <= Date.now();
  const move = (to: 'held' | 'cancelled') =>
    status.mutate({ version: a.version, to }, { onSuccess: () => message.success(t('saved')), onError: (e) => showProblem(e) });

  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {a.title}
          </Typography.Title>
          <StatusTag status={a.status} />
        </Space>
      }
      extra={
        canWrite &&
        a.status === 'planned' && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('edit')}
          </Button>
        )
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('act.field.time')}>
          {`${formatDateTime(a.startsAt).slice(0, 16)}–${formatTime(a.endsAt)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('act.field.place')}>{a.place}</Descriptions.Item>
        <Descriptions.Item label={t('act.col.organiser')}>{a.organiserName}</Descriptions.Item>
        <Descriptions.Item label={t('act.field.org')}>{a.orgName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('act.field.capacity')}>{a.capacity ?? t('act.unlimited')}</Descriptions.Item>
        <Descriptions.Item label={t('act.field.targetGroup')}>{a.targetGroup ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('act.field.partners')}>
          {a.partners.length ? a.partners.map((p) => <Tag key={p}>{p}</Tag>) : '—'}
        </Descriptions.Item>
        {a.description && <Descriptions.Item label={t('act.field.description')}>{a.description}</Descriptions.Item>}
      </Descriptions>
      {canWrite && a.status === 'planned' && (
        <Space wrap style={{ marginTop: 12 }}>
          <Link to={`/activities/${a.id}/qr`}>
            <Button type="primary" icon={<QrcodeOutlined aria-hidden />}>
              {t('act.qr')}
            </Button>
          </Link>
          {started && (
            <Popconfirm title={t('act.markHeldConfirm')} okText={t('act.markHeld')} cancelText={t('cancel')} onConfirm={() => move('held')}>
              <Button loading={status.isPending}>{t('act.markHeld')}</Button>
            </Popconfirm>
          )}
          {a.present === 0 && (
            <Popconfirm
              title={t('act.cancelConfirm')}
              okText={t('act.cancel')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => move('cancelled')}
            >
              <Button danger>{t('act.cancel')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {editing && <ActivityForm activity={a} onClose={() => setEditing(false)} />}
    </Card>
  );
}
