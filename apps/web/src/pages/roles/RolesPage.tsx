import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PERMISSION_LABELS, type Role } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useDeleteRole, useRoles } from '../../api/roles.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { RoleForm } from './RoleForm.tsx';

export function RolesPage() {
  const { t, label, named } = useI18n();
  const actor = useActor();
  const { message } = App.useApp();
  const canWrite = actor.permissions.includes('role.write');
  const roles = useRoles();
  const showProblem = useProblem();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const remove = useDeleteRole();

  const columns: ListColumn<Role>[] = [
    { title: t('code'), dataIndex: 'code', key: 'code' },
    { title: t('name'), key: 'name', hideable: false, render: (_, r) => named(r) },
    {
      title: t('permissions'),
      dataIndex: 'permissions',
      key: 'permissions',
      responsive: ['md'],
      render: (ps: Role['permissions']) => (
        <Space size={[0, 4]} wrap>
          {ps.map((p) => (
            <Tag key={p}>{label(PERMISSION_LABELS[p])}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('requireTotp'), dataIndex: 'requireTotp', key: 'requireTotp', render: (v: boolean) => (v ? t('yes') : t('no')) },
    { title: t('userCount'), dataIndex: 'userCount', key: 'userCount' },
    {
      title: t('builtin'),
      dataIndex: 'builtin',
      key: 'builtin',
      render: (v: boolean) => (v ? <Tag color="blue">{t('builtin')}</Tag> : null),
    },
    {
      title: t('actions'),
      key: 'actions',
      hideable: false,
      render: (_, r) =>
        canWrite && !r.builtin ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(r)}>
              {t('edit')}
            </Button>
            <Popconfirm
              title={t('roles.confirmDelete', { name: named(r) })}
              okText={t('delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() =>
                remove.mutateAsync(r.id).then(
                  () => void message.success(t('saved')),
                  (e) => showProblem(e),
                )
              }
            >
              <Button type="link" size="small" danger>
                {t('delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Button type="link" size="small" onClick={() => setEditing(r)}>
            {t('roles.view')}
          </Button>
        ),
    },
  ];

  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
      {t('roles.new')}
    </Button>
  );

  // Roles are few and come whole: no paging, search or export.
  return (
    <ListPage<Role, Record<string, never>>
      id="roles"
      title={t('menu.roles')}
      rowKey="id"
      columns={columns}
      data={roles}
      actions={create}
      emptyAction={create}
    >
      {editing && (
        <RoleForm
          role={editing === 'new' ? null : editing}
          readOnly={!canWrite || (editing !== 'new' && editing.builtin)}
          onClose={() => setEditing(null)}
        />
      )}
    </ListPage>
  );
}
