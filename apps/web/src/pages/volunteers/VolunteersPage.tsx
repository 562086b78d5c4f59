// 志愿者: the register of the scope with search (name, number or an 11-digit mobile), filters
// (status, skill, team, community, how they registered), a 待确认 quick filter with its count,
// server paging and sort, Excel export; a row opens the volunteer. With volunteer.write a
// volunteer is registered in the form drawer.
import { useState } from 'react';
import { Badge, Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { TEAM_ROLE_LABELS, VOLUNTEER_STATUS_LABELS, VOLUNTEER_STATUSES } from '@wushe/core';
import { useCodeLabels } from '../../api/settings.ts';
import { useListState } from '../../api/useListState.ts';
import { useTeams, useVolunteers, type Volunteer } from '../../api/volunteers.ts';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ListPage, type ListColumn } from '../../components/ListPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { hoursText, shanghaiDate, SkillTags, useVolunteerRights, VolunteerStatusTag } from './tags.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';

type Filters = { q?: string; status?: string; skill?: string; teamId?: string; area?: string; source?: string };

export function VolunteersPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useVolunteerRights();
  const skills = useCodeLabels('volunteer_skill');
  const list = useListState<Filters>({}, '-createdAt');
  const data = useVolunteers(list.query);
  const pending = useVolunteers({ status: 'pending', pageSize: 1 });
  const teams = useTeams({ pageSize: 100, status: 'active' });
  const [adding, setAdding] = useState(false);
  const pendingOnly = list.filters.status === 'pending';

  const columns: ListColumn<Volunteer>[] = [
    { title: t('vol.no'), dataIndex: 'volunteerNo', key: 'volunteerNo', sortable: true, responsive: ['sm'] },
    {
      title: t('vol.name'),
      dataIndex: 'name',
      key: 'name',
      sortable: true,
      hideable: false,
      render: (name: string, v) => (
        <Link to={`/volunteers/${v.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('vol.community'), dataIndex: 'areaName', key: 'areaName', responsive: ['md'] },
    { title: t('vol.skills'), dataIndex: 'skills', key: 'skills', responsive: ['md'], render: (s: string[]) => <SkillTags skills={s} /> },
    {
      title: t('vol.teams'),
      dataIndex: 'teams',
      key: 'teams',
      responsive: ['lg'],
      render: (ts: Volunteer['teams']) =>
        ts.length ? ts.map((x) => (x.role === 'leader' ? `${x.name}（${label(TEAM_ROLE_LABELS.leader)}）` : x.name)).join('、') : '—',
    },
    { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Volunteer['status']) => <VolunteerStatusTag status={s} /> },
    {
      title: t('vol.hours'),
      dataIndex: 'creditedMinutes',
      key: 'hours',
      align: 'right',
      sortable: true,
      sortDirections: ['descend', 'ascend'],
      render: (m: number) => hoursText(m),
    },
    {
      title: t('vol.registeredOn'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      responsive: ['lg'],
      sortable: true,
      render: (s: string) => shanghaiDate(s),
    },
  ];

  const create = canWrite && (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
      {t('vol.new')}
    </Button>
  );
  const select = (key: keyof Filters, placeholder: string, options: { value: string; label: string }[], width = 130) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      showSearch={options.length > 8 ? { optionFilterProp: 'label' } : undefined}
      style={{ width }}
      value={list.filters[key]}
      onChange={(v) => list.setFilter(key, v)}
      options={options}
    />
  );

  return (
    <ListPage<Volunteer, Filters>
      id="volunteers"
      title={t('menu.volunteers')}
      rowKey="id"
      columns={columns}
      data={data}
      list={list}
      search={{ placeholder: t('vol.search'), width: 240 }}
      exportTo={{ path: '/volunteers', filename: 'volunteers.xlsx' }}
      actions={
        <>
          <Badge count={pending.data?.total ?? 0} size="small" overflowCount={999}>
            <Button
              type={pendingOnly ? 'primary' : 'default'}
              ghost={pendingOnly}
              aria-pressed={pendingOnly}
              onClick={() => list.setFilter('status', pendingOnly ? undefined : 'pending')}
            >
              {label(VOLUNTEER_STATUS_LABELS.pending)}
            </Button>
          </Badge>
          {create}
        </>
      }
      emptyAction={create}
      table={{ onRow: (v) => ({ onClick: () => navigate(`/volunteers/${v.id}`), style: { cursor: 'pointer' } }) }}
      filters={
        <>
          {select(
            'status',
            t('status'),
            VOLUNTEER_STATUSES.map((s) => ({ value: s, label: label(VOLUNTEER_STATUS_LABELS[s]) })),
            120,
          )}
          {select('skill', t('vol.skill'), skills.options)}
          {select(
            'teamId',
            t('vol.team'),
            (teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
            180,
          )}
          <AreaPicker
            aria-label={t('filter.area')}
            placeholder={t('vol.community')}
            style={{ width: 200 }}
            value={list.filters.area}
            onChange={(v) => list.setFilter('area', v)}
          />
          {select(
            'source',
            t('vol.source'),
            [
              { value: 'station', label: t('vol.source.station') },
              { value: 'self', label: t('vol.source.self') },
            ],
            120,
          )}
        </>
      }
    >
      {adding && <VolunteerForm volunteer={null} onClose={() => setAdding(false)} onSaved={(v) => navigate(`/volunteers/${v.id}`)} />}
    </ListPage>
  );
}
