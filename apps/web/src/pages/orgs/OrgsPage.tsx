import { useState } from 'react';
import { App, Button, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ORG_KIND_LABELS, ORG_KINDS, type Org } from '@wushe/core';
import { useProblem } from '../../api/forms.ts';
import { useOrgs, useSetOrgActive } from '../../api/orgs.ts';
import { useActor } from '../../api/session.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../fmt.ts';
import { OrgForm } from './OrgForm.tsx';

type Filters = { q?: string; kind?: string; area?: string; active?: string };

export function OrgsPage() {
  const { t, label } = useI18n();
  const actor = useActor();
  const { modal, message } = App.useApp();
  const canWrite = actor.permissions.includes('org.write');
  const list = useListState<Filters>({ active: 'true' }, 'areaCode');
  const orgs = useOrgs(list.query);
  const showProblem = useProblem();
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const patch = useSetOrgActive();

  const setActive = (org: Org, active: boolean) => {
    const run = () =>
      patch.mutateAsync({ id: org.id, active, version: org.version }).then(
        () => void message.success(t('saved')),
        (e) => showProblem(e, undefined, () => void orgs.refetch()),
      );
    if (active) return void run();
    modal.confirm({
      title: t('orgs.confirmDeactivate', { name: org.name }),
      okText: t('deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: run,
    });
  };

  const columns: ListColumn<Org>[] = [
    { title: t('name'), dataIndex: 'name', key: 'name', sortable: true, hideable: false },
    { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (k: Org['kind']) => label(ORG_KIND_LABELS[k]) },
    { title: t('area'), dataIndex: 'areaName', key: 'areaCode', sortable: true },
    { title: t('contactName'), dataIndex: 'contactName', key: 'contactName', responsive: ['md'] },
    { title: t('contactPhone'), dataIndex: 'contactPhone', key: 'contactPhone', responsive: ['lg'] },
    {
      title: t('status'),
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) => (a ? <Tag color="green">{t('org.active')}</Tag> : <Tag>{t('org.inactive')}</Tag>),
    },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sortable: true,
      responsive: ['lg'],
      render: (s: string) => formatDate(s),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('actions'),
      key: 'actions',
      hideable: false,
      render: (_, org) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(org)}>
            {t('edit')}
          </Button>
          {org.active ? (
            <Button type="link" size="small" danger onClick={() => setActive(org, false)}>
              {t('deactivate')}
            </Button>
          ) : (
            <Button type="link" size="small" onClick={() => setActive(org, true)}>
              {t('activate')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
      {t('orgs.new')}
    </Button>
  );

  return (
    <ListPage<Org, Filters>
      id="orgs"
      title={t('menu.orgs')}
      rowKey="id"
      columns={columns}
      data={orgs}
      list={list}
      search={{ placeholder: t('searchBy', { what: t('name') }) }}
      exportTo={{ path: '/orgs', filename: 'orgs.xlsx' }}
      actions={create}
      emptyAction={create}
      filters={
        <>
          <Select
            aria-label={t('filter.kind')}
            placeholder={t('kind')}
            allowClear
            style={{ width: 180 }}
            value={list.filters.kind}
            onChange={(v) => list.setFilter('kind', v)}
            options={ORG_KINDS.map((k) => ({ value: k, label: label(ORG_KIND_LABELS[k]) }))}
          />
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('area')}
            style={{ width: 220 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          <Select
            aria-label={t('filter.status')}
            style={{ width: 120 }}
            value={list.filters.active ?? ''}
            onChange={(v) => list.setFilter('active', v || undefined)}
            options={[
              { value: '', label: t('all') },
              { value: 'true', label: t('org.active') },
              { value: 'false', label: t('org.inactive') },
            ]}
          />
        </>
      }
    >
      {editing && <OrgForm org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
