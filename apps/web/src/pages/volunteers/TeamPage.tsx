// One team (志愿服务队): its facts, rename or disband; the members with their roles (队长 or 队员),
// adding a volunteer found by name, number or mobile, and taking one off (asked first).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Grid, Popconfirm, Result, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { TEAM_ROLE_LABELS, TEAM_ROLES, type TeamDetail } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useRemoveTeamMember, useSaveTeam, useSetTeamMember, useTeam } from '../../api/volunteers.ts';
import { useI18n } from '../../i18n/index.tsx';
import { TeamStatusTag, useVolunteerRights } from './tags.tsx';
import { TeamForm } from './TeamForm.tsx';
import { VolunteerPicker } from './VolunteerPicker.tsx';

type Member = TeamDetail['memberList'][number];
type Role = (typeof TEAM_ROLES)[number];

export function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useTeam(id);
  if (q.isPending) return <Skeleton active />;
  if (!q.data) return <Result status="404" title="404" subTitle={q.error?.message ?? t('notFound')} />;
  return <TeamView team={q.data} />;
}

function TeamView({ team }: { team: TeamDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useVolunteerRights();
  const save = useSaveTeam(team);
  const setMember = useSetTeamMember(team.id);
  const remove = useRemoveTeamMember(team.id);
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string>();
  const [role, setRole] = useState<Role>('member');
  const open = canWrite && team.status === 'active';
  const narrow = !Grid.useBreakpoint().md;
  const done = () => void message.success(t('saved'));
  const roleOptions = TEAM_ROLES.map((r) => ({ value: r, label: label(TEAM_ROLE_LABELS[r]) }));

  const setStatus = (status: 'active' | 'disbanded') =>
    save.mutate({ status, version: team.version }, { onSuccess: done, onError: (e) => showProblem(e) });
  const add = () =>
    picked &&
    setMember.mutate(
      { volunteerId: picked, role },
      {
        onSuccess: () => {
          done();
          setPicked(undefined);
          setRole('member');
        },
        onError: (e) => showProblem(e),
      },
    );

  const columns = [
    { title: t('vol.no'), dataIndex: 'volunteerNo', key: 'volunteerNo', responsive: ['sm' as const] },
    {
      title: t('vol.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, m: Member) => <Link to={`/volunteers/${m.volunteerId}`}>{name}</Link>,
    },
    {
      title: t('vol.role'),
      dataIndex: 'role',
      key: 'role',
      render: (r: Role, m: Member) =>
        open ? (
          <Select<Role>
            size="small"
            aria-label={`${t('vol.role')} ${m.name}`}
            value={r}
            style={{ width: 90 }}
            options={roleOptions}
            onChange={(next) =>
              setMember.mutate({ volunteerId: m.volunteerId, role: next }, { onSuccess: done, onError: (e) => showProblem(e) })
            }
          />
        ) : (
          <Tag color={r === 'leader' ? 'blue' : undefined}>{label(TEAM_ROLE_LABELS[r])}</Tag>
        ),
    },
    { title: t('vol.joinedOn'), dataIndex: 'joinedOn', key: 'joinedOn', responsive: ['md' as const] },
    ...(open
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, m: Member) => (
              <Popconfirm
                title={t('vol.removeMemberConfirm', { name: m.name })}
                okText={t('vol.removeMember')}
                okButtonProps={{ danger: true }}
                cancelText={t('cancel')}
                onConfirm={() => remove.mutateAsync(m.volunteerId).then(done, (e: Error) => showProblem(e))}
              >
                <Button type="link" size="small" danger>
                  {t('vol.removeMember')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const teamActions = canWrite && (
    <Space wrap>
      {team.status === 'active' && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}
      {team.status === 'active' ? (
        <Popconfirm
          title={t('vol.disbandConfirm', { name: team.name })}
          okText={t('vol.disband')}
          okButtonProps={{ danger: true }}
          cancelText={t('cancel')}
          onConfirm={() => setStatus('disbanded')}
        >
          <Button danger>{t('vol.disband')}</Button>
        </Popconfirm>
      ) : (
        <Button onClick={() => setStatus('active')}>{t('vol.reactivate')}</Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/teams">
        <ArrowLeftOutlined aria-hidden /> {t('vol.teamsBack')}
      </Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {team.name}
            </Typography.Title>
            <TeamStatusTag status={team.status} />
          </Space>
        }
        extra={!narrow && teamActions}
      >
        {narrow && teamActions && <div style={{ marginBottom: 12 }}>{teamActions}</div>}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('vol.teamArea')}>{team.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('vol.leaders')}>{team.leaders.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('vol.members')}>{team.members}</Descriptions.Item>
          {team.description && <Descriptions.Item label={t('vol.teamDescription')}>{team.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('vol.memberList')}>
        {open && (
          <Flex wrap gap={8} style={{ marginBottom: 16 }}>
            <VolunteerPicker
              aria-label={t('vol.addMemberPicker')}
              value={picked}
              onChange={(v) => setPicked(v)}
              exclude={team.memberList.map((m) => m.volunteerId)}
              style={{ width: 320, maxWidth: '100%' }}
            />
            <Select<Role> aria-label={t('vol.role')} value={role} onChange={setRole} options={roleOptions} style={{ width: 100 }} />
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} disabled={!picked} loading={setMember.isPending} onClick={add}>
              {t('vol.addMember')}
            </Button>
          </Flex>
        )}
        <Table<Member>
          rowKey="volunteerId"
          size="small"
          pagination={team.memberList.length > 20 ? { pageSize: 20 } : false}
          columns={columns}
          dataSource={team.memberList}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('vol.noMembers') }}
        />
      </Card>
      {editing && <TeamForm team={team} onClose={() => setEditing(false)} />}
    </Space>
  );
}
