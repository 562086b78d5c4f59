// An activity's volunteer sign-ups: accept or decline those who applied, put a volunteer of the
// register on a post (accepted at once), and check accepted volunteers in and out by hand.
import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ActivityDetail } from '../../api/activities.ts';
import { useProblem } from '../../api/forms.ts';
import { useAddToPost, useDecideSignup, useStationCheckin, type ActivityVolunteers, type VolunteerSignup } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { shanghaiTime, SignupStatusTag, useVolunteerRights } from '../volunteers/tags.tsx';
import { VolunteerPicker } from '../volunteers/VolunteerPicker.tsx';
import { serviceWindow } from './volunteerWindow.ts';

const SOURCE_KEYS = {
  self: 'vol.signupSource.self',
  station: 'vol.signupSource.station',
  mobilisation: 'vol.signupSource.mobilisation',
} as const;

export function VolunteerSignups({ activity, data }: { activity: ActivityDetail; data: ActivityVolunteers }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useVolunteerRights();
  const decide = useDecideSignup(activity.id);
  const tap = useStationCheckin(activity.id);
  const win = serviceWindow(activity);
  const postTitle = new Map(data.posts.map((p) => [p.id, p.title]));
  const recordOf = new Map(data.hours.map((h) => [h.volunteerId, h]));
  const fail = (e: Error) => showProblem(e);

  const decision = (s: VolunteerSignup, d: 'accept' | 'decline') =>
    decide.mutate({ id: s.id, decision: d, version: s.version }, { onSuccess: () => void message.success(t('saved')), onError: fail });
  const checkin = (s: VolunteerSignup, action: 'in' | 'out') =>
    tap.mutate(
      { volunteerId: s.volunteerId, action },
      { onSuccess: () => void message.success(t(action === 'in' ? 'vol.checkedIn' : 'vol.checkedOut', { name: s.name })), onError: fail },
    );

  /** Those who applied: accept or decline. */
  const decisions = (s: VolunteerSignup) =>
    s.status === 'applied' && (
      <Space size={4} wrap>
        <Button size="small" type="primary" loading={decide.isPending} onClick={() => decision(s, 'accept')}>
          {t('vol.accept')}
        </Button>
        <Popconfirm
          title={t('vol.declineConfirm', { name: s.name })}
          okText={t('vol.decline')}
          okButtonProps={{ danger: true }}
          cancelText={t('cancel')}
          onConfirm={() => decision(s, 'decline')}
        >
          <Button size="small" danger>
            {t('vol.decline')}
          </Button>
        </Popconfirm>
      </Space>
    );
  /** The accepted: 签到 / 签退 while the window is open, then the times served. */
  const service = (s: VolunteerSignup) => {
    if (s.status !== 'accepted') return null;
    const h = recordOf.get(s.volunteerId);
    if (!h && win.checkin && canWrite)
      return (
        <Button
          size="small"
          icon={<LoginOutlined aria-hidden />}
          aria-label={`${t('vol.checkin')} ${s.name}`}
          onClick={() => checkin(s, 'in')}
        >
          {t('vol.checkin')}
        </Button>
      );
    if (h?.status === 'open' && win.checkout && canWrite)
      return (
        <Button
          size="small"
          icon={<LogoutOutlined aria-hidden />}
          aria-label={`${t('vol.checkout')} ${s.name}`}
          onClick={() => checkin(s, 'out')}
        >
          {t('vol.checkout')}
        </Button>
      );
    if (h)
      return (
        <Typography.Text type="secondary">
          {shanghaiTime(h.checkinAt)}–{h.checkoutAt ? shanghaiTime(h.checkoutAt) : '…'}
        </Typography.Text>
      );
    return null;
  };

  return (
    <>
      {canWrite && win.recruiting && <AddVolunteer activityId={activity.id} data={data} />}
      <Table<VolunteerSignup>
        rowKey="id"
        size="small"
        dataSource={data.signups}
        pagination={data.signups.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('vol.noSignups') }}
        columns={[
          {
            title: t('vol.name'),
            dataIndex: 'name',
            key: 'name',
            render: (n: string, s) => <Link to={`/volunteers/${s.volunteerId}`}>{n}</Link>,
          },
          { title: t('vol.no'), dataIndex: 'volunteerNo', key: 'volunteerNo', responsive: ['md'] },
          { title: t('vol.post'), dataIndex: 'postId', key: 'postId', render: (id: string) => postTitle.get(id) ?? '—' },
          {
            title: t('status'),
            dataIndex: 'status',
            key: 'status',
            render: (st: VolunteerSignup['status']) => <SignupStatusTag status={st} />,
          },
          {
            title: t('vol.signupSource'),
            dataIndex: 'source',
            key: 'source',
            responsive: ['md'],
            render: (src: VolunteerSignup['source']) => <Tag bordered={false}>{t(SOURCE_KEYS[src])}</Tag>,
          },
          { title: t('vol.checkinOut'), key: 'service', render: (_: unknown, s: VolunteerSignup) => service(s) },
          ...(canWrite && data.signups.some((x) => x.status === 'applied')
            ? [{ title: t('actions'), key: 'actions', render: (_: unknown, x: VolunteerSignup) => decisions(x) }]
            : []),
        ]}
      />
    </>
  );
}

/** A volunteer of the register on an open post: accepted at once (a full or closed post answers 409). */
function AddVolunteer({ activityId, data }: { activityId: string; data: ActivityVolunteers }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const add = useAddToPost(activityId);
  const open = data.posts.filter((p) => p.status === 'open' && p.accepted < p.slots);
  const [postId, setPostId] = useState<string>();
  const [volunteerId, setVolunteerId] = useState<string>();
  const post = postId ?? (open.length === 1 ? open[0]!.id : undefined);
  if (!open.length) return null;
  const submit = () =>
    post &&
    volunteerId &&
    add.mutate(
      { postId: post, volunteerId },
      {
        onSuccess: (s) => {
          message.success(t('vol.added', { name: s.name }));
          setVolunteerId(undefined);
        },
        onError: (e) => showProblem(e),
      },
    );
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Select
        aria-label={t('vol.post')}
        placeholder={t('vol.post')}
        value={post}
        onChange={setPostId}
        style={{ width: 200, maxWidth: '100%' }}
        options={open.map((p) => ({ value: p.id, label: `${p.title}（${p.accepted}/${p.slots}）` }))}
      />
      <VolunteerPicker
        aria-label={t('vol.addVolunteerPicker')}
        value={volunteerId}
        onChange={(id) => setVolunteerId(id)}
        exclude={data.signups.filter((s) => s.status === 'accepted' || s.status === 'applied').map((s) => s.volunteerId)}
        style={{ width: 300, maxWidth: '100%' }}
      />
      <Button icon={<UserAddOutlined aria-hidden />} disabled={!post || !volunteerId} loading={add.isPending} onClick={submit}>
        {t('vol.addVolunteer')}
      </Button>
    </Flex>
  );
}
