import { useState } from 'react';
import { App, Button, Dropdown, Select, Space, Tag } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { USER_STATUSES, type User } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useRoles } from '../../api/roles.ts';
import { useUserAction, useUsers } from '../../api/users.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
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

  const columns: ListColumn<User>[] = [
    { title: t('username'), dataIndex: 'username', key: 'username', sortable: true, hideable: false },
    { title: t('displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('role'), key: 'role', render: (_, u) => roleName(u) },
    { title: t('org'), dataIndex: 'orgName', key: 'orgName', responsive: ['md'] },
    { title: t('area'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    { title: t('phone'), dataIndex: 'phone', key: 'phone', responsive: ['lg'] },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: User['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
    },
    {
      title: t('lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sortable: true,
      responsive: ['lg'],
      render: (s: string | null) => formatDateTime(s),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('actions'),
      key: 'actions',
      hideable: false,
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

  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
      {t('users.new')}
    </Button>
  );

  return (
    <ListPage<User, Filters>
      id="users"
      title={t('menu.users')}
      rowKey="id"
      columns={columns}
      data={users}
      list={list}
      search={{ placeholder: t('searchBy', { what: `${t('username')} / ${t('displayName')}` }) }}
      exportTo={{ path: '/users', filename: 'users.xlsx' }}
      actions={create}
      emptyAction={create}
      filters={
        <>
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
        </>
      }
    >
      {editing && <UserForm user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </ListPage>
  );
}
