import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PERMISSION_LABELS, type Role } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useDeleteRole, useRoles } from '../../api/roles.ts';
import { useActor } from '../../api/session.ts';
import { useI18n } from '../../i18n/index.tsx';
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

  const columns: TableColumnsType<Role> = [
    { title: t('code'), dataIndex: 'code' },
    { title: t('name'), key: 'name', render: (_, r) => named(r) },
    {
      title: t('permissions'),
      dataIndex: 'permissions',
      responsive: ['md'],
      render: (ps: Role['permissions']) => (
        <Space size={[0, 4]} wrap>
          {ps.map((p) => (
            <Tag key={p}>{label(PERMISSION_LABELS[p])}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('requireTotp'), dataIndex: 'requireTotp', render: (v: boolean) => (v ? t('yes') : t('no')) },
    { title: t('userCount'), dataIndex: 'userCount' },
    { title: t('builtin'), dataIndex: 'builtin', render: (v: boolean) => (v ? <Tag color="blue">{t('builtin')}</Tag> : null) },
    {
      title: t('actions'),
      key: 'actions',
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

  return (
    <Card
      title={t('menu.roles')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('roles.new')}
          </Button>
        )
      }
    >
      <Table<Role>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roles.data?.items}
        loading={roles.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        footer={() => t('total', { n: roles.data?.total ?? 0 })}
      />
      {editing && (
        <RoleForm
          role={editing === 'new' ? null : editing}
          readOnly={!canWrite || (editing !== 'new' && editing.builtin)}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
