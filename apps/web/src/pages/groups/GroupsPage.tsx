// 小组工作: the groups in scope, server-paged: search by name or goal, type, status, 我的小组,
// area and sort; Excel export of the filtered list. A row opens the group; 新建小组 opens the form.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Checkbox, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { GROUP_STATUSES, type GroupStatus } from '@wushe/core';
import { useGroups, type GroupQuery, type GroupSummary } from '../../api/groups.ts';
import { useCodeLabels } from '../../api/settings.ts';
import { useListState } from '../../api/useListState.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { formatDate } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupForm } from './GroupForm.tsx';
import { GroupStatusTag, useGroupRights } from './tags.tsx';

type Filters = { q?: string; type?: string; status?: GroupStatus; mine?: boolean; area?: string };
const SORTS = ['-startsOn', 'startsOn', 'name'] as const;

export function GroupsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useGroupRights();
  const types = useCodeLabels('group_type');
  const [creating, setCreating] = useState(false);
  const list = useListState<Filters>({}, '-startsOn');
  const { mine, ...rest } = list.filters;
  const query: GroupQuery = {
    ...rest,
    worker: mine ? 'me' : undefined,
    sort: list.query.sort as string,
    page: list.query.page as number,
    pageSize: list.query.pageSize as number,
  };
  const groups = useGroups(query);

  const columns: ListColumn<GroupSummary>[] = [
    {
      title: t('gr.col.name'),
      dataIndex: 'name',
      key: 'name',
      hideable: false,
      render: (name: string, g) => <Link to={`/groups/${g.id}`}>{name}</Link>,
    },
    { title: t('gr.col.type'), dataIndex: 'type', key: 'type', responsive: ['md'], render: (v: string) => types.labelOf(v) },
    { title: t('gr.col.status'), dataIndex: 'status', key: 'status', render: (v: GroupStatus) => <GroupStatusTag status={v} /> },
    { title: t('gr.col.worker'), dataIndex: 'workerName', key: 'workerName', responsive: ['md'] },
    { title: t('gr.col.area'), dataIndex: 'areaName', key: 'areaName', responsive: ['lg'] },
    { title: t('gr.col.startsOn'), dataIndex: 'startsOn', key: 'startsOn', responsive: ['md'], render: (v: string) => formatDate(v) },
    { title: t('gr.col.members'), dataIndex: 'memberCount', key: 'memberCount', responsive: ['sm'] },
    {
      title: t('gr.col.sessions'),
      key: 'sessions',
      render: (_, g) => `${g.sessionsHeld}/${g.sessionsPlanned}`,
    },
    { title: t('gr.col.personTimes'), dataIndex: 'personTimes', key: 'personTimes', responsive: ['sm'] },
  ];

  const newButton = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
      {t('gr.new')}
    </Button>
  );

  return (
    <>
      <ListPage<GroupSummary, Filters>
        id="groups"
        title={t('menu.groups')}
        rowKey="id"
        columns={columns}
        data={groups}
        list={list}
        search={{ placeholder: t('gr.search'), width: 240 }}
        exportTo={{
          path: '/groups/export',
          filename: '小组.xlsx',
          direct: true,
          query: { ...query, page: undefined, pageSize: undefined },
        }}
        actions={newButton}
        emptyAction={newButton}
        table={{
          onRow: (g) => ({
            style: { cursor: 'pointer' },
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('a, button')) navigate(`/groups/${g.id}`);
            },
          }),
        }}
        filters={
          <>
            <Select
              aria-label={t('gr.filter.type')}
              placeholder={t('gr.col.type')}
              allowClear
              style={{ width: 140 }}
              value={list.filters.type}
              onChange={(v?: string) => list.setFilter('type', v)}
              options={types.options}
            />
            <Select<GroupStatus>
              aria-label={t('gr.filter.status')}
              placeholder={t('gr.col.status')}
              allowClear
              style={{ width: 120 }}
              value={list.filters.status}
              onChange={(v) => list.setFilter('status', v)}
              options={GROUP_STATUSES.map((s) => ({ value: s, label: t(`group.status.${s}`) }))}
            />
            {canWrite && (
              <Checkbox
                checked={!!list.filters.mine}
                onChange={(e) => list.setFilter('mine', e.target.checked)}
                style={{ alignSelf: 'center' }}
              >
                {t('gr.mine')}
              </Checkbox>
            )}
            <AreaPicker
              aria-label={t('filter.area')}
              placeholder={t('gr.col.area')}
              style={{ width: 200 }}
              value={list.filters.area}
              onChange={(v) => list.setFilter('area', v)}
            />
            <Select
              aria-label={t('gr.sort')}
              style={{ width: 150 }}
              value={(list.query.sort as string | undefined) ?? '-startsOn'}
              onChange={(v: string) => list.setSort(v)}
              options={SORTS.map((s) => ({ value: s, label: t(`gr.sort.${s}`) }))}
            />
          </>
        }
      />
      {creating && <GroupForm onClose={() => setCreating(false)} onCreated={(g) => navigate(`/groups/${g.id}`)} />}
    </>
  );
}
