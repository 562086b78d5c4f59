// 服务队: the volunteer teams of the scope with their member counts and leaders, search by name,
// area and status filters; with volunteer.write a team is created in the form drawer.
import { useState } from 'react';
import { Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useListState } from '../../api/useListState.ts';
import { useTeams, type Team } from '../../api/volunteers.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { TeamStatusTag, useVolunteerRights } from './tags.tsx';
import { TeamForm } from './TeamForm.tsx';

type Filters = { q?: string; area?: string; status?: string };

export function TeamsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useVolunteerRights();
  const list = useListState<Filters>({ status: 'active' });
  const data = useTeams(list.query);
  const [adding, setAdding] = useState(false);

  const columns: ListColumn<Team>[] = [
    {
      title: t('vol.teamName'),
      dataIndex: 'name',
      key: 'name',
      hideable: false,
      render: (name: string, x) => (
        <Link to={`/teams/${x.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('vol.teamArea'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    { title: t('vol.members'), dataIndex: 'members', key: 'members', align: 'right' },
    { title: t('vol.leaders'), dataIndex: 'leaders', key: 'leaders', render: (ls: string[]) => (ls.length ? ls.join('、') : '—') },
    { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Team['status']) => <TeamStatusTag status={s} /> },
  ];
  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('vol.teamNew')}
    </Button>
  );
  return (
    <ListPage<Team, Filters>
      id="teams"
      title={t('menu.teams')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('vol.teamSearch') }}
      actions={create}
      emptyAction={create}
      table={{ onRow: (x) => ({ onClick: () => navigate(`/teams/${x.id}`), style: { cursor: 'pointer' } }) }}
      filters={
        <>
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('vol.teamArea')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          <Select
            aria-label={t('filter.status')}
            style={{ width: 110 }}
            value={list.filters.status ?? 'all'}
            onChange={(v) => list.setFilter('status', v === 'all' ? undefined : v)}
            options={[
              { value: 'active', label: t('vol.teamActive') },
              { value: 'disbanded', label: t('vol.teamDisbanded') },
              { value: 'all', label: t('all') },
            ]}
          />
        </>
      }
    >
      {adding && <TeamForm team={null} onClose={() => setAdding(false)} onSaved={(x) => navigate(`/teams/${x.id}`)} />}
    </ListPage>
  );
}
