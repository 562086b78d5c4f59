// 志愿者 on an activity's page (volunteer.read): the posts recruiting volunteers (skills, accepted
// of the places, open or closed; add, edit, close, reopen), the sign-ups with accept/decline,
// adding a volunteer of the register and checking them in and out, the hours records with the
// organiser's decisions, and the volunteers' rotating QR code.
import { useState } from 'react';
import { App, Badge, Button, Card, Flex, Grid, Popconfirm, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { ActivityDetail } from '../../api/activities.ts';
import { useProblem } from '../../api/forms.ts';
import { useActivityVolunteers, useSavePost, type VolunteerPost } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SkillTags, useVolunteerRights } from '../volunteers/tags.tsx';
import { VolunteerHours } from './VolunteerHours.tsx';
import { VolunteerPostForm } from './VolunteerPostForm.tsx';
import { VolunteerQrModal } from './VolunteerQrModal.tsx';
import { VolunteerSignups } from './VolunteerSignups.tsx';
import { serviceWindow } from './volunteerWindow.ts';

export function VolunteersCard({ activity }: { activity: ActivityDetail }) {
  const { t } = useI18n();
  const { canWrite } = useVolunteerRights();
  const q = useActivityVolunteers(activity.id);
  const [editing, setEditing] = useState<VolunteerPost | 'new' | null>(null);
  const [qr, setQr] = useState(false);
  const win = serviceWindow(activity);
  const narrow = !Grid.useBreakpoint().md;
  const data = q.data;
  const applied = data?.signups.filter((s) => s.status === 'applied').length ?? 0;
  const pendingHours = data?.hours.filter((h) => h.status === 'pending').length ?? 0;

  return (
    <Card
      title={t('vol.card')}
      styles={narrow ? { body: { padding: 12 } } : undefined}
      extra={
        canWrite && (
          <Space wrap>
            {win.checkout && (
              <Button icon={<QrcodeOutlined aria-hidden />} onClick={() => setQr(true)}>
                {t('vol.qr')}
              </Button>
            )}
            {win.recruiting && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                {t('vol.postNew')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {q.isError && <Typography.Text type="danger">{q.error.message}</Typography.Text>}
      <Tabs
        tabBarGutter={narrow ? 16 : undefined}
        items={[
          {
            key: 'posts',
            label: t('vol.tabPosts', { n: data?.posts.length ?? 0 }),
            children: (
              <Posts
                activityId={activity.id}
                posts={data?.posts ?? []}
                loading={q.isPending}
                editable={canWrite && win.recruiting}
                onEdit={setEditing}
              />
            ),
          },
          {
            key: 'signups',
            label: (
              <Badge count={applied} size="small" offset={[8, -2]}>
                {t('vol.tabSignups', { n: data?.signups.length ?? 0 })}
              </Badge>
            ),
            children: data && <VolunteerSignups activity={activity} data={data} />,
          },
          {
            key: 'hours',
            label: (
              <Badge count={pendingHours} size="small" offset={[8, -2]}>
                {t('vol.tabHours', { n: data?.hours.length ?? 0 })}
              </Badge>
            ),
            children: data && <VolunteerHours activity={activity} data={data} />,
          },
        ]}
      />
      {editing && <VolunteerPostForm activityId={activity.id} post={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {qr && <VolunteerQrModal activityId={activity.id} title={activity.title} onClose={() => setQr(false)} />}
    </Card>
  );
}

function Posts({
  activityId,
  posts,
  loading,
  editable,
  onEdit,
}: {
  activityId: string;
  posts: VolunteerPost[];
  loading: boolean;
  /** Posts are edited, closed and reopened until the activity ends. */
  editable: boolean;
  onEdit: (p: VolunteerPost) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const save = useSavePost(activityId);
  const setStatus = (p: VolunteerPost, status: 'open' | 'closed') =>
    save.mutate(
      { postId: p.id, body: { status, version: p.version } },
      { onSuccess: () => void message.success(t('saved')), onError: (e) => showProblem(e) },
    );

  return (
    <Table<VolunteerPost>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={posts}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('vol.noPosts') }}
      columns={[
        {
          title: t('vol.postTitle'),
          dataIndex: 'title',
          key: 'title',
          render: (title: string, p) => (
            <Flex vertical>
              <Typography.Text strong>{title}</Typography.Text>
              {p.duty && (
                <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 280 }} ellipsis={{ tooltip: p.duty }}>
                  {p.duty}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        { title: t('vol.postSkills'), dataIndex: 'skills', key: 'skills', render: (s: string[]) => <SkillTags skills={s} /> },
        {
          title: t('vol.postAccepted'),
          key: 'accepted',
          render: (_, p) => (
            <Flex vertical style={{ minWidth: 120 }}>
              <Typography.Text>
                {t('vol.acceptedOf', { accepted: p.accepted, slots: p.slots })}
                {p.applied > 0 && <Typography.Text type="warning">{t('vol.appliedN', { n: p.applied })}</Typography.Text>}
              </Typography.Text>
              <Progress
                percent={Math.round((100 * p.accepted) / p.slots)}
                showInfo={false}
                size="small"
                status={p.accepted >= p.slots ? 'success' : 'normal'}
                aria-label={t('vol.acceptedOf', { accepted: p.accepted, slots: p.slots })}
              />
            </Flex>
          ),
        },
        {
          title: t('status'),
          dataIndex: 'status',
          key: 'status',
          render: (s: VolunteerPost['status']) =>
            s === 'open' ? <Tag color="blue">{t('vol.postOpen')}</Tag> : <Tag>{t('vol.postClosed')}</Tag>,
        },
        ...(editable
          ? [
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, p: VolunteerPost) => (
                  <Space size={0} wrap>
                    <Button type="link" size="small" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(p)}>
                      {t('edit')}
                    </Button>
                    {p.status === 'open' ? (
                      <Popconfirm
                        title={t('vol.postCloseConfirm', { title: p.title })}
                        okText={t('vol.postClose')}
                        cancelText={t('cancel')}
                        onConfirm={() => setStatus(p, 'closed')}
                      >
                        <Button type="link" size="small" danger>
                          {t('vol.postClose')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button type="link" size="small" onClick={() => setStatus(p, 'open')}>
                        {t('vol.postReopen')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
