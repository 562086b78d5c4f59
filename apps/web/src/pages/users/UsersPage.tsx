import { useState } from 'react';
import { App, Button, Card, Dropdown, Flex, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { USER_STATUSES, type User } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useRoles } from '../../api/roles.ts';
import { useUserAction, useUsers } from '../../api/users.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../fmt.ts';
import { OrgSelect } from './OrgSelect.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserForm } from './UserForm.tsx';

type Filters = { q?: string; roleId?: string; orgId?: string; area?: string; status?: string };

const STATUS_COLOR: Record<string, string> = { active: 'green', locked: 'orange', disabled: 'default' };

export function UsersPage() {
  const { t, named } = useI18n();
  const actor = useActor();
  const { modal, message } = App.useApp();
  const canWrite = actor.permissions.includes('user.write');
  const list = useListState<Filters>({}, 'username');
  const users = useUsers(list.query);
  const roles = useRoles(actor.permissions.includes('role.read'));
  const showProblem = useProblem();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const act = useUserAction();

  const run = (user: User, op: 'lock' | 'unlock' | 'disable' | 'enable') => {
    const go = () =>
      act.mutateAsync({ user, op }).then(
        () => void message.success(t('saved')),
        (e) => showProblem(e, undefined, () => void users.refetch()),
      );
    if (op === 'lock' || op === 'disable') {
      modal.confirm({
        title: t(op === 'lock' ? 'users.confirmLock' : 'users.confirmDisable', { name: `${user.displayName}（${user.username}）` }),
        okText: t(op === 'lock' ? 'users.lock' : 'users.disable'),
        okButtonProps: { danger: true },
        cancelText: t('cancel'),
        onOk: go,
      });
    } else void go();
  };

  const roleName = (u: User) => {
    const r = roles.data?.items.find((x) => x.id === u.roleId);
    return r ? named(r) : u.roleName;
  };

  const columns: TableColumnsType<User> = [
    { title: t('username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: list.sortOrder('username') },
    { title: t('displayName'), dataIndex: 'displayName' },
    { title: t('role'), key: 'role', render: (_, u) => roleName(u) },
    { title: t('org'), dataIndex: 'orgName', responsive: ['md'] },
    { title: t('area'), dataIndex: 'areaName', responsive: ['md'] },
    { title: t('phone'), dataIndex: 'phone', responsive: ['lg'] },
    {
      title: t('status'),
      dataIndex: 'status',
      render: (s: User['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
    },
    {
      title: t('lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: list.sortOrder('lastLoginAt'),
      responsive: ['lg'],
      render: (s: string | null) => formatDateTime(s),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('actions'),
      key: 'actions',
      render: (_, u) => {
        const self = u.id === actor.id;
        const more = [
          { key: 'reset', label: t('users.resetPassword'), disabled: self },
          u.status === 'locked'
            ? { key: 'unlock', label: t('users.unlock') }
            : { key: 'lock', label: t('users.lock'), disabled: self || u.status === 'disabled', danger: true },
          u.status === 'disabled'
            ? { key: 'enable', label: t('users.enable') }
            : { key: 'disable', label: t('users.disable'), disabled: self, danger: true },
        ];
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              {t('edit')}
            </Button>
            <Dropdown
              menu={{
                items: more,
                onClick: ({ key }) => (key === 'reset' ? setResetting(u) : run(u, key as 'lock' | 'unlock' | 'disable' | 'enable')),
              }}
            >
              <Button type="link" size="small" aria-label={`${t('more')} ${u.username}`}>
                {t('more')} <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    });
  }

  return (
    <Card title={t('menu.users')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('searchBy', { what: `${t('username')} / ${t('displayName')}` })}
          allowClear
          onSearch={(v) => list.setFilter('q', v || undefined)}
          style={{ width: 220 }}
        />
        {roles.data && (
          <Select
            aria-label={t('filter.role')}
            placeholder={t('role')}
            allowClear
            style={{ width: 160 }}
            value={list.filters.roleId}
            onChange={(v) => list.setFilter('roleId', v)}
            options={roles.data.items.map((r) => ({ value: r.id, label: named(r) }))}
          />
        )}
        <OrgSelect
          aria-label={t('filter.org')}
          placeholder={t('org')}
          style={{ width: 200 }}
          value={list.filters.orgId}
          onChange={(v) => list.setFilter('orgId', v ?? undefined)}
        />
        <AreaPicker
          aria-label={t('filter.area')}
          placeholder={t('area')}
          style={{ width: 200 }}
          value={list.filters.area}
          onChange={(v) => list.setFilter('area', v)}
        />
        <Select
          aria-label={t('filter.status')}
          placeholder={t('status')}
          allowClear
          style={{ width: 120 }}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={USER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          <ExportButton path="/users" query={list.query} filename="users.xlsx" />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('users.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={list.pagination(users.data?.total)}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
      />
      {editing && <UserForm user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
